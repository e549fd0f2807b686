# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import html as html_lib
import re
import subprocess
from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase
from odoo.tools import config as odoo_config

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


class CreditGradeCommon(TransactionCase):
    """A fresh company with its own grades A-D and a two-criteria expert scorecard, an analyst,
    two credit managers, a salesman and a customer. Independent of demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Grade Test Co"})
        cls.env.user.company_ids |= cls.company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        Grade = cls.env["credit.grade"]
        cls.term_30 = cls.env["account.payment.term"].create({"name": "Grade test 30 days"})
        cls.grade_a = Grade.create(
            {
                "code": "A",
                "name": "Excellent",
                "company_id": cls.company.id,
                "min_score": 85,
                "suggested_limit": 100000,
                "payment_term_id": cls.term_30.id,
                "override_tolerance": True,
                "tolerance_percent": 10,
            }
        )
        cls.grade_b = Grade.create(
            {
                "code": "B",
                "name": "Good",
                "company_id": cls.company.id,
                "min_score": 70,
                "suggested_limit": 50000,
            }
        )
        cls.grade_c = Grade.create(
            {
                "code": "C",
                "name": "Fair",
                "company_id": cls.company.id,
                "min_score": 50,
                "suggested_limit": 20000,
                "review_interval_months": 6,
            }
        )
        cls.grade_d = Grade.create(
            {
                "code": "D",
                "name": "Poor",
                "company_id": cls.company.id,
                "min_score": 0,
                "suggested_limit": 5000,
                "override_max_overdue_days": True,
                "max_overdue_days": 10,
                "review_interval_months": 3,
            }
        )
        cls.scorecard = cls.env["credit.scorecard"].create(
            {
                "name": "Expert scorecard",
                "company_id": cls.company.id,
                "criterion_ids": [
                    Command.create({"name": "Management", "weight": 60, "kind": "qualitative"}),
                    Command.create({"name": "Market outlook", "weight": 40, "kind": "qualitative"}),
                ],
            }
        )
        company_kwargs = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.analyst = new_test_user(
            cls.env,
            login="cg_analyst",
            groups="credit_management.group_credit_user,base.group_partner_manager",
            **company_kwargs,
        )
        cls.manager = new_test_user(
            cls.env,
            login="cg_manager",
            groups="credit_management.group_credit_manager",
            **company_kwargs,
        )
        cls.manager2 = new_test_user(
            cls.env,
            login="cg_manager2",
            groups="credit_management.group_credit_manager",
            **company_kwargs,
        )
        cls.salesman = new_test_user(
            cls.env,
            login="cg_salesman",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            **company_kwargs,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Graded Customer", "is_company": True}
        )

    @classmethod
    def _new_application(cls, scores, user=None, **vals):
        """Create (as ``user``, default the analyst) an application scored ``scores``
        (management, market) for the customer."""
        user = user or cls.analyst
        app = (
            cls.env["credit.application"]
            .with_user(user)
            .create(
                dict(
                    {
                        "partner_id": cls.customer.id,
                        "company_id": cls.company.id,
                        "scorecard_id": cls.scorecard.id,
                        "requested_limit": 40000,
                    },
                    **vals,
                )
            )
        )
        for line, score in zip(app.line_ids.sorted("sequence"), scores, strict=True):
            line.score = score
        return app

    def _limit(self, partner):
        return partner.with_company(self.company).sudo().credit_limit


class PrintedDocumentMixin:
    """Render a report as the PDF users get (not the HTML tests get by default) and read it back
    with poppler's pdftotext, as a person reading the printed letter would."""

    # A4 in PostScript points, and the window of a C5/C6/DL window envelope (DIN 5008, form B):
    # 20 mm from the left edge, 45 to 90 mm from the top, 85 mm wide.
    MM = 72 / 25.4
    _warm = False
    WINDOW = {"left": 20 * MM, "right": 105 * MM, "top": 45 * MM, "bottom": 90 * MM}

    def _pdf(self, report, records):
        # wkhtmltopdf loads the report's assets from this test server, whose requests must see
        # the test's transaction (as Odoo's own PDF tests do)
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", f"http://127.0.0.1:{odoo_config['http_port']}"
        )
        reports = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if not PrintedDocumentMixin._warm:
            # The first wkhtmltopdf of a test process exits (code 1, empty file) before it asks
            # the test server for anything; every later one works. Not seen outside tests.
            PrintedDocumentMixin._warm = True
            with contextlib.suppress(Exception), self.cr.savepoint():
                reports._render_qweb_pdf(report, records.ids)
        pdf, _kind = reports._render_qweb_pdf(report, records.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def _pdf_text(self, pdf):
        """The text of every page, pages separated by form feeds."""
        return subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()

    def _pdf_words(self, pdf, page=1):
        """[(word, x_min, y_min)] of one page, in points from the top left corner."""
        html = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [
            (html_lib.unescape(word), float(x), float(y))
            for x, y, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" [^>]*>([^<]*)</word>', html
            )
        ]

    def assertInWindow(self, pdf, words):
        """Each of ``words`` is printed, on the first page, inside the envelope's window."""
        printed = self._pdf_words(pdf)
        for word in words:
            places = [(x, y) for text, x, y in printed if text == word]
            self.assertTrue(places, f"{word!r} is not on the first page")
            self.assertTrue(
                any(
                    self.WINDOW["left"] <= x <= self.WINDOW["right"]
                    and self.WINDOW["top"] <= y <= self.WINDOW["bottom"]
                    for x, y in places
                ),
                f"{word!r} is printed at {places}, outside the envelope window {self.WINDOW}",
            )


