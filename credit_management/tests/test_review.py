# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import CreditGradeCommon


@tagged("post_install", "-at_install")
class TestCreditReview(CreditGradeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("credit_management.mail_activity_type_credit_review")

    def _review_activities(self, partners):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.review_type.id),
            ]
        )

    @freeze_time("2026-06-15")
    def test_cron_creates_one_activity_per_due_customer_and_none_twice(self):
        Partner = self.env["res.partner"]
        due_with_analyst = Partner.create(
            {
                "name": "Due with analyst",
                "is_company": True,
                "credit_review_date_next": "2026-06-15",
                "credit_analyst_id": self.analyst.id,
            }
        )
        overdue_without_analyst = Partner.create(
            {"name": "Overdue, no analyst", "credit_review_date_next": "2026-05-01"}
        )
        not_due = Partner.create(
            {
                "name": "Not due",
                "is_company": True,
                "credit_review_date_next": "2026-06-16",
                "credit_analyst_id": self.analyst.id,
            }
        )
        contact = Partner.create(
            {
                "name": "Contact with stray date",
                "parent_id": not_due.id,
                "credit_review_date_next": "2026-01-01",
            }
        )
        partners = due_with_analyst | overdue_without_analyst | not_due | contact

        Partner._cron_schedule_credit_reviews()
        activities = self._review_activities(partners)
        self.assertEqual(
            sorted(activities.mapped("res_id")),
            sorted((due_with_analyst | overdue_without_analyst).ids),
        )
        by_partner = {a.res_id: a for a in activities}
        self.assertEqual(by_partner[due_with_analyst.id].user_id, self.analyst)
        fallback = by_partner[overdue_without_analyst.id].user_id
        self.assertTrue(fallback.has_group("credit_management.group_credit_manager"))
        self.assertEqual(
            by_partner[overdue_without_analyst.id].date_deadline,
            fields.Date.to_date("2026-05-01"),
        )

        Partner._cron_schedule_credit_reviews()
        self.assertEqual(self._review_activities(partners), activities)

    def test_downgrade_review_proposes_lower_limit_approved_by_manager(self):
        self.customer.write(
            {
                "credit_grade": "B",
                "credit_analyst_id": self.analyst.id,
                "credit_review_date_next": "2020-01-01",
            }
        )
        self.customer.with_company(self.company).credit_limit = 50000
        self.env["res.partner"]._cron_schedule_credit_reviews()
        self.assertEqual(len(self._review_activities(self.customer)), 1)

        action = self.customer.with_user(self.analyst).action_credit_start_review()
        review = self.env["credit.application"].browse(action["res_id"])
        self.assertEqual(review.application_type, "review")
        self.assertEqual(review.current_limit, 50000)
        self.assertEqual(review.current_grade, "B")
        review.scorecard_id = self.scorecard
        for line, score in zip(review.line_ids.sorted("sequence"), (30, 40), strict=True):
            line.with_user(self.analyst).score = score  # 18 + 16 = 34 -> D
        self.assertEqual(review.proposed_grade, "D")
        self.assertTrue(review.is_downgrade)
        self.assertEqual(review.approved_limit, 5000)  # grade D's suggested limit (风险预警)

        review.with_user(self.analyst).action_submit()
        review.with_user(self.manager).action_approve()
        self.assertEqual(self._limit(self.customer), 5000)
        self.assertEqual(self.customer.credit_grade, "D")
        self.assertFalse(self._review_activities(self.customer))

    def test_review_without_downgrade_keeps_limit(self):
        self.customer.credit_grade = "C"
        self.customer.with_company(self.company).credit_limit = 30000
        review = self.env["credit.application"].create(
            {
                "application_type": "review",
                "partner_id": self.customer.id,
                "company_id": self.company.id,
                "scorecard_id": self.scorecard.id,
            }
        )
        for line, score in zip(review.line_ids.sorted("sequence"), (75, 75), strict=True):
            line.score = score  # B: better than C
        self.assertFalse(review.is_downgrade)
        self.assertEqual(review.approved_limit, 30000)
        review.action_submit()
        review.with_user(self.manager).action_approve()
        self.assertEqual(self._limit(self.customer), 30000)
        self.assertEqual(self.customer.credit_grade, "B")
