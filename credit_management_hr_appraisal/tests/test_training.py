from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestTraining(AppraisalCommon):
    def _session(self, day, attendees, **vals):
        return self.env["credit.training.session"].create(
            dict(
                vals,
                name=f"Training {day}",
                date=day,
                attendee_ids=[(0, 0, values) for values in attendees],
            )
        )

    def test_failed_exam_needs_a_retake_with_fee(self):
        session = self._session(
            date(2025, 3, 1),
            [
                {"employee_id": self.clerk.id, "exam_score": 55},
                {"employee_id": self.colleague.id, "exam_score": 60},
            ],
        )
        failed, passed = session.attendee_ids.sorted(lambda a: a.employee_id != self.clerk)
        self.assertEqual(session.half_year, "h1")
        self.assertEqual(session.year, 2025)
        self.assertTrue(failed.retake_needed)
        self.assertFalse(failed.passed)
        self.assertEqual(failed.retake_fee, 30)
        self.assertTrue(passed.passed)
        self.assertFalse(passed.retake_needed)
        self.assertEqual(passed.retake_fee, 0)
        failed.retake_score = 70
        self.assertTrue(failed.passed, "passed at the retake")
        self.assertEqual(failed.retake_fee, 30, "the fee stays due")
        self.assertEqual(session.total_fees, 30)

    def test_pass_mark_is_configurable(self):
        session = self._session(
            date(2025, 9, 1), [{"employee_id": self.clerk.id, "exam_score": 65}], pass_mark=70
        )
        self.assertEqual(session.half_year, "h2")
        self.assertTrue(session.attendee_ids.retake_needed)

    def test_sample_check_below_half_is_fined(self):
        session = self._session(
            date(2025, 3, 1),
            [
                {
                    "employee_id": self.clerk.id,
                    "exam_score": 80,
                    "sample_checked": True,
                    "sample_check_percent": 45,
                },
                {
                    "employee_id": self.colleague.id,
                    "exam_score": 80,
                    "sample_checked": True,
                    "sample_check_percent": 50,
                },
            ],
        )
        fined, fine_free = session.attendee_ids.sorted(lambda a: a.employee_id != self.clerk)
        self.assertTrue(fined.sample_check_failed)
        self.assertEqual(fined.fine, 20)
        self.assertFalse(fine_free.sample_check_failed)
        self.assertEqual(fine_free.fine, 0)
        self.assertEqual(session.total_fees, 20)

    def test_scores_out_of_range_refused(self):
        with self.assertRaises(ValidationError):
            self._session(date(2025, 3, 1), [{"employee_id": self.clerk.id, "exam_score": 101}])

    def test_training_results_suggest_the_training_item_scores(self):
        first = self._session(date(2025, 3, 1), [{"employee_id": self.clerk.id, "exam_score": 80}])
        second = self._session(
            date(2025, 9, 1), [{"employee_id": self.clerk.id, "attended": False}]
        )
        self._session(date(2024, 9, 1), [{"employee_id": self.clerk.id, "exam_score": 10}])
        (first | second).action_done()
        appraisal = self._create_appraisal(year=2025)
        lines = {li.kpi_source: li for li in appraisal.line_ids}
        # attended 1 of 2 sessions: 5 points x 1/2
        self.assertEqual(lines["training_attendance"].suggested_score, 2.5)
        self.assertIn("1 of 2", lines["training_attendance"].suggestion_note)
        # average exam of the attended sessions 80: 3 points x 0.8 = 2.4 -> 2.5 (half points)
        self.assertEqual(lines["training_exam"].suggested_score, 2.5)
        lines["training_exam"].action_apply_suggestion()
        self.assertEqual(lines["training_exam"].score, 2.5)
        self.assertEqual(appraisal.total_score, 2.5)

    def test_planned_sessions_do_not_count(self):
        self._session(date(2025, 3, 1), [{"employee_id": self.clerk.id, "exam_score": 80}])
        appraisal = self._create_appraisal(year=2025)
        line = appraisal.line_ids.filtered(lambda li: li.kpi_source == "training_attendance")
        self.assertEqual(line.suggested_score, 0)
        self.assertEqual(line.suggestion_note, "No training session done this year.")
