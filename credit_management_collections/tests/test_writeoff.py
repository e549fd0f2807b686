# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestWriteoff(CreditCasesReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice(1000.0, cls._days(-200))
        cls._pay(cls.invoice, 200.0, cls._days(-150))

    def _request(self, invoices, partner=None):
        form = Form(self.env["credit.writeoff"].with_user(self.clerk))
        form.partner_id = partner or self.partner_a
        for invoice in invoices:
            form.invoice_ids.add(invoice)
        form.reason = "Customer bankrupt (破产)"
        return form.save()

    def test_writeoff_posts_balanced_entry_and_pays_invoice(self):
        writeoff = self._request(self.invoice)
        self.assertEqual(writeoff.amount, 800.0)
        self.assertTrue(writeoff.name.startswith("WO/"))
        writeoff.action_submit()
        self.assertEqual(writeoff.state, "to_approve")
        with self.assertRaises(AccessError):
            writeoff.with_user(self.clerk).action_approve()
        self.assertEqual(writeoff.state, "to_approve")

        writeoff.with_user(self.manager).action_approve()
        move = writeoff.move_id
        self.assertEqual(writeoff.state, "posted")
        self.assertEqual(writeoff.approver_id, self.manager)
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.company_data["default_journal_misc"])
        self.assertEqual(sum(move.line_ids.mapped("debit")), 800.0)
        self.assertEqual(sum(move.line_ids.mapped("credit")), 800.0)
        bad_debt_line = move.line_ids.filtered(
            lambda line: line.account_id == self.bad_debt_account
        )
        self.assertEqual(bad_debt_line.debit, 800.0)
        self.assertEqual(bad_debt_line.partner_id, self.partner_a)
        self.assertEqual(self.invoice.payment_state, "paid")
        self.assertEqual(self.invoice.amount_residual, 0.0)
        self.assertEqual(writeoff.amount, 800.0, "the posted amount is kept once invoices are paid")
        self.company.credit_bad_debt_account_id = self.company_data["default_account_expense"]
        self.assertEqual(writeoff.amount, 800.0, "changing the setting does not change history")

    def test_cancel_reverses_entry_and_reopens_invoice(self):
        writeoff = self._request(self.invoice)
        writeoff.action_submit()
        writeoff.with_user(self.manager).action_approve()
        self.assertEqual(self.invoice.payment_state, "paid")
        with self.assertRaises(AccessError):
            writeoff.with_user(self.clerk).action_cancel()

        writeoff.with_user(self.manager).action_cancel()
        self.assertEqual(writeoff.state, "cancel")
        reversal = writeoff.reversal_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, writeoff.move_id)
        self.assertEqual(self.invoice.amount_residual, 800.0)
        self.assertEqual(self.invoice.payment_state, "partial")
        bad_debt = self.env["account.move.line"].search(
            [("account_id", "=", self.bad_debt_account.id), ("parent_state", "=", "posted")]
        )
        self.assertEqual(sum(bad_debt.mapped("balance")), 0.0)
        with self.assertRaises(UserError):
            writeoff.action_draft()

    def test_foreign_currency_invoice_is_fully_written_off(self):
        eur = self.setup_other_currency("EUR")
        invoice = self._invoice(1000.0, self._days(-100), currency=eur)
        self.assertEqual(invoice.amount_residual_signed, 500.0)
        writeoff = self._request(invoice)
        self.assertEqual(writeoff.amount, 500.0)
        writeoff.action_submit()
        writeoff.with_user(self.manager).action_approve()
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(invoice.amount_residual, 0.0)
        bad_debt_line = writeoff.move_id.line_ids.filtered(
            lambda line: line.account_id == self.bad_debt_account
        )
        self.assertEqual(bad_debt_line.debit, 500.0)
        self.assertFalse(
            writeoff.move_id.line_ids.full_reconcile_id.exchange_move_id,
            "no exchange difference when the open amounts are written off in both currencies",
        )

    def test_writeoff_of_paid_invoice_is_refused(self):
        paid = self._invoice(300.0, self._days(-40))
        self._pay(paid, 300.0, self._days(-10))
        with self.assertRaises(ValidationError):
            self._request(paid)

    def test_writeoff_of_other_customer_invoice_is_refused(self):
        other = self._invoice(300.0, self._days(-40), partner=self.partner_b)
        with self.assertRaises(ValidationError):
            self._request(other)

    def test_same_invoice_on_two_requests_is_refused(self):
        self._request(self.invoice)
        with self.assertRaises(ValidationError):
            self._request(self.invoice)

    def test_submit_without_invoices_is_refused(self):
        writeoff = (
            self.env["credit.writeoff"]
            .with_user(self.clerk)
            .create({"partner_id": self.partner_a.id, "reason": "Lost"})
        )
        with self.assertRaises(UserError):
            writeoff.action_submit()
        self.assertEqual(writeoff.state, "draft")

    def test_approve_without_configuration_is_refused(self):
        writeoff = self._request(self.invoice)
        writeoff.action_submit()
        self.company.credit_bad_debt_account_id = False
        with self.assertRaises(UserError):
            writeoff.with_user(self.manager).action_approve()
        self.assertEqual(writeoff.state, "to_approve")
        self.assertEqual(self.invoice.amount_residual, 800.0)

    def test_user_without_credit_rights_cannot_submit(self):
        writeoff = self._request(self.invoice)
        accountant = self.env["res.users"].create(
            {
                "name": "Accountant",
                "login": "cr_accountant",
                "groups_id": [Command.set(self.env.ref("account.group_account_invoice").ids)],
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
            }
        )
        with self.assertRaises(AccessError):
            writeoff.with_user(accountant).action_submit()
        self.assertEqual(writeoff.state, "draft")
