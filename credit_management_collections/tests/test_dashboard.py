# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import TODAY, FollowupCommon

DASHBOARD = "credit_management_collections.spreadsheet_dashboard_credit"


@tagged("post_install", "-at_install")
class TestCreditDashboard(FollowupCommon):
    """The credit dashboard of the Dashboards app: its data loads for a credit manager, and only
    the credit department sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.manager = new_test_user(
            cls.env,
            login="dash_manager",
            groups="credit_management.group_credit_manager,sales_team.group_sale_salesman",
            **user_vals,
        )
        cls.seller = new_test_user(
            cls.env, login="dash_seller", groups="sales_team.group_sale_salesman", **user_vals
        )
        cls.company.account_use_credit_limit = True
        cls.partner_a.with_company(cls.company).credit_limit = 500.0
        cls.partner_a.credit_grade = "C"
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.partner_a.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product_a.id, "price_unit": 800.0, "tax_id": False}
                    )
                ],
            }
        )
        order.action_confirm()
        cls.held = order

    def _snapshot(self, user):
        dashboard = self.env.ref(DASHBOARD).with_user(user)
        return dashboard.get_readonly_dashboard()["snapshot"]

    def test_dashboard_data_loads_for_a_credit_manager(self):
        self.assertTrue(self.held.credit_hold)
        self._overdue_invoice(self.partner_a, 45)
        self._run()
        company = self.env["res.company"].browse(self.company.id)
        # sudo: snapshots are taken by the daily warning job, no user creates them
        self.env["credit.exposure.snapshot"].sudo().with_company(company)._credit_take_snapshot(
            TODAY
        )
        # sudo: the months are computed by the daily dashboard job
        months = self.env["credit.dashboard.month"].sudo().with_company(company)
        months = months._credit_dashboard_refresh()
        self.assertEqual(len(months), 12)
        env = self.env(user=self.manager, context={"allowed_company_ids": company.ids})
        snapshot = self._snapshot(self.manager)
        figures = {}
        for pivot in snapshot["pivots"].values():
            fields = env[pivot["model"]]._fields
            measures = [
                "__count"
                if m["fieldName"] == "__count"
                else f"{m['fieldName']}:{m.get('aggregator') or fields[m['fieldName']].aggregator}"
                for m in pivot["measures"]
            ]
            rows = [
                f"{row['fieldName']}:{row['granularity']}"
                if row.get("granularity")
                else row["fieldName"]
                for row in pivot["rows"]
            ]
            figures[pivot["name"]] = env[pivot["model"]].read_group(
                pivot["domain"], measures, rows, lazy=False
            )
        for sheet_list in snapshot["lists"].values():
            env[sheet_list["model"]].search_read(sheet_list["domain"], sheet_list["columns"])
        held = figures["Orders on credit hold"]
        self.assertEqual(sum(group["__count"] for group in held), 1)
        by_grade = {g["credit_grade"]: g for g in figures["Exposure and usage by grade"]}
        self.assertGreater(by_grade["C"]["exposure"], 0)
        levels = figures["Overdue invoices by follow-up level"]
        self.assertEqual(levels[0]["followup_level_id"][0], self.level_30.id)
        self.assertEqual(len(figures["DSO and collection rate by month"]), 12)
        self.assertTrue(figures["Receivable ageing"])
        self.assertTrue(figures["Top customers by overdue"])

    def test_only_the_credit_department_sees_it(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        self.assertIn(self.env.ref(DASHBOARD), Dashboard.with_user(self.manager).search([]))
        self.assertNotIn(self.env.ref(DASHBOARD), Dashboard.with_user(self.seller).search([]))
