# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_cases import CreditCasesReportsCommon


@tagged("post_install", "-at_install")
class TestAgeing(CreditCasesReportsCommon):
    """The ageing views count days from CURRENT_DATE: dates here are relative to the real today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = {
            "not_due": cls._invoice(100.0, cls._days(20), invoice_date=cls.today),
            "10": cls._invoice(200.0, cls._days(-10)),
            "45": cls._invoice(300.0, cls._days(-45)),
            "75": cls._invoice(400.0, cls._days(-75)),
            "120": cls._invoice(500.0, cls._days(-120), invoice_date=cls._days(-400)),
            "old": cls._invoice(600.0, cls._days(-1100), invoice_date=cls._days(-1130)),
        }
        cls.paid = cls._invoice(700.0, cls._days(-50))
        cls._pay(cls.paid, 700.0, cls._days(-30))
        cls._pay(cls.invoices["45"], 100.0, cls._days(-5))

    def _rows(self):
        report = self.env["credit.ageing.report"].with_user(self.clerk)
        rows = report.search([("partner_id", "=", self.partner_a.id)])
        return {row.move_id: row for row in rows}

    def test_buckets_relative_to_today(self):
        rows = self._rows()
        self.assertNotIn(self.paid, rows, "paid invoices are not open")
        expected = {
            "not_due": ("0_not_due", 0, 100.0, 0.0, "0_lt_1"),
            "10": ("1_1_30", 10, 200.0, 200.0, "0_lt_1"),
            "45": ("2_31_60", 45, 200.0, 200.0, "0_lt_1"),
            "75": ("3_61_90", 75, 400.0, 400.0, "0_lt_1"),
            "120": ("4_90_plus", 120, 500.0, 500.0, "1_1_2"),
            "old": ("4_90_plus", 1100, 600.0, 600.0, "3_gt_3"),
        }
        for key, (bucket, days, residual, overdue, year_bucket) in expected.items():
            row = rows[self.invoices[key]]
            self.assertEqual(row.bucket, bucket, key)
            self.assertEqual(row.days_overdue, days, key)
            self.assertEqual(row.amount_residual, residual, key)
            self.assertEqual(row.amount_overdue, overdue, key)
            self.assertEqual(row.year_bucket, year_bucket, key)
            self.assertEqual(row.company_id, self.company)
        self.assertEqual(len(rows), 6)

    def test_pivot_by_bucket(self):
        groups = self.env["credit.ageing.report"]._read_group(
            [("partner_id", "=", self.partner_a.id)],
            groupby=["bucket"],
            aggregates=["amount_residual:sum"],
        )
        self.assertEqual(
            dict(groups),
            {
                "0_not_due": 100.0,
                "1_1_30": 200.0,
                "2_31_60": 200.0,
                "3_61_90": 400.0,
                "4_90_plus": 1100.0,
            },
        )

    def test_pivot_read_group_equals_the_orm_grouping(self):
        """The pivot's and graph's grouped totals (the lean path of read_group) are those of
        the ORM's grouping, labelled, ordered, each with the domain of its rows."""
        small = self.env["res.partner"].create({"name": "Small debtor", "is_company": True})
        self._invoice(50.0, self._days(-3), partner=small)
        report = self.env["credit.ageing.report"].with_user(self.clerk)
        domain = [("partner_id", "in", (self.partner_a + small).ids)]
        for groupby in ([], ["bucket"], ["partner_id"], ["partner_id", "bucket"]):
            groups = report.read_group(
                domain, ["amount_residual:sum", "amount_overdue"], groupby, lazy=False
            )
            expected = report._read_group(
                domain, groupby, ["__count", "amount_residual:sum", "amount_overdue:sum"]
            )
            as_rows = {
                tuple(
                    group[name][0] if isinstance(group[name], tuple) else group[name]
                    for name in groupby
                ): (group["__count"], group["amount_residual"], group["amount_overdue"])
                for group in groups
            }
            self.assertEqual(
                as_rows,
                {
                    tuple(v.id if hasattr(v, "_name") else v for v in row[: len(groupby)]): tuple(
                        row[len(groupby) :]
                    )
                    for row in expected
                },
                groupby,
            )
            for group in groups:
                self.assertEqual(report.search_count(group["__domain"]), group["__count"])
        by_partner = report.read_group(domain, ["amount_residual"], ["partner_id"], lazy=False)
        self.assertEqual(
            [group["partner_id"] for group in by_partner],
            [(self.partner_a.id, self.partner_a.display_name), (small.id, small.display_name)]
            if self.partner_a.display_name < small.display_name
            else [(small.id, small.display_name), (self.partner_a.id, self.partner_a.display_name)],
        )

    def test_a_client_context_does_not_read_the_balance(self):
        """The rows of the ageing balance serve the grouped sums only: a context sent over
        JSON-RPC cannot make a search or a read return them."""
        report = self.env["credit.ageing.report"].with_user(self.clerk)
        domain = [("partner_id", "=", self.partner_a.id)]
        rows = report.search_read(domain, ["move_id", "amount_residual"])
        self.assertEqual(len(rows), 6)
        for key in ("credit_ageing_source", "credit_ageing_balance"):
            self.assertEqual(
                report.with_context(**{key: True}).search_read(
                    domain, ["move_id", "amount_residual"]
                ),
                rows,
                key,
            )

    def test_top_overdue_customers(self):
        small = self.env["res.partner"].create({"name": "Small debtor", "is_company": True})
        self._invoice(50.0, self._days(-3), partner=small)
        top = self.env["credit.overdue.customer.report"].search(
            [("partner_id", "in", (self.partner_a + small).ids)]
        )
        self.assertEqual(top.partner_id, self.partner_a + small, "largest first")
        self.assertEqual(top[0].amount_overdue, 1900.0)
        self.assertEqual(top[0].amount_residual, 2000.0)
        self.assertEqual(top[0].amount_overdue_90, 1100.0)
        self.assertEqual(top[0].max_days_overdue, 1100)
        self.assertEqual(top[1].amount_overdue, 50.0)
