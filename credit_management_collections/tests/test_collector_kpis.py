# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common_cases import CreditCasesReportsCommon

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@tagged("post_install", "-at_install")
class TestCollectorKpis(CreditCasesReportsCommon):
    """``res.users._credit_collector_kpis`` over March 2025, with dated invoices and payments.

    Collector 1 follows customers A and C, collector 2 customer D, collector 3 nobody; customer E
    has no collector.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the accountant of AccountTestInvoicingCommon also configures the follow-up ladder
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        user_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        group = "credit_management.group_credit_user"
        cls.collector_1 = cls.clerk
        cls.collector_2 = new_test_user(cls.env, login="cr_collector2", groups=group, **user_vals)
        cls.collector_3 = new_test_user(cls.env, login="cr_collector3", groups=group, **user_vals)
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create({"name": "Customer A", "is_company": True})
        cls.customer_c = Partner.create({"name": "Customer C", "is_company": True})
        cls.customer_d = Partner.create({"name": "Customer D", "is_company": True})
        cls.customer_e = Partner.create({"name": "Customer E", "is_company": True})
        (cls.customer_a + cls.customer_c).credit_collector_id = cls.collector_1
        cls.customer_d.credit_collector_id = cls.collector_2
        # a contact of A: its invoices roll up to A
        cls.contact_a = Partner.create({"name": "A's buyer", "parent_id": cls.customer_a.id})

        inv = cls._invoice
        d = date
        # A: overdue at March 1st, 300 paid in February, 400 in March -> due 700, collected 400
        cls.inv_1 = inv(1000.0, d(2025, 2, 10), cls.contact_a, invoice_date=d(2025, 1, 10))
        cls._pay(cls.inv_1, 300.0, d(2025, 2, 20))
        cls._pay(cls.inv_1, 400.0, d(2025, 3, 15))
        # A: falls due in March, paid in April -> due 500, collected 0
        cls.inv_2 = inv(500.0, d(2025, 3, 20), cls.customer_a, invoice_date=d(2025, 3, 1))
        cls._pay(cls.inv_2, 500.0, d(2025, 4, 5))
        # A: due in April, 200 paid early in March -> collected 200, not due
        cls.inv_3 = inv(800.0, d(2025, 4, 30), cls.customer_a, invoice_date=d(2025, 3, 10))
        cls._pay(cls.inv_3, 200.0, d(2025, 3, 25))
        # A: old debt written off on March 20th: due 200, a write-off is not collected
        cls.inv_6 = inv(200.0, d(2024, 12, 1), cls.customer_a, invoice_date=d(2024, 11, 1))
        writeoff = (
            cls.env["credit.writeoff"]
            .with_user(cls.clerk)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "invoice_ids": [Command.set(cls.inv_6.ids)],
                    "date": d(2025, 3, 20),
                    "reason": "Bankrupt",
                }
            )
        )
        writeoff.action_submit()
        writeoff.with_user(cls.manager).action_approve()
        # C: overdue since January, fully paid on March 31st -> due 600, collected 600
        cls.inv_4 = inv(600.0, d(2025, 1, 15), cls.customer_c, invoice_date=d(2024, 12, 15))
        cls._pay(cls.inv_4, 600.0, d(2025, 3, 31))
        # D: falls due in March, unpaid -> due 1000
        cls.inv_5 = inv(1000.0, d(2025, 3, 5), cls.customer_d, invoice_date=d(2025, 2, 3))
        # E: no collector
        cls.inv_7 = inv(999.0, d(2025, 3, 5), cls.customer_e, invoice_date=d(2025, 2, 3))
        cls._pay(cls.inv_7, 999.0, d(2025, 3, 10))

        policy = cls.env["credit.followup.policy"].create(
            {
                "name": "KPI ladder",
                "company_id": cls.company.id,
                "level_ids": [
                    Command.create({"name": "Reminder", "delay_days": 1, "action": "email"}),
                    Command.create({"name": "Letter", "delay_days": 30, "action": "letter"}),
                ],
            }
        )
        cls.level_1, cls.level_30 = policy.level_ids.sorted("delay_days")
        # communications: collector 1 did two in March (one followed by a payment within 30 days),
        # one in February, and has a draft in March; collector 2 did one in March.
        comm = cls._communication
        comm(cls.collector_1, cls.customer_a, cls.inv_1, d(2025, 3, 10), cls.level_30)
        comm(cls.collector_1, cls.customer_a, cls.inv_2, d(2025, 3, 1), cls.level_1)
        comm(cls.collector_1, cls.customer_a, cls.inv_1, d(2025, 2, 12), cls.level_1)
        comm(cls.collector_1, cls.customer_c, cls.inv_4, d(2025, 3, 12), cls.level_1, "draft")
        comm(cls.collector_2, cls.customer_d, cls.inv_5, d(2025, 3, 15), cls.level_1)

    @classmethod
    def _communication(cls, user, partner, invoice, when, level, state="done"):
        # as the follow-up run creates them (credit.workflow.mixin)
        return cls.env["credit.followup.communication"]._workflow_create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "level_id": level.id,
                "line_ids": [Command.create({"move_id": invoice.id, "level_id": level.id})],
                "date": when,
                "state": state,
            }
        )

    def test_kpis_of_march(self):
        users = self.collector_1 + self.collector_2 + self.collector_3
        kpis = users._credit_collector_kpis(*MARCH)
        self.assertEqual(
            kpis,
            {
                self.collector_1.id: {
                    "communications_done": 2,
                    "amount_collected": 1200.0,
                    "amount_due": 2000.0,
                    "collection_rate": 60.0,
                },
                self.collector_2.id: {
                    "communications_done": 1,
                    "amount_collected": 0.0,
                    "amount_due": 1000.0,
                    "collection_rate": 0.0,
                },
                self.collector_3.id: {
                    "communications_done": 0,
                    "amount_collected": 0.0,
                    "amount_due": 0.0,
                    "collection_rate": 0.0,
                },
            },
        )

    def test_kpis_of_february(self):
        kpis = self.collector_1._credit_collector_kpis("2025-02-01", "2025-02-28")
        # due: inv_6 (200) and inv_4 (600) overdue + inv_1 falling due on Feb 10th (1000);
        # collected: 300 on inv_1
        self.assertEqual(
            kpis[self.collector_1.id],
            {
                "communications_done": 1,
                "amount_collected": 300.0,
                "amount_due": 1800.0,
                "collection_rate": 16.67,
            },
        )

    def test_empty_recordset(self):
        self.assertEqual(self.env["res.users"]._credit_collector_kpis(*MARCH), {})

    def test_query_count_does_not_depend_on_the_number_of_users(self):
        (self.collector_1 + self.collector_2)._credit_collector_kpis(*MARCH)  # warm the caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.collector_2._credit_collector_kpis(*MARCH)
        one = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        (self.collector_1 + self.collector_2 + self.collector_3)._credit_collector_kpis(*MARCH)
        three = self.env.cr.sql_log_count - before
        self.assertEqual(one, three)

    def test_kpi_report_of_march(self):
        users = self.collector_1 + self.collector_2
        rows = self.env["credit.collection.kpi.report"]._generate(*MARCH, users)
        self.assertEqual(len(rows), 2)
        row = rows.filtered(lambda r: r.collector_id == self.collector_1)
        self.assertEqual(row.month, date(2025, 3, 1))
        self.assertEqual(row.communications_done, 2)
        self.assertEqual(row.communications_successful, 1, "inv_2 was paid 35 days later")
        self.assertEqual(row.success_rate, 50.0)
        self.assertEqual(row.amount_collected, 1200.0)
        self.assertEqual(row.collection_rate, 60.0)
        # at March 31st: inv_1 300 and inv_2 500 overdue, inv_3 600 not due
        self.assertEqual(row.amount_receivable, 1400.0)
        self.assertEqual(row.amount_overdue, 800.0)
        self.assertEqual(row.overdue_rate, 57.14)
        # invoiced in March: inv_2 + inv_3; written off: inv_6
        self.assertEqual(row.amount_invoiced, 1300.0)
        self.assertEqual(row.amount_written_off, 200.0)
        self.assertEqual(row.bad_debt_rate, 15.38)
        # revenue of the 90 days to March 31st: inv_1 + inv_2 + inv_3
        self.assertEqual(row.amount_revenue_dso, 2300.0)
        self.assertEqual(row.dso, 54.78)
        row_2 = rows - row
        self.assertEqual(row_2.success_rate, 0.0)
        self.assertEqual(row_2.amount_receivable, 1000.0)
        self.assertEqual(row_2.overdue_rate, 100.0)
        self.assertEqual(row_2.bad_debt_rate, 0.0)

    def test_kpi_wizard_opens_rows_of_each_month(self):
        wizard = (
            self.env["credit.collection.kpi.wizard"]
            .with_user(self.collector_1)
            .create({"date_from": "2025-02-10", "date_to": "2025-03-31"})
        )
        action = wizard.action_compute()
        rows = self.env["credit.collection.kpi.report"].search(action["domain"])
        self.assertNotIn(self.collector_3, rows.collector_id, "collects for nobody")
        rows = rows.filtered(lambda r: r.collector_id in self.collector_1 + self.collector_2)
        self.assertEqual(
            sorted((r.collector_id.login, str(r.month)) for r in rows),
            [
                ("cr_clerk", "2025-02-01"),
                ("cr_clerk", "2025-03-01"),
                ("cr_collector2", "2025-02-01"),
                ("cr_collector2", "2025-03-01"),
            ],
        )
