# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.credit_management.tests.common_contract import ContractCommon


@tagged("post_install", "-at_install")
class TestContractDisputeLegalCase(ContractCommon):
    def test_litigation_opens_the_legal_case_with_the_contract_invoices(self):
        contract = self._sign(self._contract())
        order = self._order(6000, partner=self.buyer)
        order.action_confirm()
        invoice = self.env["sale.order"].browse(order.id)._create_invoices()
        invoice.invoice_date = self.today - timedelta(days=40)
        invoice.invoice_date_due = self.today - timedelta(days=10)
        invoice.action_post()
        self.assertEqual(invoice.credit_contract_id, contract)
        dispute = (
            self.env["credit.contract.dispute"]
            .with_user(self.clerk)
            .create(
                {
                    "contract_id": contract.id,
                    "subject": "Unpaid delivery",
                    "amount_disputed": 6000.0,
                    "forum": "Shanghai Pudong People's Court",
                    "case_number": "(2026) 沪0115民初1号",
                }
            )
        )
        dispute.action_escalate()
        dispute.action_escalate()
        self.assertFalse(dispute.collection_case_id)
        dispute.action_escalate()
        self.assertEqual(dispute.state, "litigation")
        case = dispute.collection_case_id
        self.assertEqual(case.kind, "legal")
        self.assertEqual(case.partner_id, self.buyer)
        self.assertEqual(case.invoice_ids, invoice)
        self.assertEqual(case.court, "Shanghai Pudong People's Court")
        self.assertEqual(case.contract_dispute_ids, dispute)
        self.assertEqual(dispute.action_open_legal_case()["res_id"], case.id)
        with self.assertRaisesRegex(AccessError, "can only be changed through its buttons"):
            dispute.write({"collection_case_id": False})

    def test_purchase_dispute_opens_no_collection_case(self):
        self.supplier.credit_grade = "B"
        contract = self._sign(self._contract(partner=self.supplier, type_id=self.purchase_type.id))
        dispute = (
            self.env["credit.contract.dispute"]
            .with_user(self.clerk)
            .create({"contract_id": contract.id, "subject": "Defective coils"})
        )
        for _stage in range(3):
            dispute.action_escalate()
        self.assertEqual(dispute.state, "litigation")
        self.assertFalse(dispute.collection_case_id)
