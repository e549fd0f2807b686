# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditContractViolationWizard(models.TransientModel):
    """Raise the disqualifying violation (利用合同从事违法违纪活动) from the contract concerned: it
    goes on the clerk's appraisal of the year, whose approval by the legal representative
    revokes the qualification whatever the score."""

    _name = "credit.contract.violation.wizard"
    _description = "Report a Clerk's Violation"

    contract_id = fields.Many2one("credit.contract", required=True, readonly=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Clerk",
        required=True,
        domain=[("is_credit_clerk", "=", True)],
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    description = fields.Text(required=True, help="What the clerk did with the contract.")

    @api.depends("contract_id")
    def _compute_employee_id(self):
        for wizard in self:
            # sudo: the clerk's employee record, to propose the appraisal concerned
            user = wizard.contract_id.clerk_id
            wizard.employee_id = (
                self.env["hr.employee"]
                .sudo()
                .search([("user_id", "=", user.id), ("is_credit_clerk", "=", True)], limit=1)
                if user
                else False
            )

    def action_confirm(self):
        self.ensure_one()
        contract = self.contract_id
        contract._check_group("credit_management.group_credit_manager")
        description = (self.description or "").strip()
        if not description:
            raise UserError(self.env._("Description: describe the violation."))
        Appraisal = self.env["credit.appraisal"]
        appraisal = Appraisal.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("year", "=", self.year),
                ("state", "!=", "cancel"),
            ],
            limit=1,
        )
        if appraisal.state == "approved":
            raise UserError(
                self.env._(
                    "The %(year)s appraisal of %(clerk)s is already approved: reopen it to record "
                    "the violation.",
                    year=self.year,
                    clerk=self.employee_id.name,
                )
            )
        if not appraisal:
            appraisal = Appraisal.create({"employee_id": self.employee_id.id, "year": self.year})
        text = self.env._(
            "Contract %(contract)s: %(description)s",
            contract=contract.name,
            description=description,
        )
        appraisal.write(
            {
                "violation": True,
                "violation_description": "\n".join(
                    part for part in (appraisal.violation_description, text) if part
                ),
                "violation_contract_id": contract.id,
            }
        )
        appraisal._credit_message_post(self.env._("Violation recorded: %(text)s", text=text))
        contract._credit_message_post(
            self.env._(
                "Violation of the clerk %(clerk)s recorded on the appraisal %(appraisal)s.",
                clerk=self.employee_id.name,
                appraisal=appraisal.name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.appraisal",
            "res_id": appraisal.id,
            "view_mode": "form",
        }
