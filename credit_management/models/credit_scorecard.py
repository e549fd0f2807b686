# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.float_utils import float_compare


class CreditScorecard(models.Model):
    """A scorecard template (评分卡): weighted criteria whose weights sum to 100."""

    _name = "credit.scorecard"
    _description = "Credit Scorecard"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    criterion_ids = fields.One2many("credit.scorecard.criterion", "scorecard_id", copy=True)
    total_weight = fields.Float(compute="_compute_total_weight")
    note = fields.Text(translate=True)

    @api.depends("criterion_ids.weight")
    def _compute_total_weight(self):
        for scorecard in self:
            scorecard.total_weight = sum(scorecard.criterion_ids.mapped("weight"))

    @api.constrains("criterion_ids")
    def _check_weights(self):
        for scorecard in self:
            total = sum(scorecard.criterion_ids.mapped("weight"))
            if float_compare(total, 100.0, precision_digits=2) != 0:
                raise ValidationError(
                    self.env._(
                        "The weights of the criteria of scorecard %(name)s must sum to 100 "
                        "(they sum to %(total)s).",
                        name=scorecard.name,
                        total=round(total, 2),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super(
            CreditScorecard, self.with_context(credit_scorecard_defer_weight_check=True)
        ).create(vals_list)
        return records.with_env(self.env)

    def write(self, vals):
        return super(
            CreditScorecard, self.with_context(credit_scorecard_defer_weight_check=True)
        ).write(vals)

    @api.model
    def _default_scorecard(self, company=None):
        company = company or self.env.company
        return self.search([("company_id", "=", company.id)], limit=1)
