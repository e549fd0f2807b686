# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


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

    def _credit_complaint_figures(self):
        """Complaints (信访/申诉) about the teams' orders for the weekly hold report: filed in the
        last seven days, and still unanswered. Two queries for all teams.

        :return: {team_id: {"week": int, "open": int}}
        """
        # sudo: counts only; the report's readers may not read each complaint
        Complaint = self.env["credit.complaint"].sudo()
        since = fields.Datetime.now() - timedelta(days=7)
        week = dict(
            Complaint._read_group(
                [("team_id", "in", self.ids), ("date_filed", ">=", since)],
                groupby=["team_id"],
                aggregates=["__count"],
            )
        )
        unanswered = dict(
            Complaint._read_group(
                [("team_id", "in", self.ids), ("state", "=", "new")],
                groupby=["team_id"],
                aggregates=["__count"],
            )
        )
        return {
            team.id: {"week": week.get(team, 0), "open": unanswered.get(team, 0)} for team in self
        }

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
        since = fields.Datetime.now() - timedelta(days=7)
        complaints = self.env["credit.complaint"]._read_group(
            [("team_id", "!=", False), ("date_filed", ">=", since)], groupby=["team_id"]
        )
        teams = self.browse(
            {team.id for (team,) in groups} | {team.id for (team,) in complaints}
        ).filtered("user_id.partner_id")
        template = self.env.ref("credit_management.mail_template_credit_hold_report")
        for team in teams:
            template.send_mail(team.id, email_layout_xmlid="mail.mail_notification_light")
