# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from .common import TODAY, FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupRun(FollowupCommon):
    def test_invoice_45_days_overdue_gets_level_30(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        run = self._run()
        self.assertEqual(run.state, "done")
        comm = self._communications()
        self.assertEqual(len(comm), 1)
        self.assertEqual(comm.level_id, self.level_30)
        self.assertEqual(comm.invoice_ids, invoice)
        self.assertEqual(comm.partner_id, self.partner_a)
        self.assertEqual(comm.user_id, self.collector)
        self.assertEqual(comm.run_id, run)
        self.assertEqual(comm.state, "to_print")
        self.assertEqual(comm.line_ids.days_overdue, 45)
        self.assertEqual(invoice.followup_level_id, self.level_30)
        self.assertEqual(invoice.followup_date_last, TODAY)
        # the level 1 e-mail was skipped: the run jumps straight to the level reached
        self.assertFalse(
            self.env["credit.followup.communication.line"].search(
                [("move_id", "=", invoice.id), ("level_id", "=", self.level_1.id)]
            )
        )
        self.assertEqual(run.letter_to_print_count, 1)
        self.assertEqual(run.invoice_count, 1)

    def test_second_run_same_day_creates_nothing(self):
        self._overdue_invoice(self.partner_a, 45)
        self._run()
        second = self._run()
        self.assertFalse(second.communication_ids)
        self.assertEqual(len(self._communications()), 1)
        self.assertEqual(second.state, "done")

    def test_next_level_follows_when_its_delay_is_reached(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self._run()
        self._run(run_date=TODAY + timedelta(days=10))
        self.assertEqual(len(self._communications()), 1, "60 days not reached yet")
        self._run(run_date=TODAY + timedelta(days=15))
        comms = self._communications()
        self.assertEqual(comms.level_id, self.level_30 | self.level_60)
        self.assertEqual(invoice.followup_level_id, self.level_60)

    def test_paid_invoice_is_excluded(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": TODAY})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self._run()
        self.assertFalse(self._communications())

    def test_promised_invoice_waits_until_the_promised_date(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self._record(invoice, kind="promise", promise_date=TODAY + timedelta(days=5))
        self._run()
        self.assertFalse(self._communications(), "promise in the future pauses the follow-up")
        self._record(invoice, kind="promise", promise_date=TODAY - timedelta(days=1))
        self._run()
        self.assertEqual(self._communications().invoice_ids, invoice, "promise broken")

    def test_disputed_invoice_is_excluded(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self._record(invoice, kind="dispute", dispute_reason="Goods damaged")
        self._run()
        self.assertFalse(self._communications())

    def test_two_invoices_same_level_make_one_communication(self):
        first = self._overdue_invoice(self.partner_a, 40, amount=100.0)
        second = self._overdue_invoice(self.partner_a, 50, amount=200.0)
        self._overdue_invoice(self.partner_b, 40, amount=300.0)
        self._run()
        comm = self._communications(self.partner_a)
        self.assertEqual(len(comm), 1)
        self.assertEqual(comm.invoice_ids, first | second)
        self.assertAlmostEqual(comm.amount_overdue, 300.0)
        self.assertEqual(len(self._communications(self.partner_b)), 1)

    def test_invoices_at_two_levels_make_one_communication_at_the_highest(self):
        recent = self._overdue_invoice(self.partner_a, 5)
        older = self._overdue_invoice(self.partner_a, 45)
        self._run()
        comm = self._communications(self.partner_a)
        self.assertEqual(len(comm), 1, "one communication per customer and run")
        self.assertEqual(comm.level_id, self.level_30, "the most advanced level decides")
        self.assertEqual(comm.state, "to_print", "the letter of level 30, not an e-mail too")
        self.assertEqual(
            {(line.move_id, line.level_id, line.days_overdue) for line in comm.line_ids},
            {(recent, self.level_1, 5), (older, self.level_30, 45)},
        )
        self.assertEqual(
            (recent.followup_level_id, older.followup_level_id), (self.level_1, self.level_30)
        )

    def test_email_level_queues_the_reminder_with_its_statement(self):
        invoice = self._overdue_invoice(self.partner_a, 5)
        self._run()
        comm = self._communications()
        self.assertEqual(comm.state, "done")
        message = comm.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.partner_a, "to the customer only")
        self.assertEqual(message.mail_ids.state, "outgoing", "queued, not sent by the run")
        self.assertFalse(message.attachment_ids, "the statement is rendered when it is sent")
        self._send_queued_mails()
        self.assertEqual(len(message.attachment_ids), 1)
        # (a test database renders reports as HTML)
        self.assertIn(invoice.name, message.attachment_ids.raw.decode())

    def test_customer_without_email_gets_a_letter(self):
        self.partner_b.email = False
        self._overdue_invoice(self.partner_b, 5)
        self._run()
        self.assertEqual(self._communications(self.partner_b).state, "to_print")

    def test_phone_level_is_in_the_collectors_digest(self):
        self._overdue_invoice(self.partner_a, 70)
        run = self._run()
        comm = self._communications()
        self.assertEqual(comm.state, "open")
        self.assertFalse(comm.activity_ids, "no activity per communication")
        digest = run.activity_ids
        self.assertEqual(digest.user_id, self.collector)
        self.assertIn(self.partner_a.name, digest.note)
        comm.with_user(self.credit_user).action_mark_done()
        self.assertEqual(comm.state, "done")

    def test_manual_confirmation_level_waits(self):
        self.level_30.manual_confirmation = True
        invoice = self._overdue_invoice(self.partner_a, 45)
        run = self._run()
        comm = self._communications()
        self.assertEqual(comm.state, "to_confirm")
        self.assertEqual(run.to_confirm_count, 1)
        self.assertFalse(invoice.followup_level_id, "nothing done before confirmation")
        self._run()
        self.assertEqual(len(self._communications()), 1, "a waiting level is not proposed again")
        comm.with_user(self.credit_user).action_confirm_communication()
        self.assertEqual(comm.state, "to_print")
        self.assertEqual(invoice.followup_level_id, self.level_30)

    def test_letters_to_print_are_printed_together(self):
        self._overdue_invoice(self.partner_a, 45)
        self._overdue_invoice(self.partner_b, 45)
        self._run()
        comms = self._communications()
        self.assertEqual(set(comms.mapped("state")), {"to_print"})
        action = (
            self.env["credit.followup.communication"]
            .with_user(self.credit_user)
            .action_print_letters()
        )
        self.assertEqual(
            action["report_name"], "credit_management_collections.report_followup_letter"
        )
        self.assertEqual(set(comms.mapped("state")), {"done"})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "credit_management_collections.action_report_followup_letter", comms.ids
            )[0]
            .decode()
        )
        self.assertIn(self.partner_a.name, html)
        self.assertIn(self.partner_b.name, html)

    def test_interrupted_run_resumes_without_duplicates(self):
        invoices_a = self._overdue_invoice(self.partner_a, 40) | self._overdue_invoice(
            self.partner_a, 45
        )
        invoices_b = self._overdue_invoice(self.partner_b, 45)
        run = (
            self.env["credit.followup.run"]
            .with_user(self.credit_user)
            .create({"date": TODAY, "company_id": self.company.id})
        )
        # the first batch (customer A, whole) was committed, then the process died
        run._followup_start()
        progress = run._followup_step(batch_size=1)
        self.assertEqual(progress["done"], 2, "both invoices of customer A")
        self.assertEqual(progress["remaining"], 1)
        self.assertEqual(run.state, "running")
        self.assertEqual(run.communication_ids.partner_id, self.partner_a)
        run.with_context(credit_followup_batch_size=1).action_run()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.communication_ids.partner_id, self.partner_a | self.partner_b)
        lines = self.env["credit.followup.communication.line"].search(
            [("move_id", "in", (invoices_a | invoices_b).ids)]
        )
        self.assertEqual(len(lines), 3, "one line per invoice and level, nothing repeated")
        self.assertEqual(len(self._communications()), 2)

    def test_partner_followup_status(self):
        self._overdue_invoice(self.partner_a, 45)
        with freeze_time(TODAY):
            self.partner_a.invalidate_recordset()
            self.assertEqual(self.partner_a.followup_state, "action")
            self.assertAlmostEqual(self.partner_a.followup_overdue_amount, 1000.0)
            self._run()
            self.partner_a.invalidate_recordset()
            self.assertEqual(self.partner_a.followup_state, "waiting")
            self.assertEqual(self.partner_a.followup_next_date, TODAY + timedelta(days=15))
            self.assertEqual(self.partner_a.followup_communication_count, 1)

    def test_cron_runs_once_per_company_and_day(self):
        self._overdue_invoice(self.partner_a, 45)
        with freeze_time(TODAY):
            self._cron_until_done()
            run = self.env["credit.followup.run"].search([("company_id", "=", self.company.id)])
            self.assertEqual(run.state, "done")
            self.assertEqual(run.date, TODAY)
            self.assertEqual(len(run.communication_ids), 1)
            self.assertEqual(self._cron_until_done(), 1, "nothing left to do")
            self.assertEqual(
                self.env["credit.followup.run"].search_count(
                    [("company_id", "=", self.company.id)]
                ),
                1,
            )

    def test_wizard_runs_for_a_date(self):
        self._overdue_invoice(self.partner_a, 45)
        wizard = Form(self.env["credit.followup.run.wizard"].with_user(self.credit_user))
        wizard.date = TODAY + timedelta(days=20)
        action = wizard.save().action_run()
        run = self.env["credit.followup.run"].browse(action["res_id"])
        self.assertEqual(run.communication_ids.level_id, self.level_60)
        self.assertEqual(run.date, TODAY + timedelta(days=20))

    def test_cancelled_communication_is_not_repeated(self):
        self._overdue_invoice(self.partner_a, 45)
        self._run()
        comm = self._communications()
        comm.with_user(self.credit_user).action_cancel()
        self._run()
        self.assertEqual(self._communications(), comm)
        self.assertEqual(comm.state, "cancel")

    def test_credit_hold_level_holds_partner_and_next_quotation(self):
        self.company.account_use_credit_limit = True
        invoice = self._overdue_invoice(self.partner_a, 65)
        self._run()
        partner = self.partner_a.commercial_partner_id
        self.assertTrue(partner.credit_hold)
        self.assertIn(self.level_60.name, partner.credit_hold_reason)
        self.assertIn(invoice.name, partner.credit_hold_reason)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_a.id,
                "company_id": self.company.id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.credit_hold)
