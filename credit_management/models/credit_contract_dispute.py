# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

DISPUTE_STAGES = [
    ("negotiation", "Negotiation"),
    ("mediation", "Mediation"),
    ("arbitration", "Arbitration"),
    ("litigation", "Litigation"),
    ("closed", "Closed"),
]
NEXT_STAGE = {
    "negotiation": "mediation",
    "mediation": "arbitration",
    "arbitration": "litigation",
}
OUTCOMES = [
    ("settled", "Settled by Agreement"),
    ("mediated", "Settled by Mediation"),
    ("won", "Won (Award / Judgment)"),
    ("lost", "Lost (Award / Judgment)"),
    ("partial", "Partly Won"),
    ("withdrawn", "Withdrawn"),
]


class CreditContractDispute(models.Model):
    """A contract dispute (合同纠纷): negotiation (协商) → mediation (调解) → arbitration (仲裁) →
    litigation (诉讼), with the amount in dispute, the dates of each stage and the outcome."""

    _name = "credit.contract.dispute"
    _description = "Contract Dispute"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date_opened desc, id desc"
    _check_company_auto = True
    _workflow_initial_state = "negotiation"
    _workflow_fields = ("date_mediation", "date_arbitration", "date_litigation", "date_closed")
    _workflow_unlink_states = ("negotiation",)

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    contract_id = fields.Many2one(
        "credit.contract", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    kind = fields.Selection(related="contract_id.kind", store=True)
    user_id = fields.Many2one(
        "res.users", string="Clerk", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        DISPUTE_STAGES,
        string="Stage",
        default="negotiation",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text()
    counterparty_claim = fields.Text(string="Counterparty's Claim")
    amount_disputed = fields.Monetary(string="Amount in Dispute", tracking=True)
    date_opened = fields.Date(string="Opened On", required=True, default=fields.Date.context_today)
    date_mediation = fields.Date(string="Mediation Since", readonly=True, copy=False)
    date_arbitration = fields.Date(string="Arbitration Since", readonly=True, copy=False)
    date_litigation = fields.Date(string="Litigation Since", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    forum = fields.Char(
        string="Mediator / Tribunal / Court", tracking=True, help="Who hears the dispute."
    )
    case_number = fields.Char(tracking=True)
    outcome = fields.Selection(OUTCOMES, tracking=True, copy=False)
    outcome_amount = fields.Monetary(
        string="Amount Obtained", copy=False, help="What the company obtains (or pays, negative)."
    )
    outcome_note = fields.Text(copy=False)

    @api.constrains("amount_disputed")
    def _check_amount_disputed(self):
        for dispute in self:
            if dispute.currency_id.compare_amounts(dispute.amount_disputed, 0) < 0:
                raise ValidationError(
                    self.env._(
                        "Amount in Dispute: it cannot be negative (got %(amount)s).",
                        amount=dispute.amount_disputed,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_clerk()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                contract = self.env["credit.contract"].browse(vals.get("contract_id"))
                company = contract.company_id or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "credit.contract.dispute"
                ) or self.env._("New")
        disputes = super().create(vals_list)
        for dispute in disputes:
            dispute.contract_id._credit_message_post(
                self.env._(
                    "Dispute %(dispute)s opened: %(subject)s",
                    dispute=dispute.name,
                    subject=dispute.subject,
                )
            )
        return disputes

    def write(self, vals):
        if not self.env.su and {"outcome", "outcome_amount", "contract_id"} & vals.keys():
            if any(dispute.state == "closed" for dispute in self):
                raise UserError(self.env._("The outcome of a closed dispute can no longer change."))
        return super().write(vals)

    def _check_clerk(self):
        if not (self.env.su or self.env.user.has_group("credit_management.group_credit_user")):
            raise AccessError(self.env._("Only the credit department handles contract disputes."))

    def action_escalate(self):
        """Move the dispute to the next stage: mediation, arbitration, then litigation."""
        self._check_clerk()
        self._check_state(tuple(NEXT_STAGE))
        today = fields.Date.context_today(self)
        labels = dict(self._fields["state"]._description_selection(self.env))
        for dispute in self:
            stage = NEXT_STAGE[dispute.state]
            dispute._workflow_write({"state": stage, f"date_{stage}": today})
            dispute._credit_message_post(self.env._("Escalated to %(stage)s.", stage=labels[stage]))
        self.filtered(lambda d: d.state == "litigation")._on_litigation()
        return True

    def _on_litigation(self):
        """Hook: a dispute went to court (the collections module opens its legal case)."""
        return True

    def action_close(self):
        self._check_clerk()
        self._check_state(("negotiation", "mediation", "arbitration", "litigation"))
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        for dispute in self:
            if not dispute.outcome:
                raise UserError(
                    self.env._(
                        "Outcome: record the outcome of %(dispute)s before closing it.",
                        dispute=dispute.name,
                    )
                )
        self._workflow_write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        for dispute in self:
            message = self.env._(
                "Dispute %(dispute)s closed: %(outcome)s.",
                dispute=dispute.name,
                outcome=outcomes[dispute.outcome],
            )
            dispute._credit_message_post(message)
            dispute.contract_id._credit_message_post(message)
        return True
