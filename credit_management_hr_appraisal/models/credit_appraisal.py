# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .credit_appraisal_template_band import AWARD_RATINGS, RATINGS

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("reviewed", "Reviewed"),
    ("approved", "Approved"),
    ("cancel", "Cancelled"),
]
# Fields only the workflow methods change (a write through RPC must not skip the rights checks).
WORKFLOW_FIELDS = {"state", "bonus_deduction", "reviewer_id", "approver_id", "approval_date"}
MANAGER_GROUPS = ("credit_management.group_credit_manager", "hr.group_hr_user")


class CreditAppraisal(models.Model):
    _name = "credit.appraisal"
    _description = "Credit Clerk Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, employee_id"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        tracking=True,
        index=True,
        domain=[("is_credit_clerk", "=", True)],
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id", string="Clerk User")
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        index=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        aggregator=False,
        help="Year appraised (year-end appraisal).",
    )
    template_id = fields.Many2one(
        "credit.appraisal.template",
        required=True,
        default=lambda self: self._default_template_id(),
        domain="[('company_id', 'in', [company_id, False])]",
    )
    appraiser_id = fields.Many2one(
        "res.users",
        compute="_compute_appraiser_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Who scores the clerk: by default the user of the clerk's manager.",
    )
    line_ids = fields.One2many("credit.appraisal.line", "appraisal_id", string="Scores", copy=True)
    total_score = fields.Float(
        compute="_compute_total_score", store=True, digits=(16, 1), tracking=True
    )
    rating = fields.Selection(
        RATINGS, compute="_compute_total_score", store=True, tracking=True, string="Band"
    )
    is_award = fields.Boolean(
        compute="_compute_total_score",
        store=True,
        help="Advanced, excellent or commended: approved by the legal representative.",
    )
    violation = fields.Boolean(
        tracking=True,
        help="The clerk used contracts for illegal activities: the qualification is revoked "
        "whatever the score.",
    )
    violation_description = fields.Text()
    violation_contract_id = fields.Many2one(
        "credit.contract",
        string="Contract Concerned",
        help="The contract the clerk used for illegal activities (利用合同从事违法违纪活动).",
    )
    bonus_deduction = fields.Boolean(
        readonly=True,
        tracking=True,
        help="Set when an approved appraisal is the clerk's first fail (扣发奖金).",
    )
    note = fields.Html(string="Comments")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, readonly=True, copy=False
    )
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approval_date = fields.Date(readonly=True, copy=False)

    @api.model
    def _default_template_id(self):
        template = self.env.ref(
            "credit_management_hr_appraisal.appraisal_template_credit_clerk",
            raise_if_not_found=False,
        )
        if template and template.active:
            return template
        return self.env["credit.appraisal.template"].search(
            [("company_id", "in", [self.env.company.id, False])], limit=1
        )

    @api.depends("employee_id.name", "year")
    def _compute_name(self):
        for appraisal in self:
            appraisal.name = self.env._(
                "%(employee)s - %(year)s",
                employee=appraisal.employee_id.name or "",
                year=appraisal.year,
            )

    @api.depends("employee_id")
    def _compute_company_id(self):
        for appraisal in self:
            appraisal.company_id = appraisal.employee_id.company_id or self.env.company

    @api.depends("employee_id")
    def _compute_appraiser_id(self):
        for appraisal in self:
            # sudo: reading the manager's user of an employee, a public fact (org chart)
            manager_user = appraisal.employee_id.sudo().parent_id.user_id
            appraisal.appraiser_id = manager_user or appraisal.appraiser_id

    @api.depends("line_ids.score", "template_id.band_ids.min_score", "template_id.band_ids.rating")
    def _compute_total_score(self):
        for appraisal in self:
            total = sum(appraisal.line_ids.mapped("score"))
            appraisal.total_score = total
            rating = appraisal.template_id._rating_for(total) if appraisal.template_id else "fail"
            appraisal.rating = rating
            appraisal.is_award = rating in AWARD_RATINGS

    @api.constrains("violation", "violation_description")
    def _check_violation_description(self):
        for appraisal in self:
            if appraisal.violation and not (appraisal.violation_description or "").strip():
                raise ValidationError(
                    self.env._("Describe the violation of %(name)s.", name=appraisal.name)
                )

    @api.constrains("year")
    def _check_year(self):
        for appraisal in self:
            if not 1990 <= appraisal.year <= 2200:
                raise ValidationError(
                    self.env._("%(year)s is not a valid appraisal year.", year=appraisal.year)
                )

    @api.onchange("template_id")
    def _onchange_template_id(self):
        # new records in the form: show the template's items right away
        if self.template_id and not self._origin.id:
            self.line_ids = [Command.clear()] + [
                Command.create(vals) for vals in self.template_id._appraisal_line_values()
            ]

    def init(self):
        # One appraisal per clerk and year, cancelled ones excluded: a partial unique index (a table
        # constraint cannot have a WHERE clause). It guards against concurrent creations; the
        # friendly message comes from _check_unique_period(), called before writing.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS credit_appraisal_employee_year_uniq "
                "ON credit_appraisal (employee_id, year) WHERE state != 'cancel'"
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(set(vals) & WORKFLOW_FIELDS for vals in vals_list):
            raise AccessError(self.env._("The appraisal workflow fields are set by its buttons."))
        self._check_unique_period(
            [(vals.get("employee_id"), vals.get("year"), vals.get("state")) for vals in vals_list]
        )
        appraisals = super().create(vals_list)
        appraisals._check_appraiser_assignment()
        appraisals.filtered(lambda a: not a.line_ids)._fill_lines_from_template()
        return appraisals

    def write(self, vals):
        if (
            set(vals) & WORKFLOW_FIELDS
            and not self.env.su
            and not self.env.context.get("credit_appraisal_workflow")
        ):
            raise AccessError(self.env._("The appraisal workflow fields are set by its buttons."))
        if {"employee_id", "year", "state"} & set(vals):
            self._check_unique_period(
                [
                    (
                        vals.get("employee_id", appraisal.employee_id.id),
                        vals.get("year", appraisal.year),
                        vals.get("state", appraisal.state),
                    )
                    for appraisal in self
                ],
                exclude=self,
            )
        locked = {"employee_id", "year", "template_id", "line_ids"} & set(vals)
        if locked and any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only draft appraisals can be rescored or reassigned."))
        res = super().write(vals)
        if {"employee_id", "appraiser_id"} & set(vals):
            self._check_appraiser_assignment()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancel(self):
        if any(a.state not in ("draft", "cancel") for a in self):
            raise UserError(self.env._("Only draft or cancelled appraisals can be deleted."))

    # ------------------------------------------------------------------ workflow

    def action_submit(self):
        """The appraiser (or a credit manager) sends the sheet to the credit department."""
        self._check_state("draft")
        for appraisal in self:
            if not (appraisal._is_manager_user() or appraisal._is_appraiser()):
                raise AccessError(
                    self.env._("Only the appraiser of %(name)s can submit it.", name=appraisal.name)
                )
        self._set_state("submitted")
        return True

    def action_review(self):
        """The credit department (credit managers) reviews the appraisal."""
        self._check_state("submitted")
        if not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(self.env._("Only the credit department (credit managers) reviews."))
        self._set_state("reviewed", reviewer_id=self.env.user.id)
        return True

    def action_approve(self):
        """The legal representative approves: the consequences of the result apply."""
        self._check_state("reviewed")
        if not self.env.user.has_group("credit_management.group_credit_legal_representative"):
            raise AccessError(
                self.env._("Only the legal representative (appraisal approvers) approves.")
            )
        self._set_state(
            "approved",
            approver_id=self.env.user.id,
            approval_date=fields.Date.context_today(self),
        )
        for appraisal in self.sorted(lambda a: (a.year, a.id)):
            appraisal._apply_consequences()
        return True

    def action_cancel(self):
        self._check_state("draft", "submitted", "reviewed")
        for appraisal in self:
            if not (
                appraisal._is_manager_user()
                or (appraisal.state == "draft" and appraisal._is_appraiser())
            ):
                raise AccessError(
                    self.env._("You cannot cancel the appraisal %(name)s.", name=appraisal.name)
                )
        self._set_state("cancel")
        return True

    def action_draft(self):
        """Send a submitted, reviewed or cancelled appraisal back to draft (credit managers, HR)."""
        self._check_state("submitted", "reviewed", "cancel")
        self._check_manager()
        self._set_state("draft", reviewer_id=False)
        return True

    def action_reopen(self):
        """Reopen an approved appraisal (credit managers): its consequences are undone."""
        self._check_state("approved")
        if not self.env.user.has_group("credit_management.group_credit_manager"):
            raise AccessError(self.env._("Only credit managers can reopen an approved appraisal."))
        for appraisal in self.sorted(lambda a: (a.year, a.id), reverse=True):
            appraisal._undo_consequences()
        self._set_state("draft", reviewer_id=False, approver_id=False, approval_date=False)
        return True

    def _check_state(self, *states):
        state_names = dict(self._fields["state"]._description_selection(self.env))
        for appraisal in self:
            if appraisal.state not in states:
                raise UserError(
                    self.env._(
                        "The appraisal %(name)s is %(state)s: this step is not possible.",
                        name=appraisal.name,
                        state=state_names[appraisal.state],
                    )
                )

    def _check_manager(self):
        if not any(self.env.user.has_group(group) for group in MANAGER_GROUPS):
            raise AccessError(
                self.env._("Only credit managers and HR officers can do this on appraisals.")
            )

    def _check_appraiser_assignment(self):
        """Only credit managers and HR officers choose an appraiser other than the clerk's manager:
        the appraiser gets read and write access to the appraisal."""
        if self.env.su or self._is_manager_user():
            return
        for appraisal in self:
            # sudo: the manager link of the clerk (org chart)
            manager_user = appraisal.employee_id.sudo().parent_id.user_id
            if appraisal.appraiser_id != manager_user or not manager_user:
                raise AccessError(
                    self.env._(
                        "Only credit managers and HR officers can appraise %(employee)s: you are "
                        "not the clerk's manager.",
                        employee=appraisal.employee_id.sudo().name,
                    )
                )

    def _is_manager_user(self):
        return any(self.env.user.has_group(group) for group in MANAGER_GROUPS)

    def _is_appraiser(self):
        self.ensure_one()
        user = self.env.user
        # sudo: the manager link of the clerk (org chart), read to decide who is the appraiser
        return self.appraiser_id == user or self.employee_id.sudo().parent_id.user_id == user

    def _set_state(self, state, **values):
        state_names = dict(self._fields["state"]._description_selection(self.env))
        self.with_context(credit_appraisal_workflow=True).write(dict(values, state=state))
        for appraisal in self:
            appraisal._credit_message_post(
                self.env._("Appraisal %(state)s.", state=state_names[state].lower())
            )

    # ------------------------------------------------------------------ consequences

    def _apply_consequences(self):
        """Clerk status after this approved appraisal (manual: fail once → education and bonus
        deducted, twice → qualification lost, illegal use of contracts → lost at once)."""
        self.ensure_one()
        employee = self.employee_id
        if self.violation:
            employee._credit_set_clerk_status(
                "disqualified",
                self.env._("Illegal use of contracts (appraisal %(name)s)", name=self.name),
                appraisal=self,
            )
        if self.rating != "fail":
            return
        fail_count = self.search_count(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "approved"),
                ("rating", "=", "fail"),
            ]
        )
        if fail_count >= 2:
            employee._credit_set_clerk_status(
                "disqualified",
                self.env._("Second failed appraisal (%(name)s)", name=self.name),
                appraisal=self,
            )
            return
        self.with_context(credit_appraisal_workflow=True).write({"bonus_deduction": True})
        if not self.violation:
            employee._credit_set_clerk_status(
                "warned",
                self.env._("First failed appraisal (%(name)s)", name=self.name),
                appraisal=self,
            )
        self._schedule_training_activity()

    def _schedule_training_activity(self):
        self.ensure_one()
        # sudo: the clerk's manager is an org-chart fact the approver may not read on hr.employee
        employee = self.employee_id.sudo()
        user = employee.parent_id.user_id or self.appraiser_id or self.env.user
        self._credit_activity_schedule(
            "credit_management_hr_appraisal.mail_activity_credit_clerk_training",
            user_id=user.id,
            note=self.env._(
                "%(employee)s failed the %(year)s appraisal: organise education, help and a "
                "training session.",
                employee=employee.name,
                year=self.year,
            ),
        )

    def _undo_consequences(self):
        self.ensure_one()
        History = self.env["credit.clerk.status.history"].sudo()
        changes = History.search([("appraisal_id", "=", self.id)], order="date asc, id asc")
        if changes:
            self.employee_id._credit_set_clerk_status(
                changes[0].old_status or "qualified",
                self.env._("Appraisal %(name)s reopened", name=self.name),
                appraisal=self,
            )
        if self.bonus_deduction:
            self.with_context(credit_appraisal_workflow=True).write({"bonus_deduction": False})
        activity_type = self.env.ref(
            "credit_management_hr_appraisal.mail_activity_credit_clerk_training",
            raise_if_not_found=False,
        )
        if activity_type:
            self.activity_unlink(
                ["credit_management_hr_appraisal.mail_activity_credit_clerk_training"]
            )

    # ------------------------------------------------------------------ helpers

    def _fill_lines_from_template(self):
        if not self:
            return
        commands = []
        for appraisal in self:
            for vals in appraisal.template_id._appraisal_line_values():
                commands.append(dict(vals, appraisal_id=appraisal.id))
        self.env["credit.appraisal.line"].create(commands)

    def _check_unique_period(self, keys, exclude=None):
        """Refuse a second non-cancelled appraisal of a clerk for a year (``keys``: employee, year,
        state triples about to be written)."""
        wanted = [(emp, year) for emp, year, state in keys if emp and year and state != "cancel"]
        if not wanted:
            return
        for emp, year in set(wanted):
            if wanted.count((emp, year)) > 1:
                self._raise_duplicate(emp, year)
        domain = [
            ("employee_id", "in", list({emp for emp, _year in wanted})),
            ("year", "in", list({year for _emp, year in wanted})),
            ("state", "!=", "cancel"),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        # sudo: a duplicate must be found even when the current user cannot read it
        for existing in self.sudo().search(domain):
            if (existing.employee_id.id, existing.year) in wanted:
                self._raise_duplicate(existing.employee_id.id, existing.year)

    def _raise_duplicate(self, employee_id, year):
        employee = self.env["hr.employee"].sudo().browse(employee_id)
        raise ValidationError(
            self.env._(
                "%(employee)s already has an appraisal for %(year)s.",
                employee=employee.name,
                year=year,
            )
        )
