# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installed where accountants already set limits: who keeps which right, and one message."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestCreditRightsModel(CreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accounting_admin = new_test_user(
            cls.env,
            login="cm_rights_account_admin",
            groups="account.group_account_manager,base.group_partner_manager",
            company_id=cls.company.id,
        )
        cls.billing_user = new_test_user(
            cls.env,
            login="cm_rights_billing",
            groups="account.group_account_invoice,base.group_partner_manager",
            company_id=cls.company.id,
        )

    def test_accounting_administrator_keeps_setting_limits(self):
        customer = self.customer.with_user(self.accounting_admin)
        self.assertTrue(customer.credit_can_set_limit)
        customer.credit_limit = 2500.0
        self.assertEqual(self.customer.credit_limit, 2500.0)
        # stock Odoo's switch of the Invoicing tab works too
        customer.use_partner_credit_limit = False
        self.assertEqual(self.customer.credit_limit, 0.0)

    def test_holds_release_and_approval_stay_with_credit_managers(self):
        customer = self.customer.with_user(self.accounting_admin)
        with self.assertRaisesRegex(AccessError, "Credit Hold.*can only be changed by"):
            customer.credit_hold = True
        order = self._order(5000.0)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        with self.assertRaisesRegex(AccessError, "Only credit managers can release"):
            order.with_user(self.accounting_admin).action_credit_release()
        self.assertTrue(order.credit_hold)

    def test_billing_user_does_not_set_limits(self):
        customer = self.customer.with_user(self.billing_user)
        self.assertFalse(customer.credit_can_set_limit)
        with self.assertRaisesRegex(AccessError, "Credit Limit.*can only be changed by"):
            customer.credit_limit = 5000.0
        self.assertEqual(self.customer.credit_limit, 1000.0)

    def test_one_credit_message_on_an_order(self):
        order = self._order(1500.0)
        # before confirming: the warning is the hold decision's, with its figures
        warning = order.partner_credit_warning
        self.assertTrue(warning.startswith("Confirming this order will put it on credit hold"))
        self.assertIn("Credit limit exceeded", warning)
        self.assertIn("1,500.00", warning)
        order.action_confirm()
        self.assertTrue(order.credit_hold)
        # held: the red banner alone, no yellow warning with other figures
        self.assertEqual(order.partner_credit_warning, "")
        self.assertIn("1,500.00", order.credit_hold_reason)
        # within the limit: no warning at all
        self.assertEqual(self._order(10.0).partner_credit_warning, "")

    def test_warning_follows_the_quotation_being_edited(self):
        with Form(self.env["sale.order"].with_user(self.salesman)) as form:
            form.partner_id = self.customer
            with form.order_line.new() as line:
                line.product_id = self.product
                line.price_unit = 900.0
            self.assertFalse(form.partner_credit_warning)
            with form.order_line.edit(0) as line:
                line.price_unit = 1200.0
            self.assertIn("1,200.00", form.partner_credit_warning)

    def test_a_refused_write_tells_nothing_of_a_record_out_of_reach(self):
        """A salesperson who may not write a colleague's order is refused by Odoo's record rules,
        whether the credit fields written differ from the order's or not: the guard's refusal
        would tell the one from the other (the order's hold, a value out of reach)."""
        colleague = new_test_user(
            self.env,
            login="cm_rights_colleague",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
        )
        order = self._order(100.0, user=self.salesman)
        order.sudo().credit_hold = True
        theirs = order.with_user(colleague)
        refusals = []
        for hold in (True, False):  # the order's value, then another
            with self.assertRaises(AccessError) as refusal:
                theirs.write({"credit_hold": hold})
            refusals.append(str(refusal.exception))
        self.assertNotIn("can only be changed", refusals[1])
        self.assertEqual(refusals[0], refusals[1])
