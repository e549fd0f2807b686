# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import CreditCommon


class ContractCommon(CreditCommon):
    """The contract department of the credit-control company: a handler (the salesman), a
    clerk who keeps the contract seal, a credit manager, the legal representative, finance and
    legal reviewers; a graded customer with its qualification documents, a supplier; the
    handler's approved authorization letter; grades allowing 30-day terms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        company_kwargs = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.clerk = new_test_user(
            cls.env,
            login="cm_contract_clerk",
            groups="credit_management.group_credit_user",
            **company_kwargs,
        )
        cls.legal_rep = new_test_user(
            cls.env,
            login="cm_legal_rep",
            groups="credit_management.group_credit_legal_representative",
            **company_kwargs,
        )
        cls.finance_reviewer = new_test_user(
            cls.env, login="cm_finance_reviewer", groups="base.group_user", **company_kwargs
        )
        cls.legal_reviewer = new_test_user(
            cls.env, login="cm_legal_reviewer", groups="base.group_user", **company_kwargs
        )
        cls.term_30 = cls._term("Contract test 30 days", 30)
        cls.term_60 = cls._term("Contract test 60 days", 60)
        cls.company.write(
            {
                "credit_contract_required": True,
                "credit_contract_required_amount": 5000.0,
                "credit_contract_required_on_credit": True,
                "credit_contract_major_amount": 100000.0,
                "credit_contract_reviewer_finance_id": cls.finance_reviewer.id,
                "credit_contract_reviewer_legal_id": cls.legal_reviewer.id,
                "credit_contract_registration_days": 3,
            }
        )
        Grade = cls.env["credit.grade"]
        for code, name, min_score, term in (
            ("A", "Excellent", 85, cls.term_60),
            ("B", "Good", 70, cls.term_30),
            ("C", "Fair", 50, cls.env["account.payment.term"]),
            ("D", "Poor", 0, cls.env["account.payment.term"]),
        ):
            Grade.create(
                {
                    "code": code,
                    "name": name,
                    "company_id": cls.company.id,
                    "min_score": min_score,
                    "payment_term_id": term.id,
                }
            )
        cls.sales_type = cls.env.ref("credit_management.contract_type_sales")
        cls.purchase_type = cls.env.ref("credit_management.contract_type_purchase")
        cls.technical_type = cls.env.ref("credit_management.contract_type_technical")
        cls.template = cls.env.ref("credit_management.contract_template_standard")
        cls.buyer = cls._counterparty("Contract Buyer Ltd", "91310000MA1FL0001A", 500000.0, "B")
        cls.supplier = cls._counterparty("Contract Supplier Ltd", "91310000MA1FL0002B")
        cls.seal = cls.env["credit.contract.seal"].create(
            {"name": "Contract seal", "custodian_id": cls.clerk.id, "company_id": cls.company.id}
        )
        cls.letter = cls._authorization(cls.salesman, 200000.0)

    @contextmanager
    def assertRefused(self, exception, regex):
        """The refusal is raised, named, and nothing it would have written stays (the
        savepoint plays the request's rollback)."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield

    # ------------------------------------------------------------------ fixtures
    @classmethod
    def _term(cls, name, days):
        return cls.env["account.payment.term"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": days})
                ],
            }
        )

    @classmethod
    def _counterparty(cls, name, vat, limit=0.0, grade=False):
        partner = cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "vat": vat,
                "credit_limit": limit,
                "credit_grade": grade,
            }
        )
        cls.env["ir.attachment"].create(
            {
                "name": f"Business licence {name}.pdf",
                "res_model": "res.partner",
                "res_id": partner.id,
                "raw": b"licence",
            }
        )
        return partner

    @classmethod
    def _authorization(cls, handler, max_amount, days_from=-30, days_to=335, types=None):
        letter = (
            cls.env["credit.contract.authorization"]
            .with_user(cls.manager)
            .create(
                {
                    "handler_id": handler.id,
                    "type_ids": [Command.set((types or cls.sales_type | cls.purchase_type).ids)],
                    "max_amount": max_amount,
                    "date_from": cls.today + timedelta(days=days_from),
                    "date_to": cls.today + timedelta(days=days_to),
                    "company_id": cls.company.id,
                }
            )
        )
        letter.action_submit()
        letter.with_user(cls.legal_rep).action_approve()
        return letter

    @classmethod
    def _contract(cls, amount=50000.0, partner=None, handler=None, **vals):
        """A complete draft drawn up by the handler (default the salesman): every clause in."""
        handler = handler or cls.salesman
        values = {
            "title": "Supply of steel",
            "partner_id": (partner or cls.buyer).id,
            "type_id": cls.sales_type.id,
            "company_id": cls.company.id,
            "amount": amount,
            "settlement_method": "credit",
            "payment_term_id": cls.term_30.id,
            "template_id": cls.template.id,
            "handler_id": handler.id,
            "clerk_id": cls.clerk.id,
            "date_start": cls.today,
            "date_end": cls.today + timedelta(days=365),
        }
        values.update(vals)
        contract = cls.env["credit.contract"].with_user(handler).create(values)
        contract.clause_ids.write({"included": True})
        return contract

    def _review(self, contract):
        """The clerk passes the manual checks of the open review."""
        review = contract.review_id.with_user(self.clerk)
        review.line_ids.filtered(lambda line: not line.auto).write(
            {"result": "pass", "finding": "Checked."}
        )
        return review

    def _approve(self, contract):
        contract.with_user(contract.handler_id).action_submit()
        self._review(contract)
        for vote in contract.review_id.vote_ids:
            vote.with_user(vote.user_id).action_approve()
        contract.with_user(self.clerk).action_approve()
        self.assertEqual(contract.state, "approved")
        return contract

    def _seal(self, contract):
        use = (
            self.env["credit.contract.seal.use"]
            .with_user(contract.handler_id)
            .create({"seal_id": self.seal.id, "contract_id": contract.id, "copies": 2})
        )
        use.with_user(self.clerk).action_grant()
        return use

    def _sign(self, contract, date_signed=None):
        self._approve(contract)
        self._seal(contract)
        contract.with_user(contract.handler_id).write({"date_signed": date_signed or self.today})
        contract.with_user(contract.handler_id).action_sign()
        return contract
