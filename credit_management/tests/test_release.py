# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditRelease(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._order(1500.0)
        cls.order.action_confirm()

    def test_manager_release_confirms_and_records_who(self):
        self.assertTrue(self.order.credit_hold)
        self.order.with_user(self.manager).action_credit_release()
        self.assertEqual(self.order.state, "sale")
        self.assertFalse(self.order.credit_hold)
        self.assertEqual(self.order.credit_release_user_id, self.manager)
        self.assertTrue(self.order.credit_release_date)
        self.assertEqual(self.order.credit_released_amount, 1500.0)
        self.assertFalse(self.order.activity_ids, "the review activity is done")
        self.assertTrue(
            self.order.message_ids.filtered(lambda m: "Credit hold released by" in m.body)
        )

    def test_salesman_cannot_release_or_reject(self):
        order = self.order.with_user(self.salesman)
        with self.assertRaises(AccessError):
            order.action_credit_release()
        with self.assertRaises(AccessError):
            order.action_credit_reject()
        with self.assertRaises(AccessError):
            order._credit_reject("no")
        self.assertEqual(self.order.state, "draft")
        self.assertTrue(self.order.credit_hold)
        self.assertFalse(self.order.credit_release_user_id)

    def test_credit_user_cannot_release(self):
        analyst = self.manager.copy(
            {
                "login": "cm_test_analyst",
                "groups_id": [
                    Command.set(
                        (
                            self.env.ref("credit_management.group_credit_user")
                            | self.env.ref("sales_team.group_sale_salesman")
                        ).ids
                    )
                ],
            }
        )
        with self.assertRaises(AccessError):
            self.order.with_user(analyst).action_credit_release()

    def test_released_order_increased_is_held_again(self):
        self.order.with_user(self.manager).action_credit_release()
        self.order.with_user(self.salesman).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.order.with_user(self.salesman).action_draft()
        # Same amount: the release still covers it.
        self.order.with_user(self.salesman).action_confirm()
        self.assertEqual(self.order.state, "sale")
        self.order.with_user(self.salesman).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.order.with_user(self.salesman).action_draft()
        self.order.order_line.write({"product_uom_qty": 2, "price_unit": 1500.0})
        self.order.with_user(self.salesman).action_confirm()
        self.assertEqual(self.order.state, "draft")
        self.assertTrue(self.order.credit_hold)
        self.assertIn("3,000.00", self.order.credit_hold_reason)

    def test_reject_with_reason_keeps_quotation_and_informs_salesperson(self):
        self.order.user_id = self.salesman
        action = self.order.with_user(self.manager).action_credit_reject()
        self.assertEqual(action["res_model"], "credit.reject.wizard")
        wizard = Form(
            self.env["credit.reject.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        wizard.reason = "Customer must pay the overdue invoices first"
        wizard.save().action_reject()
        self.assertEqual(self.order.state, "draft")
        self.assertFalse(self.order.credit_hold)
        self.assertEqual(
            self.order.credit_reject_reason, "Customer must pay the overdue invoices first"
        )
        todo = self.order.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.salesman)
        self.assertIn("overdue invoices first", todo.note)
        # Confirming again runs the check again.
        self.order.with_user(self.salesman).action_confirm()
        self.assertTrue(self.order.credit_hold)
        self.assertEqual(self.order.state, "draft")

    def test_reject_needs_a_reason(self):
        with self.assertRaisesRegex(Exception, "reason"):
            self.order.with_user(self.manager)._credit_reject("  ")
