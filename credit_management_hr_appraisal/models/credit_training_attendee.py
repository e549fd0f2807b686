# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class CreditTrainingAttendee(models.Model):
    _name = "credit.training.attendee"
    _description = "Credit Training Attendee"
    _order = "session_id, employee_id"

    session_id = fields.Many2one(
        "credit.training.session", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    currency_id = fields.Many2one(related="session_id.currency_id")
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    attended = fields.Boolean(default=True)
    exam_score = fields.Float(digits=(16, 1), help="Exam score out of 100.")
    retake_score = fields.Float(digits=(16, 1), help="Score of the retaken exam, out of 100.")
    passed = fields.Boolean(
        compute="_compute_result",
        store=True,
        help="Exam (or its retake) at or above the session's pass mark.",
    )
    retake_needed = fields.Boolean(compute="_compute_result", store=True)
    retake_fee = fields.Monetary(compute="_compute_result", store=True)
    sample_checked = fields.Boolean(help="Selected for the sample check (抽样查核).")
    sample_check_percent = fields.Float(
        string="Sample Check Mastery (%)", help="Share of the training content mastered."
    )
    sample_check_failed = fields.Boolean(compute="_compute_result", store=True)
    fine = fields.Monetary(compute="_compute_result", store=True)

    _sql_constraints = [
        (
            "session_employee_uniq",
            "unique(session_id, employee_id)",
            "An employee is listed only once per training session.",
        ),
    ]

    @api.depends(
        "attended",
        "exam_score",
        "retake_score",
        "sample_checked",
        "sample_check_percent",
        "session_id.pass_mark",
        "session_id.retake_fee",
        "session_id.sample_check_threshold",
        "session_id.sample_check_fine",
    )
    def _compute_result(self):
        for attendee in self:
            session = attendee.session_id
            first_pass = (
                attendee.attended
                and float_compare(attendee.exam_score, session.pass_mark, precision_digits=2) >= 0
            )
            attendee.retake_needed = not first_pass
            attendee.retake_fee = session.retake_fee if not first_pass else 0.0
            attendee.passed = first_pass or (
                float_compare(attendee.retake_score, session.pass_mark, precision_digits=2) >= 0
            )
            attendee.sample_check_failed = (
                attendee.sample_checked
                and float_compare(
                    attendee.sample_check_percent,
                    session.sample_check_threshold,
                    precision_digits=2,
                )
                < 0
            )
            attendee.fine = session.sample_check_fine if attendee.sample_check_failed else 0.0

    @api.constrains("exam_score", "retake_score", "sample_check_percent")
    def _check_scores(self):
        for attendee in self:
            for value in (
                attendee.exam_score,
                attendee.retake_score,
                attendee.sample_check_percent,
            ):
                if not 0 <= value <= 100:
                    raise ValidationError(
                        self.env._(
                            "Exam scores and sample-check percentages of %(employee)s must be "
                            "between 0 and 100.",
                            employee=attendee.employee_id.name,
                        )
                    )
