# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta

from odoo.tests import tagged

from ..models import credit_followup_communication as communication_module
from .common import TODAY, FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupOnePerCustomer(FollowupCommon):
    """Follow-up as the customer and the collector receive it (issue 18): one reminder per
    customer and run, the team told by one digest, never copied."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a ladder of e-mails: 1 and 30 days, then a call at 60
        cls.level_30.action = "email"

    def _mails(self, partner):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "credit.followup.communication"),
                ("recipient_ids", "in", partner.ids),
            ]
        )

    def test_customer_with_invoices_at_two_levels_gets_one_email(self):
        recent = self._overdue_invoice(self.partner_a, 5)
        older = self._overdue_invoice(self.partner_a, 45)
        run = self._run()
        comm = self._communications(self.partner_a)
        self.assertEqual(len(comm), 1)
        self.assertEqual(comm.level_id, self.level_30)
        self.assertEqual(
            {(line.move_id, line.level_id) for line in comm.line_ids},
            {(recent, self.level_1), (older, self.level_30)},
            "each invoice at its own level",
        )
        self.assertEqual(len(self._mails(self.partner_a)), 1, "one e-mail")
        self.assertEqual(run._followup_mail_counts()["customer_emails"], 1)
        # the same day: nothing more
        self.assertFalse(self._run().communication_ids)
        self.assertEqual(len(self._mails(self.partner_a)), 1)
        # the next level of the older invoice (60 days) is reached on TODAY + 15, not before
        self.assertFalse(self._run(run_date=TODAY + timedelta(days=14)).communication_ids)
        later = self._run(run_date=TODAY + timedelta(days=15)).communication_ids
        self.assertEqual(
            {(line.move_id, line.level_id) for line in later.line_ids}, {(older, self.level_60)}
        )
        # and the recent one reaches 30 days on TODAY + 25
        last = self._run(run_date=TODAY + timedelta(days=25)).communication_ids
        self.assertEqual(
            {(line.move_id, line.level_id) for line in last.line_ids}, {(recent, self.level_30)}
        )

    def test_run_over_50_customers_sends_no_internal_email(self):
        customers = self.env["res.partner"].create(
            [
                {
                    "name": f"Customer {n}",
                    "email": f"customer{n}@example.com",
                    "credit_collector_id": self.collector.id,
                }
                for n in range(50)
            ]
        )
        for n, customer in enumerate(customers):
            # e-mails at 1 and 30 days for most, a call at 60 days for every tenth
            self._overdue_invoice(customer, 70 if n % 10 == 0 else 5 + n)
        run = (
            self.env["credit.followup.run"]
            .with_user(self.credit_user)
            .create({"date": TODAY, "company_id": self.company.id})
        )
        run.with_context(credit_followup_batch_size=20).action_run()
        self.assertEqual(len(run.communication_ids), 50)
        self.assertEqual(
            run._followup_mail_counts(),
            {"customer_emails": 45, "internal_emails": 0, "internal_inbox": 0},
        )
        collector_partner = self.collector.partner_id
        self.assertNotIn(collector_partner, run.communication_ids.message_partner_ids)
        self.assertFalse(self._mails(collector_partner))
        self.assertFalse(run.communication_ids.activity_ids, "no activity per communication")
        digest = run.activity_ids
        self.assertEqual(len(digest), 1, "one digest for the collector, all batches together")
        self.assertEqual(digest.user_id, self.collector)
        for customer in customers[::10]:
            self.assertIn(customer.name, digest.note)
        # what the mail queue then sends goes to the customers only
        self._send_queued_mails()
        self.assertEqual(run._followup_mail_counts()["internal_emails"], 0)

    def test_level_may_copy_the_collector(self):
        self.level_1.mail_copy_collector = True
        self._overdue_invoice(self.partner_a, 5)
        run = self._run()
        self.assertEqual(
            self._mails(self.partner_a).recipient_ids, self.partner_a | self.collector.partner_id
        )
        self.assertEqual(run._followup_mail_counts()["internal_emails"], 1)

    def test_statements_are_rendered_in_one_batch_when_the_queue_sends(self):
        self._overdue_invoice(self.partner_a, 5)
        self._overdue_invoice(self.partner_b, 5)
        self._run()
        mails = self._mails(self.partner_a) | self._mails(self.partner_b)
        self.assertFalse(mails.attachment_ids, "the run renders no PDF")
        comm_a, comm_b = self._communications(self.partner_a), self._communications(self.partner_b)
        Report = self.registry["ir.actions.report"]
        batches = []

        def wkhtmltopdf_once(report, report_ref, res_ids=None, data=None):
            # one wkhtmltopdf run for the batch, split per statement as Odoo splits it
            batches.append(sorted(res_ids))
            return {
                res_id: {"stream": io.BytesIO(b"%%PDF statement %d" % res_id), "attachment": None}
                for res_id in res_ids
            }, "pdf"

        self.patch(Report, "_pre_render_qweb_pdf", wkhtmltopdf_once)
        mails.sudo().send()  # as the mail queue does
        self.assertEqual(batches, [sorted((comm_a | comm_b).ids)], "one run for both")
        self.assertEqual(
            self._mails(self.partner_a).attachment_ids.raw, b"%%PDF statement %d" % comm_a.id
        )
        self.assertEqual(
            self._mails(self.partner_b).attachment_ids.raw, b"%%PDF statement %d" % comm_b.id
        )
        self.assertEqual(set(mails.mapped("state")), {"sent"})
        self.assertFalse(mails.credit_statement_communication_id, "attached once")

    def test_a_statement_that_fails_to_render_stops_only_its_own_email(self):
        self._overdue_invoice(self.partner_a, 5)
        self._overdue_invoice(self.partner_b, 5)
        self._run()
        mails = self._mails(self.partner_a) | self._mails(self.partner_b)
        comm_a, comm_b = self._communications(self.partner_a), self._communications(self.partner_b)
        Report = self.registry["ir.actions.report"]

        def wkhtmltopdf_fails(report, report_ref, res_ids=None, data=None):
            # wkhtmltopdf exits with "unknown error" on the batch: Odoo reads an empty PDF
            raise ValueError("Cannot read an empty file")

        def one_statement(report, report_ref, res_ids=None, data=None):
            if comm_b.id in res_ids:
                raise ValueError("Cannot read an empty file")
            return b"%%PDF statement %d" % res_ids[0], "pdf"

        self.patch(Report, "_pre_render_qweb_pdf", wkhtmltopdf_fails)
        self.patch(Report, "_render_qweb_pdf", one_statement)
        with self.assertLogs(
            "odoo.addons.credit_management_collections.models.credit_followup_communication",
            "WARNING",
        ):
            mails.sudo().send()  # as the mail queue does: no exception
        mail_a, mail_b = self._mails(self.partner_a), self._mails(self.partner_b)
        self.assertEqual(mail_a.state, "sent")
        self.assertEqual(mail_a.attachment_ids.raw, b"%%PDF statement %d" % comm_a.id)
        # b's reminder is not sent without the statement it announces: failed, visibly, and
        # still linked to its statement for the resend
        self.assertEqual(mail_b.state, "exception")
        self.assertIn("could not be rendered", mail_b.failure_reason)
        self.assertFalse(mail_b.attachment_ids)
        self.assertEqual(mail_b.credit_statement_communication_id, comm_b)
        notification = self.env["mail.notification"].search(
            [("mail_mail_id", "=", mail_b.id), ("res_partner_id", "=", self.partner_b.id)]
        )
        self.assertEqual(notification.notification_status, "exception")

    def test_a_failed_statement_is_reported_in_the_collectors_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.collector.lang = "zh_CN"
        self._overdue_invoice(self.partner_a, 5)
        self._run()
        Report = self.registry["ir.actions.report"]

        def wkhtmltopdf_fails(report, report_ref, res_ids=None, data=None):
            raise ValueError("Cannot read an empty file")

        self.patch(Report, "_pre_render_qweb_pdf", wkhtmltopdf_fails)
        self.patch(Report, "_render_qweb_pdf", wkhtmltopdf_fails)
        mail = self._mails(self.partner_a)
        self.assertEqual(mail.credit_statement_communication_id.user_id, self.collector)
        with self.assertLogs(
            "odoo.addons.credit_management_collections.models.credit_followup_communication",
            "WARNING",
        ):
            mail.sudo().send()  # the mail queue: no language of its own
        self.assertEqual(mail.state, "exception")
        self.assertIn("对账单无法生成", mail.failure_reason)

    def test_letter_lists_its_first_rows_and_counts_the_others_in_its_totals(self):
        for days in (5, 6, 7):
            self._overdue_invoice(self.partner_a, days)
        self._run()
        comm = self._communications(self.partner_a)
        self.assertGreater(len(comm.line_ids), 2)
        self.patch(communication_module, "LETTER_MAX_ROWS", 2)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(communication_module.LETTER_REPORT, comm.ids)[0]
            .decode()
        )
        listed = [line for line in comm.line_ids if line.move_id.name in html]
        self.assertEqual(listed, list(comm.line_ids[:2]))
        self.assertIn("Not listed:", html)
        self.assertIn(f"{len(comm.line_ids) - 2}</span>", html)
        self.assertIn("more overdue invoices, included in the totals below", html)

    def test_reminder_lists_the_letters_invoices_with_their_portal_links(self):
        for days in (5, 6, 7):
            self._overdue_invoice(self.partner_a, days)
        self.patch(communication_module, "LETTER_MAX_ROWS", 2)
        self._run()
        comm = self._communications(self.partner_a)
        self.assertGreater(len(comm.line_ids), 2)
        body = self._mails(self.partner_a).body_html
        for invoice in comm.line_ids[:2].move_id:
            self.assertTrue(invoice.access_token, "set by the run, in one statement")
            self.assertIn(invoice.name, body)
            self.assertIn(f"access_token={invoice.access_token}", body)
        for invoice in comm.line_ids[2:].move_id:
            self.assertNotIn(invoice.name, body)  # in the totals, not listed
            self.assertFalse(invoice.access_token, "no link, no token")
