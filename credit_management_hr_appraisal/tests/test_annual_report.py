# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalAnnualReport(AppraisalCommon):
    """The appraisal's figures of the 2019 year-end report (内部制度执行), by hand (a year the demo
    data leaves empty)."""

    def _session(self, when, scores, state="done"):
        session = self.env["credit.training.session"].create(
            {
                "name": f"Training {when}",
                "date": when,
                "attendee_ids": [
                    Command.create(
                        {
                            "employee_id": employee.id,
                            "attended": attended,
                            "exam_score": first,
                            "retake_score": retake,
                        }
                    )
                    for employee, attended, first, retake in scores
                ],
            }
        )
        if state == "done":
            session.action_done()
        return session

    def test_trainings_exams_and_bands(self):
        # 2019 H1: clerk passes (80), colleague fails (40) then passes the retake (70)
        self._session(date(2019, 3, 1), [(self.clerk, True, 80, 0), (self.colleague, True, 40, 70)])
        # 2019 H2: clerk fails (30, retake 50), colleague absent
        self._session(date(2019, 9, 1), [(self.clerk, True, 30, 50), (self.colleague, False, 0, 0)])
        self._session(date(2019, 11, 1), [(self.clerk, True, 90, 0)], state="planned")
        self._session(date(2018, 9, 1), [(self.clerk, True, 90, 0)])
        self._approve(self._create_appraisal(self.clerk, year=2019, total=96))  # advanced
        colleague = self._create_appraisal(
            self.colleague, year=2019, total=85, appraiser_id=self.team_lead_user.id
        )
        self._approve(colleague)  # commended
        self._create_appraisal(self.clerk, year=2018, total=50)  # another year, not approved
        report = self.env["credit.annual.report"].create({"year": 2019})
        report.action_compute()
        figures = report.figures
        expected = {
            "trainings_held": 2,
            "training_attendees": 3,
            "exams_passed": 2,
            "exam_pass_rate": 66.67,
            "appraisals_total": 2,
            "appraisals_advanced": 1,
            "appraisals_excellent": 0,
            "appraisals_commended": 1,
            "appraisals_pass": 0,
            "appraisals_fail": 0,
        }
        self.assertEqual({code: figures[code] for code in expected}, expected)
        sections = [section for section, *__ in report._credit_chapter_sections("internal")]
        self.assertEqual(sections, ["training", "appraisal", "contracts"])
