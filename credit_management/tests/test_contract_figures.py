# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractFigures(ContractCommon):
    """The figures of a year: per clerk for the appraisal, per company for the year-end report."""

    def setUp(self):
        super().setUp()
        self.year = self.today.year
        self.day = date(self.year, 6, 15)
        freezer = freeze_time(self.day)
        freezer.start()
        self.addCleanup(freezer.stop)
        self._authorization(self.salesman, 500000.0, days_from=-400, days_to=400)
        self.team = self.env["crm.team"].create({"name": "Steel", "company_id": self.company.id})

    def _sign(self, contract, date_signed=None):
        return super()._sign(contract, date_signed=date_signed or self.day)

    def _dated_contract(self, **vals):
        return self._contract(
            date_start=self.day - timedelta(days=30),
            date_end=self.day + timedelta(days=200),
            **vals,
        )

    def _decide(self, action, user, **vals):
        wizard = self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        wizard.create(vals).action_confirm()

    def _build_year(self):
        """Five contracts signed in the year by the clerk (one late, one declared invalid, one
        amendment, one terminated by procedure), a review returned, a reconciliation, a chase, a
        complaint answered, a dispute settled and two orders needing a contract, one without."""
        good = self._sign(self._dated_contract(team_id=self.team.id))
        good.with_user(self.clerk).signed_document = b"c2Nhbg=="
        late = self._sign(self._dated_contract(), date_signed=self.day - timedelta(days=10))
        invalid = self._sign(self._dated_contract())
        self._decide(invalid.with_user(self.manager).action_invalidate(), self.manager, reason="X")
        amendment = self.env["credit.contract"].browse(
            good.with_user(self.salesman).action_amend()["res_id"]
        )
        amendment.with_user(self.salesman).amendment_reason = "More steel."
        self._sign(amendment)
        terminated = self._sign(self._dated_contract())
        self._decide(
            terminated.with_user(self.manager).action_terminate(),
            self.manager,
            reason="Plant closed.",
            termination_procedure="mutual",
            termination_notice_date=self.day - timedelta(days=2),
            termination_date=self.day,
            termination_document=b"YWdyZWVtZW50",
        )
        returned = self._dated_contract()
        returned.with_user(self.salesman).action_submit()
        self._decide(returned.with_user(self.clerk).action_refuse(), self.clerk, reason="Vague.")
        self.env["credit.contract.reconciliation"].with_user(self.clerk).create(
            {
                "contract_id": late.id,
                "salesperson_id": self.salesman.id,
                "period_from": self.day - timedelta(days=30),
                "period_to": self.day,
            }
        ).action_confirm()
        late.with_user(self.clerk).action_chase_performance()
        late.activity_ids.action_feedback(feedback="Delivered.")
        dispute = (
            self.env["credit.contract.dispute"]
            .with_user(self.clerk)
            .create({"contract_id": late.id, "subject": "Quality", "amount_disputed": 3000.0})
        )
        dispute.write({"outcome": "settled", "outcome_amount": 2500.0})
        dispute.action_close()
        self.buyer.credit_analyst_id = self.clerk
        covered = self._order(6000, partner=self.buyer)
        covered.action_confirm()
        other = self._counterparty("Orders Ltd", "91310000MA1FL0008Y", 500000.0, "B")
        other.credit_analyst_id = self.clerk
        uncovered = self._order(6000, partner=other)
        uncovered.action_confirm()
        uncovered.with_user(self.manager).action_credit_release()
        complaint = (
            self.env["credit.complaint"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": other.id,
                    "order_id": uncovered.id,
                    "description": "Why held?",
                    "assigned_id": self.clerk.id,
                }
            )
        )
        complaint.answer = "No contract."
        complaint.action_answer()
        return late

    def test_clerk_figures_of_the_year(self):
        self._build_year()
        colleague = new_test_user(
            self.env,
            login="cm_figures_colleague",
            groups="credit_management.group_credit_user",
            company_id=self.company.id,
        )
        figures = self.env["credit.contract"]._credit_clerk_figures(
            self.clerk | colleague, self.year, self.company
        )
        self.assertEqual(
            figures[self.clerk.id],
            {
                "signed": 5,
                "three_ok": 4,
                "five_ok": 4,
                "terms_complete": 5,
                "with_authority": 5,
                "registered_on_time": 4,
                "ledger_complete": 1,
                "archived": 1,
                "sealed": 5,
                "invalid": 1,
                "in_force": 4,
                "in_force_reconciled": 1,
                "amendments": 1,
                "amendments_ok": 1,
                "terminations": 1,
                "terminations_ok": 1,
                "reviews": 6,
                "reviews_on_time": 5,
                "reconciliations": 1,
                "reconciliation_months": 1,
                "chase_done": 1,
                "chase_overdue": 0,
                "complaints": 1,
                "complaints_on_time": 1,
                "orders_needing_contract": 2,
                "orders_with_contract": 1,
            },
        )
        self.assertEqual(set(figures[colleague.id].values()), {0})
        # another year has its own figures
        other_year = self.env["credit.contract"]._credit_clerk_figures(
            self.clerk, self.year - 1, self.company
        )
        self.assertEqual(set(other_year[self.clerk.id].values()), {0})

    def test_year_end_figures_for_the_internal_rules_chapter(self):
        self._build_year()
        figures = self.env["credit.contract"]._credit_year_end_figures(self.company, self.year)
        contracts = figures["contracts"]
        self.assertEqual(contracts["signed"], 5)
        self.assertEqual(contracts["signed_amount"], 5 * 50000.0)
        self.assertEqual(contracts["by_kind"]["sales"]["signed"], 5)
        self.assertEqual(contracts["amendments"], 1)
        self.assertEqual(contracts["terminations"], 1)
        self.assertEqual(contracts["invalid"], 1)
        self.assertEqual(contracts["registered_on_time"], 4)
        self.assertEqual(contracts["archived"], 1)
        self.assertEqual(contracts["in_force_end"], 2)
        self.assertEqual(
            figures["reviews"],
            {"concluded": 6, "approved": 5, "returned": 1, "joint": 0, "joint_returned": 0},
        )
        disputes = figures["disputes"]
        self.assertEqual(disputes["opened"], 1)
        self.assertEqual(disputes["amount_disputed"], 3000.0)
        self.assertEqual(disputes["closed"], 1)
        self.assertEqual(disputes["by_outcome"], {"settled": {"count": 1, "amount": 2500.0}})
        self.assertEqual(disputes["by_stage"], {})
        complaints = figures["complaints"]
        self.assertEqual(
            (complaints["filed"], complaints["answered"], complaints["on_time"]), (1, 1, 1)
        )
        self.assertEqual(complaints["by_subject"], {"hold": 1})
        self.assertEqual(
            figures["written_contracts"],
            {"orders_needing": 2, "orders_covered": 1, "coverage_percent": 50.0},
        )
        self.assertEqual(figures["seal_uses"], 5)
        self.assertEqual(figures["reconciliations"], 1)

    def test_figures_are_grouped_queries(self):
        Contract = self.env["credit.contract"]
        colleague = new_test_user(
            self.env,
            login="cm_figures_colleague2",
            groups="credit_management.group_credit_user",
            company_id=self.company.id,
        )

        def count_queries(method, *args):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            method(*args)
            return self.env.cr.sql_log_count - before

        clerk_figures = Contract._credit_clerk_figures
        year_end = Contract._credit_year_end_figures
        count_queries(clerk_figures, self.clerk, self.year, self.company)
        count_queries(year_end, self.company, self.year)
        few = count_queries(clerk_figures, self.clerk, self.year, self.company)
        few_year_end = count_queries(year_end, self.company, self.year)
        self._build_year()
        for _i in range(3):
            self._sign(self._dated_contract())
        many = count_queries(clerk_figures, self.clerk | colleague, self.year, self.company)
        self.assertEqual(few, many)
        self.assertEqual(few_year_end, count_queries(year_end, self.company, self.year))
