# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time
from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common_cases import CreditCasesReportsCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestWorklist(CreditCasesReportsCommon):
    """The collector's worklist: who to call today, in priority order; one click logs the call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id |= cls.env.ref("credit_management.group_credit_manager")
        cls.other_clerk = cls.env["res.users"].create(
            {
                "name": "Other collector",
                "login": "cr_other_clerk",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "groups_id": [(6, 0, cls.env.ref("credit_management.group_credit_user").ids)],
            }
        )
        cls.partner_a.credit_collector_id = cls.clerk
        cls.partner_b.credit_collector_id = cls.other_clerk
        cls.big = cls._invoice(5000.0, cls._days(-100))
        cls.small = cls._invoice(500.0, cls._days(-10), partner=cls.partner_b)
        cls._invoice(800.0, cls._days(20))  # not due: not on the list
        cls.Worklist = cls.env["credit.collection.worklist"]

    def _refresh(self):
        self.Worklist._worklist_refresh(self.company)
        return self.Worklist.search([("company_id", "=", self.company.id)])

    def _today_list(self, user):
        today = self.today
        return (
            self.Worklist.with_user(user)
            .search(
                [
                    ("company_id", "=", self.company.id),
                    "|",
                    ("next_contact_date", "=", False),
                    ("next_contact_date", "<=", today),
                ]
            )
            .with_env(self.env)
        )

    def test_refresh_lists_overdue_customers_by_priority(self):
        rows = self._refresh()
        self.assertEqual(rows.partner_id, self.partner_a | self.partner_b)
        first, second = rows.sorted()  # the model's order: priority first
        self.assertEqual(first.partner_id, self.partner_a)
        self.assertEqual(first.overdue_amount, 5000.0, "the not-yet-due invoice is not overdue")
        self.assertEqual(first.days_overdue, 100)
        self.assertEqual(first.user_id, self.clerk)
        self.assertEqual(second.overdue_amount, 500.0)
        self.assertGreater(first.priority, second.priority)
        self.assertTrue(0 <= second.priority <= 100)
        self.assertEqual(first.next_contact_date, self.today)

    def test_priority_follows_the_company_weights(self):
        # only the grade counts: the D customer comes first whatever the amounts
        self.company.write(
            {
                "collection_weight_amount": 0,
                "collection_weight_days": 0,
                "collection_weight_grade": 1,
                "collection_weight_broken": 0,
                "collection_weight_warnings": 0,
                "collection_weight_level": 0,
                "collection_weight_last_contact": 0,
            }
        )
        self.partner_b.credit_grade = "D"
        self.partner_a.credit_grade = "A"
        rows = self._refresh().sorted()
        self.assertEqual(rows.mapped("priority"), [100.0, 0.0])
        self.assertEqual(rows[0].partner_id, self.partner_b)

    def test_collector_sees_own_list_manager_sees_all_and_reassigns(self):
        self._refresh()
        self.assertEqual(self._today_list(self.clerk).partner_id, self.partner_a)
        self.assertEqual(self._today_list(self.manager).partner_id, self.partner_a | self.partner_b)
        row_b = self.Worklist.search([("partner_id", "=", self.partner_b.id)])
        with self.assertRaisesRegex(AccessError, "Only credit managers can reassign"):
            row_b.with_user(self.clerk).write({"user_id": self.clerk.id})
        row_b.with_user(self.manager).write({"user_id": self.clerk.id})
        self.assertEqual(self.partner_b.credit_collector_id, self.clerk)
        self._refresh()
        self.assertEqual(self._today_list(self.clerk).partner_id, self.partner_a | self.partner_b)

    def test_collector_cannot_write_figures(self):
        row = self._refresh().filtered(lambda r: r.partner_id == self.partner_a)
        with self.assertRaisesRegex(AccessError, "only sets the next contact date"):
            row.with_user(self.clerk).write({"overdue_amount": 0.0})

    def test_one_click_no_answer_logs_contact_and_moves_next_date(self):
        row = self._refresh().filtered(lambda r: r.partner_id == self.partner_a)
        row.with_user(self.clerk).action_log_no_answer()
        contact = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.partner_a.id)]
        )
        self.assertEqual(contact.outcome, "no_answer")
        self.assertEqual(contact.user_id, self.clerk)
        self.assertEqual(contact.invoice_ids, self.big)
        self.assertEqual(row.next_contact_date, self.today + timedelta(days=1))
        self.assertEqual(row.last_outcome, "no_answer")
        self.assertNotIn(self.partner_a, self._today_list(self.clerk).partner_id)
        # the next refresh keeps the collector's date
        self._refresh()
        self.assertEqual(row.next_contact_date, self.today + timedelta(days=1))
        self.assertEqual(row.last_contact_date, self.today)

    def test_promise_pauses_the_invoice_until_its_date(self):
        row = self._refresh().filtered(lambda r: r.partner_id == self.partner_a)
        action = row.with_user(self.clerk).action_log_promise()
        form = Form(
            self.env[action["res_model"]].with_user(self.clerk).with_context(**action["context"])
        )
        self.assertEqual(form.promise_amount, 5000.0)
        form.promise_date = self._days(10)
        form.promise_amount = 3000.0
        form.save().action_confirm()
        self.assertEqual(self.big.followup_promise_date, self._days(10))
        contact = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.partner_a.id)]
        )
        self.assertEqual(contact.promise_state, "open")
        self.assertEqual(contact.promise_residual_start, 5000.0)
        self.assertEqual(row.next_contact_date, self._days(11))
        self.assertIn("Promise to pay", self.big.message_ids[0].body)

    def test_promise_beyond_the_policy_limit_is_refused(self):
        self.company.followup_policy_id.promise_max_days = 15
        self._refresh()
        with self.assertRaisesRegex(ValidationError, "15 days"):
            self.partner_a.with_user(self.clerk)._collection_log_contact(
                "promise", promise_date=self._days(20), promise_amount=100.0
            )
        self.assertFalse(self.big.followup_promise_date)

    def test_dispute_takes_invoice_out_of_follow_up(self):
        self.partner_a.with_user(self.clerk)._collection_log_contact(
            "dispute", dispute_reason="Goods damaged (货损)"
        )
        self.assertTrue(self.big.followup_disputed)
        self.assertEqual(self.big.followup_dispute_reason, "Goods damaged (货损)")

    def test_broken_promise_reenters_the_list_and_counts(self):
        row = self._refresh().filtered(lambda r: r.partner_id == self.partner_a)
        self.partner_a.with_user(self.clerk)._collection_log_contact(
            "promise", promise_date=self._days(3), promise_amount=1000.0
        )
        self.assertNotIn(self.partner_a, self._today_list(self.clerk).partner_id)
        Contact = self.env["credit.collection.contact"]
        broken = Contact._cron_check_promises(today=self._days(4))
        self.assertEqual(broken.partner_id, self.partner_a)
        self.assertEqual(broken.promise_state, "broken")
        self.assertEqual(row.next_contact_date, self._days(4), "back on the list")
        self.assertEqual(Contact._promises_broken([self.partner_a.id]), {self.partner_a.id: 1})
        self._refresh()
        self.assertEqual(row.broken_promise_count, 1)
        users = self.clerk | self.other_clerk
        self.assertEqual(
            users._credit_collector_broken_promises(self.today, self._days(30)),
            {self.clerk.id: 1, self.other_clerk.id: 0},
        )

    def test_kept_promise(self):
        self.partner_b.with_user(self.other_clerk)._collection_log_contact(
            "promise", promise_date=self._days(3), promise_amount=500.0
        )
        self._pay(self.small, 500.0, self._days(2))
        kept = self.env["credit.collection.contact"].search(
            [("partner_id", "=", self.partner_b.id)]
        )
        self.env["credit.collection.contact"]._cron_check_promises(today=self._days(4))
        self.assertEqual(kept.promise_state, "kept")

    def test_salesman_cannot_log_contacts(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Sales only",
                "login": "cr_sales_only",
                "groups_id": [(6, 0, self.env.ref("sales_team.group_sale_salesman").ids)],
            }
        )
        with self.assertRaisesRegex(AccessError, "credit department"):
            self.partner_a.with_user(salesman)._collection_log_contact("reached")

    def test_refresh_query_count_does_not_depend_on_customers(self):
        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._refresh()
            return self.cr.sql_log_count - before

        count()
        few = count()
        partners = self.env["res.partner"].create(
            [{"name": f"Overdue {i}", "is_company": True} for i in range(30)]
        )
        self._bulk_overdue(partners, self.big)
        many = count()
        self.assertEqual(few, many)
        self.assertEqual(self.Worklist.search_count([("company_id", "=", self.company.id)]), 32)

    def test_worklist_of_5000_overdue_customers(self):
        """Measured: 5k overdue customers, query count as for two, time logged."""
        partners = self.env["res.partner"].create(
            [{"name": f"Bulk overdue {i}", "is_company": True} for i in range(5000)]
        )
        self._bulk_overdue(partners, self.big)
        self.env.cr.execute("ANALYZE account_move_line")
        self.env.flush_all()
        self._refresh()
        before = self.cr.sql_log_count
        started = time.perf_counter()
        rows = self._refresh()
        seconds = time.perf_counter() - started
        queries = self.cr.sql_log_count - before
        self.assertEqual(len(rows), 5002)
        _logger.info(
            "BENCH worklist refresh, 5002 overdue customers: %.2fs, %s queries", seconds, queries
        )
        self.assertLessEqual(queries, 6)

    @classmethod
    def _bulk_overdue(cls, partners, template_invoice):
        """Copy the open receivable line of ``template_invoice`` once per partner (SQL, fast):
        what the ageing reads as one overdue invoice per customer."""
        cls.env.flush_all()
        line = template_invoice.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "asset_receivable"
        )
        columns = [
            row[0]
            for row in cls.env.execute_query(
                SQL(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'account_move_line' "
                    "AND column_name NOT IN ('id', 'partner_id')"
                )
            )
        ]
        column_list = SQL(", ").join(SQL.identifier(c) for c in columns)
        cls.env.execute_query(
            SQL(
                "INSERT INTO account_move_line (partner_id, %(cols)s) "
                "SELECT p, %(cols)s FROM account_move_line, unnest(%(partners)s) AS p "
                "WHERE id = %(line)s",
                cols=column_list,
                partners=partners.ids,
                line=line.id,
            )
        )
