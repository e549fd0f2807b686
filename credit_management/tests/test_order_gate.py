# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One gate for orders: every route by which an order becomes sold runs the hold decision."""

import base64
import json

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.account_payment.tests.common import AccountPaymentCommon

from .common import CreditCommon

# 1x1 transparent PNG: a signature image for the portal route
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
).decode()


class CreditGateAssertions:
    def assertHeld(self, order, rule_text):
        self.assertIn(order.state, ("draft", "sent"))
        self.assertTrue(order.credit_hold)
        self.assertIn(rule_text, order.credit_hold_reason)

    def assertConfirmed(self, order):
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_hold)


@tagged("post_install", "-at_install")
class TestCreditOrderGate(CreditGateAssertions, CreditCommon):
    def _order_vals(self, amount, **vals):
        return dict(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1, "price_unit": amount}
                    )
                ],
            },
            **vals,
        )

    def test_write_state_sale_on_held_quotation_keeps_it_held(self):
        order = self._order(5000.0)
        order.action_confirm()
        self.assertHeld(order, "Credit limit exceeded")
        order.with_user(self.salesman).write({"state": "sale", "note": "please"})
        self.assertHeld(order, "Credit limit exceeded")
        self.assertEqual(str(order.note), "<p>please</p>", "the other values are written")

    def test_write_state_sale_over_limit_holds_instead(self):
        order = self._order(5000.0)
        self.assertIs(order.with_user(self.salesman).write({"state": "sale"}), True)
        self.assertHeld(order, "Credit limit exceeded")
        self.assertTrue(order.activity_ids, "a credit manager is told")

    def test_write_state_sale_within_limit_confirms(self):
        order = self._order(500.0)
        order.with_user(self.salesman).write({"state": "sale"})
        self.assertConfirmed(order)
        self.assertEqual(order.credit_checked_amount, 500.0)

    def test_create_sold_order_on_manual_hold_is_held(self):
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Lawsuit"})
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(self._order_vals(1.0, state="sale"))
        )
        self.assertHeld(order, "manual credit hold: Lawsuit")

    def test_create_sold_order_within_limit_is_sold(self):
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(self._order_vals(100.0, state="sale"))
        )
        self.assertConfirmed(order)

    def test_import_of_sold_orders_holds_and_reports(self):
        self.customer.write({"credit_hold": True, "credit_hold_reason": "Audit"})
        result = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .load(
                ["partner_id/.id", "state", "order_line/product_id/.id", "order_line/price_unit"],
                [[str(self.customer.id), "sale", str(self.product.id), "10"]],
            )
        )
        order = self.env["sale.order"].browse(result["ids"])
        self.assertHeld(order, "manual credit hold: Audit")
        self.assertEqual(
            [m["type"] for m in result["messages"]], ["warning"], "the import reports the hold"
        )
        self.assertIn("on credit hold", result["messages"][0]["message"])

    def test_private_confirmation_of_a_quotation_is_refused(self):
        order = self._order(5000.0)
        with self.assertRaisesRegex(UserError, "not confirmed.*credit check runs"):
            order.with_user(self.salesman)._action_confirm()
        self.assertEqual(order.state, "draft")

    def test_sudo_does_not_bypass_the_gate(self):
        order = self._order(5000.0)
        order.sudo().write({"state": "sale"})
        self.assertHeld(order, "Credit limit exceeded")

    def test_hold_tells_the_salesperson_when_someone_else_confirms(self):
        order = self._order(5000.0)
        order.user_id = self.salesman
        # the administrator writes it, not the salesperson
        self.env["sale.order"].browse(order.id).write({"state": "sale"})
        message = order.message_ids.filtered(lambda m: "Order held by credit control" in m.body)
        self.assertIn(self.salesman.partner_id, message.partner_ids)


@tagged("post_install", "-at_install")
class TestCreditGatePayment(CreditGateAssertions, AccountPaymentCommon, CreditCommon):
    """A payment transaction confirms its order through the decision."""

    def _pay(self, order, amount):
        self.amount = amount
        self.currency = order.currency_id
        tx = self._create_transaction(
            flow="redirect",
            sale_order_ids=[order.id],
            state="done",
            partner_id=order.partner_id.id,
            reference=f"credit-gate-{order.id}-{amount}",
        )
        tx._post_process()
        return tx

    def test_order_paid_in_full_is_confirmed_over_the_limit(self):
        order = self._order(5000.0)
        self._pay(order, 5000.0)
        self.assertConfirmed(order)

    def test_partly_paid_order_over_the_limit_is_held(self):
        order = self._order(5000.0)
        order.write({"require_payment": True, "prepayment_percent": 0.1})
        order.user_id = self.salesman
        self._pay(order, 500.0)
        self.assertHeld(order, "this order")
        # the unpaid part only counts: 4,500.00
        self.assertIn("4,500.00", order.credit_hold_reason)
        message = order.message_ids.filtered(lambda m: "Order held by credit control" in m.body)
        self.assertIn(self.salesman.partner_id, message.partner_ids)
        self.assertTrue(order.activity_ids)


@tagged("post_install", "-at_install")
class TestCreditGatePortal(CreditGateAssertions, HttpCase):
    """The customer signs a quotation on the portal: the decision runs, the order over the limit
    is held and the salesperson and a credit manager are told."""

    def _sign_over_the_limit(self, salesman_lang=None):
        company = self.env.company
        company.account_use_credit_limit = True
        salesman = self.env["res.users"].create(
            {
                "name": "Portal gate salesman",
                "login": "cm_gate_portal_salesman",
                "email": "gate.salesman@example.com",
                "groups_id": [Command.set(self.env.ref("sales_team.group_sale_salesman").ids)],
                **({"lang": salesman_lang} if salesman_lang else {}),
            }
        )
        customer = self.env["res.partner"].create(
            {
                "name": "Portal signer",
                "is_company": True,
                "email": "signer@example.com",
                "credit_limit": 100.0,
            }
        )
        product = self.env["product.product"].create(
            {"name": "gate product", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": salesman.id,
                "require_signature": True,
                "require_payment": False,
                "order_line": [Command.create({"product_id": product.id, "price_unit": 1000.0})],
            }
        )
        order.action_quotation_sent()
        response = self.url_open(
            f"/my/orders/{order.id}/accept?access_token={order._portal_ensure_token()}",
            data=json.dumps(
                {"params": {"name": "Signer", "signature": SIGNATURE}, "jsonrpc": "2.0"}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.json().get("result", {}))
        order.invalidate_recordset()
        self.assertTrue(order.signature)
        return order, salesman

    def test_portal_signature_over_limit_holds(self):
        order, salesman = self._sign_over_the_limit()
        # limit 100 + 5 % = 105
        self.assertHeld(order, "105.00")
        told = order.message_ids.filtered(lambda m: salesman.partner_id in m.partner_ids)
        self.assertIn("105.00", told.body)
        self.assertTrue(
            order.activity_ids.user_id.has_group("credit_management.group_credit_manager")
        )

    def test_customer_signing_holds_in_the_salespersons_language(self):
        """The signer reads the portal in English; the hold is written for the Chinese
        salesperson and credit managers who read it: in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["credit_management"], ["zh_CN"], True)
        order, salesman = self._sign_over_the_limit(salesman_lang="zh_CN")
        self.assertHeld(order, "超出信用额度")
        told = order.message_ids.filtered(lambda m: salesman.partner_id in m.partner_ids)
        self.assertIn("订单被信用控制冻结", told.body)
        self.assertIn("超出信用额度", order.activity_ids.note)
