# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
]
SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}

# Unit of each indicator's value: how it is shown and what its thresholds mean.
UNITS = [
    ("percent", "%"),
    ("days", "Days"),
    ("count", "Count"),
    ("amount", "Amount"),
    ("steps", "Grade Steps"),
]


class CreditWarningIndicator(models.Model):
    """A risk early-warning indicator (风险预警指标) of one company.

    The daily evaluation measures the indicator for every customer in one grouped query
    (``_credit_warning_values_<code>`` of ``credit.warning``) and opens a warning for each customer
    whose value reaches the threshold of its grade. A grade without a threshold line is not
    monitored by the indicator.
    """

    _name = "credit.warning.indicator"
    _description = "Credit Warning Indicator"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        [
            ("overdue_rate", "Overdue Rate"),
            ("overdue_days", "Oldest Overdue Days"),
            ("usage", "Credit Usage"),
            ("exposure_growth", "Exposure Growth"),
            ("grade_downgrade", "Grade Downgrade"),
            ("dso_trend", "DSO Trend"),
            ("manual_signal", "Credit Information Signal"),
        ],
        string="Measure",
        required=True,
        help="What is measured for each customer. Overdue rate: overdue part of the open "
        "receivable (%). Oldest overdue days: days past due of the oldest overdue instalment. "
        "Credit usage: exposure / limit (%). Exposure growth: increase of the exposure over the "
        "look-back days (%), from the daily exposure snapshots. Grade downgrade: grade steps lost "
        "through credit applications and reviews approved in the look-back days. DSO trend: "
        "increase of the days sales outstanding over the look-back days. Credit information "
        "signal: open signals recorded by the credit information desk (商情).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    severity = fields.Selection(
        SEVERITIES,
        required=True,
        default="medium",
        help="Severity of the warnings this indicator opens. Open warnings at or above the "
        "company's hold severity hold the customer's new orders.",
    )
    lookback_days = fields.Integer(
        string="Look-back Days",
        default=30,
        help="Window of the indicators measured over time (exposure growth, grade downgrade, DSO "
        "trend, broken promises, write-offs): the value compares today with this many days ago, "
        "or counts the events of these days.",
    )
    unit = fields.Selection(UNITS, compute="_compute_unit")
    uses_lookback = fields.Boolean(compute="_compute_unit")
    threshold_ids = fields.One2many(
        "credit.warning.threshold", "indicator_id", string="Thresholds by Grade", copy=True
    )
    description = fields.Text(translate=True)
    warning_count = fields.Integer(string="Open Warnings", compute="_compute_warning_count")

    _sql_constraints = [
        (
            "lookback_positive",
            "CHECK(lookback_days >= 0)",
            "The look-back days of an indicator cannot be negative.",
        ),
    ]

    @api.depends("code")
    def _compute_unit(self):
        units = self._credit_indicator_units()
        lookback = self._credit_indicator_lookback_codes()
        for indicator in self:
            indicator.unit = units.get(indicator.code, "count")
            indicator.uses_lookback = indicator.code in lookback

    def _compute_warning_count(self):
        counts = dict(
            self.env["credit.warning"]._read_group(
                [("indicator_id", "in", self.ids), ("state", "!=", "closed")],
                groupby=["indicator_id"],
                aggregates=["__count"],
            )
        )
        for indicator in self:
            indicator.warning_count = counts.get(indicator, 0)

    @api.model
    def _credit_indicator_units(self):
        """{code: unit}: extended by the modules that add indicators."""
        return {
            "overdue_rate": "percent",
            "overdue_days": "days",
            "usage": "percent",
            "exposure_growth": "percent",
            "grade_downgrade": "steps",
            "dso_trend": "days",
            "manual_signal": "count",
        }

    @api.model
    def _credit_indicator_lookback_codes(self):
        """Codes whose value depends on the look-back days."""
        return {"exposure_growth", "grade_downgrade", "dso_trend"}

    @api.constrains("threshold_ids")
    def _check_threshold_grades(self):
        for indicator in self:
            grades = indicator.threshold_ids.mapped("grade")
            if len(grades) != len(set(grades)):
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s has two thresholds for the same grade.",
                        name=indicator.name,
                    )
                )

    def _credit_thresholds(self):
        """{indicator id: {grade code or "none": threshold}}."""
        return {
            indicator.id: {line.grade: line.threshold for line in indicator.threshold_ids}
            for indicator in self
        }

    def _credit_format_value(self, value):
        """The value in the indicator's unit, for messages and the warning's figures."""
        self.ensure_one()
        if self.unit == "percent":
            return f"{value:.1f} %"
        if self.unit == "amount":
            return self.currency_id.format(value)
        if self.unit == "days":
            return self.env._("%(days)s days", days=round(value))
        return f"{value:g}"

    @api.model
    def action_evaluate_now(self):
        """Button of the indicator list: evaluate the current company now."""
        return self.env["credit.warning"].action_evaluate_now()

    def action_view_warnings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_warning_action"
        )
        action["domain"] = [("indicator_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action
