# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

# Rows listed in the weekly mail; the others are counted and reached through the hold queue.
HOLD_REPORT_ROWS = 20
HELD_DOMAIN = [("credit_hold", "=", True), ("state", "in", ("draft", "sent"))]


class CrmTeam(models.Model):
    _inherit = "crm.team"

    def _credit_held_orders(self, limit=None):
        """Quotations of these teams waiting on credit hold, oldest first."""
        return self.env["sale.order"].search(
            [("team_id", "in", self.ids), *HELD_DOMAIN], order="date_order, id", limit=limit
        )

    def _credit_hold_report_values(self):
        """What the weekly mail of one team says: how many orders wait, for how much, since
        when, and the oldest of them (the others are counted, not listed)."""
        self.ensure_one()
        groups = self.env["sale.order"]._read_group(
            [("team_id", "=", self.id), *HELD_DOMAIN],
            groupby=["currency_id"],
            aggregates=["__count", "amount_total:sum", "date_order:min"],
        )
        count = sum(group[1] for group in groups)
        orders = self._credit_held_orders(limit=HOLD_REPORT_ROWS)
        return {
            "count": count,
            "totals": [(currency, amount) for currency, _count, amount, _oldest in groups],
            "oldest": min((oldest for *_rest, oldest in groups), default=False),
            "orders": orders,
            "more": count - len(orders),
            "complaints": self._credit_complaint_figures()[self.id],
        }

    def _credit_hold_report_body(self):
        """The weekly mail's report of this team (QWeb view, compiled once per worker)."""
        self.ensure_one()
        return self.env["ir.qweb"]._render(
            "credit_management.mail_body_credit_hold_report", {"object": self}
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
        """Weekly: e-mail each sales team leader a summary of the team's orders on credit hold.

        Grouped queries find the teams (held orders, complaints filed this week); each mail
        counts its team's held orders and lists the oldest ``HOLD_REPORT_ROWS`` of them, so the
        cost does not grow with the queue.
        """
        groups = self.env["sale.order"]._read_group(
            [*HELD_DOMAIN, ("team_id", "!=", False)], groupby=["team_id"]
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
            # one team's failing report (template error) must not stop the other teams'
            with team._credit_notification("weekly hold report"):
                template.send_mail(team.id, email_layout_xmlid="mail.mail_notification_light")
