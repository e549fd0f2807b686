# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CreditContractTemplateClause(models.Model):
    _name = "credit.contract.template.clause"
    _description = "Contract Template Clause"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "credit.contract.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Clause", required=True, translate=True)
    required = fields.Boolean(
        default=True, help="A contract drawn from the template must contain this clause."
    )
    description = fields.Text(translate=True)
