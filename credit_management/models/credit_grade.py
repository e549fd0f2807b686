# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

GRADES = [
    ("A", "A - Excellent"),
    ("B", "B - Good"),
    ("C", "C - Fair"),
    ("D", "D - Poor"),
]


class CreditGrade(models.Model):
    """Configuration of a credit grade (信用等级) for one company.

    The grade of a customer is the one with the highest minimum score not above its scorecard
    total. Overrides left off use the company settings (tolerance, max overdue days).
    """

    _name = "credit.grade"
    _description = "Credit Grade"
    _order = "company_id, code"

    code = fields.Selection(GRADES, required=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    min_score = fields.Float(
        string="Minimum Score",
        help="A scorecard total at or above this score (0-100) gives this grade, unless a "
        "better grade's minimum is also reached.",
    )
    suggested_limit = fields.Monetary(
        help="Credit limit proposed to customers of this grade (company currency). "
        "0 means no suggestion: the requested limit is proposed.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Suggested Payment Terms",
        check_company=True,
    )
    override_tolerance = fields.Boolean(
        help="Use the tolerance below instead of the company setting for customers of this grade.",
    )
    tolerance_percent = fields.Float(
        string="Tolerance (%)",
        help="Exposure may exceed the limit by this percentage before orders are held.",
    )
    override_max_overdue_days = fields.Boolean(
        help="Use the maximum overdue days below instead of the company setting for customers "
        "of this grade.",
    )
    max_overdue_days = fields.Integer(
        help="Orders are held when the oldest overdue invoice is more days past due than this "
        "(0 = no overdue check for this grade).",
    )
    review_interval_months = fields.Integer(
        default=12,
        help="Months between two credit reviews of customers of this grade.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "Each grade code can be configured only once per company.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for grade in self:
            grade.display_name = f"{grade.code} {grade.name}" if grade.code else grade.name

    @api.constrains(
        "min_score",
        "suggested_limit",
        "tolerance_percent",
        "max_overdue_days",
        "review_interval_months",
    )
    def _check_values(self):
        for grade in self:
            if not 0 <= grade.min_score <= 100:
                raise ValidationError(
                    self.env._(
                        "The minimum score of grade %(grade)s must be between 0 and 100.",
                        grade=grade.code,
                    )
                )
            if grade.suggested_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The suggested limit of grade %(grade)s cannot be negative.",
                        grade=grade.code,
                    )
                )
            if not 0 <= grade.tolerance_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The tolerance of grade %(grade)s must be between 0 and 100 %%.",
                        grade=grade.code,
                    )
                )
            if grade.max_overdue_days < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum overdue days of grade %(grade)s cannot be negative.",
                        grade=grade.code,
                    )
                )
            if grade.review_interval_months < 1:
                raise ValidationError(
                    self.env._(
                        "The review interval of grade %(grade)s must be at least one month.",
                        grade=grade.code,
                    )
                )

    @api.model
    def _grade_for_score(self, score, company=None):
        """Return the grade of ``company`` (default: current) reached by ``score``.

        The best grade whose minimum score is reached; the worst configured grade when none is.
        """
        company = company or self.env.company
        grades = self.search([("company_id", "=", company.id)], order="min_score desc")
        for grade in grades:
            if score >= grade.min_score:
                return grade
        return grades[-1:]

    @api.model
    def _grades_by_code(self, company=None):
        company = company or self.env.company
        return {g.code: g for g in self.search([("company_id", "=", company.id)])}

    @api.model
    @tools.ormcache("company_id")
    def _credit_grade_overrides(self, company_id):
        """{code: {"tolerance_percent": float|None, "max_overdue_days": int|None}} of the
        company's active grades (None: the grade keeps the company setting). Cached: the hold
        decision reads it for every order; cleared when a grade changes."""
        # sudo: the hold decision reads the grade settings whoever confirms (a salesperson
        # may not read grades); only tolerances and overdue days leave this method
        grades = self.sudo().search([("company_id", "=", company_id)])
        return {
            grade.code: {
                "tolerance_percent": grade.tolerance_percent if grade.override_tolerance else None,
                "max_overdue_days": (
                    grade.max_overdue_days if grade.override_max_overdue_days else None
                ),
            }
            for grade in grades
        }

    @api.model_create_multi
    def create(self, vals_list):
        grades = super().create(vals_list)
        self.env.registry.clear_cache()  # _credit_grade_overrides
        return grades

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()  # _credit_grade_overrides
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _credit_grade_overrides
        return result
