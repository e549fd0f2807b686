# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CreditGradeCommon


@tagged("post_install", "-at_install")
class TestCreditApplication(CreditGradeCommon):
    def test_score_proposes_grade_and_suggested_terms(self):
        app = self._new_application([90, 80])  # 54 + 32 = 86
        self.assertEqual(app.total_score, 86)
        self.assertEqual(app.proposed_grade, "A")
        self.assertEqual(app.suggested_limit, 100000)
        self.assertEqual(app.suggested_payment_term_id, self.term_30)
        self.assertEqual(app.suggested_tolerance_percent, 10)
        app.line_ids.sorted("sequence")[0].score = 70  # 42 + 32 = 74
        self.assertEqual(app.proposed_grade, "B")
        self.assertEqual(app.suggested_limit, 50000)

    @freeze_time("2026-03-10")
    def test_analyst_fills_form_and_manager_approval_writes_partner(self):
        with Form(self.env["credit.application"].with_user(self.analyst)) as form:
            form.partner_id = self.customer
            form.scorecard_id = self.scorecard
            form.requested_limit = 40000
            form.justification = "Growing distributor"
            for index, score in enumerate((75, 70)):  # 45 + 28 = 73 -> B
                with form.line_ids.edit(index) as line:
                    line.score = score
        app = form.save()
        self.assertTrue(app.name.startswith("CA/"))
        self.assertEqual(app.proposed_grade, "B")
        self.assertEqual(app.approved_limit, 40000)

        app.with_user(self.analyst).action_submit()
        self.assertEqual(app.state, "submitted")
        app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "approved")
        self.assertEqual(app.approver_id, self.manager)
        self.assertEqual(self._limit(self.customer), 40000)
        # the limit is company-dependent: the main company keeps its own value
        self.assertEqual(
            self.customer.with_company(self.env.ref("base.main_company")).sudo().credit_limit, 0
        )
        self.assertEqual(self.customer.credit_grade, "B")
        self.assertEqual(self.customer.credit_score, 73)
        self.assertEqual(self.customer.credit_review_date_last, fields.Date.to_date("2026-03-10"))
        self.assertEqual(self.customer.credit_review_date_next, fields.Date.to_date("2027-03-10"))
        message = self.customer.message_ids.filtered(lambda m: app.name in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.assertEqual(self.customer.credit_application_count, 1)

    def test_credit_user_cannot_approve_or_refuse(self):
        app = self._new_application([80, 80])
        app.action_submit()
        with self.assertRaises(AccessError):
            app.with_user(self.analyst).action_approve()
        app.refuse_reason = "No"
        with self.assertRaises(AccessError):
            app.with_user(self.analyst).action_refuse()
        self.assertEqual(app.state, "submitted")
        self.assertFalse(self.customer.credit_grade)

    def test_salesman_cannot_create_application(self):
        with self.assertRaises(AccessError):
            self._new_application([80, 80], user=self.salesman)

    def test_second_approval_by_a_different_manager_above_amount(self):
        self.company.credit_application_second_approval_amount = 30000
        app = self._new_application([80, 80])
        app.action_submit()
        self.assertTrue(app.needs_second_approval)
        app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "first_approved")
        self.assertEqual(app.first_approver_id, self.manager)
        self.assertEqual(self._limit(self.customer), 0)
        with self.assertRaises(AccessError):
            app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "first_approved")
        app.with_user(self.manager2).action_approve()
        self.assertEqual(app.state, "approved")
        self.assertEqual(app.approver_id, self.manager2)
        self.assertEqual(self._limit(self.customer), 40000)

    def test_decision_is_locked_after_first_approval(self):
        self.company.credit_application_second_approval_amount = 30000
        app = self._new_application([80, 80])
        app.action_submit()
        app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "first_approved")
        with self.assertRaises(UserError):
            app.with_user(self.manager2).approved_limit = 90000
        with self.assertRaises(UserError):
            app.line_ids[0].with_user(self.analyst).score = 100
        app.with_user(self.manager2).action_approve()
        with self.assertRaises(UserError):
            app.with_user(self.manager).requested_limit = 1
        self.assertEqual(self._limit(self.customer), 40000)
        self.assertEqual(app.total_score, 80)

    def test_single_approval_at_or_below_amount(self):
        self.company.credit_application_second_approval_amount = 40000
        app = self._new_application([80, 80])
        app.action_submit()
        app.with_user(self.manager).action_approve()
        self.assertEqual(app.state, "approved")
        self.assertEqual(self._limit(self.customer), 40000)

    def test_states_are_checked(self):
        app = self._new_application([80, 80])
        with self.assertRaises(UserError):
            app.with_user(self.manager).action_approve()  # still draft
        app.action_submit()
        with self.assertRaises(UserError):
            app.action_submit()
        with self.assertRaises(UserError):
            app.with_user(self.manager).action_refuse()  # no reason
        app.refuse_reason = "Insufficient guarantees"
        app.with_user(self.manager).action_refuse()
        self.assertEqual(app.state, "refused")
        self.assertIn("Insufficient guarantees", app.message_ids[0].body)
        app.with_user(self.analyst).action_draft()
        self.assertEqual(app.state, "draft")

    def test_application_is_for_the_commercial_partner(self):
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.customer.id})
        with self.assertRaises(ValidationError):
            self._new_application([80, 80], partner_id=contact.id)

    def test_negative_second_approval_amount_refused(self):
        with self.assertRaises(ValidationError):
            self.company.credit_application_second_approval_amount = -1

    def test_review_interval_of_grade(self):
        app = self._new_application([55, 50])  # 33 + 20 = 53 -> C, review every 6 months
        app.action_submit()
        app.with_user(self.manager).action_approve()
        self.assertEqual(self.customer.credit_grade, "C")
        self.assertEqual(
            self.customer.credit_review_date_next,
            self.company.with_user(self.manager)._credit_today() + relativedelta(months=6),
        )


@tagged("post_install", "-at_install")
class TestCreditApplicationWorkflowGuard(CreditGradeCommon):
    """The state and the approver of an application change only through its buttons."""

    def test_direct_state_write_is_refused(self):
        app = self._new_application([90, 80], requested_limit=40000)
        app.with_user(self.analyst).action_submit()
        for user in (self.analyst, self.manager):
            with self.assertRaisesRegex(AccessError, "only be changed through its buttons"):
                app.with_user(user).write({"state": "approved"})
            with self.assertRaisesRegex(AccessError, "only be changed through its buttons"):
                app.with_user(user).write({"approver_id": user.id})
        self.assertEqual(app.state, "submitted")
        self.assertFalse(app.approver_id)
        self.assertFalse(self.customer.credit_grade)
        # writing the unchanged state (a form or an import sending it back) is harmless
        app.with_user(self.analyst).write({"state": "submitted", "justification": "more"})
        self.assertEqual(app.justification, "more")

    def test_create_already_decided_is_refused(self):
        with self.assertRaisesRegex(AccessError, "only be changed through its buttons"):
            self._new_application([90, 80], user=self.manager, state="approved")
        with self.assertRaisesRegex(AccessError, "only be changed through its buttons"):
            self._new_application([90, 80], user=self.manager, approver_id=self.manager.id)

    def test_decided_application_cannot_be_deleted(self):
        app = self._new_application([90, 80], requested_limit=40000)
        app.with_user(self.analyst).action_submit()
        app.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            app.with_user(self.manager).unlink()
        self.assertTrue(app.exists())
