# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser journey of collections (商账), in Chinese, on the Chinese demo database (tag
``credit_journey``): an accountant runs the follow-up, prints a letter, confirms an agency level
and opens its case, records a promise to pay and requests a bad-debt write-off; the credit
manager approves it and the entry is posted."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.credit_management.tests.test_journey_tours import JourneyCase

ACTION = "/odoo/action-credit_management_collections"


@tagged("post_install", "-at_install", "credit_journey")
class TestCollectionsJourney(JourneyCase):
    ROLES = ("followup_accountant", "credit_manager")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.collector = cls.users["followup_accountant"]
        cls.today = fields.Date.context_today(cls.env.user)
        if not cls.company.credit_bad_debt_account_id:
            cls.company.credit_bad_debt_account_id = cls.env["account.account"].search(
                [("account_type", "=", "expense"), ("company_ids", "in", cls.company.ids)],
                limit=1,
            )
        if not cls.company.credit_writeoff_journal_id:
            cls.company.credit_writeoff_journal_id = cls.env["account.journal"].search(
                [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
            )
        cls.invoices = {}
        cls.letter_customer = cls._collected("旅程客户戊", 12000.0, 35)
        cls.agency_customer = cls._collected("旅程客户己", 30000.0, 130)
        cls.lost_customer = cls._collected("旅程客户庚", 8000.0, 400)
        cls.agency = cls.env["res.partner"].create({"name": "旅程催收公司", "is_company": True})

    @classmethod
    def _collected(cls, name, amount, days):
        partner = cls._customer(name, 100000.0)
        partner.write({"credit_collector_id": cls.collector.id, "email": False})
        due = cls.today - timedelta(days=days)
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": due,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": cls.product.id, "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        cls.invoices[partner] = invoice
        return partner

    def _communication(self, partner):
        return self.env["credit.followup.communication"].search(
            [("partner_id", "=", partner.id)], order="id desc", limit=1
        )

    def test_collections_journey(self):
        self._tour(
            f"{ACTION}.credit_followup_run_wizard_action",
            "credit_collections_followup",
            "tour_followup_accountant",
        )
        letter = self._communication(self.letter_customer)
        self.assertEqual((letter.action, letter.state), ("letter", "done"))
        case = self.env["credit.collection.case"].search(
            [("partner_id", "=", self.agency_customer.id)]
        )
        self.assertEqual(case.state, "review")
        self.assertEqual(case.agency_partner_id, self.agency)
        self.assertIn(self.invoices[self.agency_customer], case.invoice_ids)

        self.env["credit.collection.worklist"]._worklist_refresh(self.company)
        self._tour(
            f"{ACTION}.credit_collection_worklist_action",
            "credit_collections_promise",
            "tour_followup_accountant",
        )
        promise = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.letter_customer.id), ("outcome", "=", "promise")]
        )
        self.assertEqual(promise.promise_amount, 12000.0)
        self.assertEqual(promise.promise_date, self.today + timedelta(days=10))

        self._tour(
            f"{ACTION}.credit_writeoff_action/new",
            "credit_collections_writeoff_request",
            "tour_followup_accountant",
        )
        writeoff = self.env["credit.writeoff"].search([("partner_id", "=", self.lost_customer.id)])
        self.assertEqual(writeoff.state, "to_approve")
        self.assertEqual(writeoff.user_id, self.collector)
        self._tour(
            f"{ACTION}.credit_writeoff_action/{writeoff.id}",
            "credit_collections_writeoff_approval",
            "tour_credit_manager",
        )
        self.assertEqual(writeoff.state, "posted")
        self.assertEqual(writeoff.approver_id, self.users["credit_manager"])
        self.assertEqual(writeoff.move_id.state, "posted")
        self.assertEqual(self.invoices[self.lost_customer].payment_state, "paid")
        bad_debt = writeoff.move_id.line_ids.filtered(lambda line: line.debit)
        self.assertEqual(bad_debt.account_id, self.company.credit_bad_debt_account_id)
