from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalAccess(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_draft = cls.env["credit.appraisal"].create(
            {"employee_id": cls.clerk.id, "year": 2025}
        )
        cls.own_approved = cls.env["credit.appraisal"].create(
            {"employee_id": cls.clerk.id, "year": 2024}
        )
        cls.colleague_approved = cls.env["credit.appraisal"].create(
            {"employee_id": cls.colleague.id, "year": 2024, "appraiser_id": cls.manager_user.id}
        )
        for appraisal in cls.own_approved | cls.colleague_approved:
            for line in appraisal.line_ids:
                line.score = line.max_score
            appraisal.with_user(cls.manager_user).action_submit()
            appraisal.with_user(cls.manager_user).action_review()
            appraisal.with_user(cls.approver_user).action_approve()

    def test_clerk_cannot_read_a_colleagues_appraisal(self):
        with self.assertRaises(AccessError):
            self.colleague_approved.with_user(self.clerk_user).read(["total_score"])
        with self.assertRaises(AccessError):
            self.colleague_approved.line_ids.with_user(self.clerk_user).read(["score"])
        visible = self.env["credit.appraisal"].with_user(self.clerk_user).search([])
        self.assertEqual(visible, self.own_approved)

    def test_clerk_reads_own_approved_but_not_own_draft(self):
        values = self.own_approved.with_user(self.clerk_user).read(["total_score", "rating"])
        self.assertEqual(values[0]["total_score"], 100)
        self.assertEqual(
            len(self.own_approved.line_ids.with_user(self.clerk_user).read(["score"])), 19
        )
        with self.assertRaises(AccessError):
            self.own_draft.with_user(self.clerk_user).read(["total_score"])

    def test_clerk_cannot_change_or_approve_own_appraisal(self):
        with self.assertRaises(AccessError):
            self.own_approved.with_user(self.clerk_user).write({"note": "<p>great</p>"})
        with self.assertRaises(AccessError):
            self.own_approved.line_ids[0].with_user(self.clerk_user).write({"note": "x"})
        self.own_draft.with_user(self.team_lead_user).action_submit()
        self.own_draft.with_user(self.manager_user).action_review()
        with self.assertRaises(AccessError):
            self.own_draft.with_user(self.clerk_user).action_approve()
        self.assertEqual(self.own_draft.state, "reviewed")

    def test_appraiser_manages_the_team_only(self):
        team = self.env["credit.appraisal"].with_user(self.team_lead_user).search([])
        self.assertEqual(team, self.own_draft | self.own_approved)
        self.own_draft.line_ids[0].with_user(self.team_lead_user).score = 2
        self.assertEqual(self.own_draft.total_score, 2)
        with self.assertRaises(AccessError):
            self.colleague_approved.with_user(self.team_lead_user).read(["total_score"])
        with self.assertRaises(AccessError):
            self.env["credit.appraisal"].with_user(self.team_lead_user).create(
                {"employee_id": self.colleague.id, "year": 2025}
            )

    def test_appraiser_cannot_approve(self):
        self.own_draft.with_user(self.team_lead_user).action_submit()
        self.own_draft.with_user(self.manager_user).action_review()
        with self.assertRaises(AccessError):
            self.own_draft.with_user(self.team_lead_user).action_approve()

    def test_managers_hr_officers_and_approvers_read_all(self):
        everything = self.own_draft | self.own_approved | self.colleague_approved
        for user in (self.manager_user, self.hr_user, self.approver_user):
            found = self.env["credit.appraisal"].with_user(user).search([])
            self.assertEqual(found & everything, everything, user.login)

    def test_credit_users_read_clerk_fields_through_the_public_profile(self):
        employee = self.env["hr.employee"].with_user(self.colleague_user).browse(self.clerk.id)
        values = employee.read(["name", "is_credit_clerk", "credit_clerk_status"])
        self.assertEqual(values[0]["is_credit_clerk"], True)
        self.assertEqual(values[0]["credit_clerk_status"], "qualified")

    def test_history_is_read_only_for_users(self):
        with self.assertRaises(AccessError):
            self.env["credit.clerk.status.history"].with_user(self.manager_user).create(
                {"employee_id": self.clerk.id, "new_status": "disqualified", "reason": "x"}
            )

    def test_appraiser_without_hr_rights_uses_the_views_and_filters(self):
        Appraisal = self.env["credit.appraisal"].with_user(self.team_lead_user)
        Appraisal.get_views([(False, "list"), (False, "form"), (False, "search")])
        found = Appraisal.search([("appraiser_id", "=", self.team_lead_user.id)])
        self.assertEqual(found, self.own_draft | self.own_approved)
        self.assertIn(
            self.clerk,
            self.env["hr.employee"]
            .with_user(self.team_lead_user)
            .search([("is_credit_clerk", "=", True)]),
        )

    def test_employee_form_for_hr_officers_and_others(self):
        employees = self.env["hr.employee"]
        views = employees.with_user(self.hr_user).get_views([(False, "form")])
        self.assertIn("credit_clerk_status_history_ids", views["views"]["form"]["arch"])
        values = self.clerk.with_user(self.hr_user).read(
            ["credit_clerk_status", "credit_appraisal_count", "credit_failed_appraisal_count"]
        )[0]
        self.assertEqual(values["credit_appraisal_count"], 2)
        self.assertEqual(values["credit_failed_appraisal_count"], 0)
        # a non-HR user gets the public profile: no private credit field in it
        employees.with_user(self.team_lead_user).get_views([(False, "form")])
        self.assertEqual(
            self.clerk.with_user(self.team_lead_user).read(["is_credit_clerk"])[0][
                "is_credit_clerk"
            ],
            True,
        )
