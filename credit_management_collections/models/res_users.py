# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import SQL, float_round

from odoo.addons.credit_management.models.account_move_line import CUSTOMER_INVOICE_TYPES

# A communication is successful when a payment follows it within this many days (催收成功率).
SUCCESS_WINDOW_DAYS = 30

# Days of revenue in the DSO formula (receivable / revenue of the last N days * N).
DSO_DAYS = 90


class ResUsers(models.Model):
    _inherit = "res.users"

    def _credit_collector_kpis(self, date_from, date_to):
        """Collection KPIs of these users as credit collectors over [date_from, date_to].

        Contract used by the appraisal module. Returns ``{user_id: {"communications_done": int,
        "amount_collected": float, "amount_due": float, "collection_rate": float}}`` with every
        user of ``self`` present (zeros when nothing applies). Amounts are in the currency of the
        current company and only its documents count:

        - communications_done: follow-up communications done by the user, dated in the period;
        - amount_collected: collected on customer invoices of partners whose collector is the
          user, by ``account.move.line._credit_collected_sql``: payments (payment or bank
          statement entries) reconciled in the period (on the later of the two items' dates),
          and payments registered without journal entry on their payment date;
        - amount_due: those invoices' receivable open on the eve of the period (the one
          definition, money in transit deducted) and due by its end, plus the instalments
          invoiced within the period and falling due within it;
        - collection_rate: collected / due * 100, 0 when nothing is due.

        Set-based: a constant number of queries whatever the number of users.
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        company = self.env.company
        result = {
            user.id: {
                "communications_done": 0,
                "amount_collected": 0.0,
                "amount_due": 0.0,
                "collection_rate": 0.0,
            }
            for user in self
        }
        if not self:
            return result

        for user, count in self.env["credit.followup.communication"]._read_group(
            self._credit_done_communications_domain(date_from, date_to),
            groupby=["user_id"],
            aggregates=["__count"],
        ):
            result[user.id]["communications_done"] = count

        collector_by_partner = self._credit_collector_by_partner()
        if not collector_by_partner:
            return result
        self.env.flush_all()
        Line = self.env["account.move.line"]
        partner_ids = list(collector_by_partner)
        # open at the eve of the period and due by its end, by the one definition (money in
        # transit counts as collected on its payment's date), plus what is invoiced and falls due
        # within the period
        open_before = Line._credit_open_receivable_sql(
            date=date_from - timedelta(days=1), partner_ids=partner_ids, as_of=True
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
                  JOIN account_move move ON move.id = open_line.move_id
                 WHERE move.move_type IN %(types)s
                   AND open_line.amount_open > 0
                   AND open_line.date_maturity <= %(date_to)s
                 GROUP BY open_line.partner_id
                UNION ALL
                SELECT move.commercial_partner_id, 'due' AS kind, SUM(line.balance)
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                 WHERE move.commercial_partner_id = ANY(%(partners)s)
                   AND move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND line.display_type = 'payment_term'
                   AND line.balance > 0
                   AND line.date BETWEEN %(date_from)s AND %(date_to)s
                   AND COALESCE(line.date_maturity, line.date) <= %(date_to)s
                 GROUP BY move.commercial_partner_id
                """,
                collected=Line._credit_collected_sql(date_from, date_to, partner_ids),
                open_before=open_before,
                partners=partner_ids,
                company=company.id,
                types=CUSTOMER_INVOICE_TYPES,
                date_from=date_from,
                date_to=date_to,
            )
        )
        for partner_id, kind, amount in rows:
            values = result[collector_by_partner[partner_id]]
            key = "amount_collected" if kind == "collected" else "amount_due"
            values[key] += amount or 0.0
        currency = company.currency_id
        for values in result.values():
            values["amount_collected"] = currency.round(values["amount_collected"])
            values["amount_due"] = currency.round(values["amount_due"])
            if values["amount_due"] > 0:
                values["collection_rate"] = float_round(
                    values["amount_collected"] / values["amount_due"] * 100, precision_digits=2
                )
        return result

    def _credit_done_communications_domain(self, date_from, date_to):
        """Domain of the follow-up communications these users did in [date_from, date_to]."""
        return [
            ("user_id", "in", self.ids),
            ("state", "=", "done"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "=", self.env.company.id),
        ]

    def _credit_collector_by_partner(self):
        """{commercial partner id: collector user id} for the partners these users collect."""
        partners = (
            self.env["res.partner"]
            .with_company(self.env.company)
            .with_context(active_test=False)
            .search([("credit_collector_id", "in", self.ids)])
        )
        return {
            partner.id: partner.credit_collector_id.id
            for partner in partners
            if partner.commercial_partner_id == partner
        }

    def _credit_collector_report_figures(self, date_from, date_to):
        """Figures of the collector KPI report for [date_from, date_to], per user, set-based.

        Returns ``{user_id: {...}}`` with, in company currency: ``communications_successful``
        (done communications followed within 30 days by a payment on one of their invoices),
        ``amount_receivable`` and ``amount_overdue`` (open customer invoice receivable at
        ``date_to``, and its part past due then), ``amount_invoiced`` (customer invoices dated in
        the period), ``amount_written_off`` (posted bad-debt write-offs dated in the period) and
        ``amount_revenue_dso`` (customer invoices of the 90 days ending at ``date_to``).
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        company = self.env.company
        keys = (
            "communications_successful",
            "amount_receivable",
            "amount_overdue",
            "amount_invoiced",
            "amount_written_off",
            "amount_revenue_dso",
        )
        result = {user.id: dict.fromkeys(keys, 0.0) for user in self}
        if not self:
            return result
        self._credit_count_successful_communications(date_from, date_to, result)

        collector_by_partner = self._credit_collector_by_partner()
        if not collector_by_partner:
            return result
        partner_ids = list(collector_by_partner)
        for partner, amount in self.env["credit.writeoff"]._read_group(
            [
                ("state", "=", "posted"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("partner_id", "in", partner_ids),
                ("company_id", "=", company.id),
            ],
            groupby=["partner_id"],
            aggregates=["amount:sum"],
        ):
            result[collector_by_partner[partner.id]]["amount_written_off"] += amount

        self.env.flush_all()
        # open and overdue at the end of the period, by the one definition
        open_at_end = self.env["account.move.line"]._credit_open_receivable_sql(
            date=date_to, partner_ids=partner_ids, as_of=True
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT open_line.partner_id,
                       SUM(open_line.amount_open),
                       SUM(open_line.amount_open) FILTER (WHERE open_line.days_overdue > 0),
                       0, 0
                  FROM (%(open_at_end)s) open_line
                  JOIN account_move move ON move.id = open_line.move_id
                 WHERE move.move_type IN %(types)s
                   AND open_line.amount_open > 0
                 GROUP BY open_line.partner_id
                UNION ALL
                SELECT move.commercial_partner_id, 0, 0,
                       SUM(CASE WHEN move.invoice_date >= %(date_from)s
                                THEN move.amount_total_signed ELSE 0 END),
                       SUM(CASE WHEN move.invoice_date > %(dso_from)s
                                THEN move.amount_total_signed ELSE 0 END)
                  FROM account_move move
                 WHERE move.commercial_partner_id = ANY(%(partners)s)
                   AND move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND move.invoice_date <= %(date_to)s
                   AND move.invoice_date >= LEAST(%(date_from)s, %(dso_from)s)
                 GROUP BY move.commercial_partner_id
                """,
                open_at_end=open_at_end,
                partners=partner_ids,
                company=company.id,
                types=CUSTOMER_INVOICE_TYPES,
                date_from=date_from,
                date_to=date_to,
                dso_from=date_to - timedelta(days=DSO_DAYS),
            )
        )
        for partner_id, receivable, overdue, invoiced, revenue in rows:
            values = result[collector_by_partner[partner_id]]
            values["amount_receivable"] += receivable or 0.0
            values["amount_overdue"] += overdue or 0.0
            values["amount_invoiced"] += invoiced or 0.0
            values["amount_revenue_dso"] += revenue or 0.0
        return result

    def _credit_count_successful_communications(self, date_from, date_to, result):
        """Add to ``result`` the done communications followed by a payment within 30 days."""
        communications = self.env["credit.followup.communication"].search(
            self._credit_done_communications_domain(date_from, date_to)
        )
        if not communications:
            return
        self.env.flush_all()
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
        for communication in communications:
            start = fields.Date.to_date(communication.date)
            if any(
                start <= paid <= start + window
                for invoice in communication.invoice_ids
                for paid in payment_dates.get(invoice.id, ())
            ):
                result[communication.user_id.id]["communications_successful"] += 1
