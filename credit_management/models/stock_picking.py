# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        self._credit_check_not_held()
        return super().button_validate()

    def _action_done(self):
        self._credit_check_not_held()
        return super()._action_done()

    def _credit_check_not_held(self):
        """A delivery of an order on credit hold (its increase waits for a credit manager) is not
        validated; returns and receipts are."""
        deliveries = self.filtered(lambda picking: picking.picking_type_code == "outgoing")
        deliveries.sale_id._credit_check_not_held("deliver")
