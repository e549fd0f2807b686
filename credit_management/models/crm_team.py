# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    def _credit_held_orders(self):
        """Quotations of these teams waiting on credit hold, oldest first."""
        return self.env["sale.order"].search(
            [
                ("team_id", "in", self.ids),
                ("credit_hold", "=", True),
                ("state", "in", ("draft", "sent")),
            ],
            order="date_order, id",
        )

    @api.model
    def _cron_send_credit_hold_report(self):
        """Weekly: e-mail each sales team leader the team's orders on credit hold."""
        groups = self.env["sale.order"]._read_group(
            [
                ("credit_hold", "=", True),
                ("state", "in", ("draft", "sent")),
                ("team_id", "!=", False),
            ],
            groupby=["team_id"],
        )
        teams = self.browse([team.id for (team,) in groups]).filtered("user_id.partner_id")
        template = self.env.ref("credit_management.mail_template_credit_hold_report")
        for team in teams:
            # one team's failing report (template error) must not stop the other teams'
            with team._credit_notification("weekly hold report"):
                template.send_mail(team.id, email_layout_xmlid="mail.mail_notification_light")
