# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Writes of these fields may increase the amount of a confirmed order.
INCREASE_LINE_FIELDS = (
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        """A line added to a confirmed order is checked like its confirmation was."""
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        with orders._credit_tracking_increase() as tracked:
            return super(SaleOrderLine, self.with_env(tracked.env)).create(vals_list)

    def write(self, vals):
        if not any(fname in vals for fname in INCREASE_LINE_FIELDS):
            return super().write(vals)
        with self.order_id._credit_tracking_increase() as tracked:
            return super(SaleOrderLine, self.with_env(tracked.env)).write(vals)
