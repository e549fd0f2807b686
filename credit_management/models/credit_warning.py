# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_compare

from .credit_grade import GRADES
from .credit_warning_indicator import SEVERITIES, SEVERITY_RANK

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"
OPEN_STATES = ("watch", "investigate", "act")
GRADE_RANK = {"A": 1, "B": 2, "C": 3, "D": 4}
# Exposure snapshots older than the look-back by more than this are not a baseline for growth.
SNAPSHOT_BASELINE_TOLERANCE_DAYS = 7
# Context that keeps the evaluation's batch writes from logging one message per record.
BATCH_CONTEXT = {
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_activity_quick_update": True,
}


class CreditWarning(models.Model):
    """A risk early warning (风险预警): one customer, one indicator, opened by the evaluation when
    the customer's value reaches its grade's threshold, never twice while the signal lasts.

    Response workflow: 关注 watch (analyst assigned, activity) → 调查 investigate (notes,
    attachments) → 处置 act (measures: lower limit through a credit application, credit hold,
    and in the collections module a follow-up level or a legal case) → closed. The evaluation
    closes it by itself when the signal clears. An open warning at or above the company's hold
    severity holds the customer's new orders through the hold decision.
    """

    _name = "credit.warning"
    _description = "Credit Warning"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date_open desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id.name", "indicator_id.name"]
    _workflow_initial_state = "watch"
    _workflow_fields = (
        "company_id",
        "partner_id",
        "indicator_id",
        "severity",
        "grade",
        "date_open",
        "date_closed",
        "close_reason",
        "closed_by_id",
        "value",
        "value_last",
        "threshold",
        "date_evaluated",
        "signal_active",
    )
    _workflow_unlink_states = ()

    name = fields.Char(string="Reference", compute="_compute_name")
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, index=True
    )
    indicator_id = fields.Many2one(
        "credit.warning.indicator", required=True, readonly=True, index=True, ondelete="restrict"
    )
    indicator_code = fields.Selection(related="indicator_id.code")
    unit = fields.Selection(related="indicator_id.unit")
    severity = fields.Selection(SEVERITIES, required=True, readonly=True, tracking=True)
    grade = fields.Selection(
        GRADES, string="Grade at Opening", readonly=True, help="Grade whose threshold applied."
    )
    state = fields.Selection(
        [
            ("watch", "Watch"),
            ("investigate", "Investigate"),
            ("act", "Act"),
            ("closed", "Closed"),
        ],
        default="watch",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="关注 Watch: opened, the analyst follows it. 调查 Investigate: the analyst gathers "
        "facts. 处置 Act: measures are taken. Closed: by hand, or by itself when the signal "
        "cleared.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Analyst",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Credit analyst following this warning.",
    )
    date_open = fields.Date(string="Opened On", required=True, readonly=True, index=True)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    close_reason = fields.Selection(
        [
            ("cleared", "Signal Cleared"),
            ("handled", "Handled"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    close_note = fields.Text(string="Conclusion", help="Why the warning is closed by hand.")
    value = fields.Float(string="Value at Opening", readonly=True, digits=(16, 2), aggregator="max")
    value_last = fields.Float(
        string="Last Value",
        readonly=True,
        digits=(16, 2),
        aggregator="max",
        help="Value at the last evaluation.",
    )
    threshold = fields.Float(readonly=True, digits=(16, 2), aggregator=None)
    date_evaluated = fields.Date(string="Last Evaluated", readonly=True)
    value_display = fields.Char(string="Value", compute="_compute_displays")
    value_last_display = fields.Char(string="Current Value", compute="_compute_displays")
    threshold_display = fields.Char(string="Threshold ", compute="_compute_displays")
    summary = fields.Char(compute="_compute_displays", help="Indicator, value and threshold.")
    signal_active = fields.Boolean(
        readonly=True,
        default=True,
        index=True,
        help="The signal still holds at the last evaluation. A warning closed by hand while its "
        "signal holds is not opened again until the signal clears.",
    )
    investigation_note = fields.Html(string="Investigation")
    measure_ids = fields.One2many(
        "credit.warning.measure", "warning_id", string="Measures", readonly=True
    )
    measure_count = fields.Integer(compute="_compute_measure_count")
    holds_orders = fields.Boolean(
        compute="_compute_holds_orders",
        help="Open and at or above the company's hold severity: the customer's new orders are "
        "held.",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("date_open")
    def _compute_name(self):
        for warning in self:
            warning.name = f"CW{warning.id:05d}" if warning.id else self.env._("New")

    @api.depends("partner_id", "indicator_id")
    def _compute_display_name(self):
        for warning in self:
            warning.display_name = " · ".join(
                part
                for part in (
                    warning.name,
                    warning.partner_id.display_name,
                    warning.indicator_id.name,
                )
                if part
            )

    @api.depends("value", "value_last", "threshold", "indicator_id")
    def _compute_displays(self):
        for warning in self:
            indicator = warning.indicator_id
            if not indicator:
                warning.update(
                    {
                        "value_display": False,
                        "value_last_display": False,
                        "threshold_display": False,
                        "summary": False,
                    }
                )
                continue
            warning.value_display = indicator._credit_format_value(warning.value)
            warning.value_last_display = indicator._credit_format_value(warning.value_last)
            warning.threshold_display = indicator._credit_format_value(warning.threshold)
            warning.summary = self.env._(
                "%(indicator)s %(value)s ≥ %(threshold)s",
                indicator=indicator.name,
                value=warning.value_last_display,
                threshold=warning.threshold_display,
            )

    def _compute_measure_count(self):
        counts = dict(
            self.env["credit.warning.measure"]._read_group(
                [("warning_id", "in", self.ids)], groupby=["warning_id"], aggregates=["__count"]
            )
        )
        for warning in self:
            warning.measure_count = counts.get(warning, 0)

    @api.depends("state", "severity", "company_id.credit_warning_hold_severity")
    def _compute_holds_orders(self):
        for warning in self:
            warning.holds_orders = warning.state != "closed" and warning._credit_severity_holds(
                warning.company_id, warning.severity
            )

    @api.model
    def _credit_severity_holds(self, company, severity):
        hold_from = company.credit_warning_hold_severity
        if not hold_from or hold_from == "none":
            return False
        return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK[hold_from]

    # ------------------------------------------------------------------ actions
    def _check_group(self, group_xmlid):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            if group_xmlid == CREDIT_MANAGER:
                raise AccessError(
                    self.env._("Only credit managers can do this on credit warnings.")
                )
            raise AccessError(self.env._("Only the credit department can work on credit warnings."))

    def action_investigate(self):
        """关注 → 调查: the analyst starts investigating."""
        self._check_group(CREDIT_USER)
        self._check_state(("watch",))
        self._workflow_write({"state": "investigate"})
        for warning in self:
            if not warning.user_id:
                warning.user_id = self.env.user
            warning._credit_message_post(self.env._("Investigation started."))
        return True

    def action_act(self):
        """调查 → 处置: measures are to be taken."""
        self._check_group(CREDIT_USER)
        self._check_state(("watch", "investigate"))
        self._workflow_write({"state": "act"})
        for warning in self:
            warning._credit_message_post(self.env._("Measures to be taken (处置)."))
        return True

    def action_close(self):
        """Close by hand with a conclusion. While the signal holds, no new warning opens."""
        self._check_group(CREDIT_USER)
        self._check_state(OPEN_STATES)
        for warning in self:
            if not (warning.close_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write the conclusion of %(name)s before closing it.",
                        name=warning.display_name,
                    )
                )
        self._workflow_write(
            {
                "state": "closed",
                "close_reason": "handled",
                "date_closed": self.company_id[:1]._credit_today()
                if self.company_id
                else fields.Date.context_today(self),
                "closed_by_id": self.env.uid,
            }
        )
        self.activity_ids.unlink()
        for warning in self:
            warning._credit_message_post(
                self.env._(
                    "Closed by %(user)s: %(note)s", user=self.env.user.name, note=warning.close_note
                )
            )
        return True

    def action_open_measure_wizard(self):
        """Open the measure dialog (处置) for the kind given in the context."""
        self.ensure_one()
        self._check_group(CREDIT_USER)
        self._check_state(OPEN_STATES)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take a Measure"),
            "res_model": "credit.warning.measure.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_warning_id": self.id,
                "default_kind": self.env.context.get("measure_kind", "lower_limit"),
            },
        }

    def action_view_measures(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_warning_measure_action"
        )
        action["domain"] = [("warning_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    @api.model
    def action_evaluate_now(self):
        """Button: evaluate the early-warning indicators of the current company now."""
        self._check_group(CREDIT_USER)
        # sudo: the evaluation reads every customer's figures and opens warnings for all of
        # them; the caller is a credit user (checked above), who sees the warnings anyway.
        stats = self.sudo()._credit_evaluate()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Early warning"),
                "message": self.env._(
                    "%(opened)s warning(s) opened, %(closed)s closed, %(open)s open.",
                    opened=stats["opened"],
                    closed=stats["closed"],
                    open=stats["open"],
                ),
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------------ measures
    def _credit_add_measure(self, kind, note=False, links=None):
        """Record a measure (处置) on each warning and move it to 处置; ``links``: the measure's
        fields pointing to the document it created ({"application_id": id, ...})."""
        links = links or {}
        measures = self.env["credit.warning.measure"].create(
            [{"warning_id": warning.id, "kind": kind, "note": note, **links} for warning in self]
        )
        to_act = self.filtered(lambda w: w.state in ("watch", "investigate"))
        if to_act:
            to_act._workflow_write({"state": "act"})
        labels = dict(measures._fields["kind"]._description_selection(self.env))
        for warning in self:
            warning._credit_message_post(
                self.env._(
                    "Measure taken by %(user)s: %(measure)s. %(note)s",
                    user=self.env.user.name,
                    measure=labels[kind],
                    note=note or "",
                )
            )
        return measures

    # ------------------------------------------------------------------ evaluation
    @api.model
    def _credit_evaluate(self):
        """Evaluate every active indicator of the current company for all its customers.

        Set-based: one exposure snapshot (a constant number of queries), one grouped query per
        indicator, then the warnings are opened, updated and closed in batches. Idempotent: a
        (customer, indicator) pair has at most one warning whose signal is active (unique index),
        so running twice the same day opens nothing new.

        The texts it writes (activities, chatter) are in the company's language when the job
        runs without a user's (the cron).

        :return: {"opened": int, "closed": int, "open": int}
        """
        company = self.env.company
        if not self.env.context.get("lang") and company.partner_id.lang:
            return self.with_context(lang=company.partner_id.lang)._credit_evaluate()
        today = company._credit_today()
        indicators = self.env["credit.warning.indicator"].search([("company_id", "=", company.id)])
        context = {
            "today": today,
            "exposures": self.env["credit.exposure.snapshot"]._credit_take_snapshot(today),
        }
        measured = {
            indicator: self._credit_warning_values(indicator, context) for indicator in indicators
        }
        partner_ids = set().union(*measured.values()) if measured else set()
        grades = self._credit_partner_grades(partner_ids)
        thresholds = indicators._credit_thresholds()
        triggered = {}
        for indicator, values in measured.items():
            grade_thresholds = thresholds[indicator.id]
            for partner_id, value in values.items():
                threshold = grade_thresholds.get(grades.get(partner_id) or "none")
                if threshold is None or float_compare(value, threshold, precision_digits=2) < 0:
                    continue
                triggered[partner_id, indicator.id] = (value, threshold)

        active = self.search([("company_id", "=", company.id), ("signal_active", "=", True)])
        active.fetch(["partner_id", "indicator_id", "state"])
        by_key = {(w.partner_id.id, w.indicator_id.id): w for w in active}
        still = active.filtered(lambda w: (w.partner_id.id, w.indicator_id.id) in triggered)
        self._credit_update_values(still, triggered, today)
        cleared = active - still
        closed = cleared.filtered(lambda w: w.state != "closed")
        self._credit_close_cleared(closed, cleared - closed, today)
        new_keys = [key for key in triggered if key not in by_key]
        opened = self._credit_open(new_keys, triggered, indicators, grades, today)
        company.sudo().credit_warning_last_evaluation = today
        return {
            "opened": len(opened),
            "closed": len(closed),
            "open": self.search_count(
                [("company_id", "=", company.id), ("state", "in", OPEN_STATES)]
            ),
        }

    @api.model
    def _credit_warning_values(self, indicator, context):
        """{commercial partner id: value} of ``indicator`` for every customer that has one.

        Dispatches to ``_credit_warning_values_<code>(indicator, context)``; ``context`` holds
        ``today``, ``exposures`` (of the day's snapshot) and caches shared by the indicators."""
        method = getattr(self, f"_credit_warning_values_{indicator.code}")
        return method(indicator, context)

    @api.model
    def _credit_partner_grades(self, partner_ids):
        if not partner_ids:
            return {}
        partners = self.env["res.partner"].search_fetch(
            [("id", "in", list(partner_ids))], ["credit_grade"]
        )
        return {partner.id: partner.credit_grade for partner in partners}

    def _credit_update_values(self, warnings, triggered, today):
        """Store the day's value of the warnings whose signal holds: one UPDATE for all."""
        if not warnings:
            return
        values = [(w.id, triggered[w.partner_id.id, w.indicator_id.id][0]) for w in warnings]
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                UPDATE credit_warning w
                   SET value_last = v.value, date_evaluated = %(today)s
                  FROM (VALUES %(values)s) AS v(id, value)
                 WHERE w.id = v.id
                """,
                today=today,
                values=SQL(", ").join(SQL("(%s, %s::float)", id_, value) for id_, value in values),
            )
        )
        warnings.invalidate_recordset(["value_last", "date_evaluated"])

    def _credit_close_cleared(self, to_close, handled, today):
        """The signal cleared: close the open warnings, release the handled ones."""
        if handled:
            handled.with_context(**BATCH_CONTEXT)._workflow_write({"signal_active": False})
        if not to_close:
            return
        to_close.with_context(**BATCH_CONTEXT)._workflow_write(
            {
                "state": "closed",
                "close_reason": "cleared",
                "date_closed": today,
                "date_evaluated": today,
                "signal_active": False,
            }
        )
        to_close.activity_ids.unlink()
        to_close._message_log_batch(
            bodies=dict.fromkeys(
                to_close.ids,
                Markup("<p>%s</p>")
                % self.env._(
                    "The signal cleared at the evaluation of %(date)s: closed.", date=today
                ),
            )
        )

    @api.model
    def _credit_open(self, keys, triggered, indicators, grades, today):
        """Open a warning per (partner, indicator) of ``keys``, assign the analyst and schedule
        the 关注 activity; all in batches."""
        if not keys:
            return self.browse()
        company = self.env.company
        indicator_by_id = {indicator.id: indicator for indicator in indicators}
        responsible = self._credit_warning_responsible({partner_id for partner_id, __ in keys})
        warnings = self.with_context(**BATCH_CONTEXT)._workflow_create(
            [
                {
                    "company_id": company.id,
                    "partner_id": partner_id,
                    "indicator_id": indicator_id,
                    "severity": indicator_by_id[indicator_id].severity,
                    "grade": grades.get(partner_id) or False,
                    "date_open": today,
                    "date_evaluated": today,
                    "value": triggered[partner_id, indicator_id][0],
                    "value_last": triggered[partner_id, indicator_id][0],
                    "threshold": triggered[partner_id, indicator_id][1],
                    "user_id": responsible.get(partner_id),
                    "signal_active": True,
                }
                for partner_id, indicator_id in keys
            ]
        )
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_warning")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].with_context(**BATCH_CONTEXT).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": warning.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Watch: %(summary)s", summary=warning.summary),
                    "date_deadline": today + timedelta(days=activity_type.delay_count or 0),
                    "user_id": warning.user_id.id or self.env.ref("base.user_admin").id,
                }
                for warning in warnings
            ]
        )
        warnings._message_log_batch(
            bodies={
                warning.id: Markup("<p>%s</p>")
                % self.env._(
                    "Warning opened by the evaluation of %(date)s: %(summary)s.",
                    date=today,
                    summary=warning.summary,
                )
                for warning in warnings
            }
        )
        return warnings

    @api.model
    def _credit_warning_responsible(self, partner_ids):
        """{partner id: user id} who follows the warnings of each customer: its credit analyst,
        else the first credit manager of the company."""
        partners = self.env["res.partner"].search_fetch(
            [("id", "in", list(partner_ids))], ["credit_analyst_id"]
        )
        managers = (
            self.env.ref("credit_management.group_credit_manager")
            .users.filtered(
                lambda user: (
                    not user._is_superuser()
                    and not user.share
                    and self.env.company in user.company_ids
                )
            )
            .sorted("id")
        )
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        fallback = (managers - admin)[:1] or managers[:1]
        return {
            partner.id: partner.credit_analyst_id.id or fallback.id or False for partner in partners
        }

    # ------------------------------------------------------------------ indicators
    @api.model
    def _credit_rates_today(self, context, days_ago=0):
        """Rates per customer at ``today - days_ago`` (cached in ``context``)."""
        key = ("rates", days_ago)
        if key not in context:
            date = context["today"] - timedelta(days=days_ago)
            context[key] = self.env["credit.rates"]._credit_rates(date, date, "partner")
        return context[key]

    @api.model
    def _credit_warning_values_overdue_rate(self, indicator, context):
        return {
            partner_id: values["overdue_rate"]
            for partner_id, values in self._credit_rates_today(context).items()
            if values["amount_receivable"] > 0
        }

    @api.model
    def _credit_warning_values_overdue_days(self, indicator, context):
        return {
            partner_id: values["oldest_overdue_days"]
            for partner_id, values in context["exposures"].items()
            if values["oldest_overdue_days"] > 0
        }

    @api.model
    def _credit_warning_values_usage(self, indicator, context):
        return {
            partner_id: values["usage_percent"]
            for partner_id, values in context["exposures"].items()
            if values["limit"] > 0
        }

    @api.model
    def _credit_warning_values_exposure_growth(self, indicator, context):
        then = context["today"] - timedelta(days=indicator.lookback_days)
        baseline = self.env["credit.exposure.snapshot"]._credit_exposure_at(
            then, not_before=then - timedelta(days=SNAPSHOT_BASELINE_TOLERANCE_DAYS)
        )
        result = {}
        for partner_id, values in context["exposures"].items():
            base = baseline.get(partner_id) or 0.0
            if base > 0:
                result[partner_id] = (values["exposure"] - base) / base * 100
        return result

    @api.model
    def _credit_warning_values_grade_downgrade(self, indicator, context):
        """Grade steps lost since before the first application or review approved in the
        look-back window (its grade at the time) to the customer's grade today."""
        since = context["today"] - timedelta(days=indicator.lookback_days)
        self.env["credit.application"].flush_model()
        self.env["res.partner"].flush_model(["credit_grade"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT ON (app.partner_id) app.partner_id, app.current_grade,
                       partner.credit_grade
                  FROM credit_application app
                  JOIN res_partner partner ON partner.id = app.partner_id
                 WHERE app.state = 'approved'
                   AND app.company_id = %(company)s
                   AND app.approval_date >= %(since)s
                   AND app.current_grade IS NOT NULL
                   AND partner.credit_grade IS NOT NULL
                 ORDER BY app.partner_id, app.approval_date, app.id
                """,
                company=self.env.company.id,
                since=since,
            )
        )
        return {
            partner_id: GRADE_RANK[now] - GRADE_RANK[before]
            for partner_id, before, now in rows
            if GRADE_RANK[now] > GRADE_RANK[before]
        }

    @api.model
    def _credit_warning_values_dso_trend(self, indicator, context):
        now = self._credit_rates_today(context)
        then = self._credit_rates_today(context, indicator.lookback_days)
        return {
            partner_id: values["dso"] - then[partner_id]["dso"]
            for partner_id, values in now.items()
            if values["amount_revenue_dso"] > 0
            and partner_id in then
            and then[partner_id]["amount_revenue_dso"] > 0
        }

    @api.model
    def _credit_warning_values_manual_signal(self, indicator, context):
        return {
            partner.id: count
            for partner, count in self.env["credit.warning.signal"]._read_group(
                [("company_id", "=", self.env.company.id), ("state", "=", "open")],
                groupby=["partner_id"],
                aggregates=["__count"],
            )
        }

    # ------------------------------------------------------------------ hold and display
    @api.model
    def _credit_holding_warnings(self, partner_ids):
        """{partner id: warnings} open at or above the current company's hold severity, for the
        hold decision; one query."""
        company = self.env.company
        hold_from = company.credit_warning_hold_severity
        if not partner_ids or not hold_from or hold_from == "none":
            return {}
        severities = [
            code for code, rank in SEVERITY_RANK.items() if rank >= SEVERITY_RANK[hold_from]
        ]
        warnings = self.search(
            [
                ("company_id", "=", company.id),
                ("partner_id", "in", list(partner_ids)),
                ("state", "in", OPEN_STATES),
                ("severity", "in", severities),
            ]
        )
        result = {}
        for warning in warnings:
            result.setdefault(warning.partner_id.id, self.browse())
            result[warning.partner_id.id] |= warning
        return result

    @api.model
    def _credit_open_warnings(self, partner_ids=None):
        """Open warnings of the current company with their figures, for the partner form, the
        hold banner and the credit dashboard; one search whatever the number of customers.

        :return: {partner id: [{"id", "name", "indicator", "severity", "state", "value",
                  "threshold", "date_open", "holds_orders"}]}
        """
        domain = [("company_id", "=", self.env.company.id), ("state", "in", OPEN_STATES)]
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        result = {}
        warnings = self.search(domain, order="date_open, id").sorted(
            lambda w: -SEVERITY_RANK.get(w.severity, 0)
        )
        for warning in warnings:
            result.setdefault(warning.partner_id.id, []).append(
                {
                    "id": warning.id,
                    "name": warning.name,
                    "indicator": warning.indicator_id.name,
                    "severity": warning.severity,
                    "state": warning.state,
                    "value": warning.value_last_display,
                    "threshold": warning.threshold_display,
                    "date_open": warning.date_open,
                    "holds_orders": warning.holds_orders,
                }
            )
        return result

    @api.model
    def _credit_warning_summary(self):
        """Counts of the current company's open warnings by severity and by indicator, for the
        credit dashboard: {"total", "holding", "by_severity": {code: n}, "by_indicator":
        {name: n}}."""
        company = self.env.company
        groups = self._read_group(
            [("company_id", "=", company.id), ("state", "in", OPEN_STATES)],
            groupby=["severity", "indicator_id"],
            aggregates=["__count"],
        )
        summary = {"total": 0, "holding": 0, "by_severity": {}, "by_indicator": {}}
        for severity, indicator, count in groups:
            summary["total"] += count
            summary["by_severity"][severity] = summary["by_severity"].get(severity, 0) + count
            summary["by_indicator"][indicator.name] = (
                summary["by_indicator"].get(indicator.name, 0) + count
            )
            if self._credit_severity_holds(company, severity):
                summary["holding"] += count
        return summary

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_evaluate(self):
        """Daily: evaluate each company with indicators, one company per call (Odoo's cron calls
        again while ``_notify_progress`` reports work remaining)."""
        groups = self.env["credit.warning.indicator"]._read_group([], groupby=["company_id"])
        companies = self.env["res.company"].browse([company.id for (company,) in groups])
        todo = companies.filtered(
            lambda c: (
                not c.credit_warning_last_evaluation
                or c.credit_warning_last_evaluation < c._credit_today()
            )
        )
        if not todo:
            return
        company = todo[0]
        self.with_company(company)._credit_evaluate()
        self.env["ir.cron"]._notify_progress(done=1, remaining=len(todo) - 1)

    def init(self):
        # Never two warnings with an active signal for one customer and indicator, whatever the
        # concurrency of evaluations (button and cron).
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS credit_warning_signal_uniq
                    ON credit_warning (company_id, partner_id, indicator_id)
                 WHERE signal_active
                """
            )
        )
