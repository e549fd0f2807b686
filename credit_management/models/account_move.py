# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Who reads payments and bank statement lines (account's ir.model.access.csv).
PAYMENT_READ_GROUPS = "account.group_account_invoice,account.group_account_readonly"


class AccountMove(models.Model):
    _inherit = "account.move"

    # Stock Odoo's valuation layers of an invoice (stock_account, installed with sale_stock and
    # account), without groups there: every user who may read an invoice but not valuation layers
    # (invoicing users, salespeople, the credit department) could not read a whole invoice.
    stock_valuation_layer_ids = fields.One2many(groups="stock.group_stock_manager")
    # Same for its payments and bank statement lines: a sales manager reads the invoices of his
    # team, not the payments.
    payment_ids = fields.One2many(groups=PAYMENT_READ_GROUPS)
    statement_line_ids = fields.One2many(groups=PAYMENT_READ_GROUPS)

    def init(self):
        result = super().init()
        # The draft customer invoices of a few customers (an exposure component): drafts are
        # few, but without this index they are found among every entry of the ledger.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS account_move_credit_draft_idx
                ON account_move (commercial_partner_id)
                INCLUDE (company_id, amount_total_signed)
             WHERE state = 'draft' AND move_type IN ('out_invoice', 'out_refund')
            """
        )
        return result

    def _compute_tax_totals(self):
        """Stock Odoo 18.0's sale reads ``tax_totals['amount_total']`` (customer credit of an
        invoice), a key account no longer provides: reading a whole invoice failed with a
        KeyError for everybody. Give the key its value."""
        result = super()._compute_tax_totals()
        for move in self:
            totals = move.tax_totals
            if totals and "amount_total" not in totals:
                move.tax_totals = dict(totals, amount_total=totals.get("total_amount_currency", 0))
        return result
