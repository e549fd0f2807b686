# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

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

    def _balance_rows(self):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT company_id, account_id, customer_id, partner_id, date_maturity, date, "
            "is_debit, amount, items FROM credit_ageing_balance ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
        )
        return self.env.cr.fetchall()

    def _assert_grouped_ageing_is_the_items(self, domain):
        """The pivot's sums (read over the ledger's balance) are those of the open items."""
        report = self.env["credit.ageing.report"].with_user(self.credit_user)
        measures = ["amount_residual:sum", "amount_overdue:sum", "amount_in_transit:sum"]
        ReportModel = type(report)
        for groupby in ([], ["bucket"], ["partner_id"], ["partner_id", "bucket"], ["year_bucket"]):
            with patch.object(
                ReportModel,
                "_ageing_lean_read_group",
                autospec=True,
                side_effect=ReportModel._ageing_lean_read_group,
            ) as lean:
                groups = report.read_group(domain, measures, groupby, lazy=False)
            lean.assert_called_once()
            items = report._read_group(domain, groupby, ["__count", *measures])
            self.assertEqual(
                {
                    tuple(
                        group[name][0] if isinstance(group[name], tuple) else group[name]
                        for name in groupby
                    ): (
                        group["__count"],
                        group["amount_residual"],
                        group["amount_overdue"],
                        group["amount_in_transit"],
                    )
                    for group in groups
                    if groupby or group["__count"]
                },
                {
                    tuple(v.id if hasattr(v, "_name") else v for v in row[: len(groupby)]): tuple(
                        row[len(groupby) :]
                    )
                    for row in items
                },
                groupby,
            )

    def test_grouped_ageing_reads_the_ledger_balance_exactly(self):
        """The grouped ageing reads a balance of the open items kept by triggers on the journal
        items and partners: after payments in transit (whole and partial), bank statements,
        credit notes, instalments, a debtor who becomes a customer's contact, and after its
        compaction, its sums are those of the items, and it holds what a count of the ledger's
        open items gives."""
        # invoiced on his own (his journal items name him), later a contact of a customer
        buyer = self.env["res.partner"].create({"name": "Buyer"})
        domain = [("partner_id", "in", (self.partner_a + self.partner_b + buyer).ids)]
        in_transit = self._overdue_invoice(self.partner_a, 45)
        self._pay(in_transit, 1000.0, TODAY - timedelta(days=2), without_entry=True)
        instalments = self._instalment_invoice(self.partner_a, 40)
        self._pay(instalments, 300.0, TODAY - timedelta(days=1), without_entry=True)
        partly_paid = self._overdue_invoice(self.partner_b, 75, amount=500.0)
        self._bank_statement_settles(partly_paid, 200.0, TODAY - timedelta(days=3))
        paid = self._overdue_invoice(self.partner_b, 20, amount=250.0)
        self._bank_statement_settles(paid, 250.0, TODAY - timedelta(days=3))
        self.init_invoice("out_refund", partner=self.partner_b, amounts=[100.0], post=True)
        self._overdue_invoice(self.partner_b, 10, amount=70.0).button_draft()
        self._overdue_invoice(buyer, 33, amount=40.0)
        Report = self.env["credit.ageing.report"]
        with freeze_time(TODAY):
            self._assert_grouped_ageing_is_the_items(domain)
            self._assert_grouped_ageing_is_the_items([("bucket", "!=", "0_not_due")])
            Report._cron_ageing_balance_compact()
            compacted = self._balance_rows()
            keys = [row[:7] for row in compacted]
            self.assertEqual(len(keys), len(set(keys)), "one row per key")
            self._assert_grouped_ageing_is_the_items(domain)
            # the rest of the partly paid invoice reaches the bank after the compaction; the
            # buyer becomes a contact of a customer, who owes his open invoice
            self._bank_statement_settles(partly_paid, 300.0, TODAY - timedelta(days=1))
            buyer.parent_id = self.partner_a
            self._assert_grouped_ageing_is_the_items(domain)
        Report._cron_ageing_balance_compact()
        compacted = self._balance_rows()
        Report._ageing_balance_rebuild()
        self.assertEqual(compacted, self._balance_rows(), "the triggers missed no change")
