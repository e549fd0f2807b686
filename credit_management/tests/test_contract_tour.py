# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

ZH = "zh_CN"


@tagged("post_install", "-at_install")
class TestContractTour(HttpCase):
    """The contract journey in the browser, in Chinese, each step by the person who does it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(ZH)
        cls.env["ir.module.module"]._load_module_terms(
            ["web", "mail", "credit_management"], [ZH], overwrite=True
        )
        company = cls.env.company
        today = fields.Date.context_today(cls.env.user)

        def user(login, name, groups):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=groups,
                lang=ZH,
                tz="Asia/Shanghai",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )

        cls.handler = user("tour_handler", "陈刚(业务员)", "sales_team.group_sale_salesman")
        cls.clerk = user("tour_clerk", "赵敏(合同管理员)", "credit_management.group_credit_user")
        cls.finance = user("tour_finance", "王丽(财务)", "credit_management.group_credit_manager")
        cls.legal_rep = user(
            "tour_legal_rep",
            "刘军(法定代表人)",
            "credit_management.group_credit_legal_representative",
        )
        company.write(
            {
                "account_use_credit_limit": True,
                "credit_max_overdue_days": 0,
                "credit_hold_without_limit": False,
                "credit_contract_required": True,
                "credit_contract_required_amount": 50000.0,
                "credit_contract_required_on_credit": True,
                "credit_contract_major_amount": 100000.0,
                "credit_contract_reviewer_finance_id": cls.finance.id,
                "credit_contract_reviewer_legal_id": cls.clerk.id,
                "credit_contract_reviewer_technical_id": False,
            }
        )
        # the clerk keeps the only active contract seal of the company
        cls.env["credit.contract.seal"].search([("company_id", "=", company.id)]).active = False
        cls.env["credit.contract.seal"].create(
            {"name": "合同专用章(巡览)", "custodian_id": cls.clerk.id, "company_id": company.id}
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "华东巡览贸易有限公司",
                "is_company": True,
                "vat": "91310000MA1TOUR01X",
                "credit_limit": 1000000.0,
            }
        )
        cls.env["ir.attachment"].create(
            {
                "name": "营业执照.pdf",
                "res_model": "res.partner",
                "res_id": cls.customer.id,
                "raw": b"licence",
            }
        )
        cls.other_customer = Partner.create(
            {"name": "西北无合同机械厂", "is_company": True, "credit_limit": 1000000.0}
        )
        letter = cls.env["credit.contract.authorization"].create(
            {
                "handler_id": cls.handler.id,
                "type_ids": [Command.set(cls.env.ref("credit_management.contract_type_sales").ids)],
                "max_amount": 500000.0,
                "date_from": today - timedelta(days=10),
                "date_to": today + timedelta(days=300),
                "company_id": company.id,
            }
        )
        letter.action_submit()
        letter.with_user(cls.legal_rep).action_approve()
        product = cls.env["product.product"].create(
            {"name": "钢板", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )

        def quotation(partner):
            return cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": cls.handler.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 60,
                                "price_unit": 1000.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )

        cls.order = quotation(cls.customer)
        cls.held_order = quotation(cls.other_customer)

    def test_contract_journey_in_chinese(self):
        # Render the web client once before the browser comes: the first rendering builds the
        # asset bundles (seconds on a fresh database), while which Chrome's spare connection
        # would sit idle until the test server times it out and logs an error.
        self.authenticate("tour_handler", "tour_handler")
        self.url_open("/odoo", timeout=180).raise_for_status()
        self.start_tour("/odoo", "credit_contract_handler_tour", login="tour_handler", timeout=120)
        contract = self.env["credit.contract"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(contract.state, "review")
        self.assertEqual(contract.handler_id, self.handler)
        self.assertTrue(contract.is_major)
        review = contract.review_id
        self.start_tour(
            "/odoo", "credit_contract_clerk_review_tour", login="tour_clerk", timeout=120
        )
        self.assertEqual(
            set(review.line_ids.mapped("result")), {"pass"}, review.line_ids.mapped("finding")
        )
        self.start_tour(
            f"/odoo/action-credit_management.credit_contract_review_action/{review.id}",
            "credit_contract_reviewer_tour",
            login="tour_finance",
            timeout=120,
        )
        self.assertEqual(set(review.vote_ids.mapped("state")), {"approved"})
        self.start_tour(
            f"/odoo/action-credit_management.credit_contract_action/{contract.id}",
            "credit_contract_clerk_sign_tour",
            login="tour_clerk",
            timeout=120,
        )
        self.assertEqual(contract.state, "performing")
        self.assertEqual(contract.seal_use_ids.state, "granted")
        self.assertEqual(contract.seal_use_ids.granted_by_id, self.clerk)
        self.assertTrue(contract.authorization_id)
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "credit_contract_order_tour",
            login="tour_handler",
            timeout=120,
        )
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.order.credit_contract_id, contract)
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.held_order.id}",
            "credit_contract_held_order_tour",
            login="tour_handler",
            timeout=120,
        )
        self.assertTrue(self.held_order.credit_hold)
        self.assertIn(self.held_order.state, ("draft", "sent"))

    def test_direct_state_write_over_rpc_is_refused(self):
        contract = (
            self.env["credit.contract"]
            .with_user(self.handler)
            .create(
                {
                    "title": "RPC",
                    "partner_id": self.customer.id,
                    "type_id": self.env.ref("credit_management.contract_type_sales").id,
                    "amount": 1000.0,
                }
            )
        )
        self.authenticate("tour_handler", "tour_handler")
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/web/dataset/call_kw/credit.contract/write",
                data=json.dumps(
                    {
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {
                            "model": "credit.contract",
                            "method": "write",
                            "args": [contract.ids, {"state": "signed"}],
                            "kwargs": {},
                        },
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        self.assertIn("can only be changed through its buttons", error["message"])
        contract.invalidate_recordset()
        self.assertEqual(contract.state, "draft")
