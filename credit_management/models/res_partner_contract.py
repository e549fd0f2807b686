# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.partner: the written-contract rule and the partner's contracts.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_contract_ids = fields.One2many(
        "credit.contract", "partner_id", string="Contracts", groups="base.group_user"
    )
    credit_contract_count = fields.Integer(
        compute="_compute_credit_contract_count", groups="base.group_user"
    )

    def _compute_credit_contract_count(self):
        groups = self.env["credit.contract"]._read_group(
            [("partner_id", "in", self.commercial_partner_id.ids)],
            groupby=["partner_id"],
            aggregates=["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.credit_contract_count = counts.get(partner.commercial_partner_id.id, 0)

    def _credit_check_parameters(self):
        """Add the written-contract rule's inputs: the company setting and, for all partners at
        once (one query), whether a signed sales contract is in force for the customer."""
        params = super()._credit_check_parameters()
        company = self.env.company
        values = {
            "contract_required": company.credit_contract_required,
            "contract_required_amount": company.credit_contract_required_amount,
            "contract_required_on_credit": company.credit_contract_required_on_credit,
        }
        in_force = {}
        if company.credit_contract_required and params:
            in_force = self.env["credit.contract"]._in_force_by_partner(
                self.browse(list(params)), company
            )
        for partner_id, partner_params in params.items():
            partner_params.update(values)
            partner_params["contract_in_force"] = in_force.get(partner_id) or False
        return params

    def action_view_credit_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_contract_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action
