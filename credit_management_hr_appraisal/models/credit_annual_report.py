# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CreditAnnualReport(models.Model):
    """The appraisal's figures of the year-end report (内部制度执行): trainings held and the exam
    pass rate, the clerks' appraisal bands."""

    _inherit = "credit.annual.report"

    @api.model
    def _credit_report_sections(self):
        sections = super()._credit_report_sections()
        result = {}
        for section, values in sections.items():
            if section == "contracts":
                result["training"] = (
                    "internal",
                    self.env._("Integrity and Legal Training"),
                    "list",
                )
                result["appraisal"] = ("internal", self.env._("Credit Clerk Appraisal"), "list")
            result[section] = values
        return result

    @api.model
    def _credit_report_definitions(self):
        definitions = super()._credit_report_definitions()
        rows = [
            ("training", "trainings_held", self.env._("Training sessions held"), "count"),
            ("training", "training_attendees", self.env._("Attendances"), "count"),
            ("training", "exams_passed", self.env._("Exams passed (retakes included)"), "count"),
            ("training", "exam_pass_rate", self.env._("Exam pass rate"), "percent"),
            ("appraisal", "appraisals_total", self.env._("Appraisals approved"), "count"),
        ]
        rows += [
            ("appraisal", f"appraisals_{rating}", self.env._("Band: %(band)s", band=label), "count")
            for rating, label in self.env["credit.appraisal"]
            ._fields["rating"]
            ._description_selection(self.env)
        ]
        return definitions + [
            {"section": section, "code": code, "label": label, "type": kind}
            for section, code, label, kind in rows
        ]

    def _credit_report_figures(self):
        figures = super()._credit_report_figures()
        company = self.company_id.id
        sessions = self.env["credit.training.session"].search(
            [("company_id", "=", company), ("state", "=", "done"), ("year", "=", self.year)]
        )
        attendances = self.env["credit.training.attendee"]._read_group(
            [("session_id", "in", sessions.ids), ("attended", "=", True)],
            groupby=["passed"],
            aggregates=["__count"],
        )
        attended = sum(count for __, count in attendances)
        passed = sum(count for is_passed, count in attendances if is_passed)
        figures.update(
            {
                "trainings_held": len(sessions),
                "training_attendees": attended,
                "exams_passed": passed,
                "exam_pass_rate": self._credit_pct(passed, attended),
            }
        )
        # sudo: the report counts the approved appraisals of the company per band (no names, no
        # scores); a credit user may only read their own appraisals.
        Appraisal = self.env["credit.appraisal"].sudo()
        ratings = Appraisal._fields["rating"].get_values(self.env)
        figures.update({f"appraisals_{rating}": 0 for rating in ratings})
        for rating, count in Appraisal._read_group(
            [("company_id", "=", company), ("year", "=", self.year), ("state", "=", "approved")],
            groupby=["rating"],
            aggregates=["__count"],
        ):
            if rating:
                figures[f"appraisals_{rating}"] = count
        figures["appraisals_total"] = sum(figures[f"appraisals_{rating}"] for rating in ratings)
        return figures
