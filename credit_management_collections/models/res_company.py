# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

DEFAULT_POLICY_XMLID = "credit_management_collections.followup_policy_default"

# The company's weights of the collector's worklist priority (0 = factor ignored): each factor
# gives 0-100 points and the score is their weighted mean.
PRIORITY_FACTORS = (
    "collection_weight_amount",
    "collection_weight_days",
    "collection_weight_grade",
    "collection_weight_broken",
    "collection_weight_warnings",
    "collection_weight_level",
    "collection_weight_last_contact",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    followup_policy_id = fields.Many2one(
        "credit.followup.policy",
        string="Default Follow-up Policy",
        domain="[('company_id', '=', id)]",
        help="Follow-up policy of the customers that have none of their own.",
    )
    followup_invoice_fees = fields.Boolean(
        string="Invoice Follow-up Fees",
        help="Fees and interest of each follow-up communication are invoiced to the customer in a "
        "separate draft customer invoice.",
    )
    followup_fee_product_id = fields.Many2one(
        "product.product",
        string="Follow-up Fee Product",
        domain="[('company_id', 'in', [id, False])]",
        help="Product of the fee and interest lines of follow-up invoices (income account, taxes).",
    )

    credit_bad_debt_account_id = fields.Many2one(
        "account.account",
        string="Bad-Debt Account",
        check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Expense account debited when a bad-debt write-off (坏账核销) is approved.",
    )
    credit_writeoff_journal_id = fields.Many2one(
        "account.journal",
        string="Write-off Journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal in which bad-debt write-off entries are posted.",
    )

    # Collector's worklist: weights of the priority score (0 = factor ignored).
    collection_weight_amount = fields.Integer(string="Weight: Overdue Amount", default=30)
    collection_weight_days = fields.Integer(string="Weight: Days Overdue", default=25)
    collection_weight_grade = fields.Integer(string="Weight: Credit Grade", default=10)
    collection_weight_broken = fields.Integer(string="Weight: Broken Promises", default=15)
    collection_weight_warnings = fields.Integer(string="Weight: Open Warnings", default=10)
    collection_weight_level = fields.Integer(string="Weight: Follow-up Level", default=5)
    collection_weight_last_contact = fields.Integer(string="Weight: Last Contact", default=5)
    portal_show_credit_limit = fields.Boolean(
        string="Show Credit Limit on the Portal",
        help="Portal customers see their credit limit and available credit in Credit & statements.",
    )

    @api.constrains(*PRIORITY_FACTORS)
    def _check_collection_weights(self):
        for company in self:
            weights = [company[name] for name in PRIORITY_FACTORS]
            if any(weight < 0 for weight in weights):
                raise ValidationError(
                    self.env._("The weights of the worklist priority cannot be negative.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._credit_followup_ensure_policy()
        return companies

    def _credit_followup_ensure_policy(self):
        """Give the companies without a follow-up policy a copy of the installed default ladder.

        When the default ladder was deleted, nothing is created: the run then reports clearly that
        the company has no follow-up policy.
        """
        # sudo: the shipped ladder belongs to the main company, which the user may not access;
        # it is only read and copied into company configuration created with the company.
        template = self.env.ref(DEFAULT_POLICY_XMLID, raise_if_not_found=False)
        template = template.sudo() if template else template
        for company in self.filtered(lambda c: not c.followup_policy_id):
            if template and template.company_id == company:
                company.followup_policy_id = template
                continue
            if not template:
                _logger.info("No default follow-up policy to copy for company %s", company.name)
                continue
            policy = template.copy({"company_id": company.id})
            # sudo: company setup (install hook / new company) sets its default policy
            company.sudo().followup_policy_id = policy
