# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

BUCKETS = [
    ("0_not_due", "Not Due"),
    ("1_1_30", "1-30 Days"),
    ("2_31_60", "31-60 Days"),
    ("3_61_90", "61-90 Days"),
    ("4_90_plus", "Over 90 Days"),
]
YEAR_BUCKETS = [
    ("0_lt_1", "Under 1 Year"),
    ("1_1_2", "1-2 Years"),
    ("2_2_3", "2-3 Years"),
    ("3_gt_3", "Over 3 Years"),
]


class CreditAgeingReport(models.Model):
    """Receivable ageing (账龄分析), one row per open posted customer receivable line.

    Days overdue are counted from the due date to ``CURRENT_DATE`` of the database server at the
    moment the report is read (the view is not materialised). The age in years (账龄年限) is counted
    from the accounting date of the document, as Chinese practice ages receivables from the date
    they were recognised. Amounts are the open residual in company currency.
    """

    _name = "credit.ageing.report"
    _description = "Receivable Ageing"
    _auto = False
    _order = "days_overdue desc, id"
    _depends = {
        "account.move.line": [
            "move_id",
            "partner_id",
            "company_id",
            "company_currency_id",
            "account_id",
            "date",
            "date_maturity",
            "amount_residual",
            "parent_state",
            "reconciled",
        ],
        "account.account": ["account_type"],
        "res.partner": ["commercial_partner_id"],
    }

    move_line_id = fields.Many2one("account.move.line", string="Journal Item", readonly=True)
    move_id = fields.Many2one("account.move", string="Document", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    date = fields.Date(string="Document Date", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    amount_residual = fields.Monetary(string="Open Amount", readonly=True)
    amount_overdue = fields.Monetary(
        string="Overdue Amount", readonly=True, help="Open amount when past due, else zero."
    )
    days_overdue = fields.Integer(
        readonly=True, aggregator="max", help="Days past the due date as of today; 0 if not due."
    )
    bucket = fields.Selection(BUCKETS, string="Overdue Bucket", readonly=True)
    year_bucket = fields.Selection(YEAR_BUCKETS, string="Age (Years)", readonly=True)

    def _select_sql(self):
        days = SQL("(CURRENT_DATE - COALESCE(aml.date_maturity, aml.date))")
        age = SQL("(CURRENT_DATE - aml.date)")
        return SQL(
            """
            SELECT aml.id AS id,
                   aml.id AS move_line_id,
                   aml.move_id AS move_id,
                   COALESCE(partner.commercial_partner_id, aml.partner_id) AS partner_id,
                   aml.company_id AS company_id,
                   aml.company_currency_id AS currency_id,
                   aml.account_id AS account_id,
                   aml.date AS date,
                   aml.date_maturity AS date_maturity,
                   aml.amount_residual AS amount_residual,
                   CASE WHEN %(days)s > 0 THEN aml.amount_residual ELSE 0 END AS amount_overdue,
                   GREATEST(%(days)s, 0) AS days_overdue,
                   CASE WHEN %(days)s <= 0 THEN '0_not_due'
                        WHEN %(days)s <= 30 THEN '1_1_30'
                        WHEN %(days)s <= 60 THEN '2_31_60'
                        WHEN %(days)s <= 90 THEN '3_61_90'
                        ELSE '4_90_plus' END AS bucket,
                   CASE WHEN %(age)s < 365 THEN '0_lt_1'
                        WHEN %(age)s < 730 THEN '1_1_2'
                        WHEN %(age)s < 1095 THEN '2_2_3'
                        ELSE '3_gt_3' END AS year_bucket
              FROM account_move_line aml
              LEFT JOIN res_partner partner ON partner.id = aml.partner_id
              JOIN account_account account ON account.id = aml.account_id
             WHERE aml.parent_state = 'posted'
               AND account.account_type = 'asset_receivable'
               AND NOT aml.reconciled
               AND aml.amount_residual != 0
            """,
            days=days,
            age=age,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._select_sql()
            )
        )
