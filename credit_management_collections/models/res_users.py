# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import SQL, float_round

# Customer documents whose receivable counts as "due" and whose payment counts as "collected".
CUSTOMER_INVOICE_TYPES = ("out_invoice", "out_receipt")

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
        - amount_collected: payments (payment or bank statement entries) reconciled in the period
          (date of the reconciliation = later of the two items' dates) with customer invoices of
          partners whose collector is the user;
        - amount_due: those invoices' receivable open at ``date_from`` and overdue then, plus the
          open receivable at ``date_from`` of those falling due within the period;
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
                 WHERE move.commercial_partner_id = ANY(%(partners)s)
                   AND move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND payment_move.state = 'posted'
                   AND (payment_move.origin_payment_id IS NOT NULL
                        OR payment_move.statement_line_id IS NOT NULL)
                   AND partial.max_date BETWEEN %(date_from)s AND %(date_to)s
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
                 WHERE move.commercial_partner_id = ANY(%(partners)s)
                   AND move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND line.balance > 0
                   AND line.date <= %(date_to)s
                   AND COALESCE(line.date_maturity, line.date) <= %(date_to)s
                 GROUP BY move.commercial_partner_id
                """,
                partners=list(collector_by_partner),
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
        rows = self.env.execute_query(
            SQL(
                """
                SELECT move.commercial_partner_id,
                       SUM(line.balance - COALESCE(paid.amount, 0)),
                       SUM(CASE WHEN COALESCE(line.date_maturity, line.date) < %(date_to)s
                                THEN line.balance - COALESCE(paid.amount, 0) ELSE 0 END),
                       0, 0
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                  JOIN account_account account ON account.id = line.account_id
                  LEFT JOIN LATERAL (
                        SELECT SUM(partial.amount) AS amount
                          FROM account_partial_reconcile partial
                         WHERE partial.debit_move_id = line.id
                           AND partial.max_date <= %(date_to)s
                  ) paid ON TRUE
                 WHERE move.commercial_partner_id = ANY(%(partners)s)
                   AND move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND line.balance > 0
                   AND line.date <= %(date_to)s
                 GROUP BY move.commercial_partner_id
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
        for communication in communications:
            start = fields.Date.to_date(communication.date)
            if any(
                start <= paid <= start + window
                for invoice in communication.invoice_ids
                for paid in payment_dates.get(invoice.id, ())
            ):
                result[communication.user_id.id]["communications_successful"] += 1

    def _credit_collector_broken_promises(self, date_from, date_to):
        """Promises to pay logged by these collectors, due in [date_from, date_to] and not kept
        (``credit.collection.contact``): {user_id: count}, every user present, one grouped query.
        A KPI of the collector beside ``_credit_collector_kpis``."""
        result = dict.fromkeys(self.ids, 0)
        for user, count in self.env["credit.collection.contact"]._read_group(
            [
                ("user_id", "in", self.ids),
                ("promise_state", "=", "broken"),
                ("promise_date", ">=", date_from),
                ("promise_date", "<=", date_to),
                ("company_id", "=", self.env.company.id),
            ],
            groupby=["user_id"],
            aggregates=["__count"],
        ):
            result[user.id] = count
        return result
