# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CreditRejectWizard(models.TransientModel):
    _name = "credit.reject.wizard"
    _description = "Reject Held Sales Orders"

    order_ids = fields.Many2many("sale.order", string="Orders", required=True)
    reason = fields.Text(required=True, help="Told to the salesperson and kept on the order.")

    def action_reject(self):
        self.ensure_one()
        if not self.order_ids:
            raise UserError(self.env._("Select the orders to reject."))
        self.order_ids._credit_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
