# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.company: the contract department's settings.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_contract_required = fields.Boolean(
        string="Written Contract Required",
        help="Sales orders above the amount below, or on credit terms, need a signed sales "
        "contract in force for the customer; confirming one without it holds the order "
        "(immediate settlement and prepaid orders are exempt).",
    )
    credit_contract_required_amount = fields.Monetary(
        string="Contract Required Above",
        currency_field="currency_id",
        help="Orders above this total (company currency) need a written contract. 0 = any "
        "amount when the order is on credit terms only.",
    )
    credit_contract_required_on_credit = fields.Boolean(
        string="Contract Required on Credit Terms",
        default=True,
        help="Orders on credit terms (not immediate settlement, not prepaid) need a written "
        "contract whatever their amount.",
    )
    credit_contract_major_amount = fields.Monetary(
        string="Joint Review Above",
        currency_field="currency_id",
        help="Contracts above this amount are major: the named reviewers review them jointly "
        "(会审). 0 = only the contract types marked for joint review.",
    )
    credit_contract_reviewer_finance_id = fields.Many2one(
        "res.users", string="Finance Reviewer", domain="[('share', '=', False)]"
    )
    credit_contract_reviewer_legal_id = fields.Many2one(
        "res.users", string="Legal Reviewer", domain="[('share', '=', False)]"
    )
    credit_contract_reviewer_technical_id = fields.Many2one(
        "res.users", string="Technical Reviewer", domain="[('share', '=', False)]"
    )
    credit_contract_registration_days = fields.Integer(
        string="Register Contracts Within (days)",
        default=3,
        help="A signed contract registered in the ledger more days after its signature is "
        "registered late (ledger timeliness, appraisal item 五.1).",
    )
    credit_contract_review_days = fields.Integer(
        string="Review Contracts Within (days)",
        default=5,
        help="A review form concluded within this many days of the submission is on time "
        "(appraisal item 三.1).",
    )
    credit_complaint_response_days = fields.Integer(
        string="Answer Complaints Within (days)",
        default=3,
        help="Complaints answered within this many days are answered on time (item 四.2).",
    )

    @api.constrains(
        "credit_contract_required_amount",
        "credit_contract_major_amount",
        "credit_contract_registration_days",
        "credit_contract_review_days",
        "credit_complaint_response_days",
    )
    def _check_credit_contract_settings(self):
        for company in self:
            for fname in (
                "credit_contract_required_amount",
                "credit_contract_major_amount",
                "credit_contract_registration_days",
                "credit_contract_review_days",
                "credit_complaint_response_days",
            ):
                if company[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(company)s cannot be negative (got %(value)s).",
                            field=self._fields[fname]._description_string(self.env),
                            company=company.name,
                            value=company[fname],
                        )
                    )
