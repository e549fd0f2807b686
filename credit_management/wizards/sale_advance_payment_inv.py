# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _create_invoices(self, sale_orders):
        """Down payments included: an order on credit hold is not invoiced."""
        # The wizard's own orders: Odoo invoices a down payment from them, whatever is passed
        # (its own tests pass a dict)
        orders = self.sale_order_ids
        if isinstance(sale_orders, models.BaseModel):
            orders |= sale_orders
        orders._credit_check_not_held("invoice")
        return super()._create_invoices(sale_orders)
