# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractHold(ContractCommon):
    """The written-contract rule (书面合同) inside the one hold decision."""

    def _rules(self, order):
        return [failure["rule"] for failure in order._credit_check()[order.id]]

    def test_order_above_the_amount_without_contract_is_held(self):
        order = self._order(6000, partner=self.buyer)
        result = order.action_confirm()
        self.assertEqual(result["tag"], "display_notification")
        self.assertTrue(order.credit_hold)
        self.assertIn(order.state, ("draft", "sent"))
        self.assertIn("No signed contract", order.credit_hold_reason)
        self.assertEqual(self._rules(order), ["no_contract"])

    def test_order_on_credit_terms_without_contract_is_held(self):
        order = self._order(100, partner=self.buyer)
        order.payment_term_id = self.term_30
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        self.assertIn("on credit terms", order.credit_hold_reason)

    def test_immediate_or_prepaid_small_orders_need_no_contract(self):
        order = self._order(100, partner=self.buyer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        prepaid = self._order(100, partner=self.buyer)
        prepaid.write(
            {"payment_term_id": self.term_30.id, "require_payment": True, "prepayment_percent": 1}
        )
        prepaid.action_confirm()
        self.assertEqual(prepaid.state, "sale")

    def test_contract_in_force_lets_the_order_pass_and_governs_it(self):
        contract = self._sign(self._contract())
        order = self._order(6000, partner=self.buyer)
        order.payment_term_id = self.term_30
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_hold)
        self.assertEqual(order.credit_contract_id, contract)
        # a contact's order is the company's
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.buyer.id})
        other = self._order(6000, partner=contact)
        other.action_confirm()
        self.assertEqual(other.credit_contract_id, contract)

    def test_expired_or_terminated_contract_does_not_count(self):
        contract = self._sign(
            self._contract(
                date_start=self.today - timedelta(days=20),
                date_end=self.today - timedelta(days=1),
            ),
            date_signed=self.today - timedelta(days=20),
        )
        self.assertIn(contract.state, ("signed", "performing"))
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        self.assertTrue(order.credit_hold)

    def test_draft_or_purchase_contracts_do_not_count(self):
        self._contract()
        self._sign(self._contract(partner=self.buyer, type_id=self.purchase_type.id))
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        self.assertTrue(order.credit_hold)

    def test_setting_off_holds_nothing(self):
        self.company.credit_contract_required = False
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_held_for_missing_contract_is_released_like_any_hold(self):
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        order.with_user(self.manager).action_credit_release()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_hold)
        self.assertEqual(order.credit_release_user_id, self.manager)

    def test_batch_confirms_those_with_a_contract(self):
        self._sign(self._contract())
        other = self._counterparty("No contract Ltd", "91310000MA1FL0009Z", 500000.0, "B")
        good = self._order(6000, partner=self.buyer)
        bad = self._order(6000, partner=other)
        (good | bad).action_confirm()
        self.assertEqual(good.state, "sale")
        self.assertTrue(bad.credit_hold)

    def test_hold_decision_queries_do_not_grow_with_the_customers(self):
        def orders(count):
            partners = self.env["res.partner"].create(
                [
                    {"name": f"Bulk {count}-{i}", "is_company": True, "credit_limit": 100000.0}
                    for i in range(count)
                ]
            )
            return self.env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            Command.create(
                                {"product_id": self.product.id, "price_unit": 6000, "tax_id": []}
                            )
                        ],
                    }
                    for partner in partners
                ]
            )

        def count_queries(records):
            records.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records._credit_check()
            return self.env.cr.sql_log_count - before

        small, large = orders(2), orders(8)
        count_queries(small)  # warm the registry caches (rules, groups)
        self.assertEqual(count_queries(small), count_queries(large))
