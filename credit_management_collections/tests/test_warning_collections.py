# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.credit_management.tests.common import (
    CreditAnnualReportCommon,
    CreditWarningCommon,
)


class CollectionsWarningMixin:
    """Write-off accounts and a follow-up ladder for the collections' warning tests."""

    @classmethod
    def _setup_collections(cls):
        cls.bad_debt_account = cls.env["account.account"].create(
            {
                "name": "Credit impairment loss",
                "code": "670299",
                "account_type": "expense",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        cls.company.write(
            {
                "credit_bad_debt_account_id": cls.bad_debt_account.id,
                "credit_writeoff_journal_id": cls.company_data["default_journal_misc"].id,
            }
        )
        cls.policy = cls.env["credit.followup.policy"].create(
            {
                "name": "Warning ladder",
                "company_id": cls.company.id,
                "level_ids": [
                    Command.create({"name": "Reminder", "delay_days": 1, "action": "email"}),
                    Command.create({"name": "Letter", "delay_days": 30, "action": "letter"}),
                    Command.create({"name": "Visit", "delay_days": 60, "action": "visit"}),
                ],
            }
        )
        cls.company.followup_policy_id = cls.policy
        cls.level_email, cls.level_letter, cls.level_visit = cls.policy.level_ids.sorted(
            "delay_days"
        )

    @classmethod
    def _write_off(cls, partner, invoices, when):
        writeoff = cls.env["credit.writeoff"].create(
            {
                "partner_id": partner.id,
                "invoice_ids": [Command.set(invoices.ids)],
                "date": when,
                "reason": "Bankrupt",
            }
        )
        writeoff.action_submit()
        writeoff.action_approve()
        return writeoff


@tagged("post_install", "-at_install")
class TestCollectionsWarnings(CollectionsWarningMixin, CreditWarningCommon):
    """Broken promises and write-offs as indicators; intensified collection and legal action as
    measures traceable from the warning."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_collections()

    def test_broken_promise(self):
        indicator = self._indicator("broken_promise", {"C": 1}, lookback_days=90)
        broken = self._invoice_due(300.0, invoice_days_ago=40, due_days_ago=30)
        kept_later = self._invoice_due(200.0, invoice_days_ago=40, due_days_ago=30)
        # sudo: contacts are logged through the worklist's action; here the promises are given
        Contact = self.env["credit.collection.contact"].sudo()
        Contact.create(
            [
                {
                    "partner_id": self.customer.id,
                    "outcome": "promise",
                    "promise_date": promise_date,
                    "promise_amount": invoice.amount_residual,
                    "promise_residual_start": invoice.amount_residual,
                    "promise_state": "open",
                    "invoice_ids": [Command.set(invoice.ids)],
                }
                for invoice, promise_date in (
                    (broken, self.today - timedelta(days=5)),
                    (kept_later, self.today + timedelta(days=5)),
                )
            ]
        )
        Contact._cron_check_promises(today=self.today)
        self._evaluate()
        self.assertEqual(self._warnings(self.customer, indicator).value, 1.0)

    def test_write_off(self):
        indicator = self._indicator("writeoff", {"C": 0.01}, severity="high", lookback_days=365)
        invoice = self._invoice_due(450.0, invoice_days_ago=200, due_days_ago=170)
        self._write_off(self.customer, invoice, self.today - timedelta(days=10))
        self._evaluate()
        self.assertEqual(self._warnings(self.customer, indicator).value, 450.0)

    def _warning_on_overdue(self):
        self._indicator("overdue_days", {"C": 30})
        self.overdue_1 = self._invoice_due(500.0, invoice_days_ago=50, due_days_ago=40)
        self.overdue_2 = self._invoice_due(250.0, invoice_days_ago=45, due_days_ago=35)
        self._invoice_due(100.0, invoice_days_ago=1, due_days_ago=-29)  # not due
        self._evaluate()
        return self._warnings(self.customer)

    def test_measure_intensify_collection(self):
        warning = self._warning_on_overdue()
        wizard = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .create(
                {
                    "warning_id": warning.id,
                    "kind": "followup",
                    "followup_level_id": self.level_visit.id,
                }
            )
        )
        self.assertEqual(wizard.policy_id, self.policy)
        wizard.action_apply()
        measure = warning.measure_ids
        self.assertEqual(measure.kind, "followup")
        self.assertEqual(measure.followup_level_id, self.level_visit)
        communication = measure.communication_id
        self.assertEqual(communication.level_id, self.level_visit)
        self.assertEqual(communication.invoice_ids, self.overdue_1 | self.overdue_2)
        self.assertEqual(measure._credit_reference_record(), communication)
        self.assertEqual(warning.state, "act")
        # the level is done for these invoices: the same measure again has nothing to do
        wizard = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .create(
                {
                    "warning_id": warning.id,
                    "kind": "followup",
                    "followup_level_id": self.level_visit.id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "no overdue invoice"):
            wizard.action_apply()

    def test_measure_hand_to_legal(self):
        warning = self._warning_on_overdue()
        action = (
            self.env["credit.warning.measure.wizard"]
            .with_user(self.analyst)
            .create({"warning_id": warning.id, "kind": "legal", "note": "Sue for the balance."})
            .action_apply()
        )
        case = warning.measure_ids.case_id
        self.assertEqual(action["res_id"], case.id)
        self.assertRecordValues(
            case, [{"kind": "legal", "state": "draft", "partner_id": self.customer.id}]
        )
        self.assertEqual(case.invoice_ids, self.overdue_1 | self.overdue_2)
        self.assertIn(warning.name, case.outcome_note)


@tagged("post_install", "-at_install")
class TestCollectionsAnnualReport(CollectionsWarningMixin, CreditAnnualReportCommon):
    """The collections' figures of the 2025 report, by hand on the two-year fixture plus P5:
    an invoice of 900 handed to legal action in May 2025, 300 recovered in June, the rest
    written off in September; an agency case on P2's old invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_collections()
        cls.p5 = cls._customer("Report P5")
        cls.i8 = cls._invoice_on(900.0, cls.p5, date(2025, 1, 10), date(2025, 2, 9))
        Case = cls.env["credit.collection.case"]
        lawyer = cls.env["res.partner"].create({"name": "Law firm", "is_company": True})
        legal = Case.create(
            {
                "kind": "legal",
                "partner_id": cls.p5.id,
                "invoice_ids": [Command.set(cls.i8.ids)],
                "agency_partner_id": lawyer.id,
                "handover_date": date(2025, 5, 1),
            }
        )
        agency = Case.create(
            {
                "kind": "agency",
                "partner_id": cls.p2.id,
                "invoice_ids": [Command.set(cls.i2.ids)],
                "agency_partner_id": lawyer.id,
                "handover_date": date(2025, 1, 20),
            }
        )
        (legal | agency).action_submit()
        (legal | agency).action_handover()
        cls._pay(cls.i8, 300.0, date(2025, 6, 1))
        cls._write_off(cls.p5, cls.i8, date(2025, 9, 1))

        def communication(partner, invoice, when, level):
            # as the runs of those dates left them (a communication is the run's to create)
            cls.env["credit.followup.communication"]._workflow_create(
                {
                    "partner_id": partner.id,
                    "level_id": level.id,
                    "line_ids": [Command.create({"move_id": invoice.id, "level_id": level.id})],
                    "date": when,
                    "state": "done",
                }
            )

        communication(cls.p2, cls.i2, date(2025, 2, 1), cls.level_email)  # paid on Feb 10th
        communication(cls.p3, cls.i3, date(2025, 3, 1), cls.level_letter)  # never paid
        communication(cls.p3, cls.i4, date(2024, 3, 1), cls.level_letter)  # last year

    def test_collection_cases_writeoffs(self):
        figures = self._report().figures
        expected = {
            # i2 500 (Feb 10th) + i6 1500 (Apr 15th) + i8 300 (Jun 1st)
            "collected": 2300.0,
            # falling due by the year's end, open at its start: i1, i2, i3, i4, i6, i8
            "amount_due": 6600.0,
            "collection_rate": 34.85,
            "communications_done": 2,
            "communications_successful": 1,
            "success_rate": 50.0,
            "communications_email": 1,
            "communications_letter": 1,
            "communications_visit": 0,
            "agency_cases": 1,
            # the open amount when the case was handed over (i2 after its 500 payment)
            "agency_handed_over": 1500.0,
            "agency_recovered": 500.0,
            "legal_cases": 1,
            "legal_handed_over": 900.0,
            "legal_recovered": 300.0,
            "writeoff_count": 1,
            "writeoff_amount": 600.0,
            # 600 / invoiced in 2025 (i1 1000 + i5 600 + i6 1500 + i8 900)
            "bad_debt_rate": 15.0,
            "revenue": 4000.0,
            "customers_active": 5,
            # i8 is settled: the receivables at the year's end do not change
            "receivable_total": 4300.0,
        }
        self.assertEqual({code: figures[code] for code in expected}, expected)

    def test_sentences_name_the_success_rate_and_legal_recoveries(self):
        report = self._report()
        text = " ".join(report._credit_report_sentences("receivable"))
        self.assertIn("50.00", text)
        self.assertIn(report.company_id.currency_id.format(300.0), text)
