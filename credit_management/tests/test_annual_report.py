# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CreditAnnualReportCommon


@tagged("post_install", "-at_install")
class TestCreditAnnualReportFigures(CreditAnnualReportCommon):
    """Every core figure of the 2025 report against its hand computation (see the fixture)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env["credit.annual.report"].create(
            {"company_id": cls.company.id, "year": 2025}
        )
        cls.report.action_compute()
        cls.figures = cls.report.figures

    def assertFigures(self, expected):
        self.assertEqual({code: self.figures[code] for code in expected}, expected)

    def test_receivables_share_change(self):
        self.assertFigures(
            {
                # open at 2025-12-31: i1 1000 + i2 1500 + i3 800 + i4 400 + i5 600 (paid 2026)
                "receivable_total": 4300.0,
                # open at 2024-12-31: i2 2000 + i3 800 + i4 400 (i7 paid in November 2024)
                "receivable_total_prev": 3200.0,
                # (4300 - 3200) / 3200
                "receivable_change_pct": 34.38,
                # receivables 4300 + payments received by 2025-12-31 (700 + 500 + 1500)
                "total_assets": 7000.0,
                "receivable_asset_share_pct": 61.43,
                # overdue at 2025-12-31: all but i5
                "overdue_amount": 3700.0,
                "overdue_rate": 86.05,
                # invoiced in 2025: i1 + i5 + i6
                "revenue": 3100.0,
                # 4300 / (i1 + i5 invoiced in the 90 days to 2025-12-31) * 90
                "dso": 241.88,
            }
        )

    def test_ageing_by_years_and_days(self):
        self.assertFigures(
            {
                "age_lt1": 1600.0,  # i1, i5
                "age_lt1_pct": 37.21,
                "age_1_2": 1500.0,  # i2 (2024-03-01)
                "age_1_2_pct": 34.88,
                "age_2_3": 400.0,  # i4 (2023-09-01)
                "age_2_3_pct": 9.3,
                "age_gt3": 800.0,  # i3 (2022-06-01)
                "age_gt3_pct": 18.6,
                "days_not_due": 600.0,  # i5
                "days_1_30": 1000.0,  # i1, 16 days
                "days_31_60": 0.0,
                "days_61_90": 0.0,
                "days_90_plus": 2700.0,  # i2, i3, i4
                "days_90_plus_pct": 62.79,
            }
        )

    def test_grade_distribution_at_year_end(self):
        # P1 A (application of Feb 2025), P2 B (the grade before the application of 2026),
        # P3 D (review of May 2025), P4 ungraded; exposure = receivables (no snapshot)
        self.assertFigures(
            {
                "customers_active": 4,
                "grade_total_count": 4,
                "grade_A_count": 1,
                "grade_A_count_pct": 25.0,
                "grade_B_count": 1,
                "grade_C_count": 0,
                "grade_C_count_pct": 0.0,
                "grade_D_count": 1,
                "grade_none_count": 1,
                "grade_A_exposure": 1000.0,
                "grade_A_exposure_pct": 23.26,
                "grade_B_exposure": 1500.0,
                "grade_B_exposure_pct": 34.88,
                "grade_D_exposure": 1200.0,
                "grade_D_exposure_pct": 27.91,
                "grade_none_exposure": 600.0,
                "grade_none_exposure_pct": 13.95,
                "grade_total_exposure": 4300.0,
            }
        )

    def test_applications_and_grade_changes(self):
        self.assertFigures(
            {
                "applications_approved": 1,  # P1 Feb 2025 (2024 and 2026 left out)
                "limit_granted": 5000.0,
                "reviews_approved": 1,  # P3 May 2025
                "applications_refused": 1,  # P4 Aug 2025
                "grade_downgrades": 1,  # P3 C -> D
                "grade_upgrades": 1,  # P1 B -> A
            }
        )

    def test_holds(self):
        self.assertFigures(
            {
                "holds_count": 3,  # April, July, December 2025 (December 2024 left out)
                "holds_amount": 900.0,
                "holds_released_count": 1,
                "holds_released_amount": 300.0,
                "holds_rejected_count": 1,
            }
        )

    def test_warnings_signals_measures(self):
        self.assertFigures(
            {
                "warnings_opened": 3,
                "warnings_opened_high": 2,
                "warnings_opened_medium": 1,
                "warnings_opened_low": 0,
                "warnings_closed": 2,  # W1 in March, W3 (opened 2024) in January
                "warnings_open_year_end": 2,  # W2 open, W4 closed in 2026
                "signals_recorded": 1,
                "measures_lower_limit": 1,
                "measures_hold": 0,  # taken in 2026
            }
        )

    def test_exposure_snapshots_of_december_are_used(self):
        Snapshot = self.env["credit.exposure.snapshot"].sudo()
        for partner, exposure, when in (
            (self.p1, 1800.0, date(2025, 12, 31)),
            (self.p2, 1500.0, date(2025, 12, 20)),
            (self.p3, 1200.0, date(2025, 11, 15)),  # too old: not the year's end
            (self.p4, 999.0, date(2026, 1, 2)),  # after the year
        ):
            Snapshot.create(
                {
                    "date": when,
                    "company_id": self.company.id,
                    "partner_id": partner.id,
                    "exposure": exposure,
                }
            )
        self.report.action_compute()
        figures = self.report.figures
        self.assertEqual(figures["grade_A_exposure"], 1800.0)
        self.assertEqual(figures["grade_B_exposure"], 1500.0)
        self.assertEqual(figures["grade_D_exposure"], 0.0)
        self.assertEqual(figures["grade_none_exposure"], 0.0)
        self.assertEqual(figures["grade_total_exposure"], 3300.0)
        self.assertEqual(figures["grade_A_exposure_pct"], 54.55)

    def test_contract_statistics_of_the_year(self):
        complaints = self.env["credit.complaint"].create(
            [
                {"partner_id": self.p1.id, "description": "Why held?", "subject": "hold"},
                {"partner_id": self.p2.id, "description": "Limit too low", "subject": "limit"},
            ]
        )
        complaints[0]._workflow_write({"date_filed": datetime(2025, 6, 1, 10)})
        complaints[1]._workflow_write({"date_filed": datetime(2026, 1, 5, 10)})
        self.report.action_compute()
        stats = self.env["credit.contract"]._credit_year_end_figures(self.company, 2025)
        figures = self.report.figures
        self.assertEqual(figures["complaints_filed"], 1)
        self.assertEqual(figures["contracts_signed"], stats["contracts"]["signed"])
        self.assertEqual(figures["reviews_joint"], stats["reviews"]["joint"])
        self.assertEqual(figures["disputes_opened"], stats["disputes"]["opened"])
        self.assertEqual(
            figures["written_coverage_pct"], stats["written_contracts"]["coverage_percent"]
        )
        sections = [section for section, *__ in self.report._credit_chapter_sections("internal")]
        self.assertIn("contracts", sections)

    def test_previous_year_report(self):
        figures = self._report(2024).figures
        self.assertEqual(figures["receivable_total"], 3200.0)
        self.assertEqual(figures["revenue"], 2700.0)  # i2 + i7
        self.assertEqual(figures["applications_approved"], 1)
        self.assertEqual(figures["holds_count"], 1)
        self.assertEqual(figures["warnings_opened"], 1)


@tagged("post_install", "-at_install")
class TestCreditAnnualReportOutput(CreditAnnualReportCommon):
    """The wizard, the workflow, the PDF in the manual's chapter order and the XLSX."""

    def test_wizard_creates_and_computes(self):
        wizard = Form(self.env["credit.annual.report.wizard"].with_user(self.analyst))
        wizard.year = 2025
        action = wizard.save().action_open()
        report = self.env["credit.annual.report"].browse(action["res_id"])
        self.assertEqual(report.figures["receivable_total"], 4300.0)
        self.assertEqual(report.computed_by_id, self.analyst)
        # again: the same report, computed again
        wizard = Form(self.env["credit.annual.report.wizard"].with_user(self.analyst))
        wizard.year = 2025
        self.assertEqual(wizard.save().action_open()["res_id"], report.id)

    def test_wizard_refuses_a_future_year(self):
        with self.assertRaisesRegex(ValidationError, "Year"):
            self.env["credit.annual.report.wizard"].create({"year": 3000})

    def test_figures_cannot_be_written_directly(self):
        report = self._report()
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            report.with_user(self.analyst).write({"figures": {"receivable_total": 1.0}})
        self.assertEqual(report.figures["receivable_total"], 4300.0)

    def test_final_report_is_frozen(self):
        report = self._report()
        report.note_outlook = "<p>Next year: halve the overdue rate.</p>"
        with self.assertRaisesRegex(AccessError, "Only credit managers"):
            report.with_user(self.analyst).action_done()
        report.with_user(self.manager).action_done()
        with self.assertRaisesRegex(UserError, "final"):
            report.with_user(self.analyst).write({"note_outlook": "<p>changed</p>"})
        with self.assertRaisesRegex(UserError, "this step is not possible"):
            report.with_user(self.analyst).action_compute()
        report.with_user(self.manager).action_draft()
        report.with_user(self.analyst).write({"note_outlook": "<p>changed</p>"})

    def test_salesman_cannot_compute(self):
        with self.assertRaisesRegex(AccessError, "Credit Report|credit department"):
            self.env["credit.annual.report"].with_user(self.salesman).create(
                {"company_id": self.company.id, "year": 2025}
            ).action_compute()

    def test_pdf_follows_the_manual_chapter_order(self):
        report = self._report()
        report.write(
            {
                "note_intro": "<p>INTRO-TEXT</p>",
                "note_outlook": "<p>OUTLOOK-TEXT</p>",
            }
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("credit_management.report_credit_annual", report.ids)[0]
            .decode()
        )
        titles = [title for __, title in report._credit_report_chapters()]
        positions = [html.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions), "chapters in the manual's order")
        self.assertLess(html.index("INTRO-TEXT"), html.index(titles[1]))
        self.assertGreater(html.index("OUTLOOK-TEXT"), html.index(titles[-1]))
        self.assertIn("<svg", html, "charts of grades and ageing")
        self.assertIn("34.38", html)

    def test_print_needs_figures(self):
        report = self.env["credit.annual.report"].create(
            {"company_id": self.company.id, "year": 2025}
        )
        with self.assertRaisesRegex(UserError, "Compute the figures"):
            report.action_print()

    def test_xlsx_has_every_figure(self):
        report = self._report()
        action = report.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        content = base64.b64decode(attachment.datas)
        self.assertEqual(content[:2], b"PK", "an XLSX (zip) file")
        codes = {definition["code"] for definition in report._credit_report_definitions()}
        self.assertTrue(codes <= set(report.figures), codes - set(report.figures))
        # every code is written in the workbook's shared strings
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        for code in ("receivable_total", "grade_A_exposure_pct", "age_gt3", "holds_count"):
            self.assertIn(f">{code}<", strings)


@tagged("post_install", "-at_install")
class TestCreditHoldDates(CreditAnnualReportCommon):
    """The hold decision records when an order was held and rejected (for the report)."""

    def test_hold_and_reject_dates(self):
        self.company.credit_max_overdue_days = 1
        order = self._order(100.0, partner=self.p3)
        order.with_user(self.salesman).action_confirm()
        self.assertTrue(order.credit_hold)
        self.assertTrue(order.credit_hold_date)
        order.with_user(self.manager)._credit_reject("Overdue since 2022")
        self.assertTrue(order.credit_reject_date)
