# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .credit_contract_review import REVIEWER_ROLES


class CreditContractReviewVote(models.Model):
    """The opinion of one named reviewer in the joint review (会审) of a major contract."""

    _name = "credit.contract.review.vote"
    _description = "Joint Review Opinion"
    _inherit = ["credit.workflow.mixin"]
    _order = "review_id, id"
    _workflow_initial_state = "pending"
    _workflow_fields = ("date",)
    _workflow_unlink_states = ()

    review_id = fields.Many2one(
        "credit.contract.review", required=True, ondelete="cascade", index=True
    )
    contract_id = fields.Many2one(related="review_id.contract_id", store=True, index=True)
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    role = fields.Selection(REVIEWER_ROLES, required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Reviewer", required=True, readonly=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("approved", "Agreed"),
            ("refused", "Refused"),
            ("cancel", "Not Needed"),
        ],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
    )
    comment = fields.Text(string="Opinion")
    date = fields.Datetime(readonly=True)
    is_mine = fields.Boolean(compute="_compute_is_mine")

    def _compute_is_mine(self):
        for vote in self:
            vote.is_mine = vote.user_id == self.env.user

    def write(self, vals):
        if "comment" in vals and not self.env.su:
            self._check_reviewer()
            if any(vote.state != "pending" for vote in self):
                raise UserError(self.env._("A given opinion can no longer be changed."))
        return super().write(vals)

    def _check_reviewer(self):
        others = self.filtered(lambda vote: vote.user_id != self.env.user)
        if others and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only %(user)s gives the %(role)s opinion on %(contract)s.",
                    user=others[0].user_id.name,
                    role=dict(self._fields["role"]._description_selection(self.env))[
                        others[0].role
                    ],
                    contract=others[0].contract_id.display_name,
                )
            )

    def _check_open(self):
        self._check_state(("pending",))
        if any(vote.review_id.state != "open" for vote in self):
            raise UserError(self.env._("This review is concluded."))

    def action_approve(self):
        self._check_reviewer()
        self._check_open()
        self._workflow_write({"state": "approved", "date": fields.Datetime.now()})
        for vote in self:
            # posted by the suite's helper as the reviewer, who may be outside the credit
            # department (finance, technical)
            vote.contract_id._credit_message_post(
                self.env._(
                    "Joint review: %(user)s agrees. %(comment)s",
                    user=self.env.user.name,
                    comment=vote.comment or "",
                ),
            )
            vote._done_activity()
        return True

    def action_refuse(self):
        self._check_reviewer()
        self._check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse"),
            "res_model": "credit.contract.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_kind": "vote_refuse",
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
            },
        }

    def _refuse(self, reason):
        """One refusal returns the contract to its handler with the reason."""
        self._check_reviewer()
        self._check_open()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Reason: say why you refuse the contract."))
        self._workflow_write({"state": "refused", "date": fields.Datetime.now(), "comment": reason})
        for vote in self:
            vote._done_activity()
            # sudo: a named reviewer may return the contract although outside the department
            vote.contract_id.sudo()._return_to_handler(reason, refused_by=self.env.user)
        return True

    def _done_activity(self):
        self.ensure_one()
        # sudo: the reviewer closes the to-do he was given on the contract
        activities = self.contract_id.sudo().activity_ids.filtered(
            lambda act: (
                act.user_id == self.user_id
                and act.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
            )
        )
        activities.action_feedback(feedback=self.env._("Opinion given."))
