# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .credit_grade import GRADES

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"
LOCKED_FIELDS = {
    "partner_id",
    "company_id",
    "application_type",
    "requested_limit",
    "approved_limit",
    "scorecard_id",
    "line_ids",
}


class CreditApplication(models.Model):
    """A credit application (信用申请 → 风险评估 → 审批决策) or a periodic review (复审).

    The analyst fills the scorecard, the total score gives the proposed grade and its suggested
    terms; a credit manager approves (a second, different manager above the company amount) and
    the approval writes the limit and grade on the customer.
    """

    _name = "credit.application"
    _description = "Credit Application"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = (
        "first_approver_id",
        "first_approval_date",
        "approver_id",
        "approval_date",
        "refuse_date",
    )
    _workflow_unlink_states = ("draft", "refused")
    # The decision must stay what the managers approved: no change to the request, the score or
    # the limit once a first approval is given (or the application is closed).
    _workflow_locked_fields = tuple(sorted(LOCKED_FIELDS))
    _workflow_edit_states = ("draft", "submitted")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    application_type = fields.Selection(
        [("application", "Credit Application"), ("review", "Credit Review")],
        string="Type",
        required=True,
        default="application",
        readonly=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("first_approved", "Awaiting Second Approval"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Analyst",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date = fields.Date(default=fields.Date.context_today, required=True)

    # current situation (snapshot taken when the customer is chosen)
    current_limit = fields.Monetary(compute="_compute_current", store=True, readonly=True)
    current_grade = fields.Selection(GRADES, compute="_compute_current", store=True, readonly=True)

    # request
    requested_limit = fields.Monetary(tracking=True)
    justification = fields.Text()

    # risk assessment
    scorecard_id = fields.Many2one(
        "credit.scorecard",
        default=lambda self: self.env["credit.scorecard"]._default_scorecard(),
        check_company=True,
    )
    line_ids = fields.One2many(
        "credit.application.line",
        "application_id",
        string="Scorecard Lines",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        copy=True,
    )
    total_score = fields.Float(compute="_compute_total_score", store=True, tracking=True)
    proposed_grade_id = fields.Many2one(
        "credit.grade", compute="_compute_proposed_grade", store=True, string="Proposed Grade Rule"
    )
    proposed_grade = fields.Selection(related="proposed_grade_id.code", store=True, tracking=True)
    is_downgrade = fields.Boolean(
        compute="_compute_is_downgrade",
        store=True,
        help="The proposed grade is worse than the customer's current grade (风险预警).",
    )
    suggested_limit = fields.Monetary(related="proposed_grade_id.suggested_limit")
    suggested_payment_term_id = fields.Many2one(
        related="proposed_grade_id.payment_term_id", string="Suggested Payment Terms"
    )
    suggested_tolerance_percent = fields.Float(
        compute="_compute_suggested_terms", string="Suggested Tolerance (%)"
    )
    suggested_max_overdue_days = fields.Integer(compute="_compute_suggested_terms")

    # decision
    approved_limit = fields.Monetary(
        compute="_compute_approved_limit",
        store=True,
        readonly=False,
        tracking=True,
        help="Limit written on the customer at approval. Defaults to the requested limit; for a "
        "review that downgrades the customer, to the lower limit suggested by the new grade.",
    )
    needs_second_approval = fields.Boolean(compute="_compute_needs_second_approval")
    first_approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    first_approval_date = fields.Datetime(readonly=True, copy=False)
    approver_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    approval_date = fields.Datetime(readonly=True, copy=False)
    refuse_reason = fields.Text(copy=False, tracking=True)
    refuse_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "limits_positive",
            "CHECK(requested_limit >= 0 AND approved_limit >= 0)",
            "Credit limits cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("partner_id", "company_id")
    def _compute_current(self):
        for app in self:
            # sudo: credit_limit is restricted to accountants by the host; we only read it to
            # show the current limit to the credit analyst preparing the application.
            partner = app.partner_id.commercial_partner_id.with_company(app.company_id).sudo()
            app.current_limit = partner.credit_limit
            app.current_grade = partner.credit_grade

    @api.depends("scorecard_id")
    def _compute_line_ids(self):
        for app in self:
            app.line_ids = [fields.Command.clear()] + [
                fields.Command.create({"criterion_id": criterion.id})
                for criterion in app.scorecard_id.criterion_ids
            ]

    @api.depends("line_ids.weighted_score")
    def _compute_total_score(self):
        for app in self:
            app.total_score = round(sum(app.line_ids.mapped("weighted_score")), 2)

    @api.depends("total_score", "company_id", "line_ids")
    def _compute_proposed_grade(self):
        grade_model = self.env["credit.grade"]
        for app in self:
            if not app.line_ids:
                app.proposed_grade_id = False
                continue
            app.proposed_grade_id = grade_model._grade_for_score(app.total_score, app.company_id)

    @api.depends("proposed_grade", "current_grade")
    def _compute_is_downgrade(self):
        for app in self:
            app.is_downgrade = bool(
                app.proposed_grade and app.current_grade and app.proposed_grade > app.current_grade
            )

    @api.depends("proposed_grade_id", "company_id")
    def _compute_suggested_terms(self):
        for app in self:
            grade, company = app.proposed_grade_id, app.company_id
            app.suggested_tolerance_percent = (
                grade.tolerance_percent
                if grade.override_tolerance
                else company.credit_tolerance_percent
            )
            app.suggested_max_overdue_days = (
                grade.max_overdue_days
                if grade.override_max_overdue_days
                else company.credit_max_overdue_days
            )

    @api.depends(
        "application_type", "requested_limit", "current_limit", "suggested_limit", "is_downgrade"
    )
    def _compute_approved_limit(self):
        for app in self:
            if app.application_type == "review":
                lower = app.is_downgrade and app.suggested_limit < app.current_limit
                app.approved_limit = app.suggested_limit if lower else app.current_limit
            else:
                app.approved_limit = app.requested_limit

    @api.depends("approved_limit", "company_id.credit_application_second_approval_amount")
    def _compute_needs_second_approval(self):
        for app in self:
            threshold = app.company_id.credit_application_second_approval_amount
            app.needs_second_approval = bool(threshold) and app.approved_limit > threshold

    # ------------------------------------------------------------------ constraints
    @api.constrains("partner_id")
    def _check_partner_commercial(self):
        for app in self:
            if app.partner_id != app.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Credit applications are made for the company, not for its contact "
                        "%(contact)s: choose %(company)s.",
                        contact=app.partner_id.display_name,
                        company=app.partner_id.commercial_partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "credit.application"
                ) or self.env._("New")
        return super().create(vals_list)

    # ------------------------------------------------------------------ helpers
    def _check_group(self, group_xmlid):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            group = self.env.ref(group_xmlid)
            raise AccessError(
                self.env._(
                    "Only members of the group %(group)s can do this on credit applications.",
                    group=group.name,
                )
            )

    # ------------------------------------------------------------------ actions
    def action_refresh_data(self):
        """Recompute the quantitative values measured from the customer's history."""
        self._check_group(CREDIT_USER)
        self._check_state(("draft", "submitted"))
        self.line_ids._refresh_measured_values()
        return True

    def action_submit(self):
        self._check_group(CREDIT_USER)
        self._check_state(("draft",))
        for app in self:
            if not app.line_ids:
                raise UserError(
                    self.env._("Fill the scorecard of %(name)s before submitting.", name=app.name)
                )
            if app.application_type == "application" and not app.requested_limit:
                raise UserError(self.env._("Enter the requested limit of %(name)s.", name=app.name))
        self._workflow_write({"state": "submitted"})
        for app in self:
            app._credit_message_post(
                self.env._(
                    "Submitted for approval: score %(score)s, proposed grade %(grade)s.",
                    score=app.total_score,
                    grade=app.proposed_grade or "-",
                )
            )
        return True

    def action_approve(self):
        """First or final approval by a credit manager.

        Above the company's second-approval amount, the first approval only moves the
        application to "Awaiting Second Approval" and another manager must approve.
        """
        self._check_group(CREDIT_MANAGER)
        self._check_state(("submitted", "first_approved"))
        user = self.env.user
        now = fields.Datetime.now()
        final = self.browse()
        for app in self:
            if app.state == "submitted" and app.needs_second_approval:
                app._workflow_write(
                    {
                        "state": "first_approved",
                        "first_approver_id": user.id,
                        "first_approval_date": now,
                    }
                )
                app._credit_message_post(
                    self.env._(
                        "First approval by %(user)s. The limit %(limit)s is above %(threshold)s: "
                        "a second credit manager must approve.",
                        user=user.name,
                        limit=app.approved_limit,
                        threshold=app.company_id.credit_application_second_approval_amount,
                    )
                )
                continue
            if app.state == "first_approved" and app.first_approver_id == user:
                raise AccessError(
                    self.env._(
                        "%(name)s needs a second approval by a different credit manager.",
                        name=app.name,
                    )
                )
            final |= app
        if final:
            final._workflow_write(
                {"state": "approved", "approver_id": user.id, "approval_date": now}
            )
            final._apply_to_partner()
        return True

    def action_refuse(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("submitted", "first_approved"))
        for app in self:
            if not app.refuse_reason:
                raise UserError(
                    self.env._("Write the reason of the refusal of %(name)s first.", name=app.name)
                )
        self._workflow_write({"state": "refused", "refuse_date": fields.Datetime.now()})
        for app in self:
            app._credit_message_post(self.env._("Refused: %(reason)s", reason=app.refuse_reason))
        return True

    def action_draft(self):
        self._check_group(CREDIT_USER)
        self._check_state(("refused",))
        self._workflow_write(
            {
                "state": "draft",
                "first_approver_id": False,
                "first_approval_date": False,
                "refuse_date": False,
            }
        )
        self._credit_message_post(self.env._("Reset to draft."))
        return True

    # ------------------------------------------------------------------ business
    def _apply_to_partner(self):
        """Write the decision on the customers: limit (company-dependent), grade, score, review
        dates; post it on the customer's chatter and close its pending review activities."""
        review_type = self.env.ref(
            "credit_management.mail_activity_type_credit_review", raise_if_not_found=False
        )
        for app in self:
            # sudo: the caller is a credit manager (checked in action_approve). The host
            # restricts credit_limit to accountants and partner writes to contact managers,
            # neither of which a credit manager needs to be; only the decided fields are written
            # and the chatter message keeps the manager as author (sudo keeps the uid).
            partner = app.partner_id.commercial_partner_id.sudo()
            interval = app.proposed_grade_id.review_interval_months or 12
            # the review dates are the company's (a Shanghai company is a day ahead of UTC)
            today = app.company_id._credit_today()
            old_limit = app.current_limit
            partner.with_company(app.company_id).write({"credit_limit": app.approved_limit})
            partner.write(
                {
                    "credit_grade": app.proposed_grade,
                    "credit_score": app.total_score,
                    "credit_review_date_last": today,
                    "credit_review_date_next": today + relativedelta(months=interval),
                }
            )
            partner._credit_message_post(
                self.env._(
                    "%(type)s %(name)s approved by %(user)s: credit limit %(old)s → %(new)s "
                    "(%(company)s), grade %(grade)s, score %(score)s.",
                    type=dict(self._fields["application_type"]._description_selection(self.env))[
                        app.application_type
                    ],
                    name=app.name,
                    user=self.env.user.name,
                    old=old_limit,
                    new=app.approved_limit,
                    company=app.company_id.name,
                    grade=app.proposed_grade or "-",
                    score=app.total_score,
                )
            )
            app._credit_message_post(
                self.env._(
                    "Approved: credit limit %(limit)s and grade %(grade)s written on %(partner)s.",
                    limit=app.approved_limit,
                    grade=app.proposed_grade or "-",
                    partner=partner.display_name,
                )
            )
        if review_type:
            # sudo: the review activities may be assigned to another analyst, whom the approving
            # manager cannot see through the activity rules; the approval closes them.
            activities = (
                self.env["mail.activity"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", self.partner_id.commercial_partner_id.ids),
                        ("activity_type_id", "=", review_type.id),
                    ]
                )
            )
            self._credit_activity_feedback(activities, self.env._("Credit review approved."))
