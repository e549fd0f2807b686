from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisal(AppraisalCommon):
    def test_lines_copied_from_template(self):
        appraisal = self._create_appraisal()
        self.assertEqual(appraisal.template_id, self.template)
        self.assertEqual(len(appraisal.line_ids), 19)
        self.assertEqual(sum(appraisal.line_ids.mapped("max_score")), 100)
        self.assertEqual(appraisal.line_ids.item_id, self.template.item_ids)
        first = appraisal.line_ids[0]
        self.assertEqual(first.section_id.code, "一")
        self.assertEqual(first.name, first.item_id.name)
        self.assertEqual(appraisal.total_score, 0)
        self.assertEqual(appraisal.rating, "fail")
        self.assertEqual(appraisal.appraiser_id, self.team_lead_user, "the clerk's manager")

    def test_lines_keep_the_chinese_text_of_the_item(self):
        # both languages active (a Chinese-only database has en_US inactive: a zh_CN write is
        # then also the en_US text)
        self.env["res.lang"]._activate_lang("en_US")
        self.env["res.lang"]._activate_lang("zh_CN")
        item = self.env.ref(
            "credit_management_hr_appraisal.appraisal_template_credit_clerk_item_3_3"
        )
        item.with_context(lang="zh_CN").name = "经常督促合同的履约行为"
        appraisal = self._create_appraisal()
        line = appraisal.line_ids.filtered(lambda li: li.item_id == item)
        self.assertEqual(line.with_context(lang="zh_CN").name, "经常督促合同的履约行为")
        self.assertEqual(line.with_context(lang="en_US").name, "Chases performance")

    def test_form_fills_lines_and_shows_live_total(self):
        with Form(self.env["credit.appraisal"]) as form:
            form.employee_id = self.clerk
            form.year = 2024
            self.assertEqual(len(form.line_ids), 19)
            with form.line_ids.edit(0) as line:
                line.score = 3
            with form.line_ids.edit(1) as line:
                line.score = 4.5
            self.assertEqual(form.total_score, 7.5)
            self.assertEqual(form.rating, "fail")
        appraisal = form.record
        self.assertEqual(len(appraisal.line_ids), 19)
        self.assertEqual(appraisal.total_score, 7.5)

    def test_score_above_max_or_negative_refused(self):
        appraisal = self._create_appraisal()
        line = appraisal.line_ids.filtered(lambda li: li.max_score == 3)[0]
        with self.assertRaises(ValidationError):
            line.score = 3.5
        with self.assertRaises(ValidationError):
            line.score = -1
        line.score = 3
        self.assertEqual(appraisal.total_score, 3)

    def test_bands_at_boundaries(self):
        appraisal = self._create_appraisal()
        expected = [
            (100, "advanced"),
            (95, "advanced"),
            (94.5, "excellent"),
            (90, "excellent"),
            (89.5, "commended"),
            (80, "commended"),
            (79.5, "pass"),
            (60, "pass"),
            (59.5, "fail"),
            (0, "fail"),
        ]
        for total, rating in expected:
            self._set_total(appraisal, total)
            self.assertEqual(appraisal.rating, rating, f"{total} points")
            self.assertEqual(
                appraisal.is_award, rating in ("advanced", "excellent", "commended"), total
            )

    def test_second_appraisal_same_clerk_and_year_refused(self):
        self._create_appraisal(year=2025)
        with self.assertRaisesRegex(ValidationError, "already has an appraisal for 2025"):
            self._create_appraisal(year=2025)
        self.assertTrue(self._create_appraisal(year=2024), "another year is fine")
        self.assertTrue(self._create_appraisal(employee=self.colleague, year=2025))

    def test_two_appraisals_of_a_clerk_in_one_create_refused(self):
        with self.assertRaises(ValidationError):
            self.env["credit.appraisal"].create([{"employee_id": self.clerk.id, "year": 2023}] * 2)

    def test_cancelled_appraisal_does_not_block_a_new_one(self):
        first = self._create_appraisal(year=2025)
        first.with_user(self.manager_user).action_cancel()
        second = self._create_appraisal(year=2025)
        self.assertEqual(second.state, "draft")
        with self.assertRaisesRegex(ValidationError, "already has an appraisal"):
            first.with_user(self.manager_user).action_draft()

    def test_moving_to_a_taken_year_refused(self):
        self._create_appraisal(year=2025)
        other = self._create_appraisal(year=2024)
        with self.assertRaises(ValidationError):
            other.year = 2025

    def test_violation_needs_a_description(self):
        appraisal = self._create_appraisal()
        with self.assertRaises(ValidationError):
            appraisal.violation = True
        appraisal.write({"violation": True, "violation_description": "Forged a contract"})
        self.assertTrue(appraisal.violation)

    def test_workflow_submit_review_approve(self):
        appraisal = self._create_appraisal(total=85)
        appraisal.with_user(self.team_lead_user).action_submit()
        self.assertEqual(appraisal.state, "submitted")
        with self.assertRaises(UserError):
            appraisal.line_ids[0].score = 1
        with self.assertRaises(AccessError):
            appraisal.with_user(self.team_lead_user).action_review()
        appraisal.with_user(self.manager_user).action_review()
        self.assertEqual(appraisal.state, "reviewed")
        self.assertEqual(appraisal.reviewer_id, self.manager_user)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.manager_user).action_approve()
        appraisal.with_user(self.approver_user).action_approve()
        self.assertEqual(appraisal.state, "approved")
        self.assertEqual(appraisal.approver_id, self.approver_user)
        self.assertTrue(appraisal.approval_date)
        self.assertEqual(appraisal.rating, "commended")
        with self.assertRaises(UserError):
            appraisal.with_user(self.approver_user).action_approve()

    def test_only_the_appraiser_submits(self):
        appraisal = self._create_appraisal(
            employee=self.colleague, appraiser_id=self.manager_user.id
        )
        with self.assertRaises(AccessError):
            appraisal.with_user(self.team_lead_user).action_submit()
        self.assertEqual(appraisal.state, "draft")

    def test_state_cannot_be_written_directly(self):
        appraisal = self._create_appraisal(total=99)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.manager_user).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.env["credit.appraisal"].with_user(self.manager_user).create(
                {"employee_id": self.colleague.id, "state": "approved"}
            )
        self.assertEqual(appraisal.state, "draft")

    def test_back_to_draft_allows_rescoring(self):
        appraisal = self._create_appraisal(total=70)
        appraisal.with_user(self.team_lead_user).action_submit()
        with self.assertRaises(AccessError):
            appraisal.with_user(self.team_lead_user).action_draft()
        appraisal.with_user(self.manager_user).action_draft()
        self._set_total(appraisal, 72)
        self.assertEqual(appraisal.state, "draft")

    def test_only_draft_or_cancelled_deleted(self):
        appraisal = self._create_appraisal(total=70)
        self._approve(appraisal)
        with self.assertRaises(UserError):
            appraisal.unlink()
