# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CreditWarningSignal(models.Model):
    """A signal found by the credit information desk (商情), e.g. a lawsuit or a change of ownership
    in public records. Open signals feed the "credit information signal" indicator: the warning
    closes by itself once the signals are resolved."""

    _name = "credit.warning.signal"
    _description = "Credit Information Signal"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_initial_state = "open"
    _workflow_fields = ("resolved_date", "resolved_user_id")
    _workflow_unlink_states = ()

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("lawsuit", "Lawsuit / Enforcement"),
            ("ownership", "Change of Ownership or Management"),
            ("financial", "Financial Distress"),
            ("administrative", "Administrative Penalty"),
            ("news", "Negative News"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    source = fields.Char(help="Where the signal was found: court records, registry, news...")
    description = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    resolved_date = fields.Date(readonly=True, copy=False)
    resolved_user_id = fields.Many2one("res.users", string="Resolved by", readonly=True, copy=False)

    @api.constrains("partner_id")
    def _check_partner_commercial(self):
        for signal in self:
            if signal.partner_id != signal.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Record the signal on the company %(company)s, not on its contact.",
                        company=signal.partner_id.commercial_partner_id.display_name,
                    )
                )

    def _check_credit_user(self):
        if not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(
                self.env._("Only the credit department can resolve or reopen signals.")
            )

    def action_resolve(self):
        self._check_credit_user()
        self._check_state(("open",))
        self._workflow_write(
            {
                "state": "resolved",
                "resolved_date": fields.Date.context_today(self),
                "resolved_user_id": self.env.uid,
            }
        )
        return True

    def action_reopen(self):
        self._check_credit_user()
        self._check_state(("resolved",))
        self._workflow_write({"state": "open", "resolved_date": False, "resolved_user_id": False})
        return True
