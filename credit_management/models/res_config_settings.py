# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_tolerance_percent = fields.Float(
        related="company_id.credit_tolerance_percent", readonly=False
    )
    credit_max_overdue_days = fields.Integer(
        related="company_id.credit_max_overdue_days", readonly=False
    )
    credit_hold_without_limit = fields.Boolean(
        related="company_id.credit_hold_without_limit", readonly=False
    )

    # ---------------------------------------------------------------------------------------------
    # Credit applications: second approval threshold (grades / applications / reviews feature)
    # ---------------------------------------------------------------------------------------------
    credit_application_second_approval_amount = fields.Monetary(
        related="company_id.credit_application_second_approval_amount",
        currency_field="currency_id",
        readonly=False,
    )

    credit_security_expiry_notice_days = fields.Integer(
        related="company_id.credit_security_expiry_notice_days", readonly=False
    )

    # ---------------------------------------------------------------------------------------------
    # Early warning (风险预警)
    # ---------------------------------------------------------------------------------------------
    credit_warning_hold_severity = fields.Selection(
        related="company_id.credit_warning_hold_severity", readonly=False
    )
