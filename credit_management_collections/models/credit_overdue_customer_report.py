# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CreditOverdueCustomerReport(models.Model):
    """Top overdue customers: the ageing report summed per customer and company.

    Same rows as ``credit.ageing.report`` (the one definition of open receivables, at the
    company's today), ordered by overdue amount, largest first.
    """

    _name = "credit.overdue.customer.report"
    _description = "Top Overdue Customers"
    _auto = False
    _order = "amount_overdue desc, partner_id"
    _depends = {
        "account.move.line": [
            "move_id",
            "partner_id",
            "company_id",
            "account_id",
            "date",
            "date_maturity",
            "amount_residual",
            "parent_state",
            "reconciled",
        ],
        "account.account": ["account_type"],
        "account.payment": ["state", "move_id", "invoice_ids", "amount_company_currency_signed"],
        "res.partner": ["commercial_partner_id"],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount_residual = fields.Monetary(string="Open Receivable", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue Amount", readonly=True)
    amount_overdue_90 = fields.Monetary(string="Over 90 Days", readonly=True)
    max_days_overdue = fields.Integer(
        string="Oldest Overdue (Days)", readonly=True, aggregator="max"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT MIN(ageing.id) AS id,
                   ageing.partner_id,
                   ageing.company_id,
                   ageing.currency_id,
                   SUM(ageing.amount_residual) AS amount_residual,
                   SUM(ageing.amount_overdue) AS amount_overdue,
                   SUM(CASE WHEN ageing.bucket = '4_90_plus'
                            THEN ageing.amount_residual ELSE 0 END) AS amount_overdue_90,
                   MAX(ageing.days_overdue) AS max_days_overdue
              FROM (%(ageing)s) ageing
             GROUP BY ageing.partner_id, ageing.company_id, ageing.currency_id
            HAVING SUM(ageing.amount_overdue) > 0
            """,
            ageing=self.env["credit.ageing.report"]._select_sql(),
        )

    def init(self):
        # rows are computed per request (_table_query); drop the view of earlier versions
        tools.drop_view_if_exists(self.env.cr, self._table)
