from datetime import date

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestAppraisalKpi(AccountTestInvoicingCommon):
    """Suggestions of items 三.2 and 三.3 from the clerk's own collections of the year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        user_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.clerk_user = new_test_user(
            cls.env,
            login="apr_kpi_clerk",
            groups="credit_management.group_credit_user",
            **user_vals,
        )
        cls.other_user = new_test_user(
            cls.env,
            login="apr_kpi_other",
            groups="credit_management.group_credit_user",
            **user_vals,
        )
        cls.clerk = cls.env["hr.employee"].create(
            {
                "name": "KPI Clerk",
                "user_id": cls.clerk_user.id,
                "company_id": cls.company.id,
                "is_credit_clerk": True,
            }
        )
        # the default template suggests 三.2 and 三.3 from the contract work; the collections
        # KPIs remain a source an item can be given, configured here
        for item, source in (("3_2", "collections_reconcile"), ("3_3", "collections_chase")):
            # sudo: configuration fixture; the accounting test user is no credit manager
            cls.env.ref(
                f"credit_management_hr_appraisal.appraisal_template_credit_clerk_item_{item}"
            ).sudo().kpi_source = source
        cls.partner_a.credit_collector_id = cls.clerk_user
        cls.partner_b.credit_collector_id = cls.other_user
        # 2025: 1,000 due on the clerk's customer, 600 collected in the year, 400 in 2026
        invoice = cls._invoice(1000, date(2025, 3, 31), cls.partner_a)
        cls._pay(invoice, 600, date(2025, 4, 15))
        cls._pay(invoice, 400, date(2026, 1, 10))
        # someone else's customer: not the clerk's collections
        cls._pay(cls._invoice(5000, date(2025, 5, 31), cls.partner_b), 5000, date(2025, 6, 1))
        # fixtures only: the accounting test user is no credit manager
        policy = (
            cls.env["credit.followup.policy"]
            .sudo()
            .create({"name": "Appraisal KPI policy", "company_id": cls.company.id})
        )
        cls.level = (
            cls.env["credit.followup.level"]
            .sudo()
            .create({"policy_id": policy.id, "name": "Phone", "delay_days": 1, "action": "phone"})
        )
        for day in (date(2025, 4, 1), date(2025, 6, 1), date(2025, 9, 1)):
            cls._communication(cls.partner_a, invoice, day, cls.clerk_user)
        cls._communication(cls.partner_a, invoice, date(2024, 12, 1), cls.clerk_user)
        cls._communication(cls.partner_b, invoice, date(2025, 4, 1), cls.other_user)

    @classmethod
    def _invoice(cls, amount, due, partner):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": due,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Goods", "price_unit": amount, "tax_ids": [Command.clear()]}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def _pay(cls, invoice, amount, day):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": day, "amount": amount})
            ._create_payments()
        )

    @classmethod
    def _communication(cls, partner, invoice, day, user):
        return (
            cls.env["credit.followup.communication"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "level_id": cls.level.id,
                    "user_id": user.id,
                    "date": day,
                    "state": "done",
                    "company_id": cls.company.id,
                }
            )
        )

    def _lines(self, year):
        appraisal = (
            self.env["credit.appraisal"]
            .with_company(self.company)
            .create({"employee_id": self.clerk.id, "year": year})
        )
        return {line.kpi_source: line for line in appraisal.line_ids}

    def test_chase_suggestion_is_the_collection_rate_of_the_year(self):
        kpis = self.clerk_user.with_company(self.company)._credit_collector_kpis(
            date(2025, 1, 1), date(2025, 12, 31)
        )[self.clerk_user.id]
        self.assertEqual(kpis["amount_collected"], 600)
        self.assertEqual(kpis["collection_rate"], 60)
        chase = self._lines(2025)["collections_chase"]
        # 5 points x 60 %
        self.assertEqual(chase.suggested_score, 3.0)
        self.assertIn("3 communications done", chase.suggestion_note)
        self.assertIn("collection rate 60.0 %", chase.suggestion_note)

    def test_reconcile_suggestion_counts_the_communications_of_the_year(self):
        reconcile = self._lines(2025)["collections_reconcile"]
        # 3 of the 12 monthly reconciliations: 6 points x 3 / 12
        self.assertEqual(reconcile.suggested_score, 1.5)

    def test_other_years_have_their_own_figures(self):
        lines = self._lines(2026)
        # 2026: the 400 left due at 1 January all collected on 10 January
        self.assertEqual(lines["collections_chase"].suggested_score, 5.0)
        self.assertEqual(lines["collections_reconcile"].suggested_score, 0)

    def test_appraiser_without_accounting_rights_sees_the_suggestion(self):
        lead_user = new_test_user(
            self.env,
            login="apr_kpi_lead",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        lead = self.env["hr.employee"].create(
            {"name": "KPI Lead", "user_id": lead_user.id, "company_id": self.company.id}
        )
        self.clerk.parent_id = lead
        lines = self._lines(2025)
        chase = lines["collections_chase"].with_user(lead_user)
        chase.invalidate_recordset()
        self.assertEqual(chase.suggested_score, 3.0)
