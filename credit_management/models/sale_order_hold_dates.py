# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# When an order was held and rejected, for the year-end report; apart from the decision itself.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_hold_date = fields.Datetime(
        string="Held On",
        readonly=True,
        copy=False,
        help="Last time the order was held by the credit check.",
    )
    credit_reject_date = fields.Datetime(string="Credit Rejected On", readonly=True, copy=False)

    def _credit_set_hold(self, failures):
        result = super()._credit_set_hold(failures)
        # sudo: the date records the outcome of the credit check, not the user's choice.
        self.sudo().write({"credit_hold_date": fields.Datetime.now()})
        return result

    def _credit_reject(self, reason):
        result = super()._credit_reject(reason)
        # sudo: the caller is a credit manager (checked by the rejection).
        self.sudo().write({"credit_reject_date": fields.Datetime.now()})
        return result
