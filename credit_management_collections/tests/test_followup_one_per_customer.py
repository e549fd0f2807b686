# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta

from odoo.tests import tagged

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
