# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestCreditPortal(AccountTestInvoicingCommon, HttpCase):
    """Credit & statements on /my: two portal users of two customers, each sees and answers only
    for their own commercial partner; a token link answers for the invoice it was sent for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.today = fields.Date.context_today(cls.env.user)
        cls.collector = new_test_user(
            cls.env,
            login="portal_test_collector",
            groups="credit_management.group_credit_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.customer_a = cls.env["res.partner"].create(
            {
                "name": "Portal Customer A",
                "is_company": True,
                "credit_collector_id": cls.collector.id,
            }
        )
        cls.customer_b = cls.env["res.partner"].create(
            {"name": "Portal Customer B", "is_company": True}
        )
        cls.contact_a = cls.env["res.partner"].create(
            {"name": "Buyer A", "parent_id": cls.customer_a.id, "email": "a@example.com"}
        )
        cls.contact_b = cls.env["res.partner"].create(
            {"name": "Buyer B", "parent_id": cls.customer_b.id, "email": "b@example.com"}
        )
        cls.portal_a = new_test_user(
            cls.env,
            login="portal_credit_a",
            password="portal_credit_a",
            groups="base.group_portal",
            partner_id=cls.contact_a.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="portal_credit_b",
            password="portal_credit_b",
            groups="base.group_portal",
            partner_id=cls.contact_b.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.invoice_a = cls._overdue(cls.customer_a, 1200.0, 40)
        cls.invoice_b = cls._overdue(cls.customer_b, 777.0, 20)

    @classmethod
    def _overdue(cls, partner, amount, days):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": cls.today - timedelta(days=days),
                "invoice_date_due": cls.today - timedelta(days=days),
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create({"name": "Goods", "price_unit": amount, "tax_ids": []})
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _post(self, url, data):
        data = {"csrf_token": http.Request.csrf_token(self), **data}
        return self.url_open(url, data=data, allow_redirects=False)

    def test_page_shows_only_own_invoices_with_ageing(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        response = self.url_open("/my/credit")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.invoice_a.name, response.text)
        self.assertNotIn(self.invoice_b.name, response.text)
        self.assertIn("31-60", response.text)  # 40 days overdue
        self.assertNotIn("Available credit", response.text, "the company does not show limits")
        self.company.portal_show_credit_limit = True
        self.assertIn("Available credit", self.url_open("/my/credit").text)

    def test_promise_from_portal_pauses_follow_up_and_tells_the_collector(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        promise_date = self.today + timedelta(days=10)
        response = self._post(
            f"/my/credit/invoice/{self.invoice_a.id}/promise",
            {"promise_date": str(promise_date), "amount": "1200"},
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("success=promise", response.headers["Location"])
        self.assertEqual(self.invoice_a.followup_promise_date, promise_date)
        contact = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual((contact.channel, contact.outcome), ("portal", "promise"))
        self.assertEqual(contact.promise_state, "open")
        activity = self.invoice_a.activity_ids
        self.assertEqual(activity.user_id, self.collector)
        self.assertTrue(
            any("Promise to pay" in body for body in self.invoice_a.message_ids.mapped("body"))
        )

    def test_promise_beyond_policy_is_refused_with_message(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        response = self._post(
            f"/my/credit/invoice/{self.invoice_a.id}/promise",
            {"promise_date": str(self.today + timedelta(days=300)), "amount": "1200"},
        )
        self.assertIn("error=", response.headers["Location"])
        self.assertFalse(self.invoice_a.followup_promise_date)

    def test_dispute_with_attachment(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        response = self.url_open(
            f"/my/credit/invoice/{self.invoice_a.id}/dispute",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "reason": "Wrong quantity (数量不符)",
            },
            files={"attachment": ("delivery-note.txt", b"received 8, billed 10", "text/plain")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(self.invoice_a.followup_disputed)
        self.assertEqual(self.invoice_a.followup_dispute_reason, "Wrong quantity (数量不符)")
        message = self.invoice_a.message_ids.filtered("attachment_ids")
        self.assertEqual(message.attachment_ids.name, "delivery-note.txt")
        self.assertIn("Wrong quantity", message.body)

    def test_other_customer_invoice_refused(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        response = self._post(
            f"/my/credit/invoice/{self.invoice_b.id}/promise",
            {"promise_date": str(self.today + timedelta(days=5)), "amount": "777"},
        )
        self.assertEqual(response.headers["Location"].rsplit("/", 1)[-1], "my")
        self.assertFalse(self.invoice_b.followup_promise_date)
        response = self._post(f"/my/credit/invoice/{self.invoice_b.id}/dispute", {"reason": "x"})
        self.assertFalse(self.invoice_b.followup_disputed)
        # and B sees theirs, not A's
        self.authenticate("portal_credit_b", "portal_credit_b")
        page = self.url_open("/my/credit").text
        self.assertIn(self.invoice_b.name, page)
        self.assertNotIn(self.invoice_a.name, page)

    def test_record_rules_keep_portal_users_to_their_partner(self):
        Move = self.env["account.move"].with_user(self.portal_a)
        visible = Move.search([("move_type", "=", "out_invoice")])
        self.assertNotIn(self.invoice_b, visible)
        self.assertFalse(
            self.env["credit.collection.contact"].with_user(self.portal_a).has_access("read")
        )

    def test_token_from_email_answers_for_that_invoice(self):
        self.authenticate(None, None)
        token = self.invoice_b._portal_ensure_token()
        response = self._post(
            f"/my/credit/invoice/{self.invoice_b.id}/promise",
            {
                "promise_date": str(self.today + timedelta(days=5)),
                "amount": "777",
                "access_token": token,
            },
        )
        self.assertIn("/my/credit/done", response.headers["Location"])
        self.assertTrue(self.invoice_b.followup_promise_date)
        response = self._post(
            f"/my/credit/invoice/{self.invoice_a.id}/promise",
            {
                "promise_date": str(self.today + timedelta(days=5)),
                "amount": "1",
                "access_token": token,
            },
        )
        self.assertFalse(self.invoice_a.followup_promise_date, "a token opens its own invoice only")

    def test_statement_pdf_is_the_own_partners(self):
        self.authenticate("portal_credit_a", "portal_credit_a")
        year_start = self.today.replace(month=1, day=1)
        response = self.url_open(
            f"/my/credit/statement?date_from={year_start}&date_to={self.today}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn(f"statement-{self.customer_a.id}-", response.headers["Content-Disposition"])
        # the same report renders the collections team's statement (HTML checked: content)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "credit_management_collections.action_report_statement",
                self.customer_a.ids,
                data={
                    "date_from": str(self.today - timedelta(days=400)),
                    "date_to": str(self.today),
                },
            )[0]
            .decode()
        )
        self.assertIn(self.invoice_a.name, html)
        self.assertNotIn(self.invoice_b.name, html)
        self.assertIn("Statement of Account", html)
