# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R4: the constraints of the appraisal fed bad values, directly and through imports."""

from odoo.tests import tagged

from odoo.addons.credit_management.tests.test_bad_input import BadInputMixin

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalBadInput(BadInputMixin, AppraisalCommon):
    def test_score_above_the_item_maximum(self):
        appraisal = self._create_appraisal()
        line = appraisal.line_ids.filtered(lambda item: item.max_score == 3)[:1]
        self.assertRefused(line, {"score": 4.0}, "must be between 0 and 3")
        self.assertRefused(line, {"score": -1.0}, "must be between 0 and 3")

    def test_template_points_not_summing_to_100(self):
        item = self.template.item_ids[:1]
        self.assertRefused(item, {"max_score": item.max_score + 5}, "instead of 100")
        self.assertRefused(item, {"max_score": 0.0}, "points of the appraisal item .* positive")

    def test_appraisal_year_and_violation(self):
        appraisal = self._create_appraisal()
        self.assertRefused(appraisal, {"year": 20250}, "not a valid appraisal year")
        self.assertRefused(appraisal, {"violation": True}, "Describe the violation")

    def test_training_marks_and_scores(self):
        session = self.env["credit.training.session"].create({"name": "Integrity training"})
        self.assertRefused(session, {"pass_mark": 120.0}, "pass mark")
        self.assertRefused(session, {"sample_check_threshold": -5.0}, "sample-check threshold")
        attendee = self.env["credit.training.attendee"].create(
            {"session_id": session.id, "employee_id": self.clerk.id}
        )
        self.assertRefused(attendee, {"exam_score": 101.0}, "Exam scores .* Clerk One")

    def test_non_numeric_score_is_not_imported(self):
        appraisal = self._create_appraisal()
        line = appraisal.line_ids[:1]
        lines = self.env["credit.appraisal.line"]
        result = lines.load([".id", "score"], [[str(line.id), "excellent"]])
        self.assertFalse(result["ids"])
        self.assertTrue(any(m["type"] == "error" for m in result["messages"]), result)
        self.assertEqual(line.score, 0.0)
