# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CreditWarningMeasureWizard(models.TransientModel):
    """Collections' measures: move the customer's overdue invoices to a follow-up level now, or
    prepare a legal case (法律诉讼) with them."""

    _inherit = "credit.warning.measure.wizard"

    policy_id = fields.Many2one("credit.followup.policy", compute="_compute_policy_id")
    followup_level_id = fields.Many2one(
        "credit.followup.level",
        string="Follow-up Level",
        domain="[('policy_id', '=', policy_id)]",
        help="The customer's overdue invoices are followed up at this level now (letter, call, "
        "visit...), whatever their days overdue; a level already done for an invoice is not done "
        "again.",
    )

    @api.depends("partner_id", "company_id")
    def _compute_policy_id(self):
        for wizard in self:
            partner = wizard.partner_id.with_company(wizard.company_id)
            wizard.policy_id = partner.followup_policy_id or wizard.company_id.followup_policy_id

    def _credit_overdue_rows(self):
        """Follow-up rows (``account.move._credit_followup_levels``) of the customer's overdue
        invoices at the company's today."""
        company = self.company_id
        today = company._credit_today()
        rows = self.env["account.move"]._credit_followup_levels(
            company, today, self.partner_id.commercial_partner_id.ids
        )
        return [row for row in rows if row["days_overdue"] > 0]

    def _apply_followup(self):
        """Intensify collection: one communication at the chosen level for the overdue invoices
        that have not had it yet, executed now (e-mail, letter, activity...)."""
        warning = self.warning_id
        warning._check_group("credit_management.group_credit_user")
        level = self.followup_level_id
        if not level:
            raise UserError(self.env._("Choose the follow-up level to move the customer to."))
        done = set(
            self.env["credit.followup.communication.line"]
            .search(
                [
                    ("level_id", "=", level.id),
                    ("move_id.commercial_partner_id", "=", warning.partner_id.id),
                ]
            )
            .mapped("move_id")
            .ids
        )
        rows = [
            dict(row, level_id=level.id)
            for row in self._credit_overdue_rows()
            if row["move_id"] not in done
        ]
        if not rows:
            raise UserError(
                self.env._(
                    "%(partner)s has no overdue invoice that has not reached the level %(level)s.",
                    partner=warning.partner_id.display_name,
                    level=level.name,
                )
            )
        run = self.env["credit.followup.run"].create(
            {"company_id": warning.company_id.id, "date": warning.company_id._credit_today()}
        )
        communications = run._followup_create_communications(rows)
        communications.filtered(lambda c: c.state == "draft")._followup_execute()
        run._followup_log(
            self.env._(
                "Intensified collection for credit warning %(warning)s.", warning=warning.name
            )
        )
        run.write({"state": "done", "user_id": self.env.uid})
        note = "\n".join(
            part
            for part in (
                self._default_note(),
                self.env._("Level %(level)s.", level=level.name),
                self.note,
            )
            if part
        )
        return warning._credit_add_measure(
            "followup",
            note=note,
            links={"followup_level_id": level.id, "communication_id": communications[:1].id},
        )

    def _apply_legal(self):
        """Hand to legal: a draft legal case with the customer's overdue invoices, for review
        before handover (委外前审核)."""
        warning = self.warning_id
        warning._check_group("credit_management.group_credit_user")
        move_ids = [row["move_id"] for row in self._credit_overdue_rows()]
        if not move_ids:
            raise UserError(
                self.env._(
                    "%(partner)s has no overdue invoice to hand to legal.",
                    partner=warning.partner_id.display_name,
                )
            )
        note = "\n".join(part for part in (self._default_note(), self.note) if part)
        case = self.env["credit.collection.case"].create(
            {
                "kind": "legal",
                "company_id": warning.company_id.id,
                "partner_id": warning.partner_id.id,
                "user_id": (warning.user_id or self.env.user).id,
                "invoice_ids": [fields.Command.set(move_ids)],
                "outcome_note": note,
            }
        )
        return warning._credit_add_measure("legal", note=note, links={"case_id": case.id})

    def action_apply(self):
        result = super().action_apply()
        if self.kind == "legal":
            return self.warning_id.measure_ids[:1].action_open_reference()
        return result
