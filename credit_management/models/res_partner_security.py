# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.partner, so that a reader finds each rule where its name says.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    """Securities backing the customer's limit (credit.security); their effect on the exposure
    is computed in res_partner_exposure.py."""

    _inherit = "res.partner"

    credit_security_count = fields.Integer(
        string="Securities",
        compute="_compute_credit_security_count",
        groups="sales_team.group_sale_salesman,credit_management.group_credit_user",
    )

    def _compute_credit_security_count(self):
        counts = dict(
            self.env["credit.security"]._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("state", "in", ("submitted", "approved")),
                ],
                groupby=["partner_id"],
                aggregates=["__count"],
            )
        )
        for partner in self:
            partner.credit_security_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_credit_securities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_security_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action
