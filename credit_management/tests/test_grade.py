# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CreditCommon, CreditGradeCommon


@tagged("post_install", "-at_install")
class TestCreditGrade(CreditGradeCommon):
    def test_score_to_grade_at_boundaries(self):
        Grade = self.env["credit.grade"]
        expected = {
            100: "A",
            85: "A",
            84.99: "B",
            70: "B",
            69.99: "C",
            50: "C",
            49.99: "D",
            0: "D",
        }
        for score, code in expected.items():
            with self.subTest(score=score):
                self.assertEqual(Grade._grade_for_score(score, self.company).code, code)

    def test_seeded_grades_of_main_company(self):
        grades = self.env["credit.grade"]._grades_by_code(self.env.ref("base.main_company"))
        self.assertEqual(sorted(grades), ["A", "B", "C", "D"])
        self.assertEqual(
            [grades[c].min_score for c in "ABCD"],
            [85, 70, 50, 0],
        )

    def test_code_unique_per_company(self):
        other = self.env["res.company"].create({"name": "Other Grade Co"})
        self.env["credit.grade"].create({"code": "A", "name": "Top", "company_id": other.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["credit.grade"].create(
                {"code": "A", "name": "Again", "company_id": self.company.id}
            )

    def test_bad_values_are_refused(self):
        for vals in (
            {"min_score": 101},
            {"tolerance_percent": 120},
            {"max_overdue_days": -1},
            {"suggested_limit": -5},
            {"review_interval_months": 0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.grade_b.write(vals)

    def test_salesman_reads_grade_but_cannot_change_it(self):
        self.customer.write({"credit_grade": "B"})
        customer = self.customer.with_user(self.salesman)
        self.assertEqual(customer.credit_grade, "B")
        self.assertEqual(self.grade_b.with_user(self.salesman).suggested_limit, 50000)
        with self.assertRaises(AccessError):
            customer.write({"credit_grade": "A"})
        with self.assertRaises(AccessError):
            self.grade_b.with_user(self.salesman).write({"suggested_limit": 1})
        self.assertEqual(self.customer.credit_grade, "B")

    def test_credit_user_cannot_set_grade(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.analyst).write({"credit_grade": "A"})


@tagged("post_install", "-at_install")
class TestCreditGradeOverridesHold(CreditCommon):
    """Per-grade overrides replace the company settings in the hold decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"credit_max_overdue_days": 30, "credit_tolerance_percent": 0.0})
        cls.env["credit.grade"].create(
            [
                {
                    "code": "D",
                    "name": "Poor",
                    "company_id": cls.company.id,
                    "override_max_overdue_days": True,
                    "max_overdue_days": 10,
                },
                {
                    "code": "A",
                    "name": "Excellent",
                    "company_id": cls.company.id,
                    "min_score": 85,
                    "override_tolerance": True,
                    "tolerance_percent": 10,
                },
                {"code": "B", "name": "Good", "company_id": cls.company.id, "min_score": 70},
            ]
        )

    def test_grade_d_max_overdue_override_holds_at_15_days(self):
        self.customer.credit_grade = "D"
        self._invoice(100.0, days_ago=15)
        order = self._order(50.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        self.assertEqual(order.state, "draft")
        self.assertIn("15 days past due", order.credit_hold_reason)

    def test_grade_without_override_uses_company_setting(self):
        self.customer.credit_grade = "B"
        self._invoice(100.0, days_ago=15)
        order = self._order(50.0)
        order.action_confirm()
        self.assertFalse(order.credit_hold)
        self.assertEqual(order.state, "sale")

    def test_grade_a_tolerance_override_lets_1050_pass_on_1000(self):
        order = self._order(1050.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)  # company tolerance 0 %
        self.customer.credit_grade = "A"
        order = self._order(1050.0)
        order.action_confirm()
        self.assertFalse(order.credit_hold)
        self.assertEqual(order.state, "sale")
        params = self.customer._credit_check_parameters()[self.customer.id]
        self.assertEqual(params["tolerance_percent"], 10)
        self.assertEqual(params["max_overdue_days"], 30)
