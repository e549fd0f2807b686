# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round

# 三.2 "reconciles with salespeople": one reconciliation/communication a month is the full score.
RECONCILE_TARGET_PER_YEAR = 12


class CreditAppraisalLine(models.Model):
    _name = "credit.appraisal.line"
    _description = "Credit Clerk Appraisal Line"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one(
        "credit.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    state = fields.Selection(related="appraisal_id.state")
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one(
        "credit.appraisal.template.item",
        required=True,
        ondelete="restrict",
        help="Item of the template this line scores; an item scored on an appraisal is kept.",
    )
    section_id = fields.Many2one("credit.appraisal.template.section", ondelete="set null")
    section_code = fields.Char(related="section_id.code", string="§")
    item_code = fields.Char(related="item_id.code", string="No.")
    # The item's own text, in the reader's language (the template's translations), never a copy
    # frozen in the language of its creation.
    name = fields.Char(related="item_id.name", string="Criterion")
    max_score = fields.Float(string="Points", required=True, digits=(16, 1))
    score = fields.Float(digits=(16, 1))
    note = fields.Char()
    kpi_source = fields.Selection(related="item_id.kpi_source")
    suggested_score = fields.Float(
        compute="_compute_suggestion",
        digits=(16, 1),
        help="Score suggested by the clerk's own figures of the year (collections or training).",
    )
    suggestion_note = fields.Char(compute="_compute_suggestion", string="Suggestion Basis")

    @api.depends(
        "kpi_source",
        "max_score",
        "appraisal_id.year",
        "appraisal_id.employee_id",
        "appraisal_id.company_id",
    )
    def _compute_suggestion(self):
        self.suggested_score = 0.0
        self.suggestion_note = False
        with_kpi = self.filtered(lambda line: line.kpi_source and line.kpi_source != "none")
        for (year, company), lines in with_kpi.grouped(
            lambda line: (line.appraisal_id.year, line.appraisal_id.company_id)
        ).items():
            if year:
                lines.with_company(company)._suggest_for_year(year)

    def _suggest_for_year(self, year):
        """Suggestions of ``self`` (lines of one year and company) from the collections KPIs and
        the training results: one KPI call and one training query for all clerks."""
        # sudo: appraisers and clerks read the aggregated figures of the appraised clerk only;
        # the underlying invoices and payments stay out of their reach.
        employees = self.appraisal_id.employee_id.sudo()
        users = employees.user_id
        kpis = {}
        if users and any(line.kpi_source.startswith("collections") for line in self):
            kpis = (
                self.env["res.users"]
                .sudo()
                .browse(users.ids)
                ._credit_collector_kpis(date(year, 1, 1), date(year, 12, 31))
            )
        training = (
            self.env["credit.training.session"].sudo()._credit_training_figures(employees, year)
        )
        currency = self.env.company.currency_id
        for line in self:
            employee = line.appraisal_id.employee_id.sudo()
            if line.kpi_source.startswith("collections"):
                if not employee.user_id:
                    line.suggestion_note = self.env._("The clerk has no user: no collections.")
                    continue
                kpi = kpis.get(employee.user_id.id) or {}
                done = kpi.get("communications_done", 0)
                collected = kpi.get("amount_collected", 0.0)
                rate = kpi.get("collection_rate", 0.0)
                if line.kpi_source == "collections_chase":
                    ratio = rate / 100.0
                else:
                    ratio = min(done, RECONCILE_TARGET_PER_YEAR) / RECONCILE_TARGET_PER_YEAR
                line.suggested_score = line._round_suggestion(line.max_score * ratio)
                line.suggestion_note = self.env._(
                    "%(done)s communications done, %(collected)s collected, "
                    "collection rate %(rate)s %%",
                    done=done,
                    collected=currency.format(collected) if currency else collected,
                    rate=round(rate, 1),
                )
            else:
                figures = training.get(employee.id) or {}
                invited = figures.get("invited", 0)
                if not invited:
                    line.suggestion_note = self.env._("No training session done this year.")
                    continue
                if line.kpi_source == "training_attendance":
                    attended = figures["attended"]
                    line.suggested_score = line._round_suggestion(
                        line.max_score * attended / invited
                    )
                    line.suggestion_note = self.env._(
                        "Attended %(attended)s of %(invited)s training sessions",
                        attended=attended,
                        invited=invited,
                    )
                else:
                    average = figures.get("exam_average") or 0.0
                    line.suggested_score = line._round_suggestion(line.max_score * average / 100)
                    line.suggestion_note = self.env._(
                        "Average exam score %(average)s / 100", average=round(average, 1)
                    )

    def _round_suggestion(self, value):
        """Half points, never above the item maximum."""
        self.ensure_one()
        return min(float_round(value, precision_rounding=0.5), self.max_score)

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if (
                float_compare(line.score, 0.0, precision_digits=2) < 0
                or float_compare(line.score, line.max_score, precision_digits=2) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The score of “%(item)s” must be between 0 and %(max)s (got %(score)s).",
                        item=line.name,
                        max=line.max_score,
                        score=line.score,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_appraisal_draft()
        return lines

    def write(self, vals):
        self.check_access("write")
        self._check_appraisal_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_appraisal_draft()

    def _check_appraisal_draft(self):
        if any(line.appraisal_id.state != "draft" for line in self):
            raise UserError(
                self.env._("Scores can only be changed while the appraisal is a draft.")
            )

    def action_apply_suggestion(self):
        for line in self:
            line.score = line.suggested_score
