# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each credit field for the groups that own it: who reads and who writes (issue 17)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.credit_management.tests.common_roles import create_credit_roles

INTERNAL_PARTNER_FIELDS = (
    "credit_grade",
    "credit_score",
    "credit_analyst_id",
    "credit_review_date_last",
    "credit_review_date_next",
    "credit_collector_id",
    "followup_policy_id",
    "credit_hold_reason",
    "credit_exposure",
)


@tagged("post_install", "-at_install")
class TestCreditFieldAccess(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.company.account_use_credit_limit = True
        # the test operator fills in the credit file: a credit manager
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.users = create_credit_roles(cls.env, cls.company, prefix="fa")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Field access customer",
                "is_company": True,
                "credit_limit": 1000.0,
                "credit_grade": "B",
                "credit_score": 72.0,
                "credit_analyst_id": cls.users["credit_analyst"].id,
                "credit_collector_id": cls.users["credit_clerk"].id,
            }
        )
        # an overdue invoice of another salesperson: the clerk who sells must still chase it
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "invoice_user_id": cls.users["sales_manager"].id,
                "invoice_date": fields.Date.today() - timedelta(days=40),
                "invoice_date_due": fields.Date.today() - timedelta(days=40),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product_a.id,
                            "price_unit": 500.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.invoice.action_post()
        portal_company = cls.users["portal"].partner_id.parent_id
        portal_company.write({"credit_grade": "C", "credit_score": 55.0})

    def as_(self, role, record):
        return record.with_user(self.users[role])

    # ------------------------------------------------------------------ reads
    def test_portal_user_reads_no_internal_credit_field_of_his_company(self):
        company = self.as_("portal", self.users["portal"].partner_id.parent_id)
        for fname in INTERNAL_PARTNER_FIELDS:
            with self.assertRaisesRegex(AccessError, "not have enough rights to access the fields"):
                company.read([fname])
        self.assertFalse(set(INTERNAL_PARTNER_FIELDS) & company.fields_get().keys())
        self.assertEqual(company.read(["name"])[0]["name"], company.sudo().name)

    def test_hr_officer_reads_no_customer_grade(self):
        with self.assertRaisesRegex(AccessError, "not have enough rights to access the fields"):
            self.as_("hr_officer", self.customer).read(["credit_grade"])

    def test_whole_customer_record_reads_for_every_internal_role(self):
        for role in self.users:
            if role == "portal":
                continue
            with self.subTest(role=role):
                customer = self.as_(role, self.customer)
                values = customer.read()[0]
                self.assertEqual(values["name"], "Field access customer")
                # what the export dialog offers: the fields the user may read
                description = customer.fields_get(attributes=["exportable"])
                exportable = [name for name, attrs in description.items() if attrs["exportable"]]
                exported = customer.export_data(exportable)["datas"]
                self.assertEqual(len(exported), 1)
                customer.web_read({fname: {} for fname in description})

    def test_credit_department_reads_the_internal_file(self):
        values = self.as_("credit_clerk", self.customer).read(list(INTERNAL_PARTNER_FIELDS))[0]
        self.assertEqual(values["credit_grade"], "B")
        self.assertEqual(values["credit_collector_id"][0], self.users["credit_clerk"].id)

    def test_clerk_who_sells_reads_the_overdue_invoice_he_chases(self):
        invoice = self.as_("credit_clerk_sales", self.invoice)
        self.assertEqual(invoice.read(["name"])[0]["name"], self.invoice.name)
        self.assertIn(
            self.invoice,
            self.env["account.move"]
            .with_user(self.users["credit_clerk_sales"])
            .search([("partner_id", "=", self.customer.id)]),
        )

    def test_credit_clerk_reads_customer_invoices_not_every_journal_entry(self):
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "line_ids": [
                    Command.create(
                        {"account_id": self.company_data["default_account_revenue"].id, "debit": 1}
                    ),
                    Command.create(
                        {"account_id": self.company_data["default_account_expense"].id, "credit": 1}
                    ),
                ],
            }
        )
        with self.assertRaisesRegex(AccessError, r"account\.move\b"):
            self.as_("credit_clerk", entry).read(["name"])
        self.as_("credit_clerk", self.invoice).read(["name", "invoice_line_ids"])

    # ------------------------------------------------------------------ writes
    def test_contact_editors_cannot_set_collector_or_policy(self):
        policy = self.env["credit.followup.policy"].create(
            {"name": "Strict", "company_id": self.company.id}
        )
        for role in ("salesperson", "invoicing_user", "accountant"):
            customer = self.as_(role, self.customer)
            with self.assertRaisesRegex(AccessError, "Collector.*can only be changed by"):
                customer.write({"credit_collector_id": self.users[role].id})
            with self.assertRaisesRegex(AccessError, "Follow-up Policy.*can only be changed by"):
                customer.write({"followup_policy_id": policy.id})
        # a clerk assigns collectors, a credit manager chooses the policy
        self.as_("credit_clerk", self.customer).write(
            {"credit_collector_id": self.users["credit_clerk_sales"].id}
        )
        with self.assertRaisesRegex(AccessError, "Follow-up Policy.*can only be changed by"):
            self.as_("credit_clerk", self.customer).write({"followup_policy_id": policy.id})
        self.as_("credit_manager", self.customer).write({"followup_policy_id": policy.id})
        self.assertEqual(self.customer.credit_collector_id, self.users["credit_clerk_sales"])
        self.assertEqual(self.customer.followup_policy_id, policy)

    def test_credit_manager_writes_credit_fields_not_every_customer_field(self):
        customer = self.as_("credit_manager", self.customer)
        customer.write({"credit_limit": 2000.0, "credit_hold": True, "credit_hold_reason": "x"})
        self.assertEqual(self.customer.credit_limit, 2000.0)
        manager = self.users["credit_manager"]
        manager.groups_id -= self.env.ref("base.group_partner_manager")
        with self.assertRaisesRegex(AccessError, "only change the credit fields"):
            customer.write({"name": "Renamed by the credit manager"})
        customer.write({"credit_limit": 3000.0})
        self.assertEqual(self.customer.credit_limit, 3000.0)
        self.assertEqual(self.customer.name, "Field access customer")

    def test_credit_manager_does_not_edit_sales_orders(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.users["salesperson"].id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )
        with self.assertRaisesRegex(AccessError, "Sales Order"):
            self.as_("credit_manager", order).write({"note": "edited"})

    def test_followup_fields_of_invoices_only_through_the_run_or_actions(self):
        for role in ("invoicing_user", "accountant", "credit_clerk"):
            invoice = self.as_(role, self.invoice)
            for vals in (
                {"followup_promise_date": fields.Date.today()},
                {"followup_disputed": True, "followup_dispute_reason": "x"},
                {"followup_level_id": False, "followup_date_last": fields.Date.today()},
            ):
                with self.subTest(role=role, vals=vals):
                    with self.assertRaisesRegex(
                        AccessError, "can only be changed through its buttons|not allowed"
                    ):
                        invoice.write(vals)
        self.assertFalse(self.invoice.followup_promise_date)
        self.assertFalse(self.invoice.followup_disputed)

    def test_collections_clerk_records_promise_and_dispute_on_his_invoices(self):
        promise = fields.Date.today() + timedelta(days=10)
        Wizard = self.env["credit.followup.promise.wizard"].with_user(self.users["credit_clerk"])
        wizard = Form(Wizard.with_context(active_model="account.move", active_ids=self.invoice.ids))
        wizard.kind = "promise"
        wizard.promise_date = promise
        wizard.save().action_apply()
        self.assertEqual(self.invoice.followup_promise_date, promise)
        wizard = Form(Wizard.with_context(active_model="account.move", active_ids=self.invoice.ids))
        wizard.kind = "dispute"
        wizard.dispute_reason = "Goods damaged"
        wizard.save().action_apply()
        self.assertTrue(self.invoice.followup_disputed)
        self.assertEqual(self.invoice.followup_dispute_reason, "Goods damaged")
        self.assertIn("Goods damaged", self.invoice.message_ids[0].body)
        # not for the invoicing user, not on another company's invoice
        with self.assertRaisesRegex(AccessError, r"credit\.followup\.promise\.wizard"):
            self.env["credit.followup.promise.wizard"].with_user(
                self.users["invoicing_user"]
            ).create({"move_ids": [Command.set(self.invoice.ids)], "kind": "clear"})
        with self.assertRaisesRegex(AccessError, "Only credit users"):
            self.env["credit.followup.promise.wizard"].create(
                {"move_ids": [Command.set(self.invoice.ids)], "kind": "clear"}
            ).with_user(self.users["invoicing_user"]).action_apply()

    def test_hr_officer_cannot_change_a_clerk_qualification(self):
        employee = self.env["hr.employee"].create({"name": "A clerk", "is_credit_clerk": True})
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            self.as_("hr_officer", employee).write({"credit_clerk_status": "disqualified"})
        self.assertEqual(employee.credit_clerk_status, "qualified")
