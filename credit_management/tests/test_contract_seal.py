# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractSeal(ContractCommon):
    def _request(self, contract, user=None, **vals):
        return (
            self.env["credit.contract.seal.use"]
            .with_user(user or contract.handler_id)
            .create(dict({"seal_id": self.seal.id, "contract_id": contract.id}, **vals))
        )

    def test_seal_is_used_only_for_approved_contracts(self):
        contract = self._contract()
        with self.assertRaisesRegex(UserError, "only for approved contracts: .* is Draft"):
            self._request(contract)
        contract.with_user(self.salesman).action_submit()
        with self.assertRaisesRegex(UserError, "is In Review"):
            self._request(contract)
        self.assertFalse(self.env["credit.contract.seal.use"].search([]))

    def test_custodian_grants_and_logs_each_use(self):
        contract = self._approve(self._contract())
        use = self._request(contract, copies=3, purpose="Originals")
        self.assertEqual(use.state, "requested")
        self.assertEqual(use.requested_by_id, self.salesman)
        with self.assertRaisesRegex(AccessError, "Only the custodian"):
            use.with_user(self.manager).action_grant()
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            use.with_user(self.clerk).write({"state": "granted"})
        use.with_user(self.clerk).action_grant()
        self.assertEqual(use.state, "granted")
        self.assertEqual(use.granted_by_id, self.clerk)
        self.assertTrue(use.grant_date)
        self.assertIn("stamped on 3 copies", contract.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            use.with_user(self.clerk).write({"copies": 1})

    def test_grant_refused_when_the_contract_left_approval(self):
        contract = self._approve(self._contract())
        use = self._request(contract)
        action = contract.with_user(self.manager).action_invalidate()
        self.env[action["res_model"]].with_user(self.manager).with_context(
            **action["context"]
        ).create({"reason": "Fraud"}).action_confirm()
        with self.assertRaisesRegex(UserError, "only for approved contracts"):
            use.with_user(self.clerk).action_grant()
        self.assertEqual(use.state, "requested")

    def test_signature_needs_the_seal(self):
        contract = self._approve(self._contract())
        contract.with_user(self.salesman).date_signed = self.today
        with self.assertRaisesRegex(UserError, "bears no contract seal"):
            contract.with_user(self.salesman).action_sign()
        use = self._request(contract)
        use.with_user(self.clerk).action_refuse()
        with self.assertRaisesRegex(UserError, "bears no contract seal"):
            contract.with_user(self.salesman).action_sign()
        self._request(contract).with_user(self.clerk).action_grant()
        contract.with_user(self.salesman).action_sign()
        self.assertEqual(contract.state, "performing")

    def test_copies_must_be_positive(self):
        contract = self._approve(self._contract())
        with self.assertRaisesRegex(ValidationError, "Copies"):
            self._request(contract, copies=0)

    def test_seal_log_prints(self):
        contract = self._sign(self._contract())
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "credit_management.report_credit_contract_seal_log", self.seal.ids
            )[0]
        )
        self.assertIn("Seal Use Log", html)
        self.assertIn(contract.name, html)
        self.assertIn(self.clerk.name, html)
