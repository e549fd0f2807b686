# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

FOLLOWUP_ACTIONS = [
    ("email", "E-mail"),
    ("letter", "Letter"),
    ("phone", "Phone call"),
    ("visit", "Visit"),
    ("agency", "Collection agency"),
    ("legal", "Legal action"),
]
ACTIVITY_ACTIONS = ("phone", "visit", "agency", "legal")


class CreditFollowupLevel(models.Model):
    """One step of a follow-up policy: what to do N days after the due date."""

    _name = "credit.followup.level"
    _description = "Follow-up Level"
    _order = "policy_id, delay_days, id"
    _check_company_auto = True

    policy_id = fields.Many2one(
        "credit.followup.policy", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    delay_days = fields.Integer(
        string="Days Overdue",
        required=True,
        help="The level applies to an invoice once it is this many days past its due date.",
    )
    action = fields.Selection(FOLLOWUP_ACTIONS, required=True, default="email")
    mail_template_id = fields.Many2one(
        "mail.template",
        string="E-mail Template",
        domain=[("model", "=", "credit.followup.communication")],
        help="Template of the e-mail sent at this level (e-mail action).",
    )
    mail_copy_collector = fields.Boolean(
        string="Copy the Collector",
        help="The customer's collector receives a copy of the reminder e-mail. By default only the "
        "customer receives it.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        help="Activity scheduled for the collector (phone, visit, agency and legal actions).",
    )
    activity_user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        help="Who gets the activity. Empty: the customer's collector, else the user running the "
        "follow-up.",
    )
    activity_summary = fields.Char(translate=True)
    fee_amount = fields.Monetary(
        string="Fee", currency_field="currency_id", help="Fixed fee charged per communication."
    )
    interest_rate = fields.Float(
        string="Annual Interest Rate (%)",
        digits=(16, 4),
        help="Late-payment interest: residual x rate / 100 x days overdue / 365.",
    )
    set_credit_hold = fields.Boolean(
        string="Put Customer on Credit Hold",
        help="The customer is put on credit hold when this level is reached: its next sales "
        "orders are held for a credit manager.",
    )
    manual_confirmation = fields.Boolean(
        string="Needs Manual Confirmation",
        help="Communications of this level wait in 'To confirm' until a credit user confirms them.",
    )
    description = fields.Html(
        translate=True, help="Text printed on the letter and the statement at this level."
    )

    @api.constrains("delay_days", "policy_id", "active")
    def _check_delay_days(self):
        for level in self:
            if level.delay_days < 0:
                raise ValidationError(
                    self.env._(
                        "The days overdue of level %(level)s cannot be negative.", level=level.name
                    )
                )
        groups = self._read_group(
            [("policy_id", "in", self.policy_id.ids)],
            groupby=["policy_id", "delay_days"],
            aggregates=["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            policy, delay, _count = groups[0]
            raise ValidationError(
                self.env._(
                    "Policy %(policy)s has several levels at %(days)s days overdue: each level "
                    "needs its own delay.",
                    policy=policy.display_name,
                    days=delay,
                )
            )

    @api.constrains("fee_amount")
    def _check_fee_amount(self):
        for level in self:
            if level.fee_amount < 0:
                raise ValidationError(
                    self.env._("The fee of level %(level)s cannot be negative.", level=level.name)
                )

    @api.constrains("interest_rate")
    def _check_interest_rate(self):
        for level in self:
            if not 0 <= level.interest_rate <= 100:
                raise ValidationError(
                    self.env._(
                        "The annual interest rate of level %(level)s must be between 0 and 100 %%.",
                        level=level.name,
                    )
                )
