# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from .credit_contract import term_days

# (check, category, filled automatically) in the order of the printed form
REVIEW_CHECKS = [
    ("legality", "three", False),
    ("authenticity", "three", False),
    ("feasibility", "three", False),
    ("counterparty", "five", True),
    ("agency", "five", True),
    ("creditworthiness", "five", True),
    ("business_scope", "five", False),
    ("settlement", "five", True),
    ("terms", "text", True),
]
CHECKS = [
    ("legality", "Legality (合法性)"),
    ("authenticity", "Authenticity (真实性)"),
    ("feasibility", "Feasibility (可行性)"),
    ("counterparty", "Counterparty qualified (对方主体是否合格)"),
    ("agency", "Authorized agent lawful (授权代理是否合法)"),
    ("creditworthiness", "Creditworthiness assured (资信是否保证)"),
    ("business_scope", "Within the business scope (经营范围是否超出)"),
    ("settlement", "Settlement method and legal procedure (结算方法和法定程序)"),
    ("terms", "Template and clauses complete (合同文本与条款)"),
]
CATEGORIES = [
    ("three", "Three Properties (三性)"),
    ("five", "Five Checks (五审查)"),
    ("text", "Contract Text"),
]
SECURED_SETTLEMENTS = ("immediate", "prepayment", "letter_of_credit")
# Put in the context by ``_evaluate`` only: proves an automatic finding comes from the data.
_AUTO_TOKEN = object()


