# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .credit_contract_review_line import REVIEW_CHECKS

REVIEWER_ROLES = [
    ("finance", "Finance"),
    ("legal", "Legal"),
    ("technical", "Technical"),
]


class CreditContractReview(models.Model):
    """Contract review form (合同审查表): one per submission of a contract.

    The clerk checks the three properties (三性: legality, authenticity, feasibility) and the five
    checks (五审查); the checks the suite can decide from its data are filled automatically.
    Major contracts are also reviewed jointly (会审) by the named reviewers; one refusal returns
    the contract to its handler.
    """

    _name = "credit.contract.review"
    _description = "Contract Review Form"
    _inherit = ["mail.thread", "credit.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_initial_state = "open"
    _workflow_fields = ("date_done", "clerk_id", "refuse_reason", "refused_by_id")
    _workflow_unlink_states = ()

    name = fields.Char(compute="_compute_name", store=True)
    contract_id = fields.Many2one(
        "credit.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    handler_id = fields.Many2one(related="contract_id.handler_id")
    round = fields.Integer(readonly=True, default=1, help="1 for the first submission, 2 ...")
    state = fields.Selection(
        [("open", "In Review"), ("approved", "Approved"), ("refused", "Returned")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_major = fields.Boolean(string="Joint Review", readonly=True)
    date_submitted = fields.Datetime(readonly=True, default=fields.Datetime.now)
    date_done = fields.Datetime(string="Concluded On", readonly=True)
    clerk_id = fields.Many2one("res.users", string="Reviewed By", readonly=True)
    refused_by_id = fields.Many2one("res.users", string="Returned By", readonly=True)
    refuse_reason = fields.Text(string="Returned Because", readonly=True)
    line_ids = fields.One2many("credit.contract.review.line", "review_id", string="Checks")
    vote_ids = fields.One2many(
        "credit.contract.review.vote", "review_id", string="Joint Review Opinions"
    )
    opinion = fields.Text(
        string="Clerk's Opinion",
        help="Overall opinion of the clerk (审查意见), printed on the form.",
    )
    complete = fields.Boolean(
        compute="_compute_complete",
        help="Every check passed or does not apply, and every joint reviewer agreed.",
    )
    over_credit = fields.Boolean(
        compute="_compute_complete",
        help="The creditworthiness check failed: a credit application may cover the contract.",
    )

    @api.depends("contract_id.name", "round")
    def _compute_name(self):
        for review in self:
            # stored, so language-neutral: "HT/2026/0001 (2)" is the second review of the contract
            review.name = f"{review.contract_id.name or ''} ({review.round})"

    @api.depends("line_ids.result", "vote_ids.state")
    def _compute_complete(self):
        for review in self:
            review.complete = all(
                line.result in ("pass", "na") for line in review.line_ids
            ) and all(vote.state == "approved" for vote in review.vote_ids)
            review.over_credit = any(
                line.check == "creditworthiness" and line.result == "fail"
                for line in review.line_ids
            )

    # ------------------------------------------------------------------ opening
    @api.model
    def _open_for(self, contracts):
        """Open the review form of each contract: its checklist, the automatic findings and,
        for major contracts, the joint reviewers named in the company settings."""
        rounds = dict(
            self._read_group(
                [("contract_id", "in", contracts.ids)],
                groupby=["contract_id"],
                aggregates=["__count"],
            )
        )
        vals_list = []
        for contract in contracts:
            reviewers = contract._joint_reviewers() if contract.is_major else []
            vals_list.append(
                {
                    "contract_id": contract.id,
                    "round": rounds.get(contract, 0) + 1,
                    "is_major": contract.is_major,
                    "line_ids": [
                        fields.Command.create({"check": code, "sequence": sequence, "auto": auto})
                        for sequence, (code, _category, auto) in enumerate(REVIEW_CHECKS)
                    ],
                    "vote_ids": [
                        fields.Command.create({"role": role, "user_id": user.id})
                        for role, user in reviewers
                    ],
                }
            )
        # sudo: the handler who submits opens the form that the credit department fills; the
        # automatic checks read credit figures the handler may not see
        reviews = self.sudo().create(vals_list)
        reviews.line_ids._evaluate()
        for review in reviews.filtered("vote_ids"):
            for vote in review.vote_ids:
                # sudo: reviewers outside the department get their to-do all the same
                review.contract_id._credit_activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Joint review (会审) of a major contract"),
                    user_id=vote.user_id.id,
                )
        return reviews.sudo(False)

    def _close(self, state, reason=None, user=None):
        user = user or self.env.user
        vals = {"state": state, "date_done": fields.Datetime.now()}
        if state == "approved":
            vals["clerk_id"] = user.id
        else:
            vals.update({"refuse_reason": reason, "refused_by_id": user.id})
        self._workflow_write(vals)
        # the votes still pending have nothing left to decide
        self.vote_ids.filtered(lambda vote: vote.state == "pending")._workflow_write(
            {"state": "cancel"}
        )

    def _check_complete(self):
        """Refuse the approval of a contract whose review is not complete, naming the first
        check or reviewer that holds it."""
        self.ensure_one()
        labels = dict(self.line_ids._fields["result"]._description_selection(self.env))
        for line in self.line_ids:
            if line.result not in ("pass", "na"):
                raise UserError(
                    self.env._(
                        "%(check)s is %(result)s on the review of %(contract)s: the contract "
                        "cannot be approved.%(hint)s",
                        check=line.check_label,
                        result=labels[line.result],
                        contract=self.contract_id.display_name,
                        hint=self.env._(" Return it to the handler instead.")
                        if line.result == "fail"
                        else "",
                    )
                )
        for vote in self.vote_ids:
            if vote.state != "approved":
                raise UserError(
                    self.env._(
                        "The joint review of %(contract)s waits for %(user)s (%(role)s).",
                        contract=self.contract_id.display_name,
                        user=vote.user_id.name,
                        role=dict(vote._fields["role"]._description_selection(self.env))[vote.role],
                    )
                )

    # ------------------------------------------------------------------ actions
    def action_refresh_checks(self):
        """Fill the automatic checks again from the current data (after the counterparty's
        file, the handler's authorization or the clauses were completed)."""
        self.contract_id._check_group("credit_management.group_credit_user")
        self._check_state(("open",))
        self.line_ids._evaluate()
        return True

    def action_approve_contract(self):
        self.ensure_one()
        self._check_state(("open",))
        return self.contract_id.action_approve()

    def action_return_contract(self):
        self.ensure_one()
        self._check_state(("open",))
        return self.contract_id.action_refuse()

    def action_propose_credit_application(self):
        self.ensure_one()
        return self.contract_id.action_propose_credit_application()

    def action_open_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.contract",
            "res_id": self.contract_id.id,
            "view_mode": "form",
        }
