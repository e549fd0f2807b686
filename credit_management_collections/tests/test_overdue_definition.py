# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .common import TODAY, FollowupCommon

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))


@tagged("post_install", "-at_install")
class TestOverdueDefinition(FollowupCommon):
    """One definition of "open" and "overdue" (DESIGN §6): per instalment, relative to the
    company's today, payments registered without a journal entry counted as paid. The hold, the
    follow-up, the ageing, the exposure and the collector's figures all read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"account_use_credit_limit": True, "credit_max_overdue_days": 30})
        cls.partner_a.credit_limit = 100000.0

    def _order(self):
        return self.env["sale.order"].create(
            {
                "partner_id": self.partner_a.id,
                "company_id": self.company.id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )

    def _ageing(self):
        rows = self.env["credit.ageing.report"].search([("partner_id", "=", self.partner_a.id)])
        return {(row.bucket, row.amount_residual) for row in rows}

    def _top_overdue(self):
        return self.env["credit.overdue.customer.report"].search(
            [("partner_id", "=", self.partner_a.id)]
        )

    def _collected(self, period):
        return self.collector._credit_collector_kpis(*period)[self.collector.id]["amount_collected"]

    def test_instalment_invoice_is_overdue_by_its_first_instalment_everywhere(self):
        """30 % due 40 days ago, 70 % due in 20 days."""
        invoice = self._instalment_invoice(self.partner_a, 40)
        with freeze_time(TODAY):
            order = self._order()
            order.action_confirm()
            self.assertTrue(order.credit_hold, "held: the first instalment is 40 days overdue")
            self.assertIn("40 days past due", order.credit_hold_reason)
            exposure = self.partner_a._credit_exposure()[self.partner_a.id]
            self.assertEqual(exposure["receivable"], 1000.0)
            self.assertEqual(exposure["oldest_overdue_days"], 40)
            self.assertEqual(invoice.followup_days_overdue, 40)
            self.assertEqual(
                self._ageing(), {("2_31_60", 300.0), ("0_not_due", 700.0)}, "each instalment"
            )
            top = self._top_overdue()
            self.assertEqual(
                (top.amount_residual, top.amount_overdue, top.max_days_overdue),
                (1000.0, 300.0, 40),
            )
            figures = self.collector._credit_collector_report_figures(*MARCH)
            self.assertEqual(figures[self.collector.id]["amount_receivable"], 1000.0)
            self.assertEqual(figures[self.collector.id]["amount_overdue"], 300.0)
            self.partner_a.invalidate_recordset()
            self.assertEqual(self.partner_a.followup_overdue_amount, 300.0)
            self.assertEqual(self.partner_a.followup_state, "action")
        self._run()
        line = self._communications().line_ids
        self.assertEqual(line.level_id, self.level_30, "the level of the first instalment's age")
        self.assertEqual((line.days_overdue, line.amount_residual), (40, 300.0))
        self.assertEqual(line.date_due, TODAY - timedelta(days=40))

    def test_payment_without_entry_is_paid_everywhere(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        payment = self._pay(invoice, 1000.0, TODAY - timedelta(days=2), without_entry=True)
        self.assertFalse(payment.move_id)
        self.assertIn(payment.state, ("in_process", "paid"))
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertFalse(
            invoice.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            ).reconciled,
            "the receivable line stays open until the bank statement is reconciled",
        )
        with freeze_time(TODAY):
            order = self._order()
            order.action_confirm()
            self.assertEqual(order.state, "sale", "not held as overdue")
            exposure = self.partner_a._credit_exposure()[self.partner_a.id]
            self.assertEqual(exposure["receivable"], 0.0)
            self.assertEqual(exposure["receivable_in_transit"], 1000.0)
            self.assertEqual(exposure["oldest_overdue_days"], 0)
            self.assertEqual(invoice.followup_days_overdue, 0)
            self.assertFalse(self._ageing(), "not aged")
            self.assertFalse(self._top_overdue())
            self.assertEqual(self._collected(MARCH), 1000.0, "collected on the payment's date")
            self.assertEqual(self._collected(FEBRUARY), 0.0)
            figures = self.collector._credit_collector_report_figures(*MARCH)
            self.assertEqual(figures[self.collector.id]["amount_overdue"], 0.0)
        self._run()
        self.assertFalse(self._communications(), "not dunned")

    def test_payment_without_entry_covers_the_oldest_instalment_first(self):
        invoice = self._instalment_invoice(self.partner_a, 40)
        self._pay(invoice, 300.0, TODAY - timedelta(days=1), without_entry=True)
        with freeze_time(TODAY):
            order = self._order()
            order.action_confirm()
            self.assertEqual(order.state, "sale", "the overdue 30 % is paid")
            exposure = self.partner_a._credit_exposure()[self.partner_a.id]
            self.assertEqual((exposure["receivable"], exposure["oldest_overdue_days"]), (700.0, 0))
            self.assertEqual(self._ageing(), {("0_not_due", 700.0)})
        self._run()
        self.assertFalse(self._communications())

    def test_rejected_payment_is_overdue_again(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        payment = self._pay(invoice, 1000.0, TODAY - timedelta(days=2), without_entry=True)
        payment.action_reject()
        with freeze_time(TODAY):
            exposure = self.partner_a._credit_exposure()[self.partner_a.id]
            self.assertEqual(
                (exposure["receivable"], exposure["oldest_overdue_days"]), (1000.0, 45)
            )
            self.assertEqual(self._collected(MARCH), 0.0)
        self._run()
        self.assertEqual(self._communications().invoice_ids, invoice)

    def test_bank_statement_confirming_a_payment_counts_once(self):
        invoice = self._overdue_invoice(self.partner_a, 45, amount=1000.0)
        self._pay(invoice, 400.0, date(2026, 2, 20), without_entry=True)
        self._bank_statement_settles(invoice, 400.0, date(2026, 3, 5))
        self.assertEqual(invoice.amount_residual, 600.0)
        with freeze_time(TODAY):
            exposure = self.partner_a._credit_exposure()[self.partner_a.id]
            self.assertEqual(exposure["receivable"], 600.0, "the 400 are not deducted twice")
            self.assertEqual(exposure["receivable_in_transit"], 0.0)
        self.assertEqual(self._collected(FEBRUARY), 400.0, "on the payment's date")
        self.assertEqual(self._collected(MARCH), 0.0, "the bank only confirms it")
        # the customer then pays the rest straight to the bank
        self._bank_statement_settles(invoice, 600.0, date(2026, 3, 20))
        self.assertEqual(self._collected(MARCH), 600.0)

    def test_open_receivable_at_a_past_date(self):
        invoice = self._overdue_invoice(self.partner_a, 45)
        self._pay(invoice, 1000.0, TODAY - timedelta(days=2), without_entry=True)
        # on the eve of the payment the invoice was open and overdue; since, wholly in transit
        for when, expected in ((TODAY - timedelta(days=3), [(1000.0, 42)]), (TODAY, [(0.0, 0)])):
            open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
                date=when, partner_ids=self.partner_a.ids, as_of=True
            )
            rows = self.env.execute_query(
                SQL("SELECT amount_open, days_overdue FROM (%s) open_line", open_lines)
            )
            self.assertEqual(rows, expected, when)
