# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
from unittest.mock import patch

from odoo import Command, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from ..models import credit_lock


@tagged("post_install", "-at_install")
class TestCreditConcurrency(TransactionCase):
    """Two users confirm orders of one customer at the same moment, each in its own committed
    transaction, the way Odoo serves two requests (REPEATABLE READ + retry on serialization
    failure). Together the orders exceed the limit: only one may be confirmed."""

    def _committed(self, func):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.env.uid, {})
            result = func(env)
            # The data must be visible to the other transactions of the test, and is removed
            # by the cleanup; the test's own transaction stays untouched.
            cr.commit()  # pylint: disable=invalid-commit
            return result

    def _create_data(self, env):
        company = env.ref("base.main_company")
        previous_setting = company.account_use_credit_limit
        company.account_use_credit_limit = True
        customer = env["res.partner"].create(
            {"name": "Concurrent customer", "is_company": True, "credit_limit": 1000.0}
        )
        product = env["product.product"].create(
            {"name": "Concurrent product", "taxes_id": [Command.clear()]}
        )
        orders = env["sale.order"].create(
            [
                {
                    "partner_id": customer.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": 1, "price_unit": 600.0}
                        )
                    ],
                }
                for _i in range(2)
            ]
        )
        return previous_setting, customer.id, product.id, orders.ids

    def _delete_data(self, env, previous_setting, customer_id, product_id, order_ids):
        orders = env["sale.order"].browse(order_ids).exists()
        orders.activity_ids.unlink()
        # the confirmed order's delivery (sale_stock) goes first: it holds the product
        pickings = orders.picking_ids
        pickings.action_cancel()
        pickings.move_ids.unlink()
        pickings.unlink()
        orders.write({"state": "cancel"})
        orders.unlink()
        env["product.product"].browse(product_id).product_tmpl_id.unlink()
        env["res.partner"].browse(customer_id).unlink()
        env.ref("base.main_company").account_use_credit_limit = previous_setting

    def test_concurrent_confirmations_never_exceed_limit(self):
        previous, customer_id, product_id, order_ids = self._committed(self._create_data)
        self.addCleanup(
            self._committed,
            lambda env: self._delete_data(env, previous, customer_id, product_id, order_ids),
        )
        barrier = threading.Barrier(2, timeout=30)
        attempts = []
        errors = []

        def confirm(order_id):
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, self.env.uid, {})

                    def attempt():
                        attempts.append(order_id)
                        order = env["sale.order"].browse(order_id)
                        # Read the customer's figures, then wait for the other user, so that
                        # both transactions work on the same snapshot.
                        order.partner_id._credit_exposure()
                        if attempts.count(order_id) == 1:
                            barrier.wait()
                        order.action_confirm()

                    retrying(attempt, env)
            except Exception as exc:  # reported in the main thread
                errors.append(exc)

        threads = [threading.Thread(target=confirm, args=(oid,)) for oid in order_ids]
        # The test runner holds the registry lock while it runs the tests; a request thread
        # (and Odoo's retry) looks the registry up by name, which would wait for that lock.
        with (
            patch.object(Registry, "_lock", DummyRLock()),
            mute_logger("odoo.service.model", "odoo.sql_db"),
        ):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertFalse(errors)

        def outcome(env):
            orders = env["sale.order"].browse(order_ids)
            return [(order.state, order.credit_hold, order.amount_total) for order in orders]

        states = self._committed(outcome)
        confirmed = [amount for state, _hold, amount in states if state == "sale"]
        held = [hold for state, hold, _amount in states if state == "draft"]
        self.assertLessEqual(sum(confirmed), 1000.0)
        self.assertEqual(len(confirmed), 1)
        self.assertEqual(held, [True])
        self.assertEqual(len(attempts), 3, "the loser is retried once, with fresh data")

    def test_customers_are_locked_in_one_statement(self):
        """A credit check takes its customers' turn (advisory locks, in id order) and their rows
        in one round trip: the check of one order stays within its query budget."""
        customers = self.env["res.partner"].create(
            [{"name": f"Locked customer {i}", "is_company": True} for i in range(3)]
        )
        self.env.flush_all()
        before = self.cr.sql_log_count
        self.env["sale.order"]._credit_lock_partners(customers)
        self.assertEqual(self.cr.sql_log_count - before, 1)
        self.cr.execute(
            "SELECT objid::int FROM pg_locks WHERE locktype = 'advisory' AND classid = %s "
            "AND pid = pg_backend_pid() ORDER BY objid",
            [credit_lock.LOCK_CLASS],
        )
        self.assertEqual([row[0] for row in self.cr.fetchall()], customers.ids)
