# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.credit_management.tests.test_notifications import NOTIFY_LOGGER, mail_down

from .common import FollowupCommon
from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestCollectionsNotifications(CreditCasesReportsCommon):
    """Write-offs and cases change state for users without an e-mail address, and whatever
    happens to the chatter message telling about it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.clerk | cls.manager).partner_id.email = False
        cls.company.email = "credit@example.com"
        cls.invoice = cls._invoice(1000.0, cls._days(-200))

    def test_writeoff_requested_and_approved_without_email(self):
        form = Form(self.env["credit.writeoff"].with_user(self.clerk))
        form.partner_id = self.partner_a
        form.invoice_ids.add(self.invoice)
        form.reason = "Customer bankrupt (破产)"
        writeoff = form.save()
        writeoff.with_user(self.clerk).action_submit()
        self.assertEqual(writeoff.state, "to_approve")
        with mail_down(self.env["credit.writeoff"]), self.assertLogs(NOTIFY_LOGGER, "WARNING"):
            writeoff.with_user(self.manager).action_approve()
        self.assertEqual(writeoff.state, "posted")
        self.assertEqual(writeoff.move_id.state, "posted")
        self.assertEqual(self.invoice.payment_state, "paid")

    def test_case_submitted_and_handed_over_without_email(self):
        agency = self.env["res.partner"].create({"name": "华信催收", "is_company": True})
        form = Form(self.env["credit.collection.case"].with_user(self.clerk))
        form.kind = "agency"
        form.partner_id = self.partner_a
        form.invoice_ids.add(self.invoice)
        form.agency_partner_id = agency
        case = form.save()
        case.with_user(self.clerk).action_submit()
        with mail_down(self.env["credit.collection.case"]), self.assertLogs(NOTIFY_LOGGER):
            case.with_user(self.manager).action_handover()
        self.assertEqual(case.state, "handed_over")
        self.assertEqual(case.reviewer_id, self.manager)


@tagged("post_install", "-at_install")
class TestFollowupNotifications(FollowupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.credit_user.partner_id.email = False
        cls.company.email = "credit@example.com"

    def test_collector_without_email_sends_the_reminder(self):
        self._overdue_invoice(self.partner_a, 5)
        self._run()
        comm = self._communications()
        self.assertEqual(comm.state, "done")
        sent = comm.message_ids.filtered(lambda m: self.partner_a in m.partner_ids)
        self.assertEqual(sent.author_id, self.credit_user.partner_id)
        self.assertIn("<credit@example.com>", sent.email_from)

    def test_failing_email_is_logged_and_the_letter_printed_instead(self):
        self._overdue_invoice(self.partner_a, 5)
        self._overdue_invoice(self.partner_b, 65)
        comm_model = self.env["credit.followup.communication"]
        with mail_down(comm_model), self.assertLogs(NOTIFY_LOGGER, "WARNING") as logs:
            run = self._run()
        self.assertIn("credit.followup.communication", logs.output[0])
        self.assertEqual(run.state, "done")
        reminder = self._communications(self.partner_a)
        self.assertEqual(reminder.state, "to_print", "the letter replaces the e-mail")
        self.assertEqual(reminder.invoice_ids.followup_level_id, self.level_1)
        call = self._communications(self.partner_b)
        self.assertEqual(call.state, "open")
        self.assertTrue(self.partner_b.credit_hold, "the level's hold is saved")

    def test_fee_invoice_and_activity_for_collector_without_email(self):
        product = self.env["product.product"].create(
            {"name": "Dunning fee", "type": "service", "taxes_id": [Command.clear()]}
        )
        self.company.write({"followup_invoice_fees": True, "followup_fee_product_id": product.id})
        self._overdue_invoice(self.partner_a, 45)
        self._overdue_invoice(self.partner_b, 65)
        self._run()
        self.assertEqual(self._communications(self.partner_a).fee_move_id.amount_total, 29.79)
        call = self._communications(self.partner_b)
        self.assertEqual(call.state, "open")
        self.assertEqual(len(call.activity_ids), 1)
