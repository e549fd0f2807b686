# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestCollectionsTours(AccountTestInvoicingCommon, HttpCase):
    """Browser journeys in Chinese (zh_CN): the customer's promise to pay on the portal and a
    collector's morning on the worklist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ("web", "portal", "credit_management", "credit_management_collections"),
                )
            ]
        )._update_translations("zh_CN")
        cls.today = fields.Date.context_today(cls.env.user)
        user_vals = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
            "tz": "Asia/Shanghai",
        }
        cls.collector = new_test_user(
            cls.env,
            login="tour_collector",
            password="tour_collector",
            groups="credit_management.group_credit_user",
            **user_vals,
        )
        cls.customer_a = cls.env["res.partner"].create(
            {"name": "Tour Customer A", "is_company": True, "credit_collector_id": cls.collector.id}
        )
        cls.customer_b = cls.env["res.partner"].create(
            {"name": "Tour Customer B", "is_company": True, "credit_collector_id": cls.collector.id}
        )
        buyer = cls.env["res.partner"].create(
            {"name": "Tour Buyer", "parent_id": cls.customer_a.id, "email": "buyer@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="tour_portal",
            password="tour_portal",
            groups="base.group_portal",
            partner_id=buyer.id,
            **user_vals,
        )
        cls.invoice_a = cls._overdue(cls.customer_a, 9000.0, 70)
        cls.invoice_b = cls._overdue(cls.customer_b, 1000.0, 15)

    @classmethod
    def _overdue(cls, partner, amount, days):
        due = cls.today - timedelta(days=days)
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": due,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create({"name": "钢卷 Steel coil", "price_unit": amount, "tax_ids": []})
                ],
            }
        )
        invoice.action_post()
        return invoice

    def test_tour_portal_promise_to_pay(self):
        self.start_tour("/my/credit", "credit_portal_promise_to_pay", login="tour_portal")
        self.assertEqual(self.invoice_a.followup_promise_date, self.today + timedelta(days=7))
        contact = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual((contact.channel, contact.promise_amount), ("portal", 600.0))
        self.assertEqual(self.invoice_a.activity_ids.user_id, self.collector)

    def test_tour_collector_day(self):
        self.env["credit.collection.worklist"]._worklist_refresh(self.company)
        self.start_tour(
            "/odoo/action-credit_management_collections.credit_collection_worklist_action",
            "credit_collector_day",
            login="tour_collector",
        )
        contacts = self.env["credit.collection.contact"].search(
            [("partner_id", "in", (self.customer_a | self.customer_b).ids)]
        )
        self.assertEqual(
            sorted(contacts.mapped("outcome")), ["dispute", "no_answer"], "both calls logged"
        )
        self.assertTrue(self.invoice_b.followup_disputed)
        self.assertIn("Quality complaint", self.invoice_b.followup_dispute_reason)
