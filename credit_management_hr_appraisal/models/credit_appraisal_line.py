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
    has_suggestion = fields.Boolean(compute="_compute_has_suggestion")

    @api.depends("kpi_source")
    def _compute_has_suggestion(self):
        for line in self:
            line.has_suggestion = bool(line.kpi_source) and line.kpi_source != "none"

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
        """Suggestions of ``self`` (lines of one year and company) from the clerks' contract
        work, the collections KPIs and the training results: one call of each for all clerks."""
        contract_lines = self.filtered(lambda line: line.kpi_source.startswith("contract_"))
        if contract_lines:
            contract_lines._suggest_from_contracts(year)
        self -= contract_lines
        if not self:
            return
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

    def _suggest_from_contracts(self, year):
        """Items 二 to 五 from the clerk's own contract records of ``year`` (one call of
        ``credit.contract._credit_clerk_figures`` for all clerks), each with its basis."""
        env = self.env
        # sudo: the appraiser reads the clerk's counts, not the contracts themselves
        users = self.appraisal_id.employee_id.sudo().user_id
        figures = env["credit.contract"].sudo()._credit_clerk_figures(users, year, env.company)
        for line in self:
            user = line.appraisal_id.employee_id.sudo().user_id
            if not user:
                line.suggestion_note = env._("The clerk has no user: no contract records.")
                continue
            ratio, note = line._contract_ratio(figures[user.id], year)
            if ratio is not None:
                line.suggested_score = line._round_suggestion(line.max_score * ratio)
            line.suggestion_note = note

    def _contract_ratio(self, values, year):
        """(share of the points, basis) of this contract item from the clerk's ``values``
        (see ``credit.contract._credit_clerk_figures``); (None, basis) when nothing measures it.
        """
        self.ensure_one()
        env = self.env
        source = self.kpi_source
        if source == "contract_invalid":
            if not values["signed"] and not values["invalid"]:
                return None, env._("No contract signed in %(year)s.", year=year)
            # each invalid contract costs one point (杜绝无效合同的出现)
            invalid = values["invalid"]
            return max(self.max_score - invalid, 0) / self.max_score, env._(
                "%(invalid)s invalid contract(s), %(signed)s contracts signed",
                invalid=invalid,
                signed=values["signed"],
            )
        if source == "contract_reconcile":
            months = values["reconciliation_months"]
            return min(months, RECONCILE_TARGET_PER_YEAR) / RECONCILE_TARGET_PER_YEAR, env._(
                "%(count)s reconciliations with salespeople in %(months)s months",
                count=values["reconciliations"],
                months=months,
            )
        measure = self._contract_measures(values, year).get(source)
        if not measure:
            return None, False
        done, total, text, empty_ratio, empty_text = measure
        if not total:
            return empty_ratio, empty_text
        return done / total, text % {"done": done, "total": total}

    def _contract_measures(self, values, year):
        """{source: (done, total, basis with %(done)s and %(total)s, share when total is 0 (None:
        no suggestion), basis when total is 0)} of the clerk's ``values``."""
        env = self.env
        signed = values["signed"]
        no_signed = env._("No contract signed in %(year)s.", year=year)
        changes = values["amendments"] + values["terminations"]
        changes_ok = values["amendments_ok"] + values["terminations_ok"]
        chases = values["chase_done"] + values["chase_overdue"]
        return {
            "contract_three_properties": (
                values["three_ok"],
                signed,
                env._("%(done)s of %(total)s contracts signed passed the three properties (三性)"),
                None,
                no_signed,
            ),
            "contract_five_checks": (
                values["five_ok"],
                signed,
                env._("%(done)s of %(total)s contracts signed passed the five checks (五审查)"),
                None,
                no_signed,
            ),
            "contract_terms": (
                values["terms_complete"],
                signed,
                env._(
                    "%(done)s of %(total)s contracts signed on the right template with every "
                    "clause at each review"
                ),
                None,
                no_signed,
            ),
            "contract_authority": (
                values["with_authority"],
                signed,
                env._("%(done)s of %(total)s contracts signed under a valid authorization"),
                None,
                no_signed,
            ),
            "contract_ledger": (
                values["registered_on_time"],
                signed,
                env._("%(done)s of %(total)s contracts registered in the ledger on time"),
                None,
                no_signed,
            ),
            "contract_ledger_quality": (
                values["ledger_complete"],
                signed,
                env._("%(done)s of %(total)s ledger entries complete"),
                None,
                no_signed,
            ),
            "contract_seal": (
                values["sealed"],
                signed,
                env._("%(done)s of %(total)s contracts signed with a logged seal use"),
                None,
                no_signed,
            ),
            "contract_archive": (
                values["archived"],
                signed,
                env._("%(done)s of %(total)s signed scans archived"),
                None,
                no_signed,
            ),
            "contract_written": (
                values["orders_with_contract"],
                values["orders_needing_contract"],
                env._("%(done)s of %(total)s orders needing a written contract had one"),
                1.0,
                env._("No order needed a written contract in %(year)s.", year=year),
            ),
            "contract_review_forms": (
                values["reviews_on_time"],
                values["reviews"],
                env._("%(done)s of %(total)s review forms complete and concluded on time"),
                None,
                env._("No review form in %(year)s.", year=year),
            ),
            "contract_chase": (
                values["chase_done"],
                chases,
                env._("%(done)s of %(total)s performance follow-ups done"),
                1.0,
                env._("No contract performance to chase in %(year)s.", year=year),
            ),
            "contract_knowledge": (
                values["in_force_reconciled"],
                values["in_force"],
                env._("%(done)s of %(total)s contracts in force reconciled in the year"),
                None,
                env._("No contract in force in %(year)s.", year=year),
            ),
            "contract_changes": (
                changes_ok,
                changes,
                env._("%(done)s of %(total)s changes and terminations registered by procedure"),
                1.0,
                env._("No change or termination in %(year)s.", year=year),
            ),
            "contract_complaints": (
                values["complaints_on_time"],
                values["complaints"],
                env._("%(done)s of %(total)s complaints answered on time"),
                1.0,
                env._("No complaint to answer in %(year)s.", year=year),
            ),
        }

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
