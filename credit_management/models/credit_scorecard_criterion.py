# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

# Quantitative sources: the first three are computed from the customer's data, the financial
# ratios are entered by the analyst on the application.
QUANTITATIVE_SOURCES = [
    ("years_trading", "Years of trading with us"),
    ("on_time_payment_percent", "On-time payments (%)"),
    ("average_days_late", "Average days late"),
    ("current_ratio", "Current ratio (entered)"),
    ("debt_ratio", "Debt ratio % (entered)"),
]
COMPUTED_SOURCES = ("years_trading", "on_time_payment_percent", "average_days_late")

# Context value with which the scorecard's own create/write postpone the weight-sum check to
# their end. An object, not a flag: a JSON-RPC caller cannot send it, so it cannot skip the check.
DEFER_WEIGHT_CHECK = object()


class CreditScorecardCriterion(models.Model):
    _name = "credit.scorecard.criterion"
    _description = "Credit Scorecard Criterion"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one(
        "credit.scorecard", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    weight = fields.Float(
        help="Share of this criterion in the total score; the weights of a scorecard sum to 100."
    )
    kind = fields.Selection(
        [("quantitative", "Quantitative"), ("qualitative", "Qualitative (expert score)")],
        required=True,
        default="qualitative",
        help="Quantitative criteria score a measured value through bands; qualitative ones are "
        "scored 0-100 by the analyst (专家打分).",
    )
    source = fields.Selection(
        QUANTITATIVE_SOURCES,
        help="Where the measured value of a quantitative criterion comes from.",
    )
    band_ids = fields.One2many(
        "credit.scorecard.band",
        "criterion_id",
        string="Scoring Bands",
        copy=True,
        help="The band with the highest 'from value' not above the measured value gives the score.",
    )
    description = fields.Text(translate=True)

    @api.constrains("kind", "source")
    def _check_source(self):
        for criterion in self:
            if criterion.kind == "quantitative" and not criterion.source:
                raise ValidationError(
                    self.env._(
                        "The quantitative criterion %(name)s needs a source.", name=criterion.name
                    )
                )

    @api.constrains("weight")
    def _check_weight(self):
        for criterion in self:
            if criterion.weight < 0 or criterion.weight > 100:
                raise ValidationError(
                    self.env._(
                        "The weight of criterion %(name)s must be between 0 and 100.",
                        name=criterion.name,
                    )
                )
        # Inside a scorecard create/write the scorecard checks the total once all its criteria
        # are written (several weights usually change together). Data files loading criteria one
        # by one may set the key to True, honoured only while modules load (registry not ready).
        defer = self.env.context.get("credit_scorecard_defer_weight_check")
        if not (defer is DEFER_WEIGHT_CHECK or (defer and not self.env.registry.ready)):
            self.scorecard_id._check_weights()

    def unlink(self):
        scorecards = self.scorecard_id
        res = super().unlink()
        # Uninstalling deletes the data's criteria one by one: their scorecard goes too.
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            scorecards.exists()._check_weights()
        return res

    def _score_value(self, value):
        """Score (0-100) of a measured ``value`` from the bands of this criterion."""
        self.ensure_one()
        score = 0.0
        for band in self.band_ids.sorted("value_from"):
            if value >= band.value_from:
                score = band.score
        return score
