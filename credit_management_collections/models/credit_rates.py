# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.credit_management.models.account_move_line import CUSTOMER_INVOICE_TYPES

# A communication is successful when a payment follows it within this many days (催收成功率).
SUCCESS_WINDOW_DAYS = 30


class CreditRates(models.AbstractModel):
    """The collections' components of the one home of the rates: bad-debt rate (坏账率),
    collection rate and collection success rate (催收成功率), and the grouping by collector."""

    _inherit = "credit.rates"

    @api.model
    def _credit_rate_amount_keys(self):
        return (
            *super()._credit_rate_amount_keys(),
            "amount_written_off",  # posted bad-debt write-offs dated in the period
            "amount_collected",  # payments on customer invoices in the period
            "amount_due",  # open at date_from and overdue then + falling due in the period
            "communications_done",  # follow-up communications done in the period
            "communications_successful",  # ... followed by a payment within 30 days
        )

    @api.model
    def _credit_rate_derive(self, values):
        values = super()._credit_rate_derive(values)
        values["bad_debt_rate"] = self._credit_ratio(
            values["amount_written_off"], values["amount_invoiced"]
        )
        values["collection_rate"] = self._credit_ratio(
            values["amount_collected"], values["amount_due"]
        )
        values["success_rate"] = self._credit_ratio(
            values["communications_successful"], values["communications_done"]
        )
        return values

    @api.model
    def _credit_rates(self, date_from, date_to, groupby="partner", partner_ids=None, **options):
        """``groupby="collector"`` with ``collector_ids``: the customers these users collect (all
        their amounts) and the communications these users did."""
        if groupby == "collector" and partner_ids is None:
            partner_ids = list(self._credit_partners_of_collectors(options.get("collector_ids")))
        return super()._credit_rates(date_from, date_to, groupby, partner_ids, **options)

    @api.model
    def _credit_partners_of_collectors(self, collector_ids):
        """{commercial partner id: collector id} of the customers these users collect."""
        partners = (
            self.env["res.partner"]
            .with_company(self.env.company)
            .with_context(active_test=False)
            .search_fetch(
                [("credit_collector_id", "in", list(collector_ids or ()))],
                ["credit_collector_id", "commercial_partner_id"],
            )
        )
        return {
            partner.id: partner.credit_collector_id.id
            for partner in partners
            if partner.commercial_partner_id == partner
        }

    @api.model
    def _credit_rate_group_keys(self, groupby, rows, options):
        """``collector``: the user who did the communication for the communications, the
        customer's collector for every other amount; only ``options["collector_ids"]``."""
        if groupby != "collector":
            return super()._credit_rate_group_keys(groupby, rows, options)
        collector_ids = set(options.get("collector_ids") or ())
        by_partner = self._credit_partners_of_collectors(collector_ids)
        keys = []
        for row in rows:
            key = row["user_id"] if "user_id" in row else by_partner.get(row["partner_id"])
            keys.append(key if key in collector_ids else None)
        return keys

    @api.model
    def _credit_rate_rows(self, date_from, date_to, partner_ids, options):
        return [
            *super()._credit_rate_rows(date_from, date_to, partner_ids, options),
            *self._credit_rate_writeoff_rows(date_from, date_to, partner_ids),
            *self._credit_rate_collection_rows(date_from, date_to, partner_ids),
            *self._credit_rate_communication_rows(date_from, date_to, partner_ids, options),
        ]

    @api.model
    def _credit_rate_writeoff_rows(self, date_from, date_to, partner_ids):
        domain = [
            ("state", "=", "posted"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "=", self.env.company.id),
        ]
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        return [
            {"partner_id": partner.id, "amount_written_off": amount}
            for partner, amount in self.env["credit.writeoff"]._read_group(
                domain, groupby=["partner_id"], aggregates=["amount:sum"]
            )
        ]

    @api.model
    def _credit_rate_collection_rows(self, date_from, date_to, partner_ids):
        """Collected in the period and due in it, per commercial partner, one query.

        Collected: ``account.move.line._credit_collected_sql`` (payments reconciled in the
        period on the later item's date, payments registered without entry on their date). Due:
        the receivable open on the eve of the period (the one definition) and due by its end,
        plus the instalments invoiced within the period and falling due within it."""
        Line = self.env["account.move.line"]
        open_before = self._credit_open_invoice_lines_sql(
            date_from - timedelta(days=1), partner_ids
        )
        partner_filter = (
            SQL("AND move.commercial_partner_id = ANY(%s)", list(partner_ids))
            if partner_ids is not None
            else SQL()
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT collected.partner_id, 'collected' AS kind, SUM(collected.amount)
                  FROM (%(collected)s) collected
                 GROUP BY collected.partner_id
                UNION ALL
                SELECT open_line.partner_id, 'due' AS kind, SUM(open_line.amount_open)
                  FROM (%(open_before)s) open_line
                 WHERE open_line.date_maturity <= %(date_to)s
                 GROUP BY open_line.partner_id
                UNION ALL
                SELECT move.commercial_partner_id, 'due' AS kind, SUM(line.balance)
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                 WHERE move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND line.display_type = 'payment_term'
                   AND line.balance > 0
                   AND line.date BETWEEN %(date_from)s AND %(date_to)s
                   AND COALESCE(line.date_maturity, line.date) <= %(date_to)s
                   %(partner_filter)s
                 GROUP BY move.commercial_partner_id
                """,
                collected=Line._credit_collected_sql(date_from, date_to, partner_ids),
                open_before=open_before,
                company=self.env.company.id,
                types=CUSTOMER_INVOICE_TYPES,
                date_from=date_from,
                date_to=date_to,
                partner_filter=partner_filter,
            )
        )
        return [
            {
                "partner_id": partner_id,
                "amount_collected" if kind == "collected" else "amount_due": amount,
            }
            for partner_id, kind, amount in rows
        ]

    @api.model
    def _credit_rate_communication_rows(self, date_from, date_to, partner_ids, options):
        """Done communications of the period and those followed by a payment (collected by the
        one definition) within 30 days, per customer and collector who did them; two queries."""
        domain = [
            ("state", "=", "done"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "=", self.env.company.id),
        ]
        if options.get("collector_ids") is not None:
            domain.append(("user_id", "in", list(options["collector_ids"])))
        elif partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        communications = self.env["credit.followup.communication"].search(domain)
        if not communications:
            return []
        communications.fetch(["partner_id", "user_id", "date", "invoice_ids"])
        window = timedelta(days=SUCCESS_WINDOW_DAYS)
        collected = self.env["account.move.line"]._credit_collected_sql(
            min(communications.mapped("date")),
            max(communications.mapped("date")) + window,
            communications.partner_id.commercial_partner_id.ids,
        )
        payment_dates = {}
        for move_id, date in self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT collected.move_id, collected.date
                  FROM (%(collected)s) collected
                 WHERE collected.move_id = ANY(%(moves)s)
                   AND collected.amount > 0
                """,
                collected=collected,
                moves=communications.invoice_ids.ids,
            )
        ):
            payment_dates.setdefault(move_id, []).append(date)
        rows = []
        for communication in communications:
            start = fields.Date.to_date(communication.date)
            successful = any(
                start <= paid <= start + window
                for invoice in communication.invoice_ids
                for paid in payment_dates.get(invoice.id, ())
            )
            rows.append(
                {
                    "partner_id": communication.partner_id.commercial_partner_id.id,
                    "user_id": communication.user_id.id,
                    "communications_done": 1,
                    "communications_successful": 1 if successful else 0,
                }
            )
        return rows
