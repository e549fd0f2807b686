# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditScorecardBand(models.Model):
    _name = "credit.scorecard.band"
    _description = "Credit Scorecard Scoring Band"
    _order = "criterion_id, value_from"

    criterion_id = fields.Many2one(
        "credit.scorecard.criterion", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="criterion_id.company_id", store=True)
    value_from = fields.Float(
        string="From Value",
        help="Measured values from this value (included) up to the next band get this score.",
    )
    score = fields.Float(help="Score 0-100 given to values in this band.")

    @api.constrains("score")
    def _check_score(self):
        for band in self:
            if not 0 <= band.score <= 100:
                raise ValidationError(
                    self.env._("The score of a scoring band must be between 0 and 100.")
                )
