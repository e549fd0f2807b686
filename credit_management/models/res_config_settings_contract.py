# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.config.settings: the contract department's settings.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_contract_required = fields.Boolean(
        related="company_id.credit_contract_required", readonly=False
    )
    credit_contract_required_amount = fields.Monetary(
        related="company_id.credit_contract_required_amount",
        currency_field="currency_id",
        readonly=False,
    )
    credit_contract_required_on_credit = fields.Boolean(
        related="company_id.credit_contract_required_on_credit", readonly=False
    )
    credit_contract_major_amount = fields.Monetary(
        related="company_id.credit_contract_major_amount",
        currency_field="currency_id",
        readonly=False,
    )
    credit_contract_reviewer_finance_id = fields.Many2one(
        related="company_id.credit_contract_reviewer_finance_id", readonly=False
    )
    credit_contract_reviewer_legal_id = fields.Many2one(
        related="company_id.credit_contract_reviewer_legal_id", readonly=False
    )
    credit_contract_reviewer_technical_id = fields.Many2one(
        related="company_id.credit_contract_reviewer_technical_id", readonly=False
    )
    credit_contract_registration_days = fields.Integer(
        related="company_id.credit_contract_registration_days", readonly=False
    )
    credit_contract_review_days = fields.Integer(
        related="company_id.credit_contract_review_days", readonly=False
    )
    credit_complaint_response_days = fields.Integer(
        related="company_id.credit_complaint_response_days", readonly=False
    )
