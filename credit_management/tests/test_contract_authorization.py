# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractAuthorization(ContractCommon):
    def _letter_vals(self, **vals):
        values = {
            "handler_id": self.salesman.id,
            "type_ids": [Command.set(self.sales_type.ids)],
            "max_amount": 1000.0,
            "date_from": self.today,
            "date_to": self.today + timedelta(days=30),
            "company_id": self.company.id,
        }
        values.update(vals)
        return values

    def test_prepared_by_a_credit_manager_approved_by_the_legal_representative(self):
        Letter = self.env["credit.contract.authorization"]
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            Letter.with_user(self.clerk).create(self._letter_vals())
        letter = Letter.with_user(self.manager).create(self._letter_vals())
        self.assertEqual(letter.validity, "pending")
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            letter.with_user(self.legal_rep).action_submit()
        letter.action_submit()
        self.assertEqual(letter.prepared_by_id, self.manager)
        with self.assertRaisesRegex(AccessError, "Legal Representative"):
            letter.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            letter.with_user(self.manager).write({"state": "approved"})
        letter.with_user(self.legal_rep).action_approve()
        self.assertEqual(letter.state, "approved")
        self.assertEqual(letter.approver_id, self.legal_rep)
        self.assertEqual(letter.validity, "valid")
        with self.assertRaisesRegex(UserError, "revoke it and issue a new one"):
            letter.with_user(self.manager).write({"max_amount": 5000.0})

    def test_legal_representative_needs_no_other_credit_group(self):
        self.assertFalse(self.legal_rep.has_group("credit_management.group_credit_user"))
        self.assertEqual(self.letter.approver_id, self.legal_rep)

    def test_bad_letters_name_the_field(self):
        Letter = self.env["credit.contract.authorization"].with_user(self.manager)
        with self.assertRaisesRegex(ValidationError, "Maximum per Contract"):
            Letter.create(self._letter_vals(max_amount=0.0))
        with self.assertRaisesRegex(ValidationError, "Valid Until"):
            Letter.create(self._letter_vals(date_to=self.today - timedelta(days=1)))

    def test_approval_beyond_authority_is_refused(self):
        contract = self._contract(amount=250000.0)
        contract.with_user(self.salesman).action_submit()
        self._review(contract)
        for vote in contract.review_id.vote_ids:
            vote.with_user(vote.user_id).action_approve()
        # the review shows why: the agency check failed from the letters
        agency = contract.review_id.line_ids.filtered(lambda line: line.check == "agency")
        self.assertEqual(agency.result, "fail")
        self.assertIn("is beyond the authority of " + self.letter.name, agency.finding)
        with self.assertRefused(UserError, "Authorized agent lawful .* is Failed"):
            contract.with_user(self.clerk).action_approve()
        self.assertEqual(contract.state, "review")

    def test_signing_beyond_authority_is_refused(self):
        contract = self._approve(self._contract(amount=150000.0))
        self._seal(contract)
        # the letter was narrowed after the approval: the signature is checked again
        self.letter.sudo().max_amount = 100000.0
        contract.with_user(self.salesman).date_signed = self.today
        with self.assertRefused(UserError, "is beyond the authority of " + self.letter.name):
            contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.authorization_id)

    def test_signing_after_expiry_is_refused(self):
        contract = self._approve(self._contract())
        self._seal(contract)
        # signed after the letter's last day
        self.letter.sudo().date_to = self.today - timedelta(days=1)
        contract.with_user(self.salesman).date_signed = self.today
        with self.assertRefused(UserError, "expired on"):
            contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.registration_date)
        # signed on the last valid day: accepted
        contract.with_user(self.salesman).date_signed = self.today - timedelta(days=1)
        contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.authorization_id, self.letter)

    def test_signing_another_type_or_after_revocation_is_refused(self):
        contract = self._approve(self._contract())
        self._seal(contract)
        contract.with_user(self.salesman).date_signed = self.today
        self.letter.sudo().type_ids = self.purchase_type
        with self.assertRaisesRegex(UserError, "does not cover Sales Contract contracts"):
            contract.with_user(self.salesman).action_sign()
        self.letter.sudo().type_ids = self.sales_type
        action = self.letter.with_user(self.legal_rep).action_revoke()
        self.env[action["res_model"]].with_user(self.legal_rep).with_context(
            **action["context"]
        ).create({"reason": "Left the sales team."}).action_confirm()
        self.assertEqual(self.letter.validity, "revoked")
        with self.assertRaisesRegex(UserError, "was revoked on"):
            contract.with_user(self.salesman).action_sign()

    def test_signing_date_cannot_be_in_the_future(self):
        contract = self._approve(self._contract())
        self._seal(contract)
        contract.with_user(self.salesman).date_signed = self.today + timedelta(days=2)
        with self.assertRaisesRegex(UserError, "Signing Date"):
            contract.with_user(self.salesman).action_sign()

    def test_handler_without_letter(self):
        contract = self._contract(handler=self.manager)
        contract.with_user(self.manager).action_submit()
        agency = contract.review_id.line_ids.filtered(lambda line: line.check == "agency")
        self.assertIn("no approved authorization letter", agency.finding)
        self._review(contract)
        with self.assertRefused(UserError, "Authorized agent lawful .* is Failed"):
            contract.with_user(self.clerk).action_approve()

    def test_letter_prints(self):
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management.report_credit_contract_authorization", self.letter.ids
            )[0]
        )
        self.assertIn("Authorization Letter", html)
        self.assertIn(self.letter.name, html)
        self.assertIn(self.salesman.name, html)
        self.assertIn("Sales Contract", html)
