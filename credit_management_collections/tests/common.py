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

    def _run(self, run_date=TODAY, company=None, user=None):
        run = (
            self.env["credit.followup.run"]
            .with_user(user or self.credit_user)
            .create({"date": run_date, "company_id": (company or self.company).id})
        )
        run.action_run()
        return run

    def _communications(self, partner=None):
        domain = [("company_id", "=", self.company.id)]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return self.env["credit.followup.communication"].search(domain)
