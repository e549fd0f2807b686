# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser journeys of the salesperson and the credit manager, in Chinese (zh_CN), on the
Chinese demo database (``make test``'s first database: tag ``credit_journey``)."""

import re

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common_roles import create_credit_roles

QUOTATIONS = "/odoo/action-sale.action_quotations_with_onboarding"
HOLD_QUEUE = "/odoo/action-credit_management.sale_order_action"


class JourneyCase(HttpCase):
    """Users in zh_CN, the suite's Chinese loaded, credit control on the current company."""

    ROLES = ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        if not Lang._lang_get("zh_CN").active:
            Lang._activate_lang("zh_CN")
            cls.env["ir.module.module"].search(
                [("state", "=", "installed"), ("name", "in", ("web", "mail", "sale", "account"))]
            )._update_translations(["zh_CN"])
        cls.company = cls.env.company
        cls.company.write(
            {
                "account_use_credit_limit": True,
                "credit_tolerance_percent": 0.0,
                "credit_max_overdue_days": 0,
                "credit_hold_without_limit": False,
            }
        )
        cls.users = create_credit_roles(
            cls.env, cls.company, prefix="tour", roles=cls.ROLES, lang="zh_CN"
        )
        cls.product = cls.env["product.product"].create(
            {"name": "钢卷", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )

    def _tour(self, url, name, login):
        """Run the tour ``name`` from ``url`` as ``login`` (password = login), the web client
        rendered once before the browser opens it (the first rendering of a test builds the asset
        bundles it lacks, long on a loaded machine)."""
        self.authenticate(login, login)
        page = self.url_open("/odoo", timeout=300)
        page.raise_for_status()
        for asset in set(re.findall(r'(?:src|href)="(/web/assets/[^"]+)"', page.text)):
            self.url_open(asset, timeout=300).raise_for_status()
        self.start_tour(url, name, login=login, timeout=180)

    @classmethod
    def _customer(cls, name, limit):
        partner = cls.env["res.partner"].create({"name": name, "is_company": True})
        partner.with_company(cls.company).credit_limit = limit
        return partner

    @classmethod
    def _invoice(cls, partner, amount):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": fields.Date.context_today(cls.env.user),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": cls.product.id, "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def _quotation(cls, partner, amount, user):
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": False,
                            }
                        )
                    ],
                }
            )
        )


@tagged("post_install", "-at_install", "credit_journey")
class TestSalesCreditJourneys(JourneyCase):
    ROLES = ("salesperson", "credit_manager")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        seller = cls.users["salesperson"]
        cls.near_limit = cls._customer("旅程客户甲", 50000.0)
        cls._invoice(cls.near_limit, 40000.0)
        cls.healthy = cls._customer("旅程客户乙", 500000.0)
        cls.overdue = cls._customer("旅程客户丙", 80000.0)
        cls._invoice(cls.overdue, 70000.0)
        cls.held_order = cls._quotation(cls.near_limit, 20000.0, seller)
        cls.healthy_order = cls._quotation(cls.healthy, 10000.0, seller)

    def test_salesperson_over_limit_is_held_healthy_is_confirmed(self):
        self._tour(
            f"{QUOTATIONS}/{self.held_order.id}",
            "credit_salesperson_over_limit",
            "tour_salesperson",
        )
        self.assertTrue(self.held_order.credit_hold)
        self.assertEqual(self.held_order.state, "draft")
        self.assertIn("¥", self.held_order.credit_hold_reason)
        self._tour(
            f"{QUOTATIONS}/{self.healthy_order.id}",
            "credit_salesperson_healthy",
            "tour_salesperson",
        )
        self.assertEqual(self.healthy_order.state, "sale")
        self.assertFalse(self.healthy_order.credit_hold)

    def test_credit_manager_releases_with_a_note_and_rejects_with_a_reason(self):
        seller = self.users["salesperson"]
        other = self._quotation(self.overdue, 30000.0, seller)
        (self.held_order | other).with_user(seller).action_confirm()
        self.assertTrue(all((self.held_order | other).mapped("credit_hold")))
        self._tour(HOLD_QUEUE, "credit_manager_hold_queue", "tour_credit_manager")
        manager = self.users["credit_manager"]
        self.assertEqual(self.held_order.state, "sale")
        self.assertEqual(self.held_order.credit_release_user_id, manager)
        self.assertEqual(self.held_order.credit_released_amount, 20000.0)
        released = self.held_order.message_ids.filtered(lambda m: "已收到银行保函" in m.body)
        self.assertEqual(released.author_id, manager.partner_id)
        self.assertEqual(other.state, "draft")
        self.assertFalse(other.credit_hold)
        self.assertEqual(other.credit_reject_reason, "逾期未付, 请先收款")
        self.assertEqual(other.activity_ids.user_id, seller, "the salesperson is told")


@tagged("post_install", "-at_install", "credit_journey")
class TestCreditApplicationJourney(JourneyCase):
    ROLES = ("credit_analyst", "credit_manager")

    def test_analyst_files_manager_approves_limit_changes(self):
        # one approval up to 1,000,000: the credit manager is the approver of this level
        self.company.credit_application_second_approval_amount = 1000000.0
        customer = self._customer("旅程客户丁", 0.0)
        self._tour(
            "/odoo/action-credit_management.credit_application_action/new",
            "credit_analyst_application",
            "tour_credit_analyst",
        )
        application = self.env["credit.application"].search([("partner_id", "=", customer.id)])
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.user_id, self.users["credit_analyst"])
        self.assertTrue(application.proposed_grade_id)
        self._tour(
            f"/odoo/action-credit_management.credit_application_action/{application.id}",
            "credit_manager_approves_application",
            "tour_credit_manager",
        )
        self.assertEqual(application.state, "approved")
        self.assertEqual(application.approver_id, self.users["credit_manager"])
        self.assertEqual(customer.with_company(self.company).credit_limit, 200000.0)
