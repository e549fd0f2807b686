# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditHold(CreditCommon):
    def assertConfirmed(self, order):
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_hold)

    def assertHeld(self, order, rule_text):
        self.assertIn(order.state, ("draft", "sent"))
        self.assertTrue(order.credit_hold)
        self.assertIn(rule_text, order.credit_hold_reason)

    def test_order_within_limit_is_confirmed(self):
        order = self._order(900.0)
        result = order.action_confirm()
        self.assertIs(result, True)
        self.assertConfirmed(order)

    def test_a_passing_check_reads_no_salesperson(self):
        """The texts of a hold are written in the salesperson's language, looked up only when
        there is a hold to write: a passing check (P1's budget: 8 queries) reads no user."""
        SaleOrder = type(self.env["sale.order"])
        order = self._order(900.0)
        with patch.object(
            SaleOrder, "_credit_staff_lang", autospec=True, return_value="en_US"
        ) as staff_lang:
            self.assertEqual(order._credit_check(), {order.id: []})
            staff_lang.assert_not_called()
            over = self._order(1500.0)
            self.assertEqual(
                [failure["rule"] for failure in over._credit_check()[over.id]], ["limit"]
            )
            staff_lang.assert_called_once_with(over)

    def test_order_over_limit_is_held_with_reason(self):
        self._invoice(300.0)
        order = self._order(800.0)
        result = order.action_confirm()
        self.assertHeld(order, "Credit limit exceeded")
        # Every figure is in the reason: exposure, components, limit and tolerance.
        for figure in ("1,100.00", "300.00", "800.00", "1,000.00", "0.0 %"):
            self.assertIn(figure, order.credit_hold_reason)
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(order.name, result["params"]["message"])
        activity = order.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("credit_management.mail_activity_type_credit_hold"),
        )
        self.assertTrue(activity.user_id.has_group("credit_management.group_credit_manager"))
        self.assertTrue(
            order.message_ids.filtered(lambda m: "Order held by credit control" in m.body)
        )
        # Confirming again while still over the limit keeps one activity.
        order.action_confirm()
        self.assertEqual(len(order.activity_ids), 1)

    def test_tolerance_lets_1050_pass_on_1000(self):
        self.company.credit_tolerance_percent = 10.0
        order = self._order(1050.0)
        order.action_confirm()
        self.assertConfirmed(order)
        order_over = self._order(60.0)
        order_over.action_confirm()
        self.assertHeld(order_over, "10.0 %")

    def test_overdue_beyond_max_days_is_held(self):
        self.company.credit_max_overdue_days = 30
        self._invoice(100.0, days_ago=40)
        order = self._order(50.0)
        order.action_confirm()
        self.assertHeld(order, "40 days past due")
        self.assertNotIn("Credit limit exceeded", order.credit_hold_reason)

    def test_overdue_within_max_days_or_rule_off_passes(self):
        self._invoice(100.0, days_ago=40)
        order = self._order(50.0)
        order.action_confirm()
        self.assertConfirmed(order)
        self.company.credit_max_overdue_days = 45
        order = self._order(50.0)
        order.action_confirm()
        self.assertConfirmed(order)

    def test_manual_hold_is_held(self):
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Lawsuit pending"})
        order = self._order(10.0, partner=self.contact)
        order.action_confirm()
        self.assertHeld(order, "manual credit hold: Lawsuit pending")

    def test_all_failed_rules_are_listed(self):
        self.company.credit_max_overdue_days = 30
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Audit"})
        self._invoice(900.0, days_ago=60)
        order = self._order(200.0)
        failures = order._credit_check()[order.id]
        self.assertEqual([f["rule"] for f in failures], ["limit", "overdue", "manual"])
        order.action_confirm()
        self.assertEqual(len(order.credit_hold_reason.splitlines()), 3)

    def test_limit_zero_means_no_limit_unless_setting(self):
        self.customer.credit_limit = 0.0
        order = self._order(50000.0)
        order.action_confirm()
        self.assertConfirmed(order)
        self.company.credit_hold_without_limit = True
        order = self._order(1.0)
        order.action_confirm()
        self.assertHeld(order, "no credit limit")

    def test_child_contact_order_counts_against_parent(self):
        first = self._order(600.0, partner=self.contact)
        first.action_confirm()
        self.assertConfirmed(first)
        second = self._order(600.0)
        second.action_confirm()
        self.assertHeld(second, "1,200.00")
        third = self._order(600.0, partner=self.contact)
        third.action_confirm()
        self.assertHeld(third, "Credit limit exceeded")

    def test_foreign_currency_order_is_converted(self):
        currency = self.setup_other_currency("EUR")
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": currency.id}
        )
        # 2 EUR = 1 company currency unit: 2400 EUR = 1200 > 1000.
        order = self._order(2400.0, pricelist=pricelist)
        order.action_confirm()
        self.assertHeld(order, "1,200.00")
        order = self._order(1800.0, pricelist=pricelist)
        order.action_confirm()
        self.assertConfirmed(order)

    def test_batch_confirms_passing_orders_and_holds_the_others(self):
        orders = self._order(400.0) | self._order(700.0) | self._order(500.0)
        result = orders.action_confirm()
        self.assertConfirmed(orders[0])
        self.assertHeld(orders[1], "1,100.00")
        # The first order of the call shows as an uninvoiced order, the held one as this order.
        self.assertRegex(orders[1].credit_hold_reason, r"uninvoiced orders \D*400\.00")
        self.assertRegex(orders[1].credit_hold_reason, r"this order \D*700\.00")
        self.assertConfirmed(orders[2])
        self.assertIn(orders[1].name, result["params"]["message"])
        self.assertNotIn(orders[0].name, result["params"]["message"])

    def test_batch_counts_previously_passed_orders(self):
        orders = self._order(600.0) | self._order(600.0, partner=self.contact)
        orders.action_confirm()
        self.assertConfirmed(orders[0])
        self.assertHeld(orders[1], "1,200.00")

    def test_credit_control_off_holds_nothing(self):
        self.company.account_use_credit_limit = False
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Ignored"})
        order = self._order(5000.0)
        order.action_confirm()
        self.assertConfirmed(order)

    def test_salesman_cannot_clear_hold_flag(self):
        order = self._order(5000.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).write({"credit_hold": False})
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).write({"credit_release_user_id": self.salesman.id})
        self.assertTrue(order.credit_hold)
        # The salesman still edits the quotation and sees the figures of the banner.
        order.with_user(self.salesman).note = "Customer will pay in advance"
        self.assertAlmostEqual(order.with_user(self.salesman).credit_partner_exposure, 0.0)
        self.assertAlmostEqual(order.with_user(self.salesman).credit_partner_limit, 1000.0)

    def test_held_order_passing_later_is_confirmed_and_flag_cleared(self):
        order = self._order(5000.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        order.order_line.price_unit = 500.0
        order.action_confirm()
        self.assertConfirmed(order)
        self.assertFalse(order.activity_ids)

    def test_copy_of_held_quotation_is_checked_again(self):
        order = self._order(5000.0)
        order.action_confirm()
        copy = order.copy()
        self.assertFalse(copy.credit_hold)
        self.assertFalse(copy.credit_hold_reason)
        copy.with_user(self.salesman).action_confirm()
        self.assertHeld(copy, "Credit limit exceeded")
