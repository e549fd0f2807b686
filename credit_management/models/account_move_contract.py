# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The contract side of invoices, apart from the credit side (account_move.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    credit_contract_id = fields.Many2one(
        "credit.contract",
        string="Contract",
        compute="_compute_credit_contract_id",
        store=True,
        readonly=False,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The contract this invoice or bill performs: from its sales orders, or chosen.",
    )

    @api.depends("invoice_line_ids.sale_line_ids.order_id.credit_contract_id")
    def _compute_credit_contract_id(self):
        for move in self:
            contract = move.invoice_line_ids.sale_line_ids.order_id.credit_contract_id[:1]
            if contract:
                move.credit_contract_id = contract
            elif not move.credit_contract_id:
                move.credit_contract_id = False
