# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCreditIncreaseHoldTour(HttpCase):
    """In the browser, in Chinese: a salesperson adds a line to a confirmed order over the limit,
    the delivery waits, a credit manager releases, the delivery goes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["credit_management"], ["zh_CN"])
        cls.company = cls.env.ref("base.main_company")
        cls.company.account_use_credit_limit = True
        user_vals = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            "lang": "zh_CN",
        }
        cls.salesperson = new_test_user(
            cls.env, login="tour_salesperson", groups="sales_team.group_sale_salesman", **user_vals
        )
        cls.storekeeper = new_test_user(
            cls.env, login="tour_storekeeper", groups="stock.group_stock_user", **user_vals
        )
        cls.credit_manager = new_test_user(
            cls.env,
            login="tour_credit_manager",
            groups="credit_management.group_credit_manager,sales_team.group_sale_salesman",
            **user_vals,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour customer", "is_company": True, "credit_limit": 150000.0}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Tour Coil", "type": "consu", "list_price": 1.0, "taxes_id": [Command.clear()]}
        )
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.salesperson)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "product_uom_qty": 1, "price_unit": 1.0}
                        )
                    ],
                }
            )
        )
        cls.order.action_confirm()

    def test_increase_held_until_released(self):
        order = self.order
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_hold)
        order_url = f"/odoo/action-sale.action_orders/{order.id}"
        self.start_tour(order_url, "credit_increase_hold_salesperson", login=self.salesperson.login)
        self.assertTrue(order.credit_hold)
        self.assertEqual(order.state, "sale")
        delivery = order.picking_ids
        self.assertEqual(len(delivery), 1)
        self.assertEqual(sum(delivery.move_ids.mapped("product_uom_qty")), 2.0)
        delivery_url = f"/odoo/action-stock.action_picking_tree_all/{delivery.id}"
        # the refused validation is the outcome the tour checks (its message in the dialog);
        # odoo.http logs every refusal it returns as a warning
        with mute_logger("odoo.http"):
            self.start_tour(
                delivery_url, "credit_increase_hold_delivery_waits", login=self.storekeeper.login
            )
        self.assertNotEqual(delivery.state, "done")
        self.start_tour(order_url, "credit_increase_hold_release", login=self.credit_manager.login)
        self.assertFalse(order.credit_hold)
        self.assertEqual(order.credit_release_user_id, self.credit_manager)
        self.assertEqual(order.credit_released_amount, 900001.0)
        self.start_tour(
            delivery_url, "credit_increase_hold_delivery_goes", login=self.storekeeper.login
        )
        self.assertEqual(delivery.state, "done")
