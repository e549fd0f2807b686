# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .credit_scorecard_criterion import COMPUTED_SOURCES


class CreditApplicationLine(models.Model):
    """One scorecard criterion scored on a credit application."""

    _name = "credit.application.line"
    _description = "Credit Application Scorecard Line"
    _order = "application_id, sequence, id"

    application_id = fields.Many2one(
        "credit.application", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    criterion_id = fields.Many2one("credit.scorecard.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    name = fields.Char(related="criterion_id.name")
    kind = fields.Selection(related="criterion_id.kind")
    source = fields.Selection(related="criterion_id.source")
    weight = fields.Float(related="criterion_id.weight")
    value = fields.Float(
        string="Measured Value",
        compute="_compute_value",
        store=True,
        readonly=False,
        help="Quantitative criteria: the measured value (computed from the customer's history, "
        "or the financial ratio entered by the analyst).",
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        readonly=False,
        help="Score 0-100: from the bands for quantitative criteria, the expert score otherwise.",
    )
    weighted_score = fields.Float(compute="_compute_weighted_score", store=True)
    note = fields.Char()

    @api.depends("criterion_id", "application_id.partner_id")
    def _compute_value(self):
        # values entered by the analyst (ratios) are kept: only computed sources are measured
        self._refresh_measured_values()

    def _refresh_measured_values(self):
        """Fill the measured values of computed sources, for all lines at once."""
        lines = self.filtered(lambda line: line.source in COMPUTED_SOURCES)
        partners = lines.application_id.partner_id.commercial_partner_id
        by_company = {}
        for line in lines:
            by_company.setdefault(line.application_id.company_id, self.browse())
            by_company[line.application_id.company_id] |= line
        for company, company_lines in by_company.items():
            history = partners.with_company(company)._credit_payment_history()
            for line in company_lines:
                figures = history.get(line.application_id.partner_id.commercial_partner_id.id, {})
                line.value = figures.get(line.source, 0.0)

    @api.depends("value", "criterion_id.band_ids.score", "criterion_id.band_ids.value_from")
    def _compute_score(self):
        for line in self:
            if line.kind == "quantitative":
                line.score = line.criterion_id._score_value(line.value)

    @api.depends("score", "weight")
    def _compute_weighted_score(self):
        for line in self:
            line.weighted_score = line.score * line.weight / 100.0

    def write(self, vals):
        if {"value", "score", "criterion_id"} & vals.keys() and not self.env.su:
            locked = self.application_id.filtered(
                lambda a: a.state in ("first_approved", "approved", "refused")
            )
            if locked:
                raise UserError(
                    self.env._(
                        "The scorecard of %(names)s can no longer be changed.",
                        names=", ".join(locked.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= 100:
                raise ValidationError(
                    self.env._(
                        "The score of criterion %(name)s must be between 0 and 100.",
                        name=line.name,
                    )
                )
