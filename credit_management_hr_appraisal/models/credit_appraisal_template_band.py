# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

RATINGS = [
    ("advanced", "Advanced (先进)"),
    ("excellent", "Excellent (优胜)"),
    ("commended", "Commended (表扬)"),
    ("pass", "Pass"),
    ("fail", "Fail"),
]
AWARD_RATINGS = ("advanced", "excellent", "commended")


class CreditAppraisalTemplateBand(models.Model):
    _name = "credit.appraisal.template.band"
    _description = "Credit Clerk Appraisal Rating Band"
    _order = "template_id, min_score desc"

    template_id = fields.Many2one(
        "credit.appraisal.template", required=True, ondelete="cascade", index=True
    )
    min_score = fields.Float(
        string="Minimum Score",
        required=True,
        help="Lowest total score (included) that reaches this rating.",
    )
    rating = fields.Selection(RATINGS, required=True)

    _sql_constraints = [
        (
            "rating_uniq",
            "unique(template_id, rating)",
            "Each rating can appear only once in a template's bands.",
        ),
    ]
