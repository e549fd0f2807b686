# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

KPI_SOURCES = [
    ("none", "None"),
    ("collections_reconcile", "Collections: reconciliations"),
    ("collections_chase", "Collections: chasing performance"),
    ("training_attendance", "Training attendance"),
    ("training_exam", "Training exams"),
]


class CreditAppraisalTemplateItem(models.Model):
    _name = "credit.appraisal.template.item"
    _description = "Credit Clerk Appraisal Template Item"
    _order = "template_id, section_sequence, sequence, id"

    section_id = fields.Many2one(
        "credit.appraisal.template.section", required=True, ondelete="cascade", index=True
    )
    section_sequence = fields.Integer(
        related="section_id.sequence", store=True, string="Section Sequence"
    )
    template_id = fields.Many2one(
        "credit.appraisal.template",
        related="section_id.template_id",
        store=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="Number of the item inside its section: 1, 2, 3 …")
    name = fields.Char(string="Criterion", required=True, translate=True)
    max_score = fields.Float(string="Points", required=True, digits=(16, 1))
    kpi_source = fields.Selection(
        KPI_SOURCES,
        string="Score Suggestion",
        required=True,
        default="none",
        help="Figures that suggest a score for this item on the appraisal: the clerk's own "
        "collections (reconciliations, chasing performance) or training attendance and exams.",
    )

    @api.constrains("max_score")
    def _check_max_score(self):
        for item in self:
            if item.max_score <= 0:
                raise ValidationError(
                    self.env._(
                        "The points of the appraisal item %(item)s must be positive.",
                        item=item.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._check_template_total()
        return items

    def write(self, vals):
        result = super().write(vals)
        if {"max_score", "active", "section_id"} & vals.keys():
            self._check_template_total()
        return result

    def _check_template_total(self):
        """An item changed on its own (not through its template's form) still leaves its
        template at 100 points: the template's constraint only sees writes of the template.
        Data files create a template's items one by one while modules load: not checked then."""
        if self.env.registry.ready and not self.env.context.get("credit_template_items"):
            self.template_id._check_total_max_score()