class CreditWarningCommon(CreditCommon):
    """CreditCommon with an analyst, a credit user and helpers for the early-warning indicators
    (none is created: each test creates those it measures)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.analyst = new_test_user(
            cls.env,
            login="cw_test_analyst",
            groups="credit_management.group_credit_user",
            company_id=cls.company.id,
        )
        cls.customer.write({"credit_analyst_id": cls.analyst.id, "credit_grade": "C"})
        cls.today = fields.Date.context_today(cls.env.user)
        # no indicator of the company but those of the test
        cls.env["credit.warning.indicator"].search([("company_id", "=", cls.company.id)]).unlink()

    @classmethod
    def _indicator(cls, code, thresholds, severity="medium", lookback_days=30, **vals):
        """An indicator ``code`` with ``thresholds`` {grade or "none": threshold}."""
        return cls.env["credit.warning.indicator"].create(
            {
                "name": code.replace("_", " ").title(),
                "code": code,
                "severity": severity,
                "lookback_days": lookback_days,
                "company_id": cls.company.id,
                "threshold_ids": [
                    Command.create({"grade": grade, "threshold": threshold})
                    for grade, threshold in thresholds.items()
                ],
                **vals,
            }
        )

    @classmethod
    def _customer(cls, name, grade=False, limit=0.0):
        return cls.env["res.partner"].create(
            {"name": name, "is_company": True, "credit_grade": grade, "credit_limit": limit}
        )

    @classmethod
    def _invoice_due(cls, amount, partner=None, invoice_days_ago=0, due_days_ago=0):
        """Posted customer invoice dated ``invoice_days_ago`` days ago, due ``due_days_ago`` days
        ago (negative: due in the future), no tax."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or cls.customer).id,
                "invoice_date": cls.today - timedelta(days=invoice_days_ago),
                "invoice_date_due": cls.today - timedelta(days=due_days_ago),
                "invoice_payment_term_id": False,
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
        move.action_post()
        return move

    @classmethod
    def _refund_fully(cls, invoice):
        """Cancel ``invoice`` by a reconciled credit note: its receivable is no longer open."""
        invoice._reverse_moves(cancel=True)

    def _evaluate(self):
        return self.env["credit.warning"].sudo()._credit_evaluate()

    def _warnings(self, partner=None, indicator=None, **domain):
        search = [("company_id", "=", self.company.id)]
        if partner:
            search.append(("partner_id", "=", partner.id))
        if indicator:
            search.append(("indicator_id", "=", indicator.id))
        search += [(key, "=", value) for key, value in domain.items()]
        return self.env["credit.warning"].search(search)


