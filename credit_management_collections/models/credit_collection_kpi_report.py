# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CreditCollectionKpiReport(models.TransientModel):
    """Collection KPIs per collector and month, computed on demand for a range of months.

    Rows are built by :meth:`_generate` from ``credit.rates`` grouped by collector (set-based: a
    constant number of queries per month for any number of collectors), in the current company's
    currency. The rates are stored per row; sums of the amounts across rows remain meaningful in
    the pivot, the rates are averaged.
    """

    _name = "credit.collection.kpi.report"
    _description = "Collector KPIs"
    _order = "month desc, collector_id"

    collector_id = fields.Many2one("res.users", readonly=True)
    month = fields.Date(readonly=True, help="First day of the month.")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    communications_done = fields.Integer(readonly=True)
    communications_successful = fields.Integer(
        readonly=True, help="Done communications followed by a payment within 30 days."
    )
    success_rate = fields.Float(
        string="Collection Success Rate (%)",
        readonly=True,
        aggregator="avg",
        help="催收成功率: successful / done communications.",
    )
    amount_collected = fields.Monetary(readonly=True)
    amount_due = fields.Monetary(readonly=True, help="Overdue at month start + falling due in it.")
    collection_rate = fields.Float(
        string="Collection Rate (%)", readonly=True, aggregator="avg", help="Collected / due."
    )
    amount_receivable = fields.Monetary(readonly=True, help="Open receivable at month end.")
    amount_overdue = fields.Monetary(readonly=True, help="Part of it past due at month end.")
    overdue_rate = fields.Float(
        string="Overdue Rate (%)",
        readonly=True,
        aggregator="avg",
        help="逾期率: overdue / receivable.",
    )
    amount_invoiced = fields.Monetary(readonly=True)
    amount_written_off = fields.Monetary(readonly=True)
    bad_debt_rate = fields.Float(
        string="Bad-Debt Rate (%)",
        readonly=True,
        aggregator="avg",
        help="坏账率: written off / invoiced in the month.",
    )
    amount_revenue_dso = fields.Monetary(
        string="Revenue (90 Days)", readonly=True, help="Invoiced in the 90 days to month end."
    )
    dso = fields.Float(
        string="DSO (Days)",
        readonly=True,
        aggregator="avg",
        help="Days sales outstanding: receivable / revenue of the last 90 days * 90.",
    )

    @api.model
    def _generate(self, date_from, date_to, collectors):
        """Create and return one row per collector and month overlapping [date_from, date_to]."""
        date_from = fields.Date.to_date(date_from).replace(day=1)
        date_to = fields.Date.to_date(date_to)
        vals_list = []
        month = date_from
        while month <= date_to:
            month_end = month + relativedelta(months=1, days=-1)
            rates = collectors._credit_collector_rates(month, month_end)
            for collector in collectors:
                vals_list.append(self._row_values(collector, month, rates[collector.id]))
            month += relativedelta(months=1)
        return self.create(vals_list)

    def _row_values(self, collector, month, values):
        """A row: the amounts and rates of ``credit.rates`` (the one home of the rates)."""
        row = {
            "collector_id": collector.id,
            "month": month,
            "company_id": self.env.company.id,
            "communications_done": int(values["communications_done"]),
            "communications_successful": int(values["communications_successful"]),
        }
        row.update(
            {
                key: values[key]
                for key in (
                    "success_rate",
                    "amount_collected",
                    "amount_due",
                    "collection_rate",
                    "amount_receivable",
                    "amount_overdue",
                    "overdue_rate",
                    "amount_invoiced",
                    "amount_written_off",
                    "bad_debt_rate",
                    "amount_revenue_dso",
                    "dso",
                )
            }
        )
        return row
