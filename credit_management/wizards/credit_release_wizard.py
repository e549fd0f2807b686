# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CreditReleaseWizard(models.TransientModel):
    _name = "credit.release.wizard"
    _description = "Release Held Sales Orders"

    order_ids = fields.Many2many("sale.order", string="Orders", required=True)
    note = fields.Text(
        help="Why the credit is granted (a guarantee, a payment announced...): kept "
        "in the order's history with who released it, when and for how much."
    )

    def action_release(self):
        self.ensure_one()
        return self.order_ids.with_context(credit_release_note=self.note).action_credit_release()
