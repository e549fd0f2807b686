# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .credit_grade import GRADES

THRESHOLD_GRADES = [*GRADES, ("none", "No Grade")]


class CreditWarningThreshold(models.Model):
    """Threshold of an early-warning indicator for the customers of one grade."""

    _name = "credit.warning.threshold"
    _description = "Credit Warning Threshold"
    _order = "indicator_id, grade"

    indicator_id = fields.Many2one(
        "credit.warning.indicator", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="indicator_id.company_id", store=True)
    grade = fields.Selection(
        THRESHOLD_GRADES,
        required=True,
        help="Customers of this grade (No Grade: customers without a grade).",
    )
    threshold = fields.Float(
        required=True,
        help="A warning opens when the customer's value reaches this threshold (value >= "
        "threshold), in the unit of the indicator.",
    )
    unit = fields.Selection(related="indicator_id.unit")

    _sql_constraints = [
        (
            "indicator_grade_uniq",
            "unique(indicator_id, grade)",
            "An indicator has one threshold per grade.",
        ),
    ]
