from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalConsequences(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training_type = cls.env.ref(
            "credit_management_hr_appraisal.mail_activity_credit_clerk_training"
        )

    def _history(self, employee):
        return self.env["credit.clerk.status.history"].search([("employee_id", "=", employee.id)])

    def test_pass_keeps_the_clerk_qualified(self):
        appraisal = self._approve(self._create_appraisal(total=75))
        self.assertEqual(self.clerk.credit_clerk_status, "qualified")
        self.assertFalse(appraisal.bonus_deduction)
        self.assertFalse(self._history(self.clerk))

    def test_first_fail_warns_deducts_bonus_and_schedules_training(self):
        appraisal = self._approve(self._create_appraisal(total=55))
        self.assertEqual(self.clerk.credit_clerk_status, "warned")
        self.assertTrue(appraisal.bonus_deduction)
        self.assertEqual(self.clerk.credit_failed_appraisal_count, 1)
        activity = appraisal.activity_ids.filtered(
            lambda a: a.activity_type_id == self.training_type
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.team_lead_user, "assigned to the clerk's manager")
        history = self._history(self.clerk)
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.old_status, history.new_status, history.appraisal_id),
            ("qualified", "warned", appraisal),
        )

    def test_a_fail_not_yet_approved_has_no_effect(self):
        appraisal = self._create_appraisal(total=40)
        appraisal.with_user(self.team_lead_user).action_submit()
        appraisal.with_user(self.manager_user).action_review()
        self.assertEqual(self.clerk.credit_clerk_status, "qualified")
        self.assertEqual(self.clerk.credit_failed_appraisal_count, 0)

    def test_second_approved_fail_disqualifies(self):
        self._approve(self._create_appraisal(year=2024, total=50))
        self._approve(self._create_appraisal(year=2025, total=58))
        self.assertEqual(self.clerk.credit_clerk_status, "disqualified")
        self.assertEqual(self.clerk.credit_failed_appraisal_count, 2)
        self.assertEqual(
            self._history(self.clerk).sorted("id").mapped("new_status"),
            ["warned", "disqualified"],
        )

    def test_violation_disqualifies_whatever_the_score(self):
        appraisal = self._create_appraisal(
            total=97, violation=True, violation_description="Used contracts to defraud"
        )
        self.assertEqual(appraisal.rating, "advanced")
        self._approve(appraisal)
        self.assertEqual(self.clerk.credit_clerk_status, "disqualified")
        self.assertEqual(self._history(self.clerk).appraisal_id, appraisal)

    def test_reopen_restores_the_status(self):
        appraisal = self._approve(self._create_appraisal(total=55))
        self.assertEqual(self.clerk.credit_clerk_status, "warned")
        with self.assertRaises(AccessError):
            appraisal.with_user(self.approver_user).action_reopen()
        with self.assertRaises(AccessError):
            appraisal.with_user(self.hr_user).action_reopen()
        appraisal.with_user(self.manager_user).action_reopen()
        self.assertEqual(appraisal.state, "draft")
        self.assertEqual(self.clerk.credit_clerk_status, "qualified")
        self.assertFalse(appraisal.bonus_deduction)
        self.assertFalse(appraisal.approver_id)
        self.assertFalse(
            appraisal.activity_ids.filtered(lambda a: a.activity_type_id == self.training_type)
        )
        self.assertEqual(self.clerk.credit_failed_appraisal_count, 0)
        self.assertEqual(self._history(self.clerk)[0].new_status, "qualified")

    def test_reopen_second_fail_goes_back_to_warned(self):
        self._approve(self._create_appraisal(year=2024, total=50))
        second = self._approve(self._create_appraisal(year=2025, total=50))
        self.assertEqual(self.clerk.credit_clerk_status, "disqualified")
        second.with_user(self.manager_user).action_reopen()
        self.assertEqual(self.clerk.credit_clerk_status, "warned")
