# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CreditTrainingSession(models.Model):
    _name = "credit.training.session"
    _description = "Credit Integrity / Legal Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date desc, id desc"
    # planned → done / cancelled, through the buttons only (credit.workflow.mixin)
    _workflow_initial_state = "planned"
    _workflow_unlink_states = ("planned", "cancel")

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("integrity", "Integrity (诚信教育)"), ("legal", "Legal (法律知识)")],
        required=True,
        default="integrity",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_period", store=True)
    half_year = fields.Selection(
        [("h1", "First half"), ("h2", "Second half")], compute="_compute_period", store=True
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    pass_mark = fields.Float(
        default=60.0, required=True, help="Exam score (out of 100) needed to pass."
    )
    retake_fee = fields.Monetary(
        default=30.0, help="Fee paid by an attendee who fails the exam and must retake it."
    )
    sample_check_threshold = fields.Float(
        string="Sample Check Threshold (%)",
        default=50.0,
        help="A sample check below this mastery percentage is a failure.",
    )
    sample_check_fine = fields.Monetary(
        default=20.0, help="Fine for an attendee whose sample check is a failure."
    )
    attendee_ids = fields.One2many(
        "credit.training.attendee", "session_id", string="Attendees", copy=False
    )
    attendee_count = fields.Integer(compute="_compute_stats")
    passed_count = fields.Integer(compute="_compute_stats")
    total_fees = fields.Monetary(
        compute="_compute_stats", help="Retake fees and sample-check fines of this session."
    )

    @api.depends("date")
    def _compute_period(self):
        for session in self:
            session.year = session.date.year if session.date else 0
            session.half_year = (
                ((session.date.month <= 6 and "h1") or "h2") if session.date else False
            )

    @api.depends("attendee_ids.passed", "attendee_ids.retake_fee", "attendee_ids.fine")
    def _compute_stats(self):
        for session in self:
            session.attendee_count = len(session.attendee_ids)
            session.passed_count = len(session.attendee_ids.filtered("passed"))
            session.total_fees = sum(session.attendee_ids.mapped("retake_fee")) + sum(
                session.attendee_ids.mapped("fine")
            )

    @api.constrains("pass_mark", "sample_check_threshold")
    def _check_marks(self):
        for session in self:
            if not (0 <= session.pass_mark <= 100 and 0 <= session.sample_check_threshold <= 100):
                raise ValidationError(
                    self.env._("The pass mark and the sample-check threshold must be 0 to 100.")
                )

    def _check_organiser(self):
        """Training sessions are organised by HR officers and credit managers."""
        if not (
            self.env.su
            or self.env.user.has_group("hr.group_hr_user")
            or self.env.user.has_group("credit_management.group_credit_manager")
        ):
            raise AccessError(
                self.env._("Only HR officers and credit managers organise training sessions.")
            )

    def action_done(self):
        self._check_organiser()
        self._check_state(("planned",))
        self._workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_organiser()
        self._check_state(("planned", "done"))
        self._workflow_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_organiser()
        self._check_state(("done", "cancel"))
        self._workflow_write({"state": "planned"})
        return True

    def _credit_training_figures(self, employees, year):
        """Training figures per employee over the done sessions of ``year``.

        Returns {employee_id: {"invited": int, "attended": int, "exam_average": float or None}}
        with one grouped query.
        """
        Attendee = self.env["credit.training.attendee"]
        domain = [
            ("employee_id", "in", employees.ids),
            ("session_id.year", "=", year),
            ("session_id.state", "=", "done"),
        ]
        figures = {
            employee.id: {"invited": 0, "attended": 0, "exam_average": None}
            for employee in employees
        }
        for employee, attended, count, exam_avg in Attendee._read_group(
            domain,
            groupby=["employee_id", "attended"],
            aggregates=["__count", "exam_score:avg"],
        ):
            values = figures[employee.id]
            values["invited"] += count
            if attended:
                values["attended"] += count
                values["exam_average"] = exam_avg
        return figures
