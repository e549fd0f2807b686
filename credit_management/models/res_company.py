# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    credit_tolerance_percent = fields.Float(
        string="Credit Tolerance (%)",
        help="An order is held only when the customer's exposure including the order exceeds "
        "its credit limit increased by this percentage (0 to 100).",
    )
    credit_max_overdue_days = fields.Integer(
        string="Max Overdue Days",
        help="Orders of a customer whose oldest overdue receivable is more than this number of "
        "days past due are held. 0 disables the rule.",
    )
    credit_hold_without_limit = fields.Boolean(
        string="Hold Customers Without a Limit",
        help="When enabled, a customer without a credit limit (limit 0) is held at every order. "
        "When disabled, a limit of 0 means no limit.",
    )

    def _credit_today(self):
        """The company's today: the date overdue days are counted to (DESIGN §6).

        In the time zone of the company's address when it has one, else the user's (the cron's
        user for scheduled jobs): a company in Shanghai is a day ahead of the server's UTC date
        every evening.
        """
        self.ensure_one()
        tz = self.partner_id.tz or self.env.context.get("tz") or self.env.user.tz
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.constrains("credit_tolerance_percent")
    def _check_credit_tolerance_percent(self):
        for company in self:
            if not 0 <= company.credit_tolerance_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The credit tolerance of %(company)s must be between 0 and 100 %% "
                        "(got %(value)s).",
                        company=company.name,
                        value=company.credit_tolerance_percent,
                    )
                )

    @api.constrains("credit_max_overdue_days")
    def _check_credit_max_overdue_days(self):
        for company in self:
            if company.credit_max_overdue_days < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum overdue days of %(company)s cannot be negative "
                        "(got %(value)s); use 0 to disable the rule.",
                        company=company.name,
                        value=company.credit_max_overdue_days,
                    )
                )

    # ---------------------------------------------------------------------------------------------
    # Credit applications: second approval threshold (grades / applications / reviews feature)
    # ---------------------------------------------------------------------------------------------
    credit_application_second_approval_amount = fields.Monetary(
        string="Second Approval Above",
        currency_field="currency_id",
        help="Credit applications granting a limit above this amount need the approval of a "
        "second, different credit manager. 0 = one approval is always enough.",
    )

    @api.constrains("credit_application_second_approval_amount")
    def _check_credit_application_second_approval_amount(self):
        for company in self:
            if company.credit_application_second_approval_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The second-approval amount of credit applications cannot be negative."
                    )
                )

    # ---------------------------------------------------------------------------------------------
    # Securities (credit.security): notice before a security ends
    # ---------------------------------------------------------------------------------------------
    credit_security_expiry_notice_days = fields.Integer(
        string="Security Expiry Notice (days)",
        default=30,
        help="An activity is scheduled this many days before a guarantee, letter of credit or "
        "insurance policy backing a customer's limit ends.",
    )

    @api.constrains("credit_security_expiry_notice_days")
    def _check_credit_security_expiry_notice_days(self):
        for company in self:
            if company.credit_security_expiry_notice_days < 0:
                raise ValidationError(
                    self.env._("The security expiry notice (days) cannot be negative.")
                )

    # ---------------------------------------------------------------------------------------------
    # Early warning (风险预警)
    # ---------------------------------------------------------------------------------------------
    credit_warning_hold_severity = fields.Selection(
        [
            ("none", "Never"),
            ("high", "High"),
            ("medium", "Medium or High"),
            ("low", "Any Severity"),
        ],
        string="Hold Orders on Warnings",
        default="high",
        required=True,
        help="New orders of a customer are held while one of its credit warnings of this "
        "severity (or higher) is open.",
    )
    credit_warning_last_evaluation = fields.Date(
        string="Last Early-Warning Evaluation", readonly=True, copy=False
    )
