# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CreditFollowupPromiseWizard(models.TransientModel):
    """Record what the customer said about overdue invoices: a promise to pay (承诺付款) by a
    date, a dispute (争议) with its reason, or clear both. The one way a collections clerk
    changes the follow-up of an invoice (he does not edit invoices)."""

    _name = "credit.followup.promise.wizard"
    _description = "Record Promise to Pay or Dispute"

    move_ids = fields.Many2many("account.move", string="Invoices", required=True)
    kind = fields.Selection(
        [
            ("promise", "Promise to Pay"),
            ("dispute", "Dispute"),
            ("clear", "Clear Promise and Dispute"),
        ],
        required=True,
        default="promise",
    )
    promise_date = fields.Date(string="Promised Payment Date")
    dispute_reason = fields.Char()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "account.move" and "move_ids" in fields_list:
            values["move_ids"] = [fields.Command.set(self.env.context.get("active_ids") or [])]
        return values

    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(
                self.env._("Only credit users can record a promise to pay or a dispute.")
            )
        moves = self.move_ids
        # the invoices must be readable by the clerk: his companies, customer invoices
        moves.check_access("read")
        wrong = moves.filtered(
            lambda move: (
                move.move_type != "out_invoice"
                or move.state != "posted"
                or move.company_id not in self.env.companies
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "A promise to pay or a dispute is recorded on posted customer invoices of "
                    "your companies only: %(invoices)s.",
                    invoices=", ".join(wrong.mapped("display_name")),
                )
            )
        if self.kind == "promise":
            if not self.promise_date:
                raise UserError(self.env._("Enter the Promised Payment Date."))
            vals = {"followup_promise_date": self.promise_date}
            note = self.env._(
                "Promise to pay by %(date)s recorded by %(user)s.",
                date=fields.Date.to_string(self.promise_date),
                user=self.env.user.name,
            )
        elif self.kind == "dispute":
            if not (self.dispute_reason or "").strip():
                raise UserError(self.env._("Enter the Dispute Reason."))
            vals = {"followup_disputed": True, "followup_dispute_reason": self.dispute_reason}
            note = self.env._(
                "Dispute recorded by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=self.dispute_reason,
            )
        else:
            vals = {
                "followup_promise_date": False,
                "followup_disputed": False,
                "followup_dispute_reason": False,
            }
            note = self.env._("Promise and dispute cleared by %(user)s.", user=self.env.user.name)
        # sudo: the clerk's group and his access to these customer invoices of his companies were
        # checked above; only the follow-up fields are written, and the chatter keeps who did it.
        moves.sudo().write(vals)
        moves._credit_message_post(note)
        return {"type": "ir.actions.act_window_close"}
