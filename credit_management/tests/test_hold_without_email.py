# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from .common import CreditCommon


@tagged("post_install", "-at_install")
class TestHoldWithoutEmail(CreditCommon):
    def test_salesperson_without_email_gets_the_hold_not_an_error(self):
        """Stock Odoo lets a salesperson without an e-mail address confirm orders: the hold they
        trigger is recorded (reason, chatter note, activity), not refused with "configure the
        sender's email address" (found by the 16-salespeople reliability test)."""
        # outgoing mail configured as a company does (the credit manager's activity notice is
        # sent on behalf of a salesperson who has no address of their own)
        self.company.alias_domain_id = self.env["mail.alias.domain"].create({"name": "example.com"})
        seller = new_test_user(
            self.env,
            login="cm_seller_without_email",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
            email=False,
        )
        self.assertFalse(seller.email)
        order = self._order(1500.0, user=seller)
        result = order.with_user(seller).action_confirm()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.credit_hold)
        self.assertIn("Credit limit exceeded", order.credit_hold_reason)
        note = order.message_ids.filtered(lambda m: "Order held by credit control" in m.body)
        self.assertEqual(note.author_id, seller.partner_id)
        self.assertTrue(order.activity_ids)
