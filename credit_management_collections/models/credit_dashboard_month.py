# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

DASHBOARD_MONTHS = 12


class CreditDashboardMonth(models.Model):
    """The company's credit rates of a month, as ``credit.rates`` computes them: the DSO and
    collection-rate trend of the credit dashboard (Dashboards app). Refreshed daily for the last
    12 months, one ``credit.rates`` call per month."""

    _name = "credit.dashboard.month"
    _description = "Credit Dashboard: Rates of a Month"
    _order = "company_id, month"

    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(required=True, help="First day of the month.")
    amount_receivable = fields.Monetary(string="Receivable at Month End", aggregator="sum")
    amount_overdue = fields.Monetary(string="Overdue at Month End", aggregator="sum")
    amount_collected = fields.Monetary(string="Collected", aggregator="sum")
    dso = fields.Float(string="DSO (Days)", aggregator="avg")
    collection_rate = fields.Float(string="Collection Rate (%)", aggregator="avg")
    overdue_rate = fields.Float(string="Overdue Rate (%)", aggregator="avg")
    bad_debt_rate = fields.Float(string="Bad-Debt Rate (%)", aggregator="avg")

    _sql_constraints = [
        ("company_month_uniq", "unique(company_id, month)", "One row per company and month."),
    ]

    @api.model
    def _credit_dashboard_refresh(self, months=DASHBOARD_MONTHS):
        """Recompute the last ``months`` months of the current company (this month to date)."""
        company = self.env.company
        today = company._credit_today()
        Rates = self.env["credit.rates"]
        rows = []
        for back in range(months - 1, -1, -1):
            start = today.replace(day=1) - relativedelta(months=back)
            end = min(start + relativedelta(months=1, days=-1), today)
            values = Rates._credit_rates(start, end, "company").get(company.id) or {}
            rows.append(
                {
                    "company_id": company.id,
                    "month": start,
                    "amount_receivable": values.get("amount_receivable", 0.0),
                    "amount_overdue": values.get("amount_overdue", 0.0),
                    "amount_collected": values.get("amount_collected", 0.0),
                    "dso": values.get("dso", 0.0),
                    "collection_rate": values.get("collection_rate", 0.0),
                    "overdue_rate": values.get("overdue_rate", 0.0),
                    "bad_debt_rate": values.get("bad_debt_rate", 0.0),
                }
            )
        self.search([("company_id", "=", company.id)]).unlink()
        return self.create(rows)

    @api.model
    def _cron_credit_dashboard_refresh(self):
        """Daily: the trend of every company with credit control, and the snapshot the
        dashboard's exposure tables read when the early-warning job did not take today's."""
        companies = self.env["res.company"].search([("account_use_credit_limit", "=", True)])
        Snapshot = self.env["credit.exposure.snapshot"]
        for company in companies:
            env_company = self.with_company(company)
            env_company._credit_dashboard_refresh()
            today = company._credit_today()
            if not Snapshot.search_count(
                [("company_id", "=", company.id), ("date", "=", today)], limit=1
            ):
                Snapshot.with_company(company)._credit_take_snapshot(today)
