# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditFollowupPolicy(models.Model):
    """A company's ladder of follow-up levels (催收政策)."""

    _name = "credit.followup.policy"
    _description = "Follow-up Policy"
    _order = "company_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    level_ids = fields.One2many("credit.followup.level", "policy_id", string="Levels", copy=True)
    level_count = fields.Integer(compute="_compute_level_count")
    is_company_default = fields.Boolean(
        compute="_compute_is_company_default",
        help="This policy is the company's default: customers without their own policy follow it.",
    )
    note = fields.Text(translate=True)
    promise_max_days = fields.Integer(
        string="Longest Promise (days)",
        default=30,
        help="A promise to pay (承诺付款), from the collector or the customer's portal, may not be "
        "later than this many days from today.",
    )

    _sql_constraints = [
        (
            "promise_max_days_positive",
            "CHECK(promise_max_days > 0)",
            "The longest promise must be at least one day.",
        ),
    ]

    @api.depends("level_ids")
    def _compute_level_count(self):
        for policy in self:
            policy.level_count = len(policy.level_ids)

    @api.depends("company_id.followup_policy_id")
    def _compute_is_company_default(self):
        for policy in self:
            policy.is_company_default = policy.company_id.followup_policy_id == policy

    def action_set_company_default(self):
        """Make this policy the default of its company."""
        self.ensure_one()
        self.company_id.followup_policy_id = self
        return True
