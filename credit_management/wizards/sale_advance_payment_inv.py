# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _create_invoices(self, sale_orders):
        """Down payments included: an order on credit hold is not invoiced."""
        sale_orders._credit_check_not_held("invoice")
        return super()._create_invoices(sale_orders)
