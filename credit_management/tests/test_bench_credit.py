# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks (``make bench``): tagged ``credit_bench`` and not ``standard``, so ``make test``
never runs them. They log ``BENCH`` lines with the figures and fail only when a target is missed.
"""

import logging
import os
import time

from odoo import Command
from odoo.tests import tagged

from .common import CreditCommon

_logger = logging.getLogger(__name__)

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "1000"))
# Targets: the exposure needs a constant number of queries whatever the number of customers;
# a confirmation stays interactive.
EXPOSURE_MAX_QUERIES = 12
CONFIRM_MAX_SECONDS_PER_ORDER = 0.25


@tagged("credit_bench", "-standard", "post_install", "-at_install")
class BenchCredit(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.perf_counter()
        cls.customers = cls.env["res.partner"].create(
            [
                {"name": f"Bench customer {i}", "is_company": True, "credit_limit": 5000.0}
                for i in range(CUSTOMERS)
            ]
        )
        # One confirmed order and one posted invoice per customer: every component has rows.
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "product_uom_qty": 1, "price_unit": 100}
                        )
                    ],
                }
                for customer in cls.customers
            ]
        )
        # Bulk-loaded tables have no statistics yet in a throwaway database: without them
        # PostgreSQL picks nested loops for the host's reconciliation queries (minutes).
        cls.env.flush_all()
        cls.env.cr.execute("ANALYZE")
        orders.action_confirm()
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": "2026-01-01",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": 200,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for customer in cls.customers
            ]
        )
        invoices.action_post()
        _logger.info(
            "bench data: %s customers, orders and invoices in %.1fs",
            CUSTOMERS,
            time.perf_counter() - started,
        )

    def _timed_queries(self, func):
        self.env.flush_all()
        queries_before = self.env.cr.sql_log_count
        started = time.perf_counter()
        result = func()
        return result, time.perf_counter() - started, self.env.cr.sql_log_count - queries_before

    def test_bench_exposure_constant_queries(self):
        figures = []
        self.customers[:1]._credit_exposure()  # warm the registry caches (currency, company)
        for size in (1, 100, CUSTOMERS):
            partners = self.customers[:size]
            exposures, seconds, queries = self._timed_queries(partners._credit_exposure)
            self.assertEqual(len(exposures), size)
            self.assertAlmostEqual(exposures[partners[0].id]["exposure"], 300.0)
            figures.append((size, seconds, queries))
            _logger.info(
                "BENCH exposure of %s customers: %.3fs, %s queries", size, seconds, queries
            )
        self.assertLessEqual(max(q for _s, _t, q in figures), EXPOSURE_MAX_QUERIES)
        # (the single-customer call reads less: its limit is already in cache from the warm-up)
        self.assertEqual(figures[1][2], figures[-1][2], "query count must not grow with customers")

    def test_bench_confirm_batch(self):
        count = min(200, CUSTOMERS)
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": customer.id,
                    "order_line": [
                        Command.create(
                            # every tenth order goes over the 5000 limit and is held
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 9000 if i % 10 == 0 else 100,
                            }
                        )
                    ],
                }
                for i, customer in enumerate(self.customers[:count])
            ]
        )
        _result, seconds, queries = self._timed_queries(orders.action_confirm)
        held = orders.filtered("credit_hold")
        self.assertEqual(len(held), count // 10)
        self.assertEqual(set((orders - held).mapped("state")), {"sale"})
        _logger.info(
            "BENCH confirm %s orders in one call (%s held): %.2fs (%.1f ms/order), %s queries",
            count,
            len(held),
            seconds,
            seconds / count * 1000,
            queries,
        )
        self.assertLess(seconds / count, CONFIRM_MAX_SECONDS_PER_ORDER)
