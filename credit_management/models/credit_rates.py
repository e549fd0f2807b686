# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, float_round

from .account_move_line import CUSTOMER_INVOICE_TYPES

# Days of revenue in the DSO formula: receivable at the date / revenue of the N days to it * N.
DSO_DAYS = 90


class CreditRates(models.AbstractModel):
    """The one home of the credit rates: overdue rate (逾期率), DSO, and - with the collections
    module - bad-debt rate (坏账率), collection rate and collection success rate (催收成功率).

    Every consumer (collector KPIs, early warnings, the year-end report, the dashboard) asks
    :meth:`_credit_rates` for a period and a grouping, and gets the same figures. Each component
    is one query for any number of customers, grouped by commercial partner (and, where the
    component has its own actor, by that user); the groups are then summed in Python and the rates
    derived from the sums, so that a rate of a collector or of the company is the rate of its
    amounts, never an average of rates.

    Amounts are in the current company's currency and only the current company's documents count.
    Modules add components by overriding :meth:`_credit_rate_rows` (and their keys in
    :meth:`_credit_rate_amount_keys`, their rates in :meth:`_credit_rate_derive`) and groupings
    by overriding :meth:`_credit_rate_group_keys`.
    """

    _name = "credit.rates"
    _description = "Credit Rates"

    @api.model
    def _credit_rate_amount_keys(self):
        """Additive amounts summed per group (the rates are derived from them)."""
        return (
            "amount_receivable",  # open customer receivable at date_to
            "amount_overdue",  # the part of it past due at date_to
            "amount_invoiced",  # customer invoices dated in the period
            "amount_revenue_dso",  # customer invoices of the DSO_DAYS days ending at date_to
        )

    @api.model
    def _credit_rates(self, date_from, date_to, groupby="partner", partner_ids=None, **options):
        """Amounts and rates over [date_from, date_to] for the current company.

        :param groupby: ``"partner"`` (commercial partner id), ``"company"`` (the company id);
            the collections module adds ``"collector"`` (user id, with ``collector_ids``).
        :param partner_ids: restrict to these commercial partners (None: every customer).
        :param options: passed to the components (e.g. ``collector_ids``).
        :return: ``{key: {amount keys..., "overdue_rate", "dso", ...}}``; only groups with data.
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        keys = self._credit_rate_amount_keys()
        rows = self._credit_rate_rows(date_from, date_to, partner_ids, options)
        group_keys = self._credit_rate_group_keys(groupby, rows, options)
        result = defaultdict(lambda: dict.fromkeys(keys, 0.0))
        for row, key in zip(rows, group_keys, strict=True):
            if key is None:
                continue
            values = result[key]
            for name, amount in row.items():
                if name in values:
                    values[name] += amount or 0.0
        for values in result.values():
            self._credit_rate_derive(values)
        return dict(result)

    @api.model
    def _credit_rate_group_keys(self, groupby, rows, options):
        """The group key of each row of ``rows`` (None drops the row)."""
        if groupby == "partner":
            return [row["partner_id"] for row in rows]
        if groupby == "company":
            return [self.env.company.id] * len(rows)
        raise ValueError(f"Unknown credit rate grouping {groupby!r}")

    @api.model
    def _credit_rate_derive(self, values):
        """Add the rates to a group's summed ``values`` (percentages and days, 2 decimals)."""
        currency = self.env.company.currency_id
        for key in self._credit_rate_amount_keys():
            if key.startswith("amount_"):
                values[key] = currency.round(values[key])
        values["overdue_rate"] = self._credit_ratio(
            values["amount_overdue"], values["amount_receivable"]
        )
        values["dso"] = self._credit_ratio(
            values["amount_receivable"], values["amount_revenue_dso"], DSO_DAYS
        )
        return values

    @api.model
    def _credit_ratio(self, numerator, denominator, factor=100.0):
        """numerator / denominator * factor rounded to 2 decimals; 0 when nothing to divide by."""
        if not denominator or denominator <= 0:
            return 0.0
        return float_round(numerator / denominator * factor, precision_digits=2)

    # ------------------------------------------------------------------ components
    @api.model
    def _credit_rate_rows(self, date_from, date_to, partner_ids, options):
        """Rows ``{"partner_id": commercial partner, <amount key>: amount, ...}``: one query per
        component, whatever the number of customers."""
        return [
            *self._credit_rate_receivable_rows(date_to, partner_ids),
            *self._credit_rate_revenue_rows(date_from, date_to, partner_ids),
        ]

    @api.model
    def _credit_partner_filter(self, partner_ids, alias="move"):
        if partner_ids is None:
            return SQL()
        return SQL(
            "AND %s.commercial_partner_id = ANY(%s)", SQL.identifier(alias), list(partner_ids)
        )

    @api.model
    def _credit_open_invoice_lines_sql(self, date, partner_ids=None):
        """The open customer receivable at ``date``: the instalments of customer invoices still
        open by the one definition (``account.move.line._credit_open_receivable_sql``, as of the
        date, money in transit deducted), as an SQL subquery with its columns (``partner_id``,
        ``date``, ``date_maturity``, ``amount_open``, ``days_overdue``...). Every rate and figure
        on receivables reads it."""
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            date=date, partner_ids=partner_ids, as_of=True
        )
        return SQL(
            """
            SELECT open_line.*
              FROM (%(open_lines)s) open_line
              JOIN account_move move ON move.id = open_line.move_id
             WHERE move.move_type IN %(types)s
               AND open_line.amount_open > 0
            """,
            open_lines=open_lines,
            types=CUSTOMER_INVOICE_TYPES,
        )

    @api.model
    def _credit_rate_receivable_rows(self, date, partner_ids):
        """Open customer receivable at ``date`` and its overdue part, per commercial partner."""
        rows = self.env.execute_query(
            SQL(
                """
                SELECT open_line.partner_id,
                       SUM(open_line.amount_open),
                       SUM(open_line.amount_open) FILTER (WHERE open_line.days_overdue > 0)
                  FROM (%(open_lines)s) open_line
                 GROUP BY open_line.partner_id
                """,
                open_lines=self._credit_open_invoice_lines_sql(date, partner_ids),
            )
        )
        return [
            {"partner_id": partner_id, "amount_receivable": receivable, "amount_overdue": overdue}
            for partner_id, receivable, overdue in rows
        ]

    @api.model
    def _credit_receivable_ageing(self, date, partner_ids=None):
        """The open customer receivable at ``date`` (the same as the rates'), in one query: total,
        overdue, by age in years from the document's date (< 1, 1-2, 2-3, > 3 years) and by days
        overdue of each instalment (not due, 1-30, 31-60, 61-90, > 90)."""
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT COALESCE(SUM(amount_open), 0) AS total,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue > 0), 0) AS overdue,
                       COALESCE(SUM(amount_open) FILTER (WHERE %(at)s - date < 365), 0) AS age_lt1,
                       COALESCE(SUM(amount_open) FILTER (
                           WHERE %(at)s - date >= 365 AND %(at)s - date < 730), 0) AS age_1_2,
                       COALESCE(SUM(amount_open) FILTER (
                           WHERE %(at)s - date >= 730 AND %(at)s - date < 1095), 0) AS age_2_3,
                       COALESCE(SUM(amount_open) FILTER (WHERE %(at)s - date >= 1095), 0)
                           AS age_gt3,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue = 0), 0)
                           AS days_not_due,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue BETWEEN 1 AND 30), 0)
                           AS days_1_30,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue BETWEEN 31 AND 60), 0)
                           AS days_31_60,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue BETWEEN 61 AND 90), 0)
                           AS days_61_90,
                       COALESCE(SUM(amount_open) FILTER (WHERE days_overdue > 90), 0)
                           AS days_90_plus
                  FROM (%(open_lines)s) open_line
                """,
                at=date,
                open_lines=self._credit_open_invoice_lines_sql(date, partner_ids),
            )
        )
        currency = self.env.company.currency_id
        return {key: currency.round(value or 0.0) for key, value in rows[0].items()}

    @api.model
    def _credit_rate_revenue_rows(self, date_from, date_to, partner_ids):
        """Customer invoices dated in the period, and in the DSO window ending at ``date_to``."""
        self.env.flush_all()
        dso_from = date_to - timedelta(days=DSO_DAYS)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT move.commercial_partner_id,
                       SUM(CASE WHEN move.invoice_date >= %(date_from)s
                                THEN move.amount_total_signed ELSE 0 END),
                       SUM(CASE WHEN move.invoice_date > %(dso_from)s
                                THEN move.amount_total_signed ELSE 0 END)
                  FROM account_move move
                 WHERE move.company_id = %(company)s
                   AND move.move_type IN %(types)s
                   AND move.state = 'posted'
                   AND move.invoice_date <= %(date_to)s
                   AND move.invoice_date >= LEAST(%(date_from)s, %(dso_from)s)
                   %(partner_filter)s
                 GROUP BY move.commercial_partner_id
                """,
                company=self.env.company.id,
                types=CUSTOMER_INVOICE_TYPES,
                date_from=date_from,
                date_to=date_to,
                dso_from=dso_from,
                partner_filter=self._credit_partner_filter(partner_ids),
            )
        )
        return [
            {"partner_id": partner_id, "amount_invoiced": invoiced, "amount_revenue_dso": revenue}
            for partner_id, invoiced, revenue in rows
        ]
