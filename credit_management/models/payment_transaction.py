# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        """A payment confirms its quotation through ``action_confirm``, i.e. the hold decision:
        an order paid in full adds no risk and is confirmed; a partly paid one over the limit is
        held (the salesperson and a credit manager are told). Only the orders actually confirmed
        are returned, so the customer of a held one still gets the "payment received" e-mail."""
        orders = super()._check_amount_and_confirm_order()
        return orders.filtered(lambda order: order.state == "sale")
