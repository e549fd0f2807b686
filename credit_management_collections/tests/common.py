# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

TODAY = date(2026, 3, 31)


class FollowupCommon(AccountTestInvoicingCommon):
    """A company with a 1 / 30 / 60 days ladder, a credit user and a customer with a collector."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        # the accountant of AccountTestInvoicingCommon also configures credit control
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.credit_user = new_test_user(
            cls.env,
            login="followup_credit_user",
            groups="credit_management.group_credit_user,account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.collector = new_test_user(
            cls.env,
            login="followup_collector",
            groups="credit_management.group_credit_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.policy = cls._create_policy(cls.company)
        cls.company.followup_policy_id = cls.policy
        cls.level_1, cls.level_30, cls.level_60 = cls.policy.level_ids.sorted("delay_days")
        cls.partner_a.write(
            {"email": "partner_a@example.com", "credit_collector_id": cls.collector.id}
        )
        cls.partner_b.write({"email": "partner_b@example.com"})

    @classmethod
    def _create_policy(cls, company):
        return cls.env["credit.followup.policy"].create(
            {
                "name": "Test ladder",
                "company_id": company.id,
                "level_ids": [
                    Command.create({"name": "Reminder", "delay_days": 1, "action": "email"}),
                    Command.create(
                        {
                            "name": "Letter",
                            "delay_days": 30,
                            "action": "letter",
                            "fee_amount": 15.0,
                            "interest_rate": 12.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Call and hold",
                            "delay_days": 60,
                            "action": "phone",
                            "set_credit_hold": True,
                        }
                    ),
                ],
            }
        )

    @classmethod
    def _overdue_invoice(cls, partner, days_overdue, amount=1000.0, company=None, post=True):
        """A posted customer invoice due ``days_overdue`` days before TODAY (immediate terms)."""
        invoice_date = TODAY - timedelta(days=days_overdue)
        move = cls.init_invoice(
            "out_invoice",
            partner=partner,
            invoice_date=invoice_date,
            amounts=[amount],
            taxes=[],
            company=company,
        )
        move.write({"invoice_payment_term_id": False, "invoice_date_due": invoice_date})
        if post:
            move.action_post()
        return move

    def _record(self, invoices, **vals):
        """The collector records a promise to pay or a dispute (the only way: the wizard)."""
        self.env["credit.followup.promise.wizard"].with_user(self.credit_user).create(
            dict(vals, move_ids=[Command.set(invoices.ids)])
        ).action_apply()

    @classmethod
    def _payment_term_30_70(cls):
        """30 % due on the invoice date, 70 % 60 days later."""
        return cls.env["account.payment.term"].create(
            {
                "name": "30 % now, 70 % in 60 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 30.0, "nb_days": 0}),
                    Command.create({"value": "percent", "value_amount": 70.0, "nb_days": 60}),
                ],
            }
        )

    @classmethod
    def _instalment_invoice(cls, partner, days_ago, amount=1000.0):
        """A posted invoice dated ``days_ago`` days before TODAY with the 30 % / 70 % term."""
        move = cls.init_invoice(
            "out_invoice",
            partner=partner,
            invoice_date=TODAY - timedelta(days=days_ago),
            amounts=[amount],
            taxes=[],
        )
        move.invoice_payment_term_id = cls._payment_term_30_70()
        move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount, date, without_entry=False):
        """Register a payment of ``amount`` dated ``date`` on the bank journal.

        ``without_entry``: as Odoo 18 does by default when the bank journal's payment method has
        no outstanding account: the payment has no journal entry, the invoice reads In Payment /
        Paid and its receivable line stays open until the bank statement is reconciled.
        """
        method_line = cls.inbound_payment_method_line
        account = method_line.payment_account_id
        if without_entry:
            method_line.payment_account_id = False
        payment = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "payment_date": date,
                    "amount": amount,
                    "journal_id": method_line.journal_id.id,
                    "payment_method_line_id": method_line.id,
                }
            )
            ._create_payments()
        )
        method_line.payment_account_id = account
        return payment

    @classmethod
    def _bank_statement_settles(cls, invoice, amount, date):
        """A bank statement line of ``amount`` dated ``date`` reconciled with ``invoice``
        (without the enterprise reconciliation widget)."""
        statement_line = cls.env["account.bank.statement.line"].create(
            {
                "payment_ref": invoice.name,
                "journal_id": cls.company_data["default_journal_bank"].id,
                "partner_id": invoice.partner_id.id,
                "amount": amount,
                "date": date,
            }
        )
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable" and not line.reconciled
        )
        _liquidity, suspense, _other = statement_line.with_context(
            skip_account_move_synchronization=True
        )._seek_for_lines()
        suspense.with_context(skip_account_move_synchronization=True).account_id = receivable[
            0
        ].account_id
        (suspense + receivable).reconcile()
        return statement_line

    def _run(self, run_date=TODAY, company=None, user=None):
        run = (
            self.env["credit.followup.run"]
            .with_user(user or self.credit_user)
            .create({"date": run_date, "company_id": (company or self.company).id})
        )
        run.action_run()
        return run

    def _cron_call(self, batch_size=None):
        """One call of the follow-up cron as Odoo's cron makes it (superuser, a progress record
        in the context); return the progress (done, remaining)."""
        cron = self.env.ref("credit_management_collections.ir_cron_credit_followup")
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": cron.id, "done": 0, "remaining": 0}
        )
        context = {"ir_cron_progress_id": progress.id}
        if batch_size:
            context["credit_followup_batch_size"] = batch_size
        self.env["credit.followup.run"].sudo().with_context(**context)._cron_followup()
        return progress.done, progress.remaining

    def _cron_until_done(self, batch_size=None, max_calls=50):
        """Call the cron again while it reports work remaining, as Odoo's cron does; return
        the number of calls."""
        for calls in range(1, max_calls + 1):
            done, remaining = self._cron_call(batch_size)
            if not remaining or not done:
                return calls
        raise AssertionError(f"the cron still reports work after {max_calls} calls")

    def _send_queued_mails(self):
        """What the mail queue does: send the queued e-mails (statements attached on the way)."""
        self.env["mail.mail"].sudo().search([("state", "=", "outgoing")]).send()

    def _communications(self, partner=None):
        domain = [("company_id", "=", self.company.id)]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return self.env["credit.followup.communication"].search(domain)
