# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractReview(ContractCommon):
    def _checks(self, contract):
        return {line.check: line for line in contract.review_id.line_ids}

    def test_submission_opens_the_review_form_with_automatic_findings(self):
        contract = self._contract()
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.state, "review")
        review = contract.review_id
        self.assertEqual(review.round, 1)
        self.assertEqual(review.state, "open")
        checks = self._checks(contract)
        self.assertEqual(
            set(checks),
            {
                "legality",
                "authenticity",
                "feasibility",
                "counterparty",
                "agency",
                "creditworthiness",
                "business_scope",
                "settlement",
                "terms",
            },
        )
        for code in ("legality", "authenticity", "feasibility", "business_scope"):
            self.assertEqual(checks[code].result, "pending", code)
        for code in ("counterparty", "agency", "creditworthiness", "settlement", "terms"):
            self.assertEqual(checks[code].result, "pass", f"{code}: {checks[code].finding}")
        self.assertIn("91310000MA1FL0001A", checks["counterparty"].finding)
        self.assertIn(self.letter.name, checks["agency"].finding)
        self.assertIn("available", checks["creditworthiness"].finding)
        self.assertIn("30 days", checks["settlement"].finding)

    def test_failing_data_fails_the_automatic_checks(self):
        customer = self.env["res.partner"].create(
            {"name": "No papers", "is_company": True, "credit_limit": 10000.0, "credit_grade": "B"}
        )
        contract = self._contract(amount=50000.0, partner=customer, payment_term_id=self.term_60.id)
        contract.clause_ids[:2].write({"included": False})
        contract.with_user(self.salesman).action_submit()
        checks = self._checks(contract)
        self.assertEqual(checks["counterparty"].result, "fail")
        self.assertIn("no unified social credit code", checks["counterparty"].finding)
        self.assertIn("no qualification document", checks["counterparty"].finding)
        self.assertEqual(checks["creditworthiness"].result, "fail")
        self.assertIn("propose a credit application", checks["creditworthiness"].finding)
        self.assertTrue(contract.review_id.over_credit)
        self.assertEqual(checks["settlement"].result, "fail")
        self.assertIn("longer than", checks["settlement"].finding)
        self.assertEqual(checks["terms"].result, "fail")
        self.assertIn("missing clauses", checks["terms"].finding)
        # the clerk cannot overrule the data, nor approve over a failed check
        with self.assertRaisesRegex(UserError, "decided from the suite's data"):
            checks["creditworthiness"].with_user(self.clerk).write({"result": "pass"})
        self._review(contract)
        with self.assertRaisesRegex(UserError, "cannot be approved"):
            contract.with_user(self.clerk).action_approve()
        self.assertEqual(contract.state, "review")

    def test_over_credit_proposes_a_credit_application(self):
        customer = self.env["res.partner"].create(
            {"name": "Small limit", "is_company": True, "credit_limit": 10000.0}
        )
        contract = self._contract(partner=customer)
        contract.with_user(self.salesman).action_submit()
        action = contract.review_id.with_user(self.clerk).action_propose_credit_application()
        application = self.env["credit.application"].browse(action["res_id"])
        self.assertEqual(application.partner_id, customer)
        self.assertEqual(application.requested_limit, 50000.0)
        self.assertEqual(application.state, "draft")

    def test_refreshing_after_completing_the_data(self):
        customer = self.env["res.partner"].create({"name": "Late papers", "is_company": True})
        contract = self._contract(partner=customer, settlement_method="prepayment")
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(self._checks(contract)["counterparty"].result, "fail")
        customer.vat = "91310000MA1FL0003C"
        self.env["ir.attachment"].create(
            {"name": "licence.pdf", "res_model": "res.partner", "res_id": customer.id, "raw": b"x"}
        )
        contract.review_id.with_user(self.clerk).action_refresh_checks()
        self.assertEqual(self._checks(contract)["counterparty"].result, "pass")
        # prepaid: secured, no credit needed
        self.assertEqual(self._checks(contract)["creditworthiness"].result, "pass")

    def test_manual_checks_are_the_credit_departments(self):
        contract = self._contract()
        contract.with_user(self.salesman).action_submit()
        line = self._checks(contract)["legality"]
        with self.assertRaisesRegex(AccessError, "Only the credit department fills"):
            line.with_user(self.salesman).write({"result": "pass"})
        with self.assertRaisesRegex(AccessError, "Only the credit department fills"):
            line.with_user(self.salesman).action_mark_passed()
        line.with_user(self.clerk).action_mark_passed()
        self.assertEqual(line.result, "pass")
        with self.assertRaisesRegex(UserError, "To Check"):
            contract.with_user(self.clerk).action_approve()
        with self.assertRaisesRegex(AccessError, "Credit User"):
            contract.with_user(self.salesman).action_approve()

    def test_clerk_returns_the_contract_with_the_reason(self):
        contract = self._contract()
        contract.with_user(self.salesman).action_submit()
        action = contract.with_user(self.clerk).action_refuse()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
            .create({"reason": "  "})
        )
        with self.assertRaisesRegex(UserError, "Reason"):
            wizard.action_confirm()
        wizard.reason = "Quality clause too vague."
        wizard.action_confirm()
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.refuse_reason, "Quality clause too vague.")
        review = contract.review_ids
        self.assertEqual(review.state, "refused")
        self.assertEqual(review.refused_by_id, self.clerk)
        activity = contract.activity_ids.filtered(lambda a: a.user_id == self.salesman)
        self.assertIn("Quality clause too vague.", str(activity.note))
        # resubmitted: a second review form, the first kept
        contract.with_user(self.salesman).action_submit()
        self.assertEqual(len(contract.review_ids), 2)
        self.assertEqual(contract.review_id.round, 2)
        with self.assertRaisesRegex(UserError, "concluded review form"):
            review.line_ids[:1].with_user(self.clerk).write({"finding": "late"})

    def test_major_contract_is_reviewed_jointly_by_the_named_reviewers(self):
        contract = self._contract(amount=150000.0)
        self.assertTrue(contract.is_major)
        contract.with_user(self.salesman).action_submit()
        votes = contract.review_id.vote_ids
        self.assertEqual(
            {(vote.role, vote.user_id) for vote in votes},
            {("finance", self.finance_reviewer), ("legal", self.legal_reviewer)},
        )
        self.assertEqual(contract.activity_ids.user_id, self.finance_reviewer | self.legal_reviewer)
        self._review(contract)
        finance = votes.filtered(lambda v: v.role == "finance")
        legal = votes - finance
        with self.assertRaisesRegex(AccessError, "gives the Finance opinion"):
            finance.with_user(self.legal_reviewer).action_approve()
        finance.with_user(self.finance_reviewer).action_approve()
        opinion = contract.message_ids.filtered(lambda m: "Joint review" in str(m.body))
        self.assertEqual(opinion.author_id, self.finance_reviewer.partner_id)
        with self.assertRaisesRegex(UserError, "waits for"):
            contract.with_user(self.clerk).action_approve()
        legal.with_user(self.legal_reviewer).action_approve()
        contract.with_user(self.clerk).action_approve()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.review_id.state, "approved")
        self.assertEqual(contract.review_id.clerk_id, self.clerk)

    def test_one_refusal_in_joint_review_returns_the_contract(self):
        contract = self._contract(amount=150000.0)
        contract.with_user(self.salesman).action_submit()
        votes = contract.review_id.vote_ids
        finance = votes.filtered(lambda v: v.role == "finance")
        finance.with_user(self.finance_reviewer).action_approve()
        legal = (votes - finance).with_user(self.legal_reviewer)
        action = legal.action_refuse()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.legal_reviewer)
            .with_context(**action["context"])
            .create({"reason": "Arbitration clause unlawful."})
        )
        wizard.action_confirm()
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.refuse_reason, "Arbitration clause unlawful.")
        self.assertEqual(legal.state, "refused")
        self.assertEqual(contract.review_ids.refused_by_id, self.legal_reviewer)
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            finance.with_user(self.finance_reviewer).write({"state": "pending"})

    def test_type_reviewed_jointly_whatever_its_amount(self):
        contract = self._contract(amount=100.0, type_id=self.technical_type.id)
        self.assertTrue(contract.is_major)

    def test_major_contract_needs_named_reviewers(self):
        self.company.write(
            {
                "credit_contract_reviewer_finance_id": False,
                "credit_contract_reviewer_legal_id": False,
            }
        )
        contract = self._contract(amount=150000.0)
        with self.assertRefused(UserError, "Joint Reviewers"):
            contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.state, "draft")

    def test_purchase_contract_checks_the_supplier_credit_file(self):
        contract = self._contract(partner=self.supplier, type_id=self.purchase_type.id)
        contract.with_user(self.salesman).action_submit()
        check = self._checks(contract)["creditworthiness"]
        self.assertEqual(check.result, "fail")
        self.assertIn("No credit file", check.finding)
        self.supplier.credit_grade = "B"
        contract.review_id.with_user(self.clerk).action_refresh_checks()
        self.assertEqual(check.result, "pass")
        self.assertIn("Supplier graded", check.finding)
        self.supplier.credit_grade = "D"
        contract.review_id.with_user(self.clerk).action_refresh_checks()
        self.assertEqual(check.result, "fail")

    def test_review_form_prints(self):
        contract = self._contract(amount=150000.0)
        contract.with_user(self.salesman).action_submit()
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management.report_credit_contract_review", contract.review_id.ids
            )[0]
        )
        self.assertIn("Contract Review Form", html)
        self.assertIn(contract.name, html)
        self.assertIn("Legality", html)
        self.assertIn("Creditworthiness assured", html)
        self.assertIn(self.finance_reviewer.name, html)
