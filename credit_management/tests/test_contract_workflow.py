# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractWorkflow(ContractCommon):
    def test_register_numbers_contracts_per_company(self):
        other = self.env["res.company"].create({"name": "Contract Other Co"})
        first = self._contract()
        second = self._contract()
        other_contract = (
            self.env["credit.contract"]
            .with_company(other)
            .create(
                {
                    "title": "Other company",
                    "partner_id": self.buyer.id,
                    "type_id": self.sales_type.id,
                    "company_id": other.id,
                    "amount": 10.0,
                }
            )
        )
        year = self.today.year
        self.assertTrue(first.name.startswith(f"HT/{year}/"))
        self.assertEqual(int(second.name[-4:]), int(first.name[-4:]) + 1)
        self.assertEqual(other_contract.name, f"HT/{year}/0001")

    def test_contract_goes_from_draft_to_completed(self):
        contract = self._contract()
        self.assertEqual(contract.state, "draft")
        self._sign(contract)
        # signed with its start date reached: performing at once, registered today
        self.assertEqual(contract.state, "performing")
        self.assertEqual(contract.registration_date, self.today)
        self.assertEqual(contract.authorization_id, self.letter)
        self.assertEqual(contract.signer_id, self.salesman)
        self.assertTrue(contract.registered_on_time)
        contract.with_user(self.clerk).action_complete()
        self.assertEqual(contract.state, "completed")

    def test_future_start_stays_signed_until_the_daily_job(self):
        contract = self._contract(date_start=self.today + timedelta(days=10))
        self._sign(contract)
        self.assertEqual(contract.state, "signed")
        self.env["credit.contract"]._cron_contract_daily()
        self.assertEqual(contract.state, "signed")
        contract.with_user(self.salesman).action_start_performance()
        self.assertEqual(contract.state, "performing")

    def test_state_and_decisions_are_not_written_directly(self):
        contract = self._contract()
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            contract.with_user(self.clerk).write({"state": "approved"})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            contract.with_user(self.manager).write({"registration_date": self.today})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            self.env["credit.contract"].with_user(self.manager).create(
                {
                    "title": "Signed at birth",
                    "partner_id": self.buyer.id,
                    "type_id": self.sales_type.id,
                    "amount": 1.0,
                    "state": "signed",
                }
            )
        self.assertEqual(contract.state, "draft")

    def test_content_is_frozen_once_submitted(self):
        contract = self._contract()
        contract.with_user(self.salesman).action_submit()
        with self.assertRaisesRegex(UserError, "Amend the contract instead"):
            contract.with_user(self.clerk).write({"amount": 1.0})
        with self.assertRaisesRegex(UserError, "can only be changed while it is a draft"):
            contract.clause_ids[:1].with_user(self.salesman).write({"included": False})
        self.assertEqual(contract.amount, 50000.0)

    def test_submission_names_the_missing_field(self):
        contract = self._contract(settlement_method=False)
        with self.assertRefused(UserError, "Settlement Method"):
            contract.with_user(self.salesman).action_submit()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.review_ids)

    def test_bad_input_names_the_field(self):
        before = self.env["credit.contract"].search_count([])
        with self.assertRefused(ValidationError, "Amount"):
            self._contract(amount=-5.0)
        with self.assertRefused(ValidationError, "End Date"):
            self._contract(date_end=self.today - timedelta(days=400))
        contact = self.env["res.partner"].create(
            {"name": "Buyer's clerk", "parent_id": self.buyer.id}
        )
        with self.assertRefused(ValidationError, "Counterparty"):
            self._contract(partner=contact)
        self.assertEqual(self.env["credit.contract"].search_count([]), before)

    def test_handler_drafts_only_own_contracts(self):
        with self.assertRaisesRegex(AccessError, "Handler"):
            self.env["credit.contract"].with_user(self.salesman).create(
                {
                    "title": "For somebody else",
                    "partner_id": self.buyer.id,
                    "type_id": self.sales_type.id,
                    "amount": 1.0,
                    "handler_id": self.manager.id,
                }
            )
        # another salesperson reads the contract but only its handler submits it
        other = new_test_user(
            self.env,
            login="cm_other_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        contract = self._contract()
        with self.assertRaisesRegex(AccessError, "Only the handler of"):
            contract.with_user(other).action_submit()

    def test_draft_form_fills_clauses_from_the_template(self):
        form = Form(self.env["credit.contract"].with_user(self.salesman))
        form.title = "From the form"
        form.partner_id = self.buyer
        form.type_id = self.sales_type
        form.amount = 1000
        form.template_id = self.template
        contract = form.save()
        self.assertEqual(len(contract.clause_ids), len(self.template.clause_ids))
        self.assertFalse(contract.terms_complete)
        contract.clause_ids.write({"included": True})
        self.assertTrue(contract.terms_complete)
        # the counterparty's analyst would be proposed as the clerk; none here
        self.assertFalse(contract.clerk_id)

    def test_amendment_is_reviewed_and_replaces_the_contract_in_force(self):
        contract = self._sign(self._contract())
        order = self._order(3000, partner=self.buyer)
        order.action_confirm()
        self.assertEqual(order.credit_contract_id, contract)
        action = contract.with_user(self.salesman).action_amend()
        amendment = self.env["credit.contract"].browse(action["res_id"])
        self.assertEqual(amendment.parent_id, contract)
        self.assertEqual(amendment.version, 2)
        self.assertEqual(amendment.name, f"{contract.name}-2")
        self.assertEqual(amendment.state, "draft")
        with self.assertRaisesRegex(UserError, "amendment in progress"):
            contract.with_user(self.salesman).action_amend()
        amendment.with_user(self.salesman).write({"amount": 80000.0})
        with self.assertRaisesRegex(UserError, "Amendment Reason"):
            amendment.with_user(self.salesman).action_submit()
        amendment.with_user(self.salesman).amendment_reason = "More steel."
        amendment.clause_ids.write({"included": True})
        self._sign(amendment)
        self.assertEqual(contract.state, "changed")
        self.assertEqual(amendment.state, "performing")
        self.assertEqual(order.credit_contract_id, amendment)
        # history kept: the old version is untouched
        self.assertEqual(contract.amount, 50000.0)
        self.assertEqual(contract.amendment_ids, amendment)

    def test_termination_follows_the_procedure(self):
        contract = self._sign(self._contract())
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            contract.with_user(self.clerk).action_terminate()
        action = contract.with_user(self.manager).action_terminate()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "", "termination_procedure": "mutual"})
        )
        with self.assertRaisesRegex(UserError, "Termination Reason"):
            wizard.action_confirm()
        self.assertEqual(contract.state, "performing")
        wizard.write(
            {
                "reason": "Customer closed its plant.",
                "termination_notice_date": self.today + timedelta(days=1),
            }
        )
        with self.assertRaisesRegex(UserError, "Termination Notice Date"):
            wizard.action_confirm()
        wizard.write(
            {
                "termination_notice_date": self.today - timedelta(days=5),
                "termination_document": b"YWdyZWVtZW50",
                "termination_document_name": "agreement.pdf",
            }
        )
        wizard.action_confirm()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.termination_procedure, "mutual")
        self.assertEqual(contract.termination_date, self.today)
        self.assertEqual(contract.termination_registration_date, self.today)
        self.assertTrue(contract.termination_document)
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            contract.with_user(self.manager).write({"termination_reason": "other"})

    def test_invalid_contract_keeps_its_reason(self):
        contract = self._sign(self._contract())
        action = contract.with_user(self.manager).action_invalidate()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Counterparty forged its licence."})
        )
        wizard.action_confirm()
        self.assertEqual(contract.state, "invalid")
        self.assertEqual(contract.invalid_reason, "Counterparty forged its licence.")
        self.assertEqual(contract.invalid_date, self.today)
        # a draft cannot be declared invalid, nor deleted once decided
        with self.assertRaisesRegex(UserError, "this step is not possible"):
            self._contract().with_user(self.manager).action_invalidate()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            contract.with_user(self.manager).unlink()

    def test_ledger_completeness_and_archiving(self):
        team = self.env["crm.team"].create({"name": "Steel", "company_id": self.company.id})
        contract = self._sign(self._contract(team_id=team.id))
        self.assertFalse(contract.is_archived)
        self.assertFalse(contract.ledger_complete)
        contract.with_user(self.clerk).write(
            {"signed_document": b"c2Nhbg==", "signed_document_name": "signed.pdf"}
        )
        self.assertTrue(contract.is_archived)
        self.assertTrue(contract.ledger_complete)

    def test_late_registration_is_not_on_time(self):
        contract = self._sign(self._contract(), date_signed=self.today - timedelta(days=10))
        self.assertEqual(contract.registration_delay, 10)
        self.assertFalse(contract.registered_on_time)

    def test_types_and_templates_belong_to_managers(self):
        with self.assertRaisesRegex(AccessError, "not allowed to create"):
            self.env["credit.contract.type"].with_user(self.clerk).create({"name": "Loan"})
        self.env["credit.contract.template"].with_user(self.manager).create(
            {"name": "Lease", "clause_ids": [Command.create({"name": "Rent"})]}
        )
