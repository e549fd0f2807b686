# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.credit_management.models.crm_team import HOLD_REPORT_ROWS

from .common import CreditGradeCommon


@tagged("post_install", "-at_install")
class TestCreditHoldReport(CreditGradeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_kwargs = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.leader_north = new_test_user(
            cls.env,
            login="cg_leader_north",
            groups="sales_team.group_sale_salesman",
            **company_kwargs,
        )
        cls.leader_south = new_test_user(
            cls.env,
            login="cg_leader_south",
            groups="sales_team.group_sale_salesman",
            **company_kwargs,
        )
        Team = cls.env["crm.team"]
        cls.team_north = Team.create(
            {"name": "North", "user_id": cls.leader_north.id, "company_id": cls.company.id}
        )
        cls.team_south = Team.create(
            {"name": "South", "user_id": cls.leader_south.id, "company_id": cls.company.id}
        )
        cls.team_quiet = Team.create(
            {"name": "Quiet", "user_id": cls.leader_south.id, "company_id": cls.company.id}
        )
        product = cls.env["product.product"].create(
            {"name": "Hold test product", "list_price": 100}
        )

        def order(team, held):
            so = cls.env["sale.order"].create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "team_id": team.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
            if held:
                # sudo is implied (superuser test env): only the credit check sets holds
                so.write({"credit_hold": True, "credit_hold_reason": f"Over limit {so.name}"})
            return so

        cls.north_held = order(cls.team_north, True)
        cls.north_held_2 = order(cls.team_north, True)
        cls.north_free = order(cls.team_north, False)
        cls.south_held = order(cls.team_south, True)
        cls.quiet_free = order(cls.team_quiet, False)

    def _report_mails(self, team):
        return self.env["mail.mail"].search([("model", "=", "crm.team"), ("res_id", "=", team.id)])

    def test_weekly_mail_lists_held_orders_of_the_team_only(self):
        self.env["crm.team"]._cron_send_credit_hold_report()
        north_mail = self._report_mails(self.team_north)
        self.assertEqual(len(north_mail), 1)
        self.assertEqual(north_mail.recipient_ids, self.leader_north.partner_id)
        body = str(north_mail.body_html)
        self.assertIn(self.north_held.name, body)
        self.assertIn(self.north_held_2.name, body)
        self.assertIn(f"Over limit {self.north_held.name}", body)
        self.assertNotIn(self.north_free.name, body)
        self.assertNotIn(self.south_held.name, body)

        south_mail = self._report_mails(self.team_south)
        self.assertEqual(len(south_mail), 1)
        self.assertIn(self.south_held.name, str(south_mail.body_html))
        self.assertNotIn(self.north_held.name, str(south_mail.body_html))
        # a team without held orders gets no mail
        self.assertFalse(self._report_mails(self.team_quiet))

    def test_weekly_mail_counts_a_long_queue_and_lists_its_oldest_orders(self):
        # a long queue: the mail states the count and the total, lists the oldest orders only
        held = self.north_held | self.north_held_2
        for day in range(HOLD_REPORT_ROWS + 3):
            copy = self.north_held.copy({"date_order": f"2025-01-{day + 1:02d} 08:00:00"})
            copy.write({"credit_hold": True, "credit_hold_reason": f"Over limit {copy.name}"})
            held |= copy
        self.env["crm.team"]._cron_send_credit_hold_report()
        body = str(self._report_mails(self.team_north).body_html)
        oldest = held.sorted(lambda o: (o.date_order, o.id))
        self.assertIn(f"{len(held)} quotation(s)", body)
        for order in oldest[:HOLD_REPORT_ROWS]:
            self.assertIn(order.name, body)
        for order in oldest[HOLD_REPORT_ROWS:]:
            self.assertNotIn(f">{order.name}<", body)
        self.assertIn(f"and {len(held) - HOLD_REPORT_ROWS} more", body)
        values = self.team_north._credit_hold_report_values()
        self.assertEqual(values["count"], len(held))
        self.assertEqual(values["totals"][0][1], sum(held.mapped("amount_total")))

    def test_pdf_report_lists_selected_held_orders(self):
        orders = self.north_held | self.south_held
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management.report_credit_hold", orders.ids
            )[0]
        )
        self.assertIn(self.north_held.name, html)
        self.assertIn(self.south_held.name, html)
        self.assertIn(f"Over limit {self.south_held.name}", html)
        self.assertIn("North", html)
        self.assertNotIn(self.north_free.name, html)
