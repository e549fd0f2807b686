# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TODAY, FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupCron(FollowupCommon):
    """The follow-up cron the Odoo 18 way: one batch per call, progress reported to
    ``ir.cron._notify_progress``, Odoo committing between calls; nothing committed by the run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_c = cls.env["res.partner"].create(
            {"name": "Customer C", "email": "c@example.com"}
        )
        cls.invoices = (
            cls._overdue_invoice(cls.partner_a, 45)
            | cls._overdue_invoice(cls.partner_b, 45)
            | cls._overdue_invoice(cls.partner_c, 45)
        )
        # only this company follows up in these tests
        cls.env["res.company"].search([("id", "!=", cls.company.id)]).followup_policy_id = False

    def _run_of_today(self):
        return self.env["credit.followup.run"].search(
            [("company_id", "=", self.company.id), ("date", "=", TODAY)]
        )

    def test_one_batch_per_call_with_progress(self):
        with freeze_time(TODAY):
            self.assertEqual(self._cron_call(batch_size=1), (1, 2), "one customer per call")
            run = self._run_of_today()
            self.assertEqual(run.state, "running")
            self.assertEqual(self._cron_call(batch_size=1), (1, 1))
            self.assertEqual(self._cron_call(batch_size=1), (1, 0))
            self.assertEqual(run.state, "done", "the last batch ends the run")
            self.assertEqual(self._cron_call(batch_size=1), (0, 0), "nothing to do")
        self.assertEqual(run.communication_ids.invoice_ids, self.invoices)
        self.assertEqual(len(run.communication_ids), 3)

    def test_run_left_running_resumes_on_the_next_call(self):
        with freeze_time(TODAY):
            self._cron_call(batch_size=1)
            run = self._run_of_today()
            self.assertEqual(len(run.communication_ids), 1)
            # the server died here; a later call (any worker, any server) goes on with it
            self._cron_until_done(batch_size=1)
        self.assertEqual(run.state, "done")
        self.assertEqual(run.communication_ids.invoice_ids, self.invoices)
        self.assertEqual(
            self.env["credit.followup.communication.line"].search_count(
                [("move_id", "in", self.invoices.ids)]
            ),
            3,
        )
        self.assertEqual(len(self._run_of_today()), 1)

    def test_customer_locked_elsewhere_is_left_for_the_next_call(self):
        Run = self.registry["credit.followup.run"]
        lock = Run._followup_lock
        invoice_a = self.invoices.filtered(lambda m: m.partner_id == self.partner_a)

        def locked_by_another_run(run, move_ids):
            return lock(run, move_ids) - set(invoice_a.ids)

        with freeze_time(TODAY), patch.object(Run, "_followup_lock", locked_by_another_run):
            self.assertEqual(self._cron_call(), (2, 1), "A's invoice is locked: B and C done")
            self.assertEqual(self._run_of_today().skipped_count, 1)
            self.assertEqual(self._run_of_today().state, "running")
        with freeze_time(TODAY):
            self._cron_until_done()
        run = self._run_of_today()
        self.assertEqual(run.state, "done")
        self.assertEqual(len(run.communication_ids), 3, "A's followed up once it was free")
        self.assertEqual(run.communication_ids.invoice_ids, self.invoices)

    def test_run_button_leaves_locked_customers_to_the_next_run(self):
        Run = self.registry["credit.followup.run"]
        lock = Run._followup_lock
        invoice_a = self.invoices.filtered(lambda m: m.partner_id == self.partner_a)
        with patch.object(
            Run, "_followup_lock", lambda run, ids: lock(run, ids) - set(invoice_a.ids)
        ):
            run = self._run()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.skipped_count, 1)
        self.assertEqual(run.communication_ids.partner_id, self.partner_b | self.partner_c)
        self.assertEqual(self._run().communication_ids.partner_id, self.partner_a)

    def test_customer_in_error_does_not_stop_the_run(self):
        Comm = self.registry["credit.followup.communication"]
        execute = Comm._followup_execute

        def broken_for_a(communications):
            if self.partner_a in communications.partner_id:
                raise UserError(self.env._("Level Reminder has no e-mail template."))
            return execute(communications)

        with (
            patch.object(Comm, "_followup_execute", broken_for_a),
            mute_logger("odoo.addons.credit_management_collections.models.credit_followup_run"),
        ):
            run = self._run()
        self.assertEqual(run.state, "failed")
        self.assertEqual(run.error_partner_ids, self.partner_a)
        self.assertIn("no e-mail template", run.log)
        self.assertEqual(run.communication_ids.partner_id, self.partner_b | self.partner_c)
        self.assertFalse(self._communications(self.partner_a), "rolled back, nothing half done")
        self.assertEqual(self._run().communication_ids.partner_id, self.partner_a)

    def test_background_run_is_processed_by_the_cron(self):
        wizard = (
            self.env["credit.followup.run.wizard"]
            .with_user(self.credit_user)
            .create({"date": TODAY, "company_id": self.company.id})
        )
        run = self.env["credit.followup.run"].browse(wizard.action_run_background()["res_id"])
        self.assertEqual(run.state, "running")
        self.assertFalse(run.communication_ids, "queued, not run in the user's request")
        with freeze_time(TODAY):
            self._cron_until_done()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.communication_ids.invoice_ids, self.invoices)
        self.assertEqual(len(self._run_of_today()), 1, "the cron ran the queued run only")
