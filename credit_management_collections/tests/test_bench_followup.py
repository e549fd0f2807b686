# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark (``make bench``) of a follow-up run: tagged ``credit_bench``, not in ``make test``."""

import logging
import os
import time
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import TODAY, FollowupCommon

_logger = logging.getLogger(__name__)

INVOICES = int(os.environ.get("BENCH_INVOICES", "2000"))
INVOICES_PER_CUSTOMER = 4
# Target: a nightly run over 20,000 overdue invoices finishes well within an hour.
MIN_INVOICES_PER_SECOND = 20


@tagged("credit_bench", "-standard", "post_install", "-at_install")
class BenchFollowup(FollowupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.perf_counter()
        customers = cls.env["res.partner"].create(
            [
                {"name": f"Bench debtor {i}", "is_company": True, "email": f"d{i}@example.com"}
                for i in range(INVOICES // INVOICES_PER_CUSTOMER)
            ]
        )
        due = TODAY - timedelta(days=45)
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": due,
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product_a.id,
                                "quantity": 1,
                                "price_unit": 100.0 + n,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for customer in customers
                for n in range(INVOICES_PER_CUSTOMER)
            ]
        )
        # Bulk-loaded tables have no statistics yet in a throwaway database: without them
        # PostgreSQL picks nested loops for the host's reconciliation queries (minutes).
        cls.env.flush_all()
        cls.env.cr.execute("ANALYZE")
        invoices.action_post()
        cls.customers = customers
        _logger.info(
            "bench data: %s overdue invoices in %.1fs", len(invoices), time.perf_counter() - started
        )

    def _timed_run(self):
        self.env.flush_all()
        queries_before = self.env.cr.sql_log_count
        started = time.perf_counter()
        with freeze_time(TODAY):
            run = self._run()
        self.env.flush_all()
        return run, time.perf_counter() - started, self.env.cr.sql_log_count - queries_before

    def test_bench_followup_run(self):
        run, seconds, queries = self._timed_run()
        communications = self._communications().filtered(lambda c: c.run_id == run)
        self.assertEqual(len(communications), len(self.customers))
        self.assertEqual(set(communications.level_id.mapped("delay_days")), {30})
        _logger.info(
            "BENCH follow-up run over %s overdue invoices (%s communications): %.1fs "
            "(%.0f invoices/s), %s queries (%.2f per invoice)",
            INVOICES,
            len(communications),
            seconds,
            INVOICES / seconds,
            queries,
            queries / INVOICES,
        )
        again, seconds_again, queries_again = self._timed_run()
        self.assertFalse(self._communications().filtered(lambda c: c.run_id == again))
        _logger.info(
            "BENCH follow-up re-run the same day (nothing to do): %.2fs, %s queries",
            seconds_again,
            queries_again,
        )
        self.assertGreater(INVOICES / seconds, MIN_INVOICES_PER_SECOND)
