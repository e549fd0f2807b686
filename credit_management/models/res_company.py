# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


# ---------------------------------------------------------------------------------------------
# Credit applications: second approval threshold (grades / applications / reviews feature)
# ---------------------------------------------------------------------------------------------
class ResCompany(models.Model):
    _inherit = "res.company"

    credit_application_second_approval_amount = fields.Monetary(
        string="Second Approval Above",
        currency_field="currency_id",
        help="Credit applications granting a limit above this amount need the approval of a "
        "second, different credit manager. 0 = one approval is always enough.",
    )

    @api.constrains("credit_application_second_approval_amount")
    def _check_credit_application_second_approval_amount(self):
        for company in self:
            if company.credit_application_second_approval_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The second-approval amount of credit applications cannot be negative."
                    )
                )