class CreditContractReviewLine(models.Model):
    """One check of the review form and its finding."""

    _name = "credit.contract.review.line"
    _description = "Contract Review Check"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "credit.contract.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    review_state = fields.Selection(related="review_id.state")
    sequence = fields.Integer(default=10)
    check = fields.Selection(CHECKS, required=True, readonly=True)
    check_label = fields.Char(compute="_compute_check_label", string="Check Description")
    category = fields.Selection(CATEGORIES, compute="_compute_category", store=True)
    auto = fields.Boolean(
        string="Automatic",
        readonly=True,
        help="Filled from the suite's data (credit file, authorization, clauses): complete the "
        "data and refresh the checks rather than overriding the finding.",
    )
    result = fields.Selection(
        [("pending", "To Check"), ("pass", "Passed"), ("fail", "Failed"), ("na", "Not Applicable")],
        default="pending",
        required=True,
    )
    finding = fields.Text(help="What the clerk found (审查意见).")

    @api.depends("check")
    def _compute_check_label(self):
        labels = dict(self._fields["check"]._description_selection(self.env))
        for line in self:
            line.check_label = labels.get(line.check, "")

    @api.depends("check")
    def _compute_category(self):
        categories = {code: category for code, category, _auto in REVIEW_CHECKS}
        for line in self:
            line.category = categories.get(line.check)

    def write(self, vals):
        if not self.env.su and {"result", "finding"} & vals.keys():
            if not self.env.user.has_group("credit_management.group_credit_user"):
                raise AccessError(
                    self.env._("Only the credit department fills the contract review form.")
                )
            if any(line.review_id.state != "open" for line in self):
                raise UserError(self.env._("A concluded review form can no longer be changed."))
            if (
                self.filtered("auto")
                and "result" in vals
                and self.env.context.get("credit_review_auto") is not _AUTO_TOKEN
            ):
                raise UserError(
                    self.env._(
                        "Result: %(check)s is decided from the suite's data. Complete the data "
                        "(credit file, authorization letter, clauses) and refresh the checks.",
                        check=self.filtered("auto")[0].check_label,
                    )
                )
        return super().write(vals)

    def action_mark_passed(self):
        """The clerk checked this item and found nothing against the contract."""
        self.filtered(lambda line: not line.auto).write({"result": "pass"})
        return True

    # ------------------------------------------------------------------ automatic checks
    def _evaluate(self):
        """Fill the automatic checks of ``self`` from the data: a few queries for any number of
        reviews (exposure, grades, attachments and letters are read for all at once)."""
        lines = self.filtered("auto")
        if not lines:
            return
        contracts = lines.review_id.contract_id
        findings = {}
        findings.update(self._check_counterparty(contracts))
        findings.update(self._check_agency(contracts))
        findings.update(self._check_creditworthiness(contracts))
        findings.update(self._check_settlement(contracts))
        findings.update(self._check_terms(contracts))
        for line in lines:
            result, finding = findings[(line.review_id.contract_id.id, line.check)]
            line.with_context(credit_review_auto=_AUTO_TOKEN).write(
                {"result": result, "finding": finding}
            )

    def _check_counterparty(self, contracts):
        env = self.env
        partners = contracts.partner_id
        documents = dict(
            env["ir.attachment"]
            .sudo()
            ._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)],
                groupby=["res_id"],
                aggregates=["__count"],
            )
        )
        result = {}
        for contract in contracts:
            partner = contract.partner_id
            count = documents.get(partner.id, 0)
            missing = []
            if not partner.is_company:
                missing.append(env._("the counterparty is not registered as a company"))
            if not partner.vat:
                missing.append(env._("no unified social credit code (tax ID)"))
            if not count:
                missing.append(
                    env._("no qualification document (business licence...) attached to it")
                )
            if missing:
                result[(contract.id, "counterparty")] = ("fail", "; ".join(missing) + ".")
            else:
                result[(contract.id, "counterparty")] = (
                    "pass",
                    env._(
                        "Unified social credit code %(vat)s; %(count)s qualification "
                        "document(s) on file.",
                        vat=partner.vat,
                        count=count,
                    ),
                )
        return result

    def _check_agency(self, contracts):
        today = fields.Date.context_today(self)
        Letter = self.env["credit.contract.authorization"]
        letters = Letter._valid_for(contracts, today)
        result = {}
        for contract in contracts:
            letter = letters[contract.id]
            if letter:
                result[(contract.id, "agency")] = (
                    "pass",
                    self.env._(
                        "%(handler)s holds %(letter)s, valid until %(until)s, up to %(max)s.",
                        handler=contract.handler_id.name,
                        letter=letter.name,
                        until=letter.date_to,
                        max=format_amount(self.env, letter.max_amount, letter.currency_id),
                    ),
                )
            else:
                result[(contract.id, "agency")] = ("fail", Letter._problem_for(contract, today))
        return result

    def _check_creditworthiness(self, contracts):
        """Sales: the customer's grade and available credit; other kinds: the supplier's credit
        file (grades and scorecards apply to suppliers too)."""
        env = self.env
        result = {}
        grade_labels = dict(env["res.partner"]._fields["credit_grade"]._description_selection(env))
        for company, company_contracts in contracts.grouped("company_id").items():
            sales = company_contracts.filtered(lambda c: c.kind == "sales")
            # sudo: the review reads the counterparty's credit file to decide, whoever submits
            exposures = (
                sales.partner_id.with_company(company).sudo()._credit_exposure() if sales else {}
            )
            currency = company.currency_id

            def fmt(amount, currency=currency):
                return format_amount(env, amount, currency)

            for contract in company_contracts:
                partner = contract.partner_id.sudo()
                grade = partner.credit_grade
                key = (contract.id, "creditworthiness")
                grade_text = grade_labels.get(grade) or env._("none")
                if contract.kind != "sales":
                    if not grade:
                        result[key] = (
                            "fail",
                            env._(
                                "No credit file for %(partner)s: assess the supplier first "
                                "(credit application with its scorecard).",
                                partner=partner.name,
                            ),
                        )
                    elif grade == "D":
                        result[key] = (
                            "fail",
                            env._("Supplier graded %(grade)s: poor credit.", grade=grade_text),
                        )
                    else:
                        result[key] = (
                            "pass",
                            env._("Supplier graded %(grade)s.", grade=grade_text),
                        )
                    continue
                figures = exposures[partner.id]
                if grade == "D":
                    result[key] = (
                        "fail",
                        env._("Customer graded %(grade)s: poor credit.", grade=grade_text),
                    )
                    continue
                limit, available = figures["limit"], figures["available"]
                if currency.compare_amounts(limit, 0) <= 0:
                    if contract.settlement_method in SECURED_SETTLEMENTS:
                        result[key] = (
                            "pass",
                            env._(
                                "No credit granted (grade %(grade)s); the settlement is secured.",
                                grade=grade_text,
                            ),
                        )
                    else:
                        result[key] = (
                            "fail",
                            env._(
                                "No credit limit for a contract not settled at once: propose a "
                                "credit application."
                            ),
                        )
                    continue
                figures_text = env._(
                    "grade %(grade)s, limit %(limit)s, exposure %(exposure)s, available "
                    "%(available)s, contract %(amount)s",
                    grade=grade_text,
                    limit=fmt(limit),
                    exposure=fmt(figures["exposure"]),
                    available=fmt(available),
                    amount=fmt(contract.amount_company),
                )
                if (
                    contract.settlement_method not in SECURED_SETTLEMENTS
                    and currency.compare_amounts(contract.amount_company, available) > 0
                ):
                    result[key] = (
                        "fail",
                        env._(
                            "Above the available credit (%(figures)s): propose a credit "
                            "application.",
                            figures=figures_text,
                        ),
                    )
                else:
                    result[key] = ("pass", env._("Covered: %(figures)s.", figures=figures_text))
        return result

    def _check_settlement(self, contracts):
        """Settlement on credit terms: no longer than the terms the customer's grade allows."""
        env = self.env
        methods = dict(
            env["credit.contract"]._fields["settlement_method"]._description_selection(env)
        )
        result = {}
        for company, company_contracts in contracts.grouped("company_id").items():
            grades = env["credit.grade"].sudo()._grades_by_code(company)
            for contract in company_contracts:
                key = (contract.id, "settlement")
                method = contract.settlement_method
                label = methods.get(method, "")
                if method in SECURED_SETTLEMENTS:
                    result[key] = ("pass", env._("%(method)s: secured.", method=label))
                    continue
                if method != "credit":
                    result[key] = (
                        "pending",
                        env._("%(method)s: check it against the rules.", method=label),
                    )
                    continue
                if contract.kind != "sales":
                    result[key] = (
                        "pass",
                        env._(
                            "The company pays on credit terms (%(terms)s).",
                            terms=contract.payment_term_id.name,
                        ),
                    )
                    continue
                grade_code = contract.partner_id.sudo().credit_grade
                grade = grades.get(grade_code)
                if not grade:
                    result[key] = (
                        "fail",
                        env._("The customer has no credit grade: no credit terms can be granted."),
                    )
                    continue
                allowed = grade.payment_term_id
                if not allowed:
                    result[key] = (
                        "pass",
                        env._(
                            "Grade %(grade)s sets no limit to the payment terms.",
                            grade=grade.display_name,
                        ),
                    )
                    continue
                days, allowed_days = term_days(contract.payment_term_id), term_days(allowed)
                values = {
                    "terms": contract.payment_term_id.name,
                    "days": days,
                    "allowed": allowed.name,
                    "allowed_days": allowed_days,
                    "grade": grade.display_name,
                }
                if days > allowed_days:
                    result[key] = (
                        "fail",
                        env._(
                            "%(terms)s (%(days)s days) is longer than %(allowed)s "
                            "(%(allowed_days)s days) that grade %(grade)s allows.",
                            **values,
                        ),
                    )
                else:
                    result[key] = (
                        "pass",
                        env._(
                            "%(terms)s (%(days)s days) within %(allowed)s (%(allowed_days)s days) "
                            "that grade %(grade)s allows.",
                            **values,
                        ),
                    )
        return result

    def _check_terms(self, contracts):
        result = {}
        for contract in contracts:
            key = (contract.id, "terms")
            if not contract.template_id:
                result[key] = ("fail", self.env._("No contract template used."))
                continue
            missing = contract.clause_ids.filtered(lambda c: c.required and not c.included)
            if missing:
                result[key] = (
                    "fail",
                    self.env._(
                        "Template %(template)s; missing clauses: %(clauses)s.",
                        template=contract.template_id.name,
                        clauses=", ".join(missing.mapped("name")),
                    ),
                )
            else:
                result[key] = (
                    "pass",
                    self.env._(
                        "Template %(template)s; all %(count)s required clauses included.",
                        template=contract.template_id.name,
                        count=len(contract.clause_ids.filtered("required")),
                    ),
                )
        return result
