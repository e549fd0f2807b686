# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditAppraisalTemplateSection(models.Model):
    _name = "credit.appraisal.template.section"
    _description = "Credit Clerk Appraisal Template Section"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "credit.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Section number of the manual: 一, 二, 三 …")
    name = fields.Char(required=True, translate=True)
    item_ids = fields.One2many("credit.appraisal.template.item", "section_id", string="Items")
    max_score = fields.Float(compute="_compute_max_score", string="Points")

    @api.depends("item_ids.max_score")
    def _compute_max_score(self):
        for section in self:
            section.max_score = sum(section.item_ids.mapped("max_score"))

    @api.depends("code", "name")
    def _compute_display_name(self):
        for section in self:
            section.display_name = f"{section.code} {section.name or ''}".strip()
