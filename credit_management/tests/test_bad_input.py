# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R4: every constraint of credit_management fed bad values answers with a clear error naming
the field, and nothing is written; imports (`load`, CSV through base_import) reject the same
rows the same way."""

import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CreditCommon


class BadInputMixin:
    """Helpers of the bad-input tables (shared by the three modules' tests)."""

    def assertRefused(self, record, vals, message):
        """Writing ``vals`` on ``record`` raises a UserError (a ValidationError) matching
        ``message``, and ``record`` keeps its values."""
        before = record.read(list(vals))[0]
        with self.assertRaisesRegex(UserError, message), self.cr.savepoint():
            record.write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.read(list(vals))[0], before, "nothing is written")

    def assertCreateRefused(self, model, vals, message):
        count = model.search_count([])
        with self.assertRaisesRegex(UserError, message), self.cr.savepoint():
            model.create(vals)
        self.assertEqual(model.search_count([]), count, "nothing is created")

    def assertLoadRefused(self, model, fields, rows, message):
        """``Model.load`` (the import of every client) reports an error matching ``message``
        and creates nothing."""
        count = model.search_count([])
        with mute_logger("odoo.sql_db", "odoo.models"):
            result = model.load(fields, rows)
        self.assertFalse(result["ids"])
        self.assertTrue(
            any(
                m["type"] == "error" and re.search(message, m["message"])
                for m in result["messages"]
            ),
            result["messages"],
        )
        self.assertEqual(model.search_count([]), count, "nothing is imported")

    def _csv_import(self, model, csv_text, fields):
        """Odoo's CSV import (base_import), as from the Import button; returns its result."""
        wizard = self.env["base_import.import"].create(
            {
                "res_model": model,
                "file": csv_text.encode(),  # raw bytes, not base64
                "file_name": "import.csv",
                "file_type": "text/csv",
            }
        )
        options = {"quoting": '"', "separator": ",", "has_headers": True}
        with mute_logger("odoo.sql_db", "odoo.models"):
            return wizard.execute_import(fields, fields, options)


@tagged("post_install", "-at_install")
class TestCreditBadInput(BadInputMixin, CreditCommon):
    def test_partner_credit_fields(self):
        self.assertRefused(self.customer, {"credit_limit": -1.0}, "credit limit cannot be negative")
        self.assertCreateRefused(
            self.env["res.partner"],
            {"name": "Negative", "credit_limit": -10.0},
            "credit limit cannot be negative",
        )
        self.customer.credit_review_date_last = "2026-03-01"
        self.assertRefused(
            self.customer,
            {"credit_review_date_next": "2026-01-01"},
            "next credit review .* cannot be before the last",
        )

    def test_company_settings(self):
        company = self.company
        self.assertRefused(company, {"credit_tolerance_percent": 150.0}, "credit tolerance")
        self.assertRefused(company, {"credit_tolerance_percent": -1.0}, "credit tolerance")
        self.assertRefused(company, {"credit_max_overdue_days": -3}, "maximum overdue days")
        self.assertRefused(
            company, {"credit_application_second_approval_amount": -1.0}, "second-approval amount"
        )

    def test_grade_values(self):
        grade = self.env["credit.grade"].create(
            {"code": "C", "name": "Fair", "company_id": self.company.id}
        )
        self.assertRefused(grade, {"tolerance_percent": 120.0}, "tolerance of grade C")
        self.assertRefused(grade, {"min_score": 101.0}, "minimum score of grade C")
        self.assertRefused(grade, {"suggested_limit": -5.0}, "suggested limit of grade C")
        self.assertRefused(grade, {"max_overdue_days": -1}, "maximum overdue days of grade C")
        self.assertRefused(grade, {"review_interval_months": 0}, "review interval of grade C")

    def test_scorecard_weights(self):
        scorecards = self.env["credit.scorecard"]
        self.assertCreateRefused(
            scorecards,
            {
                "name": "Bad weights",
                "company_id": self.company.id,
                "criterion_ids": [
                    Command.create({"name": "Management", "kind": "qualitative", "weight": 50}),
                    Command.create({"name": "Outlook", "kind": "qualitative", "weight": 30}),
                ],
            },
            "weights of the criteria .* must sum to 100",
        )
        scorecard = scorecards.create(
            {
                "name": "Good weights",
                "company_id": self.company.id,
                "criterion_ids": [
                    Command.create({"name": "Management", "kind": "qualitative", "weight": 60}),
                    Command.create({"name": "Outlook", "kind": "qualitative", "weight": 40}),
                ],
            }
        )
        self.assertRefused(
            scorecard.criterion_ids[0], {"weight": 150.0}, "weight of criterion Management"
        )
        self.assertRefused(
            scorecard,
            {"criterion_ids": [Command.update(scorecard.criterion_ids[0].id, {"weight": 10})]},
            "must sum to 100",
        )

    def test_non_numeric_and_negative_limits_are_not_imported(self):
        partners = self.env["res.partner"]
        self.assertLoadRefused(
            partners, ["name", "credit_limit"], [["Imported", "abc"]], "Credit Limit"
        )
        self.assertLoadRefused(
            partners,
            ["name", "credit_limit"],
            [["Imported", "-100"]],
            "credit limit cannot be negative",
        )

    def test_csv_import_of_credit_limits(self):
        """The credit department imports its limits from a spreadsheet: good rows update the
        customers, a file with a bad row is refused whole and changes nothing."""
        other = self.env["res.partner"].create({"name": "Second customer", "is_company": True})
        ids = {partner: partner.id for partner in self.customer | other}
        good = f".id,credit_limit\n{ids[self.customer]},2500\n{ids[other]},800\n"
        result = self._csv_import("res.partner", good, [".id", "credit_limit"])
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual((self.customer.credit_limit, other.credit_limit), (2500.0, 800.0))
        bad = f".id,credit_limit\n{ids[self.customer]},3000\n{ids[other]},-1\n"
        result = self._csv_import("res.partner", bad, [".id", "credit_limit"])
        self.assertTrue(
            any("credit limit cannot be negative" in m["message"] for m in result["messages"])
        )
        self.customer.invalidate_recordset()
        self.assertEqual((self.customer.credit_limit, other.credit_limit), (2500.0, 800.0))
        bad = f".id,credit_limit\n{ids[self.customer]},lots\n"
        result = self._csv_import("res.partner", bad, [".id", "credit_limit"])
        # the import names the column (its header or the field's label)
        self.assertTrue(
            any(re.search("credit_limit|Credit Limit", m["message"]) for m in result["messages"]),
            result["messages"],
        )
        self.assertEqual(self.customer.credit_limit, 2500.0)
