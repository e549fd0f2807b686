# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CreditContractSeal(models.Model):
    """A contract seal (合同专用章) and its custodian: the clerk keeps it and logs every use."""

    _name = "credit.contract.seal"
    _description = "Contract Seal"
    _inherit = ["mail.thread"]
    _order = "company_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    custodian_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Keeps the seal and grants each use (保管人).",
    )
    description = fields.Text()
    use_ids = fields.One2many("credit.contract.seal.use", "seal_id", string="Use Log")
    use_count = fields.Integer(compute="_compute_use_count")

    def _compute_use_count(self):
        groups = self.env["credit.contract.seal.use"]._read_group(
            [("seal_id", "in", self.ids)], groupby=["seal_id"], aggregates=["__count"]
        )
        counts = {seal.id: count for seal, count in groups}
        for seal in self:
            seal.use_count = counts.get(seal.id, 0)

    def action_view_uses(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Seal Use Log"),
            "res_model": "credit.contract.seal.use",
            "view_mode": "list,form",
            "domain": [("seal_id", "=", self.id)],
            "context": {"default_seal_id": self.id},
        }
