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
    """Receivable ageing (账龄分析), one row per open receivable instalment.

    Rows and days overdue come from the one definition of open receivables
    (``account.move.line._credit_open_receivable_sql``), at the current company's today (its time
    zone), for the companies the user works in: each instalment in the bucket of its own due
    date, with its open amount (money in transit -- payments registered without a journal entry
    -- deducted from the oldest instalments). The age in years (账龄年限) is counted from the
    accounting date of the document, as Chinese practice ages receivables from the date they
    were recognised. Amounts are in company currency.
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

    move_line_id = fields.Many2one("account.move.line", string="Journal Item", readonly=True)
    move_id = fields.Many2one("account.move", string="Document", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    date = fields.Date(string="Document Date", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    amount_residual = fields.Monetary(
        string="Open Amount",
        readonly=True,
        help="Residual of the instalment less the payments registered and awaiting the bank.",
    )
    amount_in_transit = fields.Monetary(
        string="In Transit",
        readonly=True,
        help="Part of the instalment covered by payments registered without a journal entry "
        "(awaiting the bank statement): counted as paid.",
    )
    amount_overdue = fields.Monetary(
        string="Overdue Amount", readonly=True, help="Open amount when past due, else zero."
    )
    days_overdue = fields.Integer(
        readonly=True,
        aggregator="max",
        help="Days past the due date at the company's today; 0 if not due.",
    )
    bucket = fields.Selection(BUCKETS, string="Overdue Bucket", readonly=True)
    year_bucket = fields.Selection(YEAR_BUCKETS, string="Age (Years)", readonly=True)

    @property
    def _table_query(self):
        return self._select_sql()

    def _select_sql(self):
        company = self.env.company
        today = company._credit_today()
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            date=today, companies=self.env.companies
        )
        age = SQL("(%s::date - open_line.date)", today)
        return SQL(
            """
            SELECT open_line.line_id AS id,
                   open_line.line_id AS move_line_id,
                   open_line.move_id,
                   open_line.partner_id,
                   open_line.company_id,
                   company.currency_id,
                   open_line.account_id,
                   open_line.date,
                   open_line.date_maturity,
                   open_line.amount_open AS amount_residual,
                   open_line.amount_in_transit,
                   CASE WHEN open_line.days_overdue > 0
                        THEN open_line.amount_open ELSE 0 END AS amount_overdue,
                   open_line.days_overdue,
                   CASE WHEN open_line.days_overdue <= 0 THEN '0_not_due'
                        WHEN open_line.days_overdue <= 30 THEN '1_1_30'
                        WHEN open_line.days_overdue <= 60 THEN '2_31_60'
                        WHEN open_line.days_overdue <= 90 THEN '3_61_90'
                        ELSE '4_90_plus' END AS bucket,
                   CASE WHEN %(age)s < 365 THEN '0_lt_1'
                        WHEN %(age)s < 730 THEN '1_1_2'
                        WHEN %(age)s < 1095 THEN '2_2_3'
                        ELSE '3_gt_3' END AS year_bucket
              FROM (%(open_lines)s) open_line
              JOIN res_company company ON company.id = open_line.company_id
             WHERE open_line.amount_open != 0
            """,
            age=age,
            open_lines=open_lines,
        )

    def init(self):
        # rows are computed per request (_table_query) relative to the company's today; drop the
        # database view of earlier versions
        tools.drop_view_if_exists(self.env.cr, self._table)
