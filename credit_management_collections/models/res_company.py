# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_bad_debt_account_id = fields.Many2one(
        "account.account",
        string="Bad-Debt Account",
        check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Expense account debited when a bad-debt write-off (坏账核销) is approved.",
    )
    credit_writeoff_journal_id = fields.Many2one(
        "account.journal",
        string="Write-off Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal in which bad-debt write-off entries are posted.",
    )
