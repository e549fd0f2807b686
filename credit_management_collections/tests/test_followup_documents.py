# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import FollowupCommon

LETTER = "credit_management_collections.report_followup_letter"


@tagged("post_install", "-at_install")
class TestFollowupDocuments(FollowupCommon):
    """Whoever runs follow-up prints and sends every document of it, whoever sold the invoices.

    The credit department's users usually also sell (the demo's shape): the sales rules then
    restrict them to their own invoices, which made the letter of a colleague's customer a 403."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.seller = new_test_user(
            cls.env, login="doc_seller", groups="sales_team.group_sale_salesman", **user_vals
        )
        cls.selling_clerk = new_test_user(
            cls.env,
            login="doc_selling_clerk",
            groups="credit_management.group_credit_user,sales_team.group_sale_salesman",
            **user_vals,
        )
        cls.selling_manager = new_test_user(
            cls.env,
            login="doc_selling_manager",
            groups="credit_management.group_credit_manager,sales_team.group_sale_salesman",
            **user_vals,
        )

    def _sold_by_colleague(self, days_overdue):
        invoice = self._overdue_invoice(self.partner_a, days_overdue, post=False)
        invoice.invoice_user_id = self.seller
        invoice.action_post()
        return invoice

    def _letter_html(self, comm, user):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(allowed_company_ids=self.company.ids)
            ._render_qweb_html(LETTER, comm.ids)
        )
        return html.decode()

    def test_selling_credit_users_print_the_letter_of_a_colleagues_invoice(self):
        invoice = self._sold_by_colleague(45)
        self._run(user=self.selling_clerk)
        comm = self._communications()
        self.assertEqual(comm.state, "to_print")
        for user in (self.selling_clerk, self.selling_manager):
            self.assertIn(invoice.name, self._letter_html(comm, user), user.login)
        # the list of letters to print and its button work for them too
        action = comm.with_user(self.selling_clerk).action_print_letters()
        self.assertEqual(action["report_name"], LETTER)
        self.assertEqual(comm.state, "done")

    def test_emailed_statement_of_a_colleagues_invoice_is_attached(self):
        invoice = self._sold_by_colleague(5)
        self._run(user=self.selling_clerk)
        comm = self._communications()
        self.assertEqual(comm.level_id, self.level_1)
        self.assertEqual(comm.state, "done")
        sent = comm.message_ids.filtered(lambda m: self.partner_a in m.partner_ids)
        self.assertEqual(len(sent), 1)
        self._send_queued_mails()  # the statement is rendered when the mail queue sends
        self.assertEqual(len(sent.attachment_ids), 1, "the statement goes with the e-mail")
        self.assertIn(invoice.name.encode(), sent.attachment_ids.raw)

    def test_credit_user_without_invoicing_rights_invoices_the_fees(self):
        product = self.env["product.product"].create(
            {"name": "Dunning fee", "type": "service", "taxes_id": [Command.clear()]}
        )
        self.company.write({"followup_invoice_fees": True, "followup_fee_product_id": product.id})
        self._sold_by_colleague(45)
        self.assertFalse(self.selling_clerk.has_group("account.group_account_invoice"))
        self._run(user=self.selling_clerk)
        fee_move = self._communications().fee_move_id
        self.assertEqual(fee_move.state, "draft")
        self.assertEqual(fee_move.partner_id, self.partner_a)
        self.assertAlmostEqual(fee_move.amount_total, 29.79)
