# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class CreditFollowupRunWizard(models.TransientModel):
    """Run the follow-up by hand for a date, now or in the background (cron, batch commits)."""

    _name = "credit.followup.run.wizard"
    _description = "Run Follow-up"

    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )

    def _create_run(self):
        self.ensure_one()
        if not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(self.env._("Only credit users can run follow-ups."))
        return self.env["credit.followup.run"].create(
            {"date": self.date, "company_id": self.company_id.id}
        )

    def _open_run(self, run):
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.followup.run",
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_run(self):
        """Run now, in this transaction."""
        run = self._create_run()
        run.action_run()
        return self._open_run(run)

    def action_run_background(self):
        """Queue the run: the follow-up cron processes it one batch per call, committed."""
        run = self._create_run()
        run.action_run_background()
        return self._open_run(run)
