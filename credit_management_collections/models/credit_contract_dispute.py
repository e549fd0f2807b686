# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CreditContractDispute(models.Model):
    """A sales-contract dispute that goes to court (诉讼) opens its legal case (法律诉讼): the
    receivables of the contract are handed over and recovered there."""

    _inherit = "credit.contract.dispute"

    collection_case_id = fields.Many2one(
        "credit.collection.case",
        string="Legal Case",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="Legal collection case opened when the dispute went to court.",
    )

    def _on_litigation(self):
        """Open the legal case of each sales-contract dispute that reached litigation, with the
        contract's open invoices (one query for all their invoices)."""
        result = super()._on_litigation()
        disputes = self.filtered(lambda d: d.kind == "sales" and not d.collection_case_id)
        if not disputes:
            return result
        invoices = self.env["account.move"].search(
            [
                ("credit_contract_id", "in", disputes.contract_id.ids),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
            ]
        )
        by_contract = invoices.grouped("credit_contract_id")
        cases = self.env["credit.collection.case"].create(
            [
                {
                    "kind": "legal",
                    "partner_id": dispute.partner_id.commercial_partner_id.id,
                    "company_id": dispute.company_id.id,
                    "user_id": dispute.user_id.id or self.env.uid,
                    "court": dispute.forum,
                    "court_reference": dispute.case_number,
                    "invoice_ids": [
                        fields.Command.set(
                            by_contract.get(dispute.contract_id, invoices.browse()).ids
                        )
                    ],
                }
                for dispute in disputes
            ]
        )
        for dispute, case in zip(disputes, cases, strict=True):
            dispute._workflow_write({"collection_case_id": case.id})
            message = self.env._(
                "Legal case %(case)s opened for the dispute %(dispute)s (contract %(contract)s).",
                case=case.name,
                dispute=dispute.name,
                contract=dispute.contract_id.name,
            )
            dispute._credit_message_post(message)
            case._credit_message_post(message)
        return result

    def _workflow_guarded_fields(self):
        return super()._workflow_guarded_fields() | {"collection_case_id"}

    def action_open_legal_case(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.collection.case",
            "res_id": self.collection_case_id.id,
            "view_mode": "form",
        }


class CreditCollectionCase(models.Model):
    _inherit = "credit.collection.case"

    contract_dispute_ids = fields.One2many(
        "credit.contract.dispute", "collection_case_id", string="Contract Disputes"
    )
