# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_bad_debt_account_id = fields.Many2one(
        related="company_id.credit_bad_debt_account_id", readonly=False
    )
    credit_writeoff_journal_id = fields.Many2one(
        related="company_id.credit_writeoff_journal_id", readonly=False
    )
