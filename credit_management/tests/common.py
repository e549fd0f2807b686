# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class CreditCommon(AccountTestInvoicingCommon):
    """A company with credit control on, a customer with a 1000 limit, a salesman (lowest sales
    rights) and a credit manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # The test operator sets up limits and holds: it is a credit manager.
        cls.env.user.groups_id += cls.env.ref("credit_management.group_credit_manager")
        cls.company.write(
            {
                "account_use_credit_limit": True,
                "credit_tolerance_percent": 0.0,
                "credit_max_overdue_days": 0,
                "credit_hold_without_limit": False,
            }
        )
        # Salespeople edit contacts (Contact Creation is a default right of internal users).
        cls.salesman = new_test_user(
            cls.env,
            login="cm_test_salesman",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=cls.company.id,
        )
        cls.manager = new_test_user(
            cls.env,
            login="cm_test_manager",
            groups="credit_management.group_credit_manager,sales_team.group_sale_salesman",
            company_id=cls.company.id,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Credit Customer", "is_company": True, "credit_limit": 1000.0}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Buyer of Credit Customer", "parent_id": cls.customer.id}
        )
        # No tax: order totals equal the amounts the tests reason about.
        cls.product = cls._create_product(
            name="credit product", lst_price=100.0, taxes_id=[Command.clear()]
        )

    @classmethod
    def _order(cls, amount, partner=None, user=None, pricelist=None):
        vals = {
            "partner_id": (partner or cls.customer).id,
            "order_line": [
                Command.create(
                    {"product_id": cls.product.id, "product_uom_qty": 1, "price_unit": amount}
                )
            ],
        }
        if pricelist:
            vals["pricelist_id"] = pricelist.id
        return cls.env["sale.order"].with_user(user or cls.salesman).create(vals)

    @classmethod
    def _invoice(cls, amount, partner=None, days_ago=0, post=True, move_type="out_invoice"):
        """Customer invoice due on its invoice date (immediate terms), ``days_ago`` days ago."""
        invoice_date = fields.Date.context_today(cls.env.user) - timedelta(days=days_ago)
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (partner or cls.customer).id,
                "invoice_date": invoice_date,
                "invoice_payment_term_id": cls.pay_terms_a.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if post:
            move.action_post()
        return move
