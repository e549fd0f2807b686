# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    followup_policy_id = fields.Many2one(related="company_id.followup_policy_id", readonly=False)
    followup_invoice_fees = fields.Boolean(
        related="company_id.followup_invoice_fees", readonly=False
    )
    followup_fee_product_id = fields.Many2one(
        related="company_id.followup_fee_product_id", readonly=False
    )
    credit_bad_debt_account_id = fields.Many2one(
        related="company_id.credit_bad_debt_account_id", readonly=False
    )
    credit_writeoff_journal_id = fields.Many2one(
        related="company_id.credit_writeoff_journal_id", readonly=False
    )

    collection_weight_amount = fields.Integer(
        related="company_id.collection_weight_amount", readonly=False
    )
    collection_weight_days = fields.Integer(
        related="company_id.collection_weight_days", readonly=False
    )
    collection_weight_grade = fields.Integer(
        related="company_id.collection_weight_grade", readonly=False
    )
    collection_weight_broken = fields.Integer(
        related="company_id.collection_weight_broken", readonly=False
    )
    collection_weight_warnings = fields.Integer(
        related="company_id.collection_weight_warnings", readonly=False
    )
    collection_weight_level = fields.Integer(
        related="company_id.collection_weight_level", readonly=False
    )
    collection_weight_last_contact = fields.Integer(
        related="company_id.collection_weight_last_contact", readonly=False
    )
    portal_show_credit_limit = fields.Boolean(
        related="company_id.portal_show_credit_limit", readonly=False
    )
