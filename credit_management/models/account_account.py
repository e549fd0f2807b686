# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AccountAccount(models.Model):
    _inherit = "account.account"

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        if any(account.account_type == "asset_receivable" for account in accounts):
            self._credit_receivable_accounts_changed()
        return accounts

    def write(self, vals):
        receivable_before = any(account.account_type == "asset_receivable" for account in self)
        result = super().write(vals)
        if "account_type" in vals and (
            receivable_before or vals["account_type"] == "asset_receivable"
        ):
            self._credit_receivable_accounts_changed()
        return result

    def unlink(self):
        receivable = any(account.account_type == "asset_receivable" for account in self)
        result = super().unlink()
        if receivable:
            self._credit_receivable_accounts_changed()
        return result

    def _credit_receivable_accounts_changed(self):
        """The open-receivable query caches the receivable accounts' ids
        (``account.move.line._credit_receivable_account_ids``): forget them."""
        self.env.registry.clear_cache()
