# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.credit_contract import TERMINATION_PROCEDURES

# kind -> the model whose records it decides on
KIND_MODELS = {
    "refuse": "credit.contract",
    "terminate": "credit.contract",
    "invalidate": "credit.contract",
    "vote_refuse": "credit.contract.review.vote",
    "revoke": "credit.contract.authorization",
}


class CreditContractDecisionWizard(models.TransientModel):
    """Asks what a contract decision needs (the reason, the termination procedure) before the
    document's own method decides and checks the rights."""

    _name = "credit.contract.decision.wizard"
    _description = "Contract Decision"

    kind = fields.Selection(
        [
            ("refuse", "Return to Handler"),
            ("vote_refuse", "Refuse in Joint Review"),
            ("terminate", "Terminate Contract"),
            ("invalidate", "Declare Invalid"),
            ("revoke", "Revoke Authorization"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(string="Document Model", readonly=True)
    res_ids = fields.Char(string="Documents", readonly=True)
    reason = fields.Text()
    termination_procedure = fields.Selection(TERMINATION_PROCEDURES, string="Procedure")
    termination_notice_date = fields.Date(string="Notice Date")
    termination_date = fields.Date(default=fields.Date.context_today)
    termination_document = fields.Binary(string="Agreement / Notice")
    termination_document_name = fields.Char()

    def _records(self):
        self.ensure_one()
        model = KIND_MODELS[self.kind]
        if self.res_model != model:
            raise UserError(self.env._("This decision does not apply to these documents."))
        ids = [int(value) for value in re.findall(r"\d+", self.res_ids or "")]
        return self.env[model].browse(ids).exists()

    def action_confirm(self):
        records = self._records()
        if self.kind == "refuse":
            records._check_group("credit_management.group_credit_user")
            records._return_to_handler(self.reason)
        elif self.kind == "vote_refuse":
            records._refuse(self.reason)
        elif self.kind == "terminate":
            records._terminate(
                {
                    "termination_reason": self.reason,
                    "termination_procedure": self.termination_procedure,
                    "termination_notice_date": self.termination_notice_date,
                    "termination_date": self.termination_date,
                    "termination_document": self.termination_document,
                    "termination_document_name": self.termination_document_name,
                }
            )
        elif self.kind == "invalidate":
            records._invalidate(self.reason)
        elif self.kind == "revoke":
            records._revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