class CreditAnnualReportCommon(CreditWarningCommon):
    """A small ledger over two years (2024 and 2025, with a payment in 2026) for the year-end
    report of 2025; every expected figure is computed by hand in the tests.

    Customers: P1 (grade A since an application of February 2025), P2 (grade B until an
    application of March 2026 lowered it to C), P3 (downgraded C -> D by a review of May 2025),
    P4 (no grade).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        d = date
        cls.p1 = cls._customer("Report P1", grade="A")
        cls.p2 = cls._customer("Report P2", grade="C")
        cls.p3 = cls._customer("Report P3", grade="D")
        cls.p4 = cls._customer("Report P4")
        inv = cls._invoice_on
        cls.i1 = inv(1000.0, cls.p1, d(2025, 11, 15), d(2025, 12, 15))
        cls.i2 = inv(2000.0, cls.p2, d(2024, 3, 1), d(2024, 3, 31))
        cls._pay(cls.i2, 500.0, d(2025, 2, 10))
        cls.i3 = inv(800.0, cls.p3, d(2022, 6, 1), d(2022, 7, 1))
        cls.i4 = inv(400.0, cls.p3, d(2023, 9, 1), d(2023, 10, 1))
        cls.i5 = inv(600.0, cls.p4, d(2025, 12, 20), d(2026, 1, 19))
        cls._pay(cls.i5, 600.0, d(2026, 1, 10))
        cls.i6 = inv(1500.0, cls.p1, d(2025, 3, 1), d(2025, 3, 31))
        cls._pay(cls.i6, 1500.0, d(2025, 4, 15))
        cls.i7 = inv(700.0, cls.p2, d(2024, 10, 1), d(2024, 10, 31))
        cls._pay(cls.i7, 700.0, d(2024, 11, 15))

        app = cls._approved_application
        app(cls.p1, False, "B", datetime(2024, 6, 1, 10), limit=3000.0)
        app(cls.p1, "B", "A", datetime(2025, 2, 1, 10), limit=5000.0)
        app(cls.p3, "C", "D", datetime(2025, 5, 10, 10), application_type="review", limit=800.0)
        app(cls.p2, "B", "C", datetime(2026, 3, 1, 10), limit=1000.0)
        refused = cls.env["credit.application"].create(
            {"partner_id": cls.p4.id, "requested_limit": 2000.0}
        )
        refused._workflow_write({"state": "refused", "refuse_date": datetime(2025, 8, 1, 9)})

        orders = [
            cls._order(amount, partner=partner)
            for amount, partner in (
                (300.0, cls.p1),
                (200.0, cls.p2),
                (100.0, cls.p3),
                (400.0, cls.p4),
            )
        ]
        orders[0].sudo().write(
            {
                "credit_hold_date": datetime(2025, 4, 1, 9),
                "credit_release_date": datetime(2025, 4, 2, 9),
                "credit_release_user_id": cls.manager.id,
                "credit_released_amount": 300.0,
            }
        )
        orders[1].sudo().write(
            {
                "credit_hold_date": datetime(2025, 7, 1, 9),
                "credit_reject_date": datetime(2025, 7, 3, 9),
                "credit_reject_reason": "Overdue",
            }
        )
        orders[2].sudo().write({"credit_hold_date": datetime(2024, 12, 20, 9)})
        orders[3].sudo().write({"credit_hold": True, "credit_hold_date": datetime(2025, 12, 30, 9)})

        indicator = cls._indicator("manual_signal", {"none": 1})
        warning = cls._past_warning
        w1 = warning(cls.p1, indicator, "high", d(2025, 3, 1), d(2025, 3, 20))
        w2 = warning(cls.p3, indicator, "medium", d(2025, 6, 1))
        warning(cls.p2, indicator, "low", d(2024, 11, 1), d(2025, 1, 10))
        w4 = warning(cls.p4, indicator, "high", d(2025, 12, 31), d(2026, 1, 5))
        Measure = cls.env["credit.warning.measure"]
        Measure.create({"warning_id": w2.id, "kind": "lower_limit", "date": d(2025, 6, 5)})
        Measure.create({"warning_id": w4.id, "kind": "hold", "date": d(2026, 1, 2)})
        del w1
        Signal = cls.env["credit.warning.signal"]
        Signal.create({"name": "Lawsuit", "partner_id": cls.p3.id, "date": d(2025, 5, 1)})
        Signal.create({"name": "New owner", "partner_id": cls.p2.id, "date": d(2024, 12, 1)})

    @classmethod
    def _invoice_on(cls, amount, partner, invoice_date, due):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": invoice_date,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
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
        move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount, when):
        """Register a payment of ``amount`` on ``invoice`` dated ``when``."""
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": when, "amount": amount})
            ._create_payments()
        )

    @classmethod
    def _approved_application(
        cls, partner, before, after, when, application_type="application", limit=0.0
    ):
        """An application approved at ``when`` that moved ``partner`` from grade ``before`` to
        ``after`` (history: the decision fields are set as the approval left them)."""
        application = cls.env["credit.application"].create(
            {
                "partner_id": partner.id,
                "application_type": application_type,
                "requested_limit": limit,
            }
        )
        application._workflow_write({"state": "approved", "approval_date": when})
        application.flush_recordset()
        cls.env.cr.execute(
            "UPDATE credit_application SET current_grade = %s, proposed_grade = %s, "
            "approved_limit = %s WHERE id = %s",
            (before or None, after, limit, application.id),
        )
        application.invalidate_recordset()
        return application

    @classmethod
    def _past_warning(cls, partner, indicator, severity, opened, closed=None):
        values = {
            "company_id": cls.company.id,
            "partner_id": partner.id,
            "indicator_id": indicator.id,
            "severity": severity,
            "date_open": opened,
            "value": 1.0,
            "threshold": 1.0,
            "signal_active": not closed,
        }
        if closed:
            values.update({"state": "closed", "close_reason": "handled", "date_closed": closed})
        return cls.env["credit.warning"].sudo()._workflow_create([values])

    def _report(self, year=2025):
        report = self.env["credit.annual.report"].create(
            {"company_id": self.company.id, "year": year}
        )
        report.action_compute()
        return report
