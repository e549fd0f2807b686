# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.base.models.ir_mail_server import MailDeliveryException
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
    """The follow-up runs, reminds and assigns whoever has no e-mail address and whatever the
    mail server does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.credit_user | cls.collector).partner_id.email = False
        cls.company.email = "credit@example.com"

    def _reminder_mail(self, partner):
        comm = self._communications(partner)
        # sudo: mail.mail is the mail queue's, not readable by credit users
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", comm._name), ("res_id", "=", comm.id)])
        )

    def test_collector_without_email_sends_the_reminder(self):
        self._overdue_invoice(self.partner_a, 5)
        self._run()
        self.assertEqual(self._communications(self.partner_a).state, "done")
        mail = self._reminder_mail(self.partner_a)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.partner_a)
        # neither the collector nor the user running it has an address: the company speaks
        self.assertEqual(mail.author_id, self.company.partner_id)
        self.assertIn("credit@example.com", mail.email_from)

    def test_mail_server_down_leaves_the_mail_in_the_queue(self):
        self._overdue_invoice(self.partner_a, 5)
        self._overdue_invoice(self.partner_b, 65)
        with patch.object(
            type(self.env["ir.mail_server"]),
            "send_email",
            side_effect=MailDeliveryException("mail server down"),
        ):
            run = self._run()
            # the queue logs the failure and keeps the mail, to be retried
            with self.assertLogs("odoo.addons.mail.models.mail_mail", "ERROR"):
                self._reminder_mail(self.partner_a).send()
        self.assertEqual(run.state, "done")
        self.assertEqual(self._communications(self.partner_a).state, "done")
        self.assertEqual(self._reminder_mail(self.partner_a).state, "exception")
        self.assertEqual(
            self._communications(self.partner_a).invoice_ids.followup_level_id, self.level_1
        )
        self.assertEqual(self._communications(self.partner_b).state, "open")
        self.assertTrue(self.partner_b.credit_hold, "the level's hold is saved")

    def test_fee_invoice_and_activity_for_collector_without_email(self):
        product = self.env["product.product"].create(
            {"name": "Dunning fee", "type": "service", "taxes_id": [Command.clear()]}
        )
        self.company.write({"followup_invoice_fees": True, "followup_fee_product_id": product.id})
        self._overdue_invoice(self.partner_a, 45)
        self.partner_b.credit_collector_id = self.collector
        self._overdue_invoice(self.partner_b, 65)
        run = self._run()
        self.assertEqual(self._communications(self.partner_a).fee_move_id.amount_total, 29.79)
        self.assertEqual(self._communications(self.partner_b).state, "open")
        digest = run.activity_ids
        self.assertEqual(digest.user_id, self.collector, "one digest activity, to the collector")
        self.assertIn(self.partner_b.name, digest.note)
