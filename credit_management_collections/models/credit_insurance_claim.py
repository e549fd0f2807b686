# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"


class CreditInsuranceClaim(models.Model):
    """A claim to the credit insurer (信用保险理赔) for a bad debt written off.

    Filed from a posted write-off of a customer covered by a credit insurance policy
    (``credit.security`` of type insurance); tracks the claimed amount (the written-off amount x
    the policy's cover, capped by the insurer's limit for the customer), the filing and the amount
    recovered from the insurer.
    """

    _name = "credit.insurance.claim"
    _description = "Credit Insurance Claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = ("date_filed", "filed_by_id", "date_settled")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("filed", "Filed"),
            ("settled", "Settled"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    writeoff_id = fields.Many2one(
        "credit.writeoff",
        string="Write-off",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        domain="[('state', '=', 'posted')]",
    )
    company_id = fields.Many2one(related="writeoff_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="writeoff_id.partner_id", store=True, string="Customer")
    security_id = fields.Many2one(
        "credit.security",
        string="Insurance Policy",
        required=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('security_type', '=', 'insurance'),"
        " ('state', 'in', ('approved', 'expired'))]",
    )
    insurer_id = fields.Many2one(related="security_id.issuer_id", store=True, string="Insurer")
    amount_written_off = fields.Monetary(related="writeoff_id.amount", string="Written Off")
    amount_claimed = fields.Monetary(
        compute="_compute_amount_claimed",
        store=True,
        readonly=False,
        tracking=True,
        help="Written-off amount x the policy's cover, capped by the insurer's limit for the "
        "customer.",
    )
    date_filed = fields.Date(string="Filed On", readonly=True, copy=False, tracking=True)
    filed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    insurer_reference = fields.Char(
        string="Insurer's Claim Number", tracking=True, help="Number given by the insurer."
    )
    amount_recovered = fields.Monetary(tracking=True, help="Amount the insurer paid on this claim.")
    date_settled = fields.Date(string="Settled On", readonly=True, copy=False, tracking=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK(amount_claimed >= 0 AND COALESCE(amount_recovered, 0) >= 0)",
            "Claimed and recovered amounts cannot be negative.",
        ),
    ]

    @api.depends("writeoff_id.amount", "security_id")
    def _compute_amount_claimed(self):
        for claim in self:
            policy = claim.security_id
            claimed = claim.writeoff_id.amount * (policy.cover_percent or 0.0) / 100.0
            if policy.insurer_limit:
                limit = policy.currency_id._convert(
                    policy.insurer_limit,
                    claim.currency_id,
                    claim.company_id,
                    claim.writeoff_id.date or fields.Date.context_today(self),
                )
                claimed = min(claimed, limit)
            claim.amount_claimed = claim.currency_id.round(claimed)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "credit.insurance.claim"
                ) or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        locked_fields = {"amount_claimed", "amount_recovered", "security_id", "writeoff_id"}
        if locked_fields & vals.keys() and not self.env.su:
            closed = self.filtered(lambda c: c.state in ("settled", "rejected"))
            if closed:
                raise UserError(
                    self.env._(
                        "%(names)s is closed: its amounts can no longer be changed.",
                        names=", ".join(closed.mapped("name")),
                    )
                )
        return super().write(vals)

    def _check_group(self, group_xmlid):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            raise AccessError(
                self.env._(
                    "Only members of the group %(group)s can do this on insurance claims.",
                    group=self.env.ref(group_xmlid).name,
                )
            )

    def action_file(self):
        self._check_group(CREDIT_USER)
        self._check_state(("draft",))
        if any(claim.writeoff_id.state != "posted" for claim in self):
            raise UserError(self.env._("Only a posted write-off can be claimed."))
        self._workflow_write(
            {
                "state": "filed",
                "date_filed": fields.Date.context_today(self),
                "filed_by_id": self.env.uid,
            }
        )
        for claim in self:
            claim._credit_message_post(
                self.env._(
                    "Claim filed with %(insurer)s for %(amount)s.",
                    insurer=claim.insurer_id.display_name,
                    amount=claim.currency_id.format(claim.amount_claimed),
                )
            )
            claim.writeoff_id._credit_message_post(
                self.env._("Insurance claim %(name)s filed.", name=claim.name)
            )
        return True

    def action_settle(self):
        """The insurer paid: record the recovered amount (entered on the claim) and close it."""
        self._check_group(CREDIT_MANAGER)
        self._check_state(("filed",))
        for claim in self:
            if claim.currency_id.compare_amounts(claim.amount_recovered, 0) <= 0:
                raise UserError(
                    self.env._(
                        "Enter the Amount Recovered of %(name)s before settling it.",
                        name=claim.name,
                    )
                )
        self._workflow_write({"state": "settled", "date_settled": fields.Date.context_today(self)})
        for claim in self:
            claim._credit_message_post(
                self.env._(
                    "Settled: %(amount)s recovered from the insurer.",
                    amount=claim.currency_id.format(claim.amount_recovered),
                )
            )
        return True

    def action_reject(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("filed",))
        self._workflow_write({"state": "rejected", "date_settled": fields.Date.context_today(self)})
        self._credit_message_post(self.env._("The insurer rejected the claim."))
        return True
