# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CreditAnnualReportWizard(models.TransientModel):
    """Open the year-end credit report of a company and year, its figures computed."""

    _name = "credit.annual.report.wizard"
    _description = "Year-end Credit Report Wizard"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
        help="The report covers 1 January to 31 December of this year; figures are as of 31 "
        "December.",
    )

    @api.constrains("year")
    def _check_year(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if not 1900 <= wizard.year <= today.year:
                raise ValidationError(
                    self.env._(
                        "Year: enter a year between 1900 and %(year)s (got %(value)s).",
                        year=today.year,
                        value=wizard.year,
                    )
                )

    def action_open(self):
        """Find or create the report, compute its figures while it is a draft, open it."""
        self.ensure_one()
        Report = self.env["credit.annual.report"]
        Report._check_group("credit_management.group_credit_user")
        report = Report.search(
            [("company_id", "=", self.company_id.id), ("year", "=", self.year)], limit=1
        )
        if not report:
            report = Report.create({"company_id": self.company_id.id, "year": self.year})
        if report.state == "draft":
            report.action_compute()
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.annual.report",
            "res_id": report.id,
            "view_mode": "form",
            "target": "current",
        }
