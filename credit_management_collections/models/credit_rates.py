# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.credit_management.models.credit_rates import CUSTOMER_INVOICE_TYPES

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
    def _credit_rate_group_keys(self, groupby, rows, options):
        """``collector``: the user who did the communication for the communications, the
        customer's collector for every other amount; only ``options["collector_ids"]``."""
        if groupby != "collector":
            return super()._credit_rate_group_keys(groupby, rows, options)
        collector_ids = set(options.get("collector_ids") or ())
        by_partner = self._credit_collector_by_partner({row["partner_id"] for row in rows})
        keys = []
        for row in rows:
            key = row["user_id"] if "user_id" in row else by_partner.get(row["partner_id"])
            keys.append(key if key in collector_ids else None)
        return keys

    @api.model
    def _credit_collector_by_partner(self, partner_ids):
        """{commercial partner id: collector user id}, one query."""
        if not partner_ids:
            return {}
        partners = (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", list(partner_ids)), ("credit_collector_id", "!=", False)],
                ["credit_collector_id"],
            )
        )
        return {partner.id: partner.credit_collector_id.id for partner in partners}

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
        """Collected in the period and due in it, per commercial partner, one query."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT move.commercial_partner_id,
                       'collected' AS kind,
                       SUM(partial.amount)
                  FROM account_partial_reconcile partial
                  JOIN account_move_line line ON line.id = partial.debit_move_id
                  JOIN account_move move ON move.id = line.move_id
                  JOIN account_account account ON account.id = line.account_id
                  JOIN account_move_line payment_line ON payment_line.id = partial.credit_move_id
                  JOIN account_move payment_move ON payment_move.id = payment_line.move_id
                 WHERE move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND payment_move.state = 'posted'
                   AND (payment_move.origin_payment_id IS NOT NULL
                        OR payment_move.statement_line_id IS NOT NULL)
                   AND partial.max_date BETWEEN %(date_from)s AND %(date_to)s
                   %(partner_filter)s
                 GROUP BY move.commercial_partner_id
                UNION ALL
                SELECT move.commercial_partner_id,
                       'due' AS kind,
                       SUM(line.balance - COALESCE(before.amount, 0))
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                  JOIN account_account account ON account.id = line.account_id
                  LEFT JOIN LATERAL (
                        SELECT SUM(partial.amount) AS amount
                          FROM account_partial_reconcile partial
                         WHERE partial.debit_move_id = line.id
                           AND partial.max_date < %(date_from)s
                  ) before ON TRUE
                 WHERE move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND line.balance > 0
                   AND line.date <= %(date_to)s
                   AND COALESCE(line.date_maturity, line.date) <= %(date_to)s
                   %(partner_filter)s
                 GROUP BY move.commercial_partner_id
                """,
                company=self.env.company.id,
                types=CUSTOMER_INVOICE_TYPES,
                date_from=date_from,
                date_to=date_to,
                partner_filter=self._credit_partner_filter(partner_ids),
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
        """Done communications of the period and those followed by a payment within 30 days,
        per customer and collector who did them (two queries)."""
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
        self.env.flush_all()
        payment_dates = {}
        for move_id, date in self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT line.move_id, partial.max_date
                  FROM account_partial_reconcile partial
                  JOIN account_move_line line ON line.id = partial.debit_move_id
                  JOIN account_move_line payment_line ON payment_line.id = partial.credit_move_id
                  JOIN account_move payment_move ON payment_move.id = payment_line.move_id
                 WHERE line.move_id = ANY(%(moves)s)
                   AND payment_move.state = 'posted'
                   AND (payment_move.origin_payment_id IS NOT NULL
                        OR payment_move.statement_line_id IS NOT NULL)
                """,
                moves=communications.invoice_ids.ids,
            )
        ):
            payment_dates.setdefault(move_id, []).append(date)
        window = timedelta(days=SUCCESS_WINDOW_DAYS)
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
                    "partner_id": communication.partner_id.id,
                    "user_id": communication.user_id.id,
                    "communications_done": 1,
                    "communications_successful": 1 if successful else 0,
                }
            )
        return rows
