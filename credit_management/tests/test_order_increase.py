# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every increase of a confirmed order is checked as its confirmation was."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditOrderIncrease(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._order(100.0, user=cls.salesman)
        cls.order.user_id = cls.salesman
        cls.order.with_user(cls.salesman).action_confirm()

    def _add_line(self, amount, user=None):
        self.order.with_user(user or self.salesman).write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1, "price_unit": amount}
                    )
                ]
            }
        )

    def _deliver(self):
        picking = self.order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def assertIncreaseHeld(self, text):
        self.assertEqual(self.order.state, "sale")
        self.assertTrue(self.order.credit_hold)
        self.assertIn(text, self.order.credit_hold_reason)

    def test_new_line_over_the_limit_holds_the_increase(self):
        self.assertEqual(self.order.state, "sale")
        self.assertFalse(self.order.credit_hold)
        self._add_line(100000000.0)
        self.assertIncreaseHeld("Credit limit exceeded")
        # the increase is "this order"; the confirmed part stays an uninvoiced order
        self.assertRegex(self.order.credit_hold_reason, r"this order \D*100,000,000\.00")
        self.assertRegex(self.order.credit_hold_reason, r"uninvoiced orders \D*100\.00")
        activity = self.order.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("credit_management.group_credit_manager"))
        self.assertTrue(
            self.order.message_ids.filtered(lambda m: "Increase of the confirmed order" in m.body)
        )

    def test_higher_quantity_or_price_over_the_limit_holds(self):
        line = self.order.order_line
        line.with_user(self.salesman).product_uom_qty = 5
        self.assertFalse(self.order.credit_hold, "500 is within the 1,000 limit")
        line.with_user(self.salesman).price_unit = 300.0
        self.assertIncreaseHeld("1,500.00")

    def test_increase_within_the_limit_passes_and_moves_the_checked_amount(self):
        self._add_line(400.0)
        self.assertFalse(self.order.credit_hold)
        self.assertEqual(self.order.credit_checked_amount, 500.0)

    def test_decrease_never_holds(self):
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Audit"})
        self.order.order_line.with_user(self.salesman).price_unit = 50.0
        self.assertFalse(self.order.credit_hold)
        self.assertEqual(self.order.credit_checked_amount, 50.0)

    def test_currency_or_pricelist_change_is_refused_or_checked(self):
        """The host refuses the change of pricelist (hence of currency) of a confirmed order:
        that increase cannot happen behind the check."""
        currency = self.setup_other_currency("EUR")  # 2 EUR = 1 company unit
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": currency.id}
        )
        order = self._order(1800.0, pricelist=pricelist)
        order.action_confirm()
        self.assertFalse(order.credit_hold, "1,800 EUR = 900")
        company_pricelist = self.env["product.pricelist"].create(
            {"name": "Company currency", "currency_id": self.company.currency_id.id}
        )
        with self.assertRaisesRegex(UserError, "pricelist of a confirmed order"):
            order.with_context(lang="en_US").write({"pricelist_id": company_pricelist.id})
        self.assertEqual(order.currency_id, currency)
        # A client writing the currency itself: 1,800 in company currency (+ the 100 of the
        # order of the class) is over the limit.
        order.with_user(self.salesman).write({"currency_id": self.company.currency_id.id})
        self.assertTrue(order.credit_hold)
        self.assertIn("1,900.00", order.credit_hold_reason)

    def test_down_payment_does_not_hold(self):
        self.customer.credit_limit = 150.0
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=self.order.ids)
            .create({"advance_payment_method": "fixed", "fixed_amount": 50.0})
        )
        wizard.create_invoices()
        self.assertTrue(self.order.order_line.filtered("is_downpayment"))
        self.assertFalse(self.order.credit_hold)

    def test_held_increase_stops_delivery_and_invoicing_until_released(self):
        self._add_line(5000.0)
        self.assertIncreaseHeld("Credit limit exceeded")
        with self.assertRaisesRegex(UserError, "on credit hold: its goods cannot be delivered"):
            self._deliver()
        with self.assertRaisesRegex(UserError, "on credit hold: it cannot be invoiced"):
            self.order._create_invoices()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=self.order.ids)
            .create({"advance_payment_method": "fixed", "fixed_amount": 50.0})
        )
        with self.assertRaisesRegex(UserError, "on credit hold: it cannot be invoiced"):
            wizard.create_invoices()
        self.order.with_user(self.manager).action_credit_release()
        self.assertFalse(self.order.credit_hold)
        self.assertEqual(self.order.credit_release_user_id, self.manager)
        self.assertTrue(self.order.credit_release_date)
        self.assertEqual(self.order.credit_released_amount, 5100.0)
        self.assertFalse(self.order.activity_ids)
        picking = self._deliver()
        self.assertEqual(picking.state, "done")
        self.assertTrue(self.order._create_invoices())

    def test_growth_after_release_is_held_again(self):
        self._add_line(5000.0)
        self.order.with_user(self.manager).action_credit_release()
        self._add_line(10.0)
        self.assertIncreaseHeld("Credit limit exceeded")

    def test_held_increase_removed_is_no_longer_held(self):
        self._add_line(5000.0)
        self.assertTrue(self.order.credit_hold)
        big = self.order.order_line.filtered(lambda line: line.price_unit == 5000.0)
        big.with_user(self.salesman).product_uom_qty = 0
        self.assertFalse(self.order.credit_hold)
        self.assertFalse(self.order.activity_ids)

    def test_form_edit_of_a_confirmed_order_is_checked_once(self):
        with Form(self.order.with_user(self.salesman)) as form:
            with form.order_line.new() as line:
                line.product_id = self.product
                line.price_unit = 2000.0
            with form.order_line.edit(0) as line:
                line.product_uom_qty = 2
        self.assertIncreaseHeld("Credit limit exceeded")
        held = self.order.message_ids.filtered(
            lambda m: "Increase of the confirmed order" in m.body
        )
        self.assertEqual(len(held), 1)
