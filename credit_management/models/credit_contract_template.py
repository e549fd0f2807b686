# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CreditContractTemplate(models.Model):
    """A model contract text (合同文本/示范文本) and the clauses every contract drawn from it must
    contain: using the right template with complete clauses is item 二.4 of the clerk's
    appraisal."""

    _name = "credit.contract.template"
    _description = "Contract Template"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    type_id = fields.Many2one(
        "credit.contract.type",
        string="Contract Type",
        help="Type of the contracts drawn from this template; empty for any type.",
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty to use the template in every company.", index=True
    )
    body = fields.Html(string="Model Text", translate=True)
    clause_ids = fields.One2many(
        "credit.contract.template.clause", "template_id", string="Clauses", copy=True
    )
