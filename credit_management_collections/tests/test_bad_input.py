# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R4: the constraints of collections fed bad values, directly and through imports."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.credit_management.tests.test_bad_input import BadInputMixin

from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestCollectionsBadInput(BadInputMixin, CreditCasesReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the test operator configures follow-up: a credit manager
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.policy = cls.env["credit.followup.policy"].create(
            {
                "name": "Import ladder",
                "company_id": cls.company.id,
                "level_ids": [
                    Command.create({"name": "Reminder", "delay_days": 1, "action": "email"}),
                    Command.create({"name": "Letter", "delay_days": 30, "action": "letter"}),
                ],
            }
        )
        cls.reminder, cls.letter = cls.policy.level_ids.sorted("delay_days")

    def test_followup_levels(self):
        self.assertRefused(self.letter, {"delay_days": 1}, "several levels at 1 days overdue")
        self.assertRefused(self.letter, {"delay_days": -5}, "days overdue of level Letter")
        self.assertRefused(self.letter, {"fee_amount": -10.0}, "fee of level Letter")
        self.assertRefused(self.letter, {"interest_rate": 150.0}, "annual interest rate")
        self.assertCreateRefused(
            self.env["credit.followup.level"],
            {"policy_id": self.policy.id, "name": "Twin", "delay_days": 30, "action": "phone"},
            "several levels at 30 days overdue",
        )

    def test_collection_case_agency_fee(self):
        case = self.env["credit.collection.case"].create({"partner_id": self.partner_a.id})
        self.assertRefused(case, {"agency_fee_percent": 120.0}, "agency fee")
        self.assertRefused(case, {"agency_fee_percent": -1.0}, "agency fee")

    def test_writeoff_above_the_residual(self):
        invoice = self._invoice(1000.0, self._days(-200))
        self._pay(invoice, 300.0, self._days(-150))
        writeoff = self.env["credit.writeoff"].create(
            {
                "partner_id": self.partner_a.id,
                "invoice_ids": [Command.set(invoice.ids)],
                "reason": "Customer bankrupt (破产)",
            }
        )
        self.assertEqual(writeoff.amount, 700.0)
        self.assertRefused(writeoff, {"amount": 900.0}, "cannot exceed the open residual")

    def test_kpi_period_dates_out_of_order(self):
        self.assertCreateRefused(
            self.env["credit.collection.kpi.wizard"],
            {"date_from": "2026-03-31", "date_to": "2026-01-01"},
            "start date must be before the end date",
        )

    def test_non_numeric_delay_is_not_imported(self):
        self.assertLoadRefused(
            self.env["credit.followup.level"],
            ["policy_id/.id", "name", "delay_days", "action"],
            [[str(self.policy.id), "Visit", "sixty", "visit"]],
            "Days Overdue|delay",
        )

    def test_csv_import_of_followup_levels(self):
        """A policy's ladder imported from a spreadsheet: good rows are added, a file with a
        duplicate delay is refused whole."""
        fields = ["policy_id/.id", "name", "delay_days", "action"]
        good = (
            "policy_id/.id,name,delay_days,action\n"
            f"{self.policy.id},Phone call,60,phone\n"
            f"{self.policy.id},Agency,90,agency\n"
        )
        result = self._csv_import("credit.followup.level", good, fields)
        self.assertFalse(result["messages"], result["messages"])
        delays = self.policy.level_ids.sorted("delay_days").mapped("delay_days")
        self.assertEqual(delays, [1, 30, 60, 90])
        bad = (
            "policy_id/.id,name,delay_days,action\n"
            f"{self.policy.id},Lawyer,120,legal\n"
            f"{self.policy.id},Second call,60,phone\n"
        )
        result = self._csv_import("credit.followup.level", bad, fields)
        self.assertTrue(
            any("several levels at 60 days overdue" in m["message"] for m in result["messages"]),
            result["messages"],
        )
        self.assertEqual(
            self.policy.level_ids.sorted("delay_days").mapped("delay_days"), [1, 30, 60, 90]
        )
