# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date, datetime, time, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_round, is_html_empty
from odoo.tools.misc import xlsxwriter

from .credit_warning_indicator import SEVERITIES
from .credit_warning_threshold import THRESHOLD_GRADES

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"

# The chapters of the manual's year-end report (信用管理述职报告), in its order.
CHAPTERS = [
    ("intro", "Introduction"),
    ("overview", "Credit Management Overview"),
    ("risk", "Credit Risk Control and Prevention"),
    ("rating", "Customer Credit Rating"),
    ("receivable", "Receivables Management and Collection"),
    ("internal", "Internal Rules and Their Execution"),
    ("outlook", "Summary and Outlook"),
]
NARRATIVE_FIELDS = {chapter: f"note_{chapter}" for chapter, __ in CHAPTERS}
YEAR_BUCKETS = ("lt1", "1_2", "2_3", "gt3")
DAY_BUCKETS = ("not_due", "1_30", "31_60", "61_90", "90_plus")
# Snapshots of this many days before the year's end may stand for the exposure at its end.
SNAPSHOT_WINDOW_DAYS = 31


class CreditAnnualReport(models.Model):
    """The credit department's year-end report (年度信用管理报告), one per company and year.

    Its figures are computed from the ledger and the modules' records as of the year's end
    (:meth:`_credit_report_figures`, extended by the other modules) and stored when computed;
    the manager writes the narrative of each chapter; the report prints as a PDF in the manual's
    chapter order and exports every figure to XLSX. Finalizing freezes figures and narrative.
    """

    _name = "credit.annual.report"
    _description = "Year-end Credit Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "year desc, company_id"
    _check_company_auto = True
    _workflow_fields = ("figures", "date_computed", "computed_by_id", "date_done", "done_by_id")
    _workflow_unlink_states = ("draft",)

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(required=True, readonly=True, default=lambda s: s._default_year())
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(string="As of", compute="_compute_dates")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Final")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    figures = fields.Json(readonly=True, copy=False)
    date_computed = fields.Datetime(string="Figures Computed On", readonly=True, copy=False)
    computed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finalized On", readonly=True, copy=False)
    done_by_id = fields.Many2one("res.users", string="Finalized By", readonly=True, copy=False)
    preview_html = fields.Html(
        string="Preview", compute="_compute_preview_html", sanitize=False, readonly=True
    )
    note_intro = fields.Html(string="Introduction")
    note_overview = fields.Html(string="Overview")
    note_risk = fields.Html(string="Risk Control and Prevention")
    note_rating = fields.Html(string="Customer Credit Rating")
    note_receivable = fields.Html(string="Receivables and Collection")
    note_internal = fields.Html(string="Internal Rules and Execution")
    note_outlook = fields.Html(string="Summary and Outlook")

    _sql_constraints = [
        (
            "company_year_uniq",
            "unique(company_id, year)",
            "There is already a year-end credit report for this company and year.",
        ),
        ("year_valid", "CHECK(year >= 1900 AND year <= 9999)", "The year is not valid."),
    ]

    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year - 1

    @api.depends("year", "company_id")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "%(year)s Year-end Credit Report - %(company)s",
                year=report.year,
                company=report.company_id.name or "",
            )

    @api.depends("year")
    def _compute_dates(self):
        for report in self:
            year = report.year or self._default_year()
            report.date_from = date(year, 1, 1)
            report.date_to = date(year, 12, 31)

    @api.depends("figures")
    def _compute_preview_html(self):
        for report in self:
            report.preview_html = (
                self.env["ir.qweb"]._render(
                    "credit_management.report_credit_annual_body", {"doc": report}
                )
                if report.figures
                else False
            )

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        narrative = set(NARRATIVE_FIELDS.values()) & vals.keys()
        if narrative and not self.env.su and self.filtered(lambda r: r.state == "done"):
            raise UserError(
                self.env._("A final year-end report cannot be changed: reset it to draft first.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------ actions
    def _check_group(self, group_xmlid):
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        if group_xmlid == CREDIT_MANAGER:
            raise AccessError(
                self.env._("Only credit managers can finalize or reopen a year-end report.")
            )
        raise AccessError(self.env._("Only the credit department can compute year-end reports."))

    def action_compute(self):
        """Compute (again) the figures of the year, as of its end."""
        self._check_group(CREDIT_USER)
        self._check_state(("draft",))
        for report in self:
            figures = report.with_company(report.company_id)._credit_report_figures()
            report._workflow_write(
                {
                    "figures": figures,
                    "date_computed": fields.Datetime.now(),
                    "computed_by_id": self.env.uid,
                }
            )
            report._credit_message_post(self.env._("Figures computed."))
        return True

    def action_done(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("draft",))
        if self.filtered(lambda r: not r.figures):
            raise UserError(self.env._("Compute the figures before finalizing the report."))
        self._workflow_write(
            {"state": "done", "date_done": fields.Datetime.now(), "done_by_id": self.env.uid}
        )
        return True

    def action_draft(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("done",))
        self._workflow_write({"state": "draft", "date_done": False, "done_by_id": False})
        return True

    def action_print(self):
        self._credit_check_figures()
        return self.env.ref("credit_management.action_report_credit_annual").report_action(self)

    def action_export_xlsx(self):
        """Every figure of the report in an XLSX workbook, downloaded at once."""
        self.ensure_one()
        self._credit_check_figures()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name}.xlsx",
                "datas": base64.b64encode(self._credit_report_xlsx()),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _credit_check_figures(self):
        if self.filtered(lambda r: not r.figures):
            raise UserError(self.env._("Compute the figures of the report first."))

    # ------------------------------------------------------------------ definitions
    @api.model
    def _credit_report_chapters(self):
        """[(chapter, title)] in the manual's order (translated)."""
        titles = {
            "intro": self.env._("Introduction"),
            "overview": self.env._("Credit Management Overview"),
            "risk": self.env._("Credit Risk Control and Prevention"),
            "rating": self.env._("Customer Credit Rating"),
            "receivable": self.env._("Receivables Management and Collection"),
            "internal": self.env._("Internal Rules and Their Execution"),
            "outlook": self.env._("Summary and Outlook"),
        }
        return [(chapter, titles[chapter]) for chapter, __ in CHAPTERS]

    @api.model
    def _credit_report_sections(self):
        """{section: (chapter, title, kind)}; kind "list" prints label/value rows, other kinds
        ("grades", "ageing") have their own table and chart in the PDF."""
        return {
            "overview": ("overview", self.env._("Key Figures of the Year"), "list"),
            "applications": ("risk", self.env._("Credit Applications and Reviews"), "list"),
            "holds": ("risk", self.env._("Orders Held by Credit Control"), "list"),
            "warnings": ("risk", self.env._("Early Warning"), "list"),
            "grades": ("rating", self.env._("Grade Distribution at the Year's End"), "grades"),
            "grade_changes": ("rating", self.env._("Grade Changes"), "list"),
            "receivables": ("receivable", self.env._("Receivables at the Year's End"), "list"),
            "ageing_years": ("receivable", self.env._("Ageing by Years"), "ageing"),
            "ageing_days": ("receivable", self.env._("Overdue by Days"), "ageing"),
            "contracts": ("internal", self.env._("Contract Management"), "list"),
        }

    @api.model
    def _credit_report_definitions(self):
        """Every figure of the report, in print order: [{"code", "section", "label", "type"}];
        type in amount / percent / count / days / text. Other modules append theirs."""
        grade_labels = {
            "A": self.env._("A - Excellent (优质)"),
            "B": self.env._("B - Good (良好)"),
            "C": self.env._("C - Fair (一般)"),
            "D": self.env._("D - Poor (较差)"),
            "none": self.env._("No grade"),
        }
        definitions = [
            ("overview", "customers_active", self.env._("Customers with credit activity"), "count"),
            ("overview", "revenue", self.env._("Invoiced in the year"), "amount"),
            ("overview", "receivable_total", self.env._("Receivables at the year's end"), "amount"),
            ("overview", "overdue_rate", self.env._("Overdue rate at the year's end"), "percent"),
            (
                "overview",
                "dso",
                self.env._("Days sales outstanding (DSO) at the year's end"),
                "days",
            ),
            ("overview", "warnings_opened", self.env._("Credit warnings opened"), "count"),
            (
                "applications",
                "applications_approved",
                self.env._("Credit applications approved"),
                "count",
            ),
            (
                "applications",
                "applications_refused",
                self.env._("Credit applications refused"),
                "count",
            ),
            ("applications", "reviews_approved", self.env._("Credit reviews approved"), "count"),
            ("applications", "limit_granted", self.env._("Credit limits granted"), "amount"),
            ("holds", "holds_count", self.env._("Orders held"), "count"),
            ("holds", "holds_amount", self.env._("Amount of the orders held"), "amount"),
            ("holds", "holds_released_count", self.env._("Holds released"), "count"),
            ("holds", "holds_released_amount", self.env._("Amount released"), "amount"),
            ("holds", "holds_rejected_count", self.env._("Holds rejected"), "count"),
            ("warnings", "warnings_opened", self.env._("Warnings opened"), "count"),
        ]
        definitions += [
            (
                "warnings",
                f"warnings_opened_{code}",
                self.env._("of which %(severity)s", severity=label),
                "count",
            )
            for code, label in self.env["credit.warning"]
            ._fields["severity"]
            ._description_selection(self.env)
        ]
        definitions += [
            ("warnings", "warnings_closed", self.env._("Warnings closed"), "count"),
            (
                "warnings",
                "warnings_open_year_end",
                self.env._("Warnings open at the year's end"),
                "count",
            ),
            (
                "warnings",
                "signals_recorded",
                self.env._("Credit information signals recorded"),
                "count",
            ),
        ]
        definitions += [
            (
                "warnings",
                f"measures_{code}",
                self.env._("Measures: %(measure)s", measure=label),
                "count",
            )
            for code, label in self.env["credit.warning.measure"]
            ._fields["kind"]
            ._description_selection(self.env)
        ]
        for grade in (*(g for g, __ in THRESHOLD_GRADES if g != "none"), "none"):
            label = grade_labels[grade]
            definitions += [
                (
                    "grades",
                    f"grade_{grade}_count",
                    self.env._("%(grade)s: customers", grade=label),
                    "count",
                ),
                (
                    "grades",
                    f"grade_{grade}_count_pct",
                    self.env._("%(grade)s: share of customers", grade=label),
                    "percent",
                ),
                (
                    "grades",
                    f"grade_{grade}_exposure",
                    self.env._("%(grade)s: exposure", grade=label),
                    "amount",
                ),
                (
                    "grades",
                    f"grade_{grade}_exposure_pct",
                    self.env._("%(grade)s: share of exposure", grade=label),
                    "percent",
                ),
            ]
        definitions += [
            ("grades", "grade_total_count", self.env._("Customers graded or not"), "count"),
            ("grades", "grade_total_exposure", self.env._("Exposure at the year's end"), "amount"),
            ("grades", "exposure_basis", self.env._("Exposure measured from"), "text"),
            ("grade_changes", "grade_downgrades", self.env._("Downgrades approved"), "count"),
            ("grade_changes", "grade_upgrades", self.env._("Upgrades approved"), "count"),
            (
                "receivables",
                "receivable_total",
                self.env._("Receivables at the year's end"),
                "amount",
            ),
            (
                "receivables",
                "receivable_total_prev",
                self.env._("Receivables a year earlier"),
                "amount",
            ),
            (
                "receivables",
                "receivable_change_pct",
                self.env._("Change on the previous year"),
                "percent",
            ),
            ("receivables", "total_assets", self.env._("Total assets at the year's end"), "amount"),
            (
                "receivables",
                "receivable_asset_share_pct",
                self.env._("Receivables / total assets"),
                "percent",
            ),
            ("receivables", "overdue_amount", self.env._("Overdue at the year's end"), "amount"),
            ("receivables", "overdue_rate", self.env._("Overdue rate (逾期率)"), "percent"),
            ("receivables", "revenue", self.env._("Invoiced in the year"), "amount"),
            ("receivables", "dso", self.env._("Days sales outstanding (DSO)"), "days"),
        ]
        year_labels = self._credit_year_bucket_labels()
        for bucket in YEAR_BUCKETS:
            definitions += [
                ("ageing_years", f"age_{bucket}", year_labels[bucket], "amount"),
                (
                    "ageing_years",
                    f"age_{bucket}_pct",
                    self.env._("%(bucket)s: share", bucket=year_labels[bucket]),
                    "percent",
                ),
            ]
        day_labels = self._credit_day_bucket_labels()
        for bucket in DAY_BUCKETS:
            definitions += [
                ("ageing_days", f"days_{bucket}", day_labels[bucket], "amount"),
                (
                    "ageing_days",
                    f"days_{bucket}_pct",
                    self.env._("%(bucket)s: share", bucket=day_labels[bucket]),
                    "percent",
                ),
            ]
        definitions += self._credit_report_contract_definitions()
        return [
            {"section": section, "code": code, "label": label, "type": kind}
            for section, code, label, kind in definitions
        ]

    @api.model
    def _credit_year_bucket_labels(self):
        return {
            "lt1": self.env._("Under 1 year"),
            "1_2": self.env._("1-2 years"),
            "2_3": self.env._("2-3 years"),
            "gt3": self.env._("Over 3 years"),
        }

    @api.model
    def _credit_day_bucket_labels(self):
        return {
            "not_due": self.env._("Not due"),
            "1_30": self.env._("1-30 days overdue"),
            "31_60": self.env._("31-60 days overdue"),
            "61_90": self.env._("61-90 days overdue"),
            "90_plus": self.env._("Over 90 days overdue"),
        }

    # ------------------------------------------------------------------ contract figures
    @api.model
    def _credit_report_contract_definitions(self):
        """The contract statistics of the year (内部制度执行): contracts signed and reviewed,
        joint reviews, changes, terminations, disputes and their outcomes, complaints, from
        ``credit.contract._credit_year_end_figures``."""
        return [
            (
                "contracts",
                "contracts_signed",
                self.env._("Contracts signed and registered"),
                "count",
            ),
            (
                "contracts",
                "contracts_signed_amount",
                self.env._("Amount of the contracts signed"),
                "amount",
            ),
            ("contracts", "contracts_amendments", self.env._("Contract changes (变更)"), "count"),
            (
                "contracts",
                "contracts_terminations",
                self.env._("Contracts terminated (解除)"),
                "count",
            ),
            (
                "contracts",
                "contracts_invalid",
                self.env._("Contracts found invalid (无效)"),
                "count",
            ),
            (
                "contracts",
                "contracts_completed",
                self.env._("Contracts signed and completed"),
                "count",
            ),
            (
                "contracts",
                "contracts_in_force_end",
                self.env._("Contracts in force at the year's end"),
                "count",
            ),
            (
                "contracts",
                "contracts_registered_on_time",
                self.env._("Registered in the ledger on time"),
                "count",
            ),
            ("contracts", "contracts_archived", self.env._("Signed copies archived"), "count"),
            ("contracts", "reviews_concluded", self.env._("Contract reviews concluded"), "count"),
            ("contracts", "reviews_returned", self.env._("Contract reviews returned"), "count"),
            (
                "contracts",
                "reviews_joint",
                self.env._("Joint reviews of major contracts (会审)"),
                "count",
            ),
            (
                "contracts",
                "written_coverage_pct",
                self.env._("Orders covered by a written contract"),
                "percent",
            ),
            ("contracts", "seal_uses", self.env._("Contract seal uses granted"), "count"),
            (
                "contracts",
                "reconciliations",
                self.env._("Reconciliations with salespeople (对帐)"),
                "count",
            ),
            ("contracts", "disputes_opened", self.env._("Contract disputes opened"), "count"),
            ("contracts", "disputes_amount", self.env._("Amount in dispute"), "amount"),
            ("contracts", "disputes_closed", self.env._("Contract disputes closed"), "count"),
            (
                "contracts",
                "complaints_filed",
                self.env._("Feedback and complaints filed (信访)"),
                "count",
            ),
            ("contracts", "complaints_on_time", self.env._("Answered on time"), "count"),
            ("contracts", "complaints_average_days", self.env._("Average response time"), "days"),
        ]

    def _credit_report_contract_figures(self):
        """{code: value} of the contract statistics of the year, flattened."""
        stats = self.env["credit.contract"]._credit_year_end_figures(self.company_id, self.year)
        contracts = stats["contracts"]
        reviews = stats["reviews"]
        disputes = stats["disputes"]
        complaints = stats["complaints"]
        currency = self.company_id.currency_id
        return {
            "contracts_signed": contracts["signed"],
            "contracts_signed_amount": currency.round(contracts["signed_amount"]),
            "contracts_amendments": contracts["amendments"],
            "contracts_terminations": contracts["terminations"],
            "contracts_invalid": contracts["invalid"],
            "contracts_completed": contracts["completed"],
            "contracts_in_force_end": contracts["in_force_end"],
            "contracts_registered_on_time": contracts["registered_on_time"],
            "contracts_archived": contracts["archived"],
            "reviews_concluded": reviews["concluded"],
            "reviews_returned": reviews["returned"],
            "reviews_joint": reviews["joint"],
            "written_coverage_pct": stats["written_contracts"]["coverage_percent"],
            "seal_uses": stats["seal_uses"],
            "reconciliations": stats["reconciliations"],
            "disputes_opened": disputes["opened"],
            "disputes_amount": currency.round(disputes["amount_disputed"]),
            "disputes_closed": disputes["closed"],
            "complaints_filed": complaints["filed"],
            "complaints_on_time": complaints["on_time"],
            "complaints_average_days": complaints["average_days"],
        }

    # ------------------------------------------------------------------ figures
    def _credit_report_figures(self):
        """Every figure of the year as of its end, current company: {code: value}.

        Extended by the other modules (collections, appraisal) with their figures.
        """
        self.ensure_one()
        figures = {}
        figures.update(self._credit_report_receivable_figures())
        figures.update(self._credit_report_grade_figures())
        figures.update(self._credit_report_application_figures())
        figures.update(self._credit_report_hold_figures())
        figures.update(self._credit_report_warning_figures())
        figures.update(self._credit_report_contract_figures())
        return figures

    def _credit_end(self):
        """The first moment after the year (datetime fields compare with it)."""
        return datetime.combine(self.date_to + timedelta(days=1), time.min)

    def _credit_start(self):
        return datetime.combine(self.date_from, time.min)

    def _credit_pct(self, part, whole):
        return self.env["credit.rates"]._credit_ratio(part, whole)

    def _credit_report_receivable_figures(self):
        """Receivables, their share of total assets and change, ageing, rates, DSO."""
        rates_model = self.env["credit.rates"]
        currency = self.company_id.currency_id
        company_rates = rates_model._credit_rates(self.date_from, self.date_to, "company").get(
            self.company_id.id, {}
        )
        prev_end = self.date_from - timedelta(days=1)
        ageing = self._credit_report_ageing(self.date_to)
        receivable = ageing["total"]
        receivable_prev = self._credit_report_ageing(prev_end)["total"]
        total_assets = self._credit_total_assets(self.date_to)
        figures = {
            "receivable_total": receivable,
            "receivable_total_prev": receivable_prev,
            "receivable_change_pct": self._credit_pct(
                receivable - receivable_prev, receivable_prev
            ),
            "total_assets": total_assets,
            "receivable_asset_share_pct": self._credit_pct(receivable, total_assets),
            "overdue_amount": ageing["overdue"],
            "overdue_rate": self._credit_pct(ageing["overdue"], receivable),
            "revenue": currency.round(company_rates.get("amount_invoiced", 0.0)),
            "dso": company_rates.get("dso", 0.0),
        }
        for bucket in YEAR_BUCKETS:
            figures[f"age_{bucket}"] = ageing[f"age_{bucket}"]
            figures[f"age_{bucket}_pct"] = self._credit_pct(ageing[f"age_{bucket}"], receivable)
        for bucket in DAY_BUCKETS:
            figures[f"days_{bucket}"] = ageing[f"days_{bucket}"]
            figures[f"days_{bucket}_pct"] = self._credit_pct(ageing[f"days_{bucket}"], receivable)
        return figures

    def _credit_report_ageing(self, at):
        """Open receivables at ``at`` by the one definition (see ``credit.rates``)."""
        return self.env["credit.rates"]._credit_receivable_ageing(at)

    def _credit_total_assets(self, at):
        """Balance of the company's asset accounts at ``at`` (balance sheet total assets)."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT COALESCE(SUM(line.balance), 0)
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                 WHERE line.company_id = %(company)s
                   AND line.parent_state = 'posted'
                   AND line.date <= %(at)s
                   AND account.account_type LIKE %(asset)s
                """,
                company=self.company_id.id,
                at=at,
                asset="asset%",
            )
        )
        return self.company_id.currency_id.round(rows[0][0])

    def _credit_report_grade_figures(self):
        """Grade distribution at the year's end: count and share of customers, exposure and its
        share. Customers = commercial partners invoiced in the year or with receivables at its
        end. Grade at the year's end = the grade given by the last application or review approved
        by then, else the grade before the first one approved after it, else the current grade.
        Exposure at the year's end = the exposure snapshots of the year's last month when the
        early warning recorded them, else the receivables at the year's end."""
        per_partner = self.env["credit.rates"]._credit_rates(self.date_from, self.date_to)
        population = [
            partner_id
            for partner_id, values in per_partner.items()
            if values["amount_invoiced"] or values["amount_receivable"]
        ]
        grades = self._credit_grades_at(population)
        snapshots = (
            self.env["credit.exposure.snapshot"]._credit_exposure_at(
                self.date_to,
                partner_ids=population,
                not_before=self.date_to - timedelta(days=SNAPSHOT_WINDOW_DAYS),
            )
            if population
            else {}
        )
        has_snapshots = bool(
            self.env["credit.exposure.snapshot"].search_count(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date", "<=", self.date_to),
                    ("date", ">=", self.date_to - timedelta(days=SNAPSHOT_WINDOW_DAYS)),
                ],
                limit=1,
            )
        )
        currency = self.company_id.currency_id
        counts = dict.fromkeys(("A", "B", "C", "D", "none"), 0)
        exposures = dict.fromkeys(counts, 0.0)
        for partner_id in population:
            grade = grades.get(partner_id) or "none"
            counts[grade] += 1
            exposures[grade] += (
                snapshots.get(partner_id, 0.0)
                if has_snapshots
                else per_partner[partner_id]["amount_receivable"]
            )
        total_count = sum(counts.values())
        total_exposure = currency.round(sum(exposures.values()))
        figures = {
            "customers_active": total_count,
            "grade_total_count": total_count,
            "grade_total_exposure": total_exposure,
            "exposure_basis": "snapshot" if has_snapshots else "receivable",
        }
        for grade, count in counts.items():
            figures[f"grade_{grade}_count"] = count
            figures[f"grade_{grade}_count_pct"] = self._credit_pct(count, total_count)
            figures[f"grade_{grade}_exposure"] = currency.round(exposures[grade])
            figures[f"grade_{grade}_exposure_pct"] = self._credit_pct(
                exposures[grade], total_exposure
            )
        return figures

    def _credit_grades_at(self, partner_ids):
        """{partner id: grade at the year's end} (see ``_credit_report_grade_figures``)."""
        if not partner_ids:
            return {}
        self.env["credit.application"].flush_model()
        self.env["res.partner"].flush_model(["credit_grade"])
        rows = self.env.execute_query(
            SQL(
                """
                WITH population AS (SELECT unnest(%(partners)s::int[]) AS partner_id),
                before_end AS (
                    SELECT DISTINCT ON (partner_id) partner_id, proposed_grade AS grade
                      FROM credit_application
                     WHERE state = 'approved'
                       AND company_id = %(company)s
                       AND approval_date < %(end)s
                     ORDER BY partner_id, approval_date DESC, id DESC
                ),
                after_end AS (
                    SELECT DISTINCT ON (partner_id) partner_id, current_grade AS grade
                      FROM credit_application
                     WHERE state = 'approved'
                       AND company_id = %(company)s
                       AND approval_date >= %(end)s
                     ORDER BY partner_id, approval_date, id
                )
                SELECT population.partner_id,
                       CASE WHEN before_end.partner_id IS NOT NULL THEN before_end.grade
                            WHEN after_end.partner_id IS NOT NULL THEN after_end.grade
                            ELSE partner.credit_grade END
                  FROM population
                  JOIN res_partner partner ON partner.id = population.partner_id
                  LEFT JOIN before_end ON before_end.partner_id = population.partner_id
                  LEFT JOIN after_end ON after_end.partner_id = population.partner_id
                """,
                partners=list(partner_ids),
                company=self.company_id.id,
                end=self._credit_end(),
            )
        )
        return dict(rows)

    def _credit_report_application_figures(self):
        """Credit applications and reviews decided in the year, grade changes approved."""
        Application = self.env["credit.application"]
        company = self.company_id.id
        approved_domain = [
            ("company_id", "=", company),
            ("state", "=", "approved"),
            ("approval_date", ">=", self._credit_start()),
            ("approval_date", "<", self._credit_end()),
        ]
        figures = dict.fromkeys(
            (
                "applications_approved",
                "reviews_approved",
                "limit_granted",
                "grade_downgrades",
                "grade_upgrades",
            ),
            0,
        )
        for application_type, count, limit in Application._read_group(
            approved_domain,
            groupby=["application_type"],
            aggregates=["__count", "approved_limit:sum"],
        ):
            if application_type == "review":
                figures["reviews_approved"] = count
            else:
                figures["applications_approved"] = count
                figures["limit_granted"] = limit
        figures["applications_refused"] = Application.search_count(
            [
                ("company_id", "=", company),
                ("state", "=", "refused"),
                ("refuse_date", ">=", self._credit_start()),
                ("refuse_date", "<", self._credit_end()),
            ]
        )
        for current, proposed, count in Application._read_group(
            [*approved_domain, ("current_grade", "!=", False), ("proposed_grade", "!=", False)],
            groupby=["current_grade", "proposed_grade"],
            aggregates=["__count"],
        ):
            if proposed > current:
                figures["grade_downgrades"] += count
            elif proposed < current:
                figures["grade_upgrades"] += count
        return figures

    def _credit_report_hold_figures(self):
        """Orders held in the year (last hold), released and rejected in it; company currency."""
        self.env["sale.order"].flush_model()
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT COUNT(*) FILTER (WHERE credit_hold_date >= %(start)s
                                          AND credit_hold_date < %(end)s) AS held,
                       COALESCE(SUM(amount_total / COALESCE(NULLIF(currency_rate, 0), 1))
                           FILTER (WHERE credit_hold_date >= %(start)s
                                     AND credit_hold_date < %(end)s), 0) AS held_amount,
                       COUNT(*) FILTER (WHERE credit_release_date >= %(start)s
                                          AND credit_release_date < %(end)s) AS released,
                       COALESCE(SUM(credit_released_amount
                                    / COALESCE(NULLIF(currency_rate, 0), 1))
                           FILTER (WHERE credit_release_date >= %(start)s
                                     AND credit_release_date < %(end)s), 0) AS released_amount,
                       COUNT(*) FILTER (WHERE credit_reject_date >= %(start)s
                                          AND credit_reject_date < %(end)s) AS rejected
                  FROM sale_order
                 WHERE company_id = %(company)s
                """,
                start=self._credit_start(),
                end=self._credit_end(),
                company=self.company_id.id,
            )
        )[0]
        currency = self.company_id.currency_id
        return {
            "holds_count": rows["held"],
            "holds_amount": currency.round(rows["held_amount"]),
            "holds_released_count": rows["released"],
            "holds_released_amount": currency.round(rows["released_amount"]),
            "holds_rejected_count": rows["rejected"],
        }

    def _credit_report_warning_figures(self):
        """Warnings opened and closed in the year, open at its end, signals, measures."""
        Warning = self.env["credit.warning"]
        company = self.company_id.id
        in_year = [("date_open", ">=", self.date_from), ("date_open", "<=", self.date_to)]
        figures = {f"warnings_opened_{code}": 0 for code, __ in SEVERITIES}
        for severity, count in Warning._read_group(
            [("company_id", "=", company), *in_year], groupby=["severity"], aggregates=["__count"]
        ):
            figures[f"warnings_opened_{severity}"] = count
        figures["warnings_opened"] = sum(figures.values())
        figures["warnings_closed"] = Warning.search_count(
            [
                ("company_id", "=", company),
                ("date_closed", ">=", self.date_from),
                ("date_closed", "<=", self.date_to),
            ]
        )
        figures["warnings_open_year_end"] = Warning.search_count(
            [
                ("company_id", "=", company),
                ("date_open", "<=", self.date_to),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">", self.date_to),
            ]
        )
        figures["signals_recorded"] = self.env["credit.warning.signal"].search_count(
            [
                ("company_id", "=", company),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ]
        )
        Measure = self.env["credit.warning.measure"]
        figures.update(
            {
                f"measures_{code}": 0
                for code, __ in Measure._fields["kind"]._description_selection(self.env)
            }
        )
        for kind, count in Measure._read_group(
            [
                ("company_id", "=", company),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            groupby=["kind"],
            aggregates=["__count"],
        ):
            figures[f"measures_{kind}"] = count
        return figures

    # ------------------------------------------------------------------ rendering
    def _credit_figure(self, code, default=0.0):
        self.ensure_one()
        return (self.figures or {}).get(code, default)

    def _credit_format(self, definition_or_type, value):
        """A figure as printed: amounts with the currency, percentages with %, days..."""
        kind = (
            definition_or_type["type"]
            if isinstance(definition_or_type, dict)
            else definition_or_type
        )
        if value is None:
            return "-"
        if kind == "amount":
            return self.company_id.currency_id.format(value)
        if kind == "percent":
            return f"{value:,.2f} %"
        if kind == "days":
            return self.env._("%(days)s days", days=format(value, ",.1f"))
        if kind == "count":
            return f"{int(value):,}"
        return self._credit_text_labels().get(value, str(value))

    def _credit_text_labels(self):
        """Printed labels of the text figures (codes, printed in the reader's language)."""
        return {
            "snapshot": self.env._("exposure snapshots"),
            "receivable": self.env._(
                "receivables (no exposure snapshot in the last month of the year)"
            ),
        }

    def _credit_narrative(self, chapter):
        """The manager's text of a chapter, or False when empty."""
        self.ensure_one()
        text = self[NARRATIVE_FIELDS[chapter]]
        return False if is_html_empty(text) else text

    def _credit_grade_rows(self):
        """Rows of the grade distribution table."""
        self.ensure_one()
        labels = dict(self._credit_bar_labels_grades())
        rows = [
            {
                "label": labels[grade],
                "count": self._credit_figure(f"grade_{grade}_count"),
                "count_pct": self._credit_figure(f"grade_{grade}_count_pct"),
                "exposure": self._credit_figure(f"grade_{grade}_exposure"),
                "exposure_pct": self._credit_figure(f"grade_{grade}_exposure_pct"),
            }
            for grade in ("A", "B", "C", "D", "none")
        ]
        rows.append(
            {
                "label": self.env._("Total"),
                "count": self._credit_figure("grade_total_count"),
                "count_pct": 100.0 if self._credit_figure("grade_total_count") else 0.0,
                "exposure": self._credit_figure("grade_total_exposure"),
                "exposure_pct": 100.0 if self._credit_figure("grade_total_exposure") else 0.0,
            }
        )
        return rows

    def _credit_bar_labels_grades(self):
        return [
            ("A", self.env._("A Excellent (优质)")),
            ("B", self.env._("B Good (良好)")),
            ("C", self.env._("C Fair (一般)")),
            ("D", self.env._("D Poor (较差)")),
            ("none", self.env._("No grade")),
        ]

    def _credit_chapter_sections(self, chapter):
        """[(section, title, kind, definitions)] of a chapter, in print order."""
        sections = self._credit_report_sections()
        definitions = self._credit_report_definitions()
        result = []
        for section, (section_chapter, title, kind) in sections.items():
            if section_chapter != chapter:
                continue
            rows = [d for d in definitions if d["section"] == section]
            if rows:
                result.append((section, title, kind, rows))
        return result

    def _credit_report_sentences(self, chapter):
        """The report's own sentences for a chapter, figures filled in (the manual's wording)."""
        self.ensure_one()
        fig = self._credit_figure
        pct = "{:.2f}".format
        amount = self.company_id.currency_id.format
        if chapter == "rating":
            return [
                self.env._(
                    "By customer credit grade, excellent customers account for %(a)s %%, good "
                    "customers for %(b)s %%, fair customers for %(c)s %% and poor customers for "
                    "%(d)s %% (ungraded: %(none)s %%).",
                    a=pct(fig("grade_A_count_pct")),
                    b=pct(fig("grade_B_count_pct")),
                    c=pct(fig("grade_C_count_pct")),
                    d=pct(fig("grade_D_count_pct")),
                    none=pct(fig("grade_none_count_pct")),
                )
            ]
        if chapter == "receivable":
            change = fig("receivable_change_pct")
            return [
                self.env._(
                    "At the end of the period, the company's receivables total %(total)s, "
                    "%(share)s %% of total assets, %(direction)s %(change)s %% on the same time "
                    "last year.",
                    total=amount(fig("receivable_total")),
                    share=pct(fig("receivable_asset_share_pct")),
                    direction=self.env._("up") if change >= 0 else self.env._("down"),
                    change=pct(abs(change)),
                ),
                self.env._(
                    "Receivables under 1 year account for %(lt1)s %%, 1-2 years for %(y12)s %%, "
                    "2-3 years for %(y23)s %% and over 3 years for %(gt3)s %%.",
                    lt1=pct(fig("age_lt1_pct")),
                    y12=pct(fig("age_1_2_pct")),
                    y23=pct(fig("age_2_3_pct")),
                    gt3=pct(fig("age_gt3_pct")),
                ),
            ]
        if chapter == "overview":
            return [
                self.env._(
                    "In %(year)s, %(customers)s customers had credit activity; %(revenue)s was "
                    "invoiced and %(warnings)s credit warnings were opened.",
                    year=self.year,
                    customers=int(fig("customers_active")),
                    revenue=amount(fig("revenue")),
                    warnings=int(fig("warnings_opened")),
                )
            ]
        return []

    def _credit_bar_rows(self, section):
        """[(label, value, printed value)] of a chart: the grade or ageing shares."""
        self.ensure_one()
        if section == "grades":
            grade_labels = dict(self._credit_bar_labels_grades())
            return [
                (
                    grade_labels[grade],
                    self._credit_figure(f"grade_{grade}_exposure_pct"),
                    f"{self._credit_figure(f'grade_{grade}_exposure_pct'):.1f} %",
                )
                for grade in ("A", "B", "C", "D", "none")
            ]
        if section == "ageing_years":
            labels = self._credit_year_bucket_labels()
            return [
                (
                    labels[b],
                    self._credit_figure(f"age_{b}_pct"),
                    f"{self._credit_figure(f'age_{b}_pct'):.1f} %",
                )
                for b in YEAR_BUCKETS
            ]
        if section == "ageing_days":
            labels = self._credit_day_bucket_labels()
            return [
                (
                    labels[b],
                    self._credit_figure(f"days_{b}_pct"),
                    f"{self._credit_figure(f'days_{b}_pct'):.1f} %",
                )
                for b in DAY_BUCKETS
            ]
        return []

    @api.model
    def _credit_svg_bars(self, rows, width=520, scale=100.0):
        """A horizontal bar chart as inline SVG (wkhtmltopdf prints it): rows of (label, value,
        printed value), bars relative to ``scale``."""
        label_width, bar_height, gap = 150, 16, 6
        bar_space = width - label_width - 70
        height = len(rows) * (bar_height + gap) + gap
        colors = ("#2e7d32", "#1565c0", "#f9a825", "#c62828", "#757575")
        parts = [
            Markup(
                '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" '
                'font-family="sans-serif" font-size="11">'
            )
            % (width, height)
        ]
        for index, (label, value, printed) in enumerate(rows):
            y = gap + index * (bar_height + gap)
            length = max(0.0, min(float(value or 0.0), scale)) / scale * bar_space
            parts.append(
                Markup(
                    '<text x="0" y="%s">%s</text>'
                    '<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>'
                    '<text x="%s" y="%s">%s</text>'
                )
                % (
                    y + bar_height - 4,
                    label,
                    label_width,
                    y,
                    float_round(length, 1),
                    bar_height,
                    colors[index % len(colors)],
                    label_width + float_round(length, 1) + 4,
                    y + bar_height - 4,
                    printed,
                )
            )
        parts.append(Markup("</svg>"))
        return Markup("").join(parts)

    def _credit_report_xlsx(self):
        """The workbook of every figure: one sheet, chapter by chapter (Odoo's xlsxwriter)."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Figures")[:31])
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        chapter_format = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        formats = {
            "amount": workbook.add_format({"num_format": "#,##0.00"}),
            "percent": workbook.add_format({"num_format": '0.00"%"'}),
            "days": workbook.add_format({"num_format": "0.0"}),
            "count": workbook.add_format({"num_format": "0"}),
            "text": workbook.add_format({}),
        }
        units = {
            "amount": self.company_id.currency_id.name,
            "percent": "%",
            "days": self.env._("days"),
            "count": "",
            "text": "",
        }
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 1, 48)
        sheet.set_column(2, 2, 18)
        sheet.set_column(3, 4, 12)
        sheet.write(0, 0, self.name, title)
        sheet.write(1, 0, self.env._("As of"), bold)
        sheet.write(1, 1, fields.Date.to_string(self.date_to))
        row = 3
        for column, header in enumerate(
            (
                self.env._("Section"),
                self.env._("Figure"),
                self.env._("Value"),
                self.env._("Unit"),
                self.env._("Code"),
            )
        ):
            sheet.write(row, column, header, bold)
        for chapter, chapter_title in self._credit_report_chapters():
            sections = self._credit_chapter_sections(chapter)
            if not sections:
                continue
            row += 1
            sheet.merge_range(row, 0, row, 4, chapter_title, chapter_format)
            for __, section_title, __kind, definitions in sections:
                for definition in definitions:
                    row += 1
                    value = self._credit_figure(definition["code"], None)
                    sheet.write(row, 0, section_title)
                    sheet.write(row, 1, definition["label"])
                    if value is None:
                        sheet.write(row, 2, "-")
                    elif definition["type"] == "text":
                        sheet.write_string(row, 2, self._credit_format("text", value))
                    else:
                        sheet.write_number(row, 2, value, formats[definition["type"]])
                    sheet.write(row, 3, units[definition["type"]])
                    sheet.write(row, 4, definition["code"])
        workbook.close()
        return output.getvalue()
