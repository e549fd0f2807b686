# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CreditContract(models.Model):
    _inherit = "credit.contract"

    def action_report_clerk_violation(self):
        """Raise the disqualifying violation of the clerk from the contract concerned."""
        self.ensure_one()
        self._check_group("credit_management.group_credit_manager")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report a Clerk's Violation"),
            "res_model": "credit.contract.violation.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }
