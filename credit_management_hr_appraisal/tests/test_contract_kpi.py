# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.credit_management.tests.common_contract import ContractCommon

CONTRACT_SOURCES = {
    "二.1": "contract_three_properties",
    "二.2": "contract_five_checks",
    "二.3": "contract_written",
    "二.4": "contract_terms",
    "二.5": "contract_authority",
    "二.6": "contract_invalid",
    "三.1": "contract_review_forms",
    "三.2": "contract_reconcile",
    "三.3": "contract_chase",
    "三.4": "contract_knowledge",
    "四.1": "contract_changes",
    "四.2": "contract_complaints",
    "五.1": "contract_ledger",
    "五.2": "contract_ledger_quality",
    "五.3": "contract_seal",
    "五.4": "contract_archive",
}


@tagged("post_install", "-at_install")
class TestAppraisalContractKpi(ContractCommon):
    """The 16 items of sections 二 to 五 suggest scores from the clerk's contract work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Contract Clerk",
                "user_id": cls.clerk.id,
                "company_id": cls.company.id,
                "is_credit_clerk": True,
            }
        )

    def _lines(self):
        appraisal = self.env["credit.appraisal"].create(
            {
                "employee_id": self.employee.id,
                "year": self.today.year,
                "company_id": self.company.id,
            }
        )
        return appraisal, {
            f"{line.section_code}.{line.item_code}": line for line in appraisal.line_ids
        }

    def test_template_scores_sections_two_to_five_from_contracts(self):
        _appraisal, lines = self._lines()
        self.assertEqual(
            {code: lines[code].kpi_source for code in CONTRACT_SOURCES}, CONTRACT_SOURCES
        )
        self.assertEqual(sum(lines[code].max_score for code in CONTRACT_SOURCES), 82)

    def test_suggestions_and_their_basis(self):
        good = self._sign(self._contract())
        good.with_user(self.clerk).signed_document = b"c2Nhbg=="
        # drafted without its breach clause: returned by the review, corrected, signed
        fixed = self._contract()
        fixed.clause_ids[-2].included = False
        fixed.with_user(self.salesman).action_submit()
        action = fixed.with_user(self.clerk).action_refuse()
        self.env[action["res_model"]].with_user(self.clerk).with_context(
            **action["context"]
        ).create({"reason": "Breach clause missing."}).action_confirm()
        fixed.clause_ids.write({"included": True})
        self._sign(fixed)
        invalid = self._sign(self._contract())
        action = invalid.with_user(self.manager).action_invalidate()
        self.env[action["res_model"]].with_user(self.manager).with_context(
            **action["context"]
        ).create({"reason": "Forged licence."}).action_confirm()
        _appraisal, lines = self._lines()
        # three contracts signed, one invalid: 2 of 3 pass the three properties (3 points)
        self.assertEqual(lines["二.1"].suggested_score, 2.0)
        self.assertIn(
            "2 of 3 contracts signed passed the three properties", lines["二.1"].suggestion_note
        )
        # one drafted without a clause: 2 of 3 right at each review (6 points)
        self.assertEqual(lines["二.4"].suggested_score, 4.0)
        # one invalid contract costs a point of 4
        self.assertEqual(lines["二.6"].suggested_score, 3.0)
        self.assertIn("1 invalid contract(s)", lines["二.6"].suggestion_note)
        # every signature under a letter, every seal use logged, all registered on time
        for code in ("二.5", "五.1", "五.3"):
            self.assertEqual(lines[code].suggested_score, lines[code].max_score, code)
        # one scan archived of three: 6 x 1/3
        self.assertEqual(lines["五.4"].suggested_score, 2.0)
        # the returned form had checks left undecided: 3 of 4 complete and on time
        self.assertIn("3 of 4 review forms", lines["三.1"].suggestion_note)
        # nothing reconciled: 0 of 12 months, 0 of the 2 contracts in force known
        self.assertEqual(lines["三.2"].suggested_score, 0.0)
        self.assertEqual(lines["三.4"].suggested_score, 0.0)
        self.assertIn("0 of 2 contracts in force", lines["三.4"].suggestion_note)
        # nothing went wrong where nothing happened: full points, said so
        for code in ("二.3", "三.3", "四.1", "四.2"):
            self.assertEqual(lines[code].suggested_score, lines[code].max_score, code)
            self.assertIn("No ", lines[code].suggestion_note)

    def test_clerk_without_contracts_gets_no_suggestion(self):
        _appraisal, lines = self._lines()
        self.assertEqual(lines["二.1"].suggested_score, 0.0)
        self.assertIn("No contract signed in", lines["二.1"].suggestion_note)

    def test_printed_sheet_shows_the_suggestion_and_its_basis(self):
        self._sign(self._contract())
        appraisal, _lines = self._lines()
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management_hr_appraisal.report_credit_appraisal_sheet", appraisal.ids
            )[0]
        )
        self.assertIn("Suggested", html)
        self.assertIn("1 of 1 contracts signed passed the three properties", html)

    def test_violation_is_raised_from_the_contract(self):
        contract = self._sign(self._contract())
        with self.assertRaisesRegex(AccessError, "Credit Manager"):
            contract.with_user(self.clerk).action_report_clerk_violation()
        action = contract.with_user(self.manager).action_report_clerk_violation()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"description": "Signed a fictitious contract to cover a kickback."})
        )
        self.assertEqual(wizard.employee_id, self.employee)
        result = wizard.action_confirm()
        appraisal = self.env["credit.appraisal"].browse(result["res_id"])
        self.assertTrue(appraisal.violation)
        self.assertEqual(appraisal.violation_contract_id, contract)
        self.assertIn(contract.name, appraisal.violation_description)
        # approved by the legal representative: the qualification goes, whatever the score
        for line in appraisal.line_ids:
            line.score = line.max_score
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_review()
        appraisal.with_user(self.legal_rep).action_approve()
        self.assertEqual(self.employee.credit_clerk_status, "disqualified")
        # once approved, a new violation waits for the appraisal to be reopened
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"description": "Again."})
        )
        with self.assertRaisesRegex(UserError, "reopen it"):
            wizard.action_confirm()

    def test_legal_representative_of_credit_management_approves_appraisals(self):
        approver = new_test_user(
            self.env,
            login="apr_contract_approver",
            groups="credit_management_hr_appraisal.group_appraisal_approver",
        )
        self.assertTrue(approver.has_group("credit_management.group_credit_legal_representative"))
        appraisal, _lines = self._lines()
        appraisal.with_user(self.manager).action_submit()
        appraisal.with_user(self.manager).action_review()
        with self.assertRaisesRegex(AccessError, "legal representative"):
            appraisal.with_user(self.clerk).action_approve()
        appraisal.with_user(self.legal_rep).action_approve()
        self.assertEqual(appraisal.state, "approved")
