# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

TEMPLATE_TOTAL = 100.0


class CreditAppraisalTemplate(models.Model):
    _name = "credit.appraisal.template"
    _description = "Credit Clerk Appraisal Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the template between companies.",
    )
    section_ids = fields.One2many(
        "credit.appraisal.template.section", "template_id", string="Sections", copy=True
    )
    item_ids = fields.One2many(
        "credit.appraisal.template.item", "template_id", string="Items", copy=True
    )
    band_ids = fields.One2many(
        "credit.appraisal.template.band",
        "template_id",
        string="Rating Bands",
        copy=True,
        help="A total at or above a band's minimum (and below the next band) gets its rating.",
    )
    total_max_score = fields.Float(compute="_compute_total_max_score", string="Total Points")

    @api.depends("item_ids.max_score")
    def _compute_total_max_score(self):
        for template in self:
            template.total_max_score = sum(template.item_ids.mapped("max_score"))

    @api.constrains("active", "item_ids", "section_ids")
    def _check_total_max_score(self):
        # a template without items is being built: checked once it has items and is active
        for template in self.filtered(lambda t: t.active and t.item_ids):
            total = sum(template.item_ids.mapped("max_score"))
            if float_compare(total, TEMPLATE_TOTAL, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "The items of the appraisal template %(template)s add up to %(total)s "
                        "points instead of 100.",
                        template=template.display_name,
                        total=total,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # the items written with the template are checked together, by the template
        return super(CreditAppraisalTemplate, self.with_context(credit_template_items=True)).create(
            vals_list
        )

    def write(self, vals):
        return super(CreditAppraisalTemplate, self.with_context(credit_template_items=True)).write(
            vals
        )

    def _rating_for(self, score):
        """Return the rating of ``score`` by this template's bands (the highest band reached)."""
        self.ensure_one()
        for band in self.band_ids.sorted("min_score", reverse=True):
            if float_compare(score, band.min_score, precision_digits=2) >= 0:
                return band.rating
        return "fail"

    def _appraisal_line_values(self):
        """Values of the appraisal lines of this template's items (their text is the item's)."""
        self.ensure_one()
        return [
            {
                "item_id": item.id,
                "section_id": item.section_id.id,
                "sequence": item.section_id.sequence * 100 + item.sequence,
                "max_score": item.max_score,
            }
            for item in self.item_ids.sorted(lambda i: (i.section_id.sequence, i.sequence, i.id))
        ]
