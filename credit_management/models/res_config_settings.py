# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


# ---------------------------------------------------------------------------------------------
# Credit applications: second approval threshold (grades / applications / reviews feature)
# ---------------------------------------------------------------------------------------------
class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    credit_application_second_approval_amount = fields.Monetary(
        related="company_id.credit_application_second_approval_amount",
        currency_field="currency_id",
        readonly=False,
    )
