# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class CreditGradeCommon(TransactionCase):
    """A fresh company with its own grades A-D and a two-criteria expert scorecard, an analyst,
    two credit managers, a salesman and a customer. Independent of demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Grade Test Co"})
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        Grade = cls.env["credit.grade"]
        cls.term_30 = cls.env["account.payment.term"].create({"name": "Grade test 30 days"})
        cls.grade_a = Grade.create(
            {
                "code": "A",
                "name": "Excellent",
                "company_id": cls.company.id,
                "min_score": 85,
                "suggested_limit": 100000,
                "payment_term_id": cls.term_30.id,
                "override_tolerance": True,
                "tolerance_percent": 10,
            }
        )
        cls.grade_b = Grade.create(
            {
                "code": "B",
                "name": "Good",
                "company_id": cls.company.id,
                "min_score": 70,
                "suggested_limit": 50000,
            }
        )
        cls.grade_c = Grade.create(
            {
                "code": "C",
                "name": "Fair",
                "company_id": cls.company.id,
                "min_score": 50,
                "suggested_limit": 20000,
                "review_interval_months": 6,
            }
        )
        cls.grade_d = Grade.create(
            {
                "code": "D",
                "name": "Poor",
                "company_id": cls.company.id,
                "min_score": 0,
                "suggested_limit": 5000,
                "override_max_overdue_days": True,
                "max_overdue_days": 10,
                "review_interval_months": 3,
            }
        )
        cls.scorecard = cls.env["credit.scorecard"].create(
            {
                "name": "Expert scorecard",
                "company_id": cls.company.id,
                "criterion_ids": [
                    Command.create({"name": "Management", "weight": 60, "kind": "qualitative"}),
                    Command.create({"name": "Market outlook", "weight": 40, "kind": "qualitative"}),
                ],
            }
        )
        company_kwargs = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.analyst = new_test_user(
            cls.env,
            login="cg_analyst",
            groups="credit_management.group_credit_user,base.group_partner_manager",
            **company_kwargs,
        )
        cls.manager = new_test_user(
            cls.env,
            login="cg_manager",
            groups="credit_management.group_credit_manager",
            **company_kwargs,
        )
        cls.manager2 = new_test_user(
            cls.env,
            login="cg_manager2",
            groups="credit_management.group_credit_manager",
            **company_kwargs,
        )
        cls.salesman = new_test_user(
            cls.env,
            login="cg_salesman",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            **company_kwargs,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Graded Customer", "is_company": True}
        )

    @classmethod
    def _new_application(cls, scores, user=None, **vals):
        """Create (as ``user``, default the analyst) an application scored ``scores``
        (management, market) for the customer."""
        user = user or cls.analyst
        app = (
            cls.env["credit.application"]
            .with_user(user)
            .create(
                dict(
                    {
                        "partner_id": cls.customer.id,
                        "company_id": cls.company.id,
                        "scorecard_id": cls.scorecard.id,
                        "requested_limit": 40000,
                    },
                    **vals,
                )
            )
        )
        for line, score in zip(app.line_ids.sorted("sequence"), scores, strict=True):
            line.score = score
        return app

    def _limit(self, partner):
        return partner.with_company(self.company).sudo().credit_limit
