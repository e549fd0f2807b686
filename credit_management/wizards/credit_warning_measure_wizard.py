# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditWarningMeasureWizard(models.TransientModel):
    """The measure dialog of a credit warning (处置): lower the limit through a credit application,
    put the customer on hold; the collections module adds a follow-up level and a legal case."""

    _name = "credit.warning.measure.wizard"
    _description = "Credit Warning Measure"

    warning_id = fields.Many2one("credit.warning", required=True, readonly=True)
    partner_id = fields.Many2one(related="warning_id.partner_id")
    company_id = fields.Many2one(related="warning_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        selection=lambda self: (
            self.env["credit.warning.measure"]._fields["kind"]._description_selection(self.env)
        ),
        string="Measure",
        required=True,
    )
    current_limit = fields.Monetary(compute="_compute_current_limit")
    new_limit = fields.Monetary(
        string="Proposed Limit",
        help="Limit requested by the credit application; it applies once a credit manager "
        "approves the application.",
    )
    note = fields.Text(string="Justification")

    @api.depends("warning_id")
    def _compute_current_limit(self):
        for wizard in self:
            # sudo: credit_limit is readable by the credit groups only through the partner's
            # field groups; the wizard is opened by a credit user (checked by the warning).
            partner = wizard.partner_id.with_company(wizard.company_id).sudo()
            wizard.current_limit = partner.credit_limit

    def action_apply(self):
        self.ensure_one()
        warning = self.warning_id
        warning._check_state(("watch", "investigate", "act"))
        method = getattr(self, f"_apply_{self.kind}")
        measure = method()
        return measure.action_open_reference() if measure.application_id else True

    def _default_note(self):
        return self.env._(
            "Credit warning %(warning)s: %(summary)s.",
            warning=self.warning_id.name,
            summary=self.warning_id.summary,
        )

    def _apply_lower_limit(self):
        """Propose a lower limit through a credit application (approved by a credit manager)."""
        warning = self.warning_id
        warning._check_group("credit_management.group_credit_user")
        if (
            self.new_limit < 0
            or self.currency_id.compare_amounts(self.new_limit, self.current_limit) >= 0
        ):
            raise UserError(
                self.env._(
                    "The proposed limit must be lower than the current limit %(limit)s.",
                    limit=self.currency_id.format(self.current_limit),
                )
            )
        note = "\n".join(part for part in (self._default_note(), self.note) if part)
        application = self.env["credit.application"].create(
            {
                "partner_id": warning.partner_id.id,
                "company_id": warning.company_id.id,
                "user_id": (warning.user_id or self.env.user).id,
                "requested_limit": self.new_limit,
                "justification": note,
            }
        )
        return warning._credit_add_measure(
            "lower_limit", note=note, links={"application_id": application.id}
        )

    def _apply_hold(self):
        """Put the customer on credit hold (credit managers: the partner's own check refuses
        others), the reason naming the warning."""
        warning = self.warning_id
        warning._check_group("credit_management.group_credit_manager")
        reason = "\n".join(part for part in (self._default_note(), self.note) if part)
        warning.partner_id.write({"credit_hold": True, "credit_hold_reason": reason})
        return warning._credit_add_measure("hold", note=reason)
