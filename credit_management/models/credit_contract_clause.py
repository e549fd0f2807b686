# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditContractClause(models.Model):
    """A clause of the contract's template, ticked when the contract text contains it."""

    _name = "credit.contract.clause"
    _description = "Contract Clause"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one("credit.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Clause", required=True)
    required = fields.Boolean(default=True)
    included = fields.Boolean(help="The contract text contains this clause.")
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        clauses = super().create(vals_list)
        clauses._check_contract_draft()
        return clauses

    def write(self, vals):
        self._check_contract_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_contract_draft()

    def _check_contract_draft(self):
        if self.env.su:
            return
        locked = self.contract_id.filtered(lambda contract: contract.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "The clauses of %(contract)s can only be changed while it is a draft: "
                    "amend the contract instead.",
                    contract=locked[0].display_name,
                )
            )
