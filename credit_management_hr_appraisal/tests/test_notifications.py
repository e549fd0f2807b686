# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.credit_management.tests.test_notifications import NOTIFY_LOGGER, mail_down

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalNotifications(AppraisalCommon):
    """Each step of the appraisal is saved for users without an e-mail address, and whatever
    happens to the chatter message or the training activity telling about it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.team_lead_user | cls.manager_user | cls.approver_user | cls.hr_user
        users.partner_id.email = False
        cls.env.company.email = "hr@example.com"

    def test_workflow_of_users_without_email(self):
        appraisal = self._create_appraisal(total=50)
        self._approve(appraisal)
        self.assertTrue(appraisal.bonus_deduction)
        self.assertEqual(self.clerk.credit_clerk_status, "warned")
        training = appraisal.activity_ids
        self.assertEqual(
            training.activity_type_id,
            self.env.ref("credit_management_hr_appraisal.mail_activity_credit_clerk_training"),
        )
        self.assertEqual(training.user_id, self.team_lead_user)

    def test_failing_notifications_do_not_undo_the_approval(self):
        appraisal = self._create_appraisal(total=50)
        with mail_down(self.env["credit.appraisal"]), self.assertLogs(NOTIFY_LOGGER, "WARNING"):
            self._approve(appraisal)
        self.assertEqual(self.clerk.credit_clerk_status, "warned")
        self.assertEqual(appraisal.approver_id, self.approver_user)
