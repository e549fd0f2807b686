# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of res.partner, so that a reader finds each rule where its name says.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models

from .res_partner import CREDIT_READ_GROUPS


class ResPartner(models.Model):
    """Early warnings (风险预警) of the customer: shown on its credit file, and those at the hold
    severity given to the hold decision."""

    _inherit = "res.partner"

    credit_warning_ids = fields.One2many(
        "credit.warning",
        "partner_id",
        string="Credit Warnings",
        domain=[("state", "!=", "closed")],
        groups="credit_management.group_credit_user",
    )
    credit_warning_count = fields.Integer(
        string="Open Warnings",
        compute="_compute_credit_warning_summary",
        groups=CREDIT_READ_GROUPS,
    )
    credit_warning_summary = fields.Text(
        string="Open Credit Warnings",
        compute="_compute_credit_warning_summary",
        groups=CREDIT_READ_GROUPS,
        help="The customer's open credit warnings with their figures, in the current company.",
    )
    credit_signal_ids = fields.One2many(
        "credit.warning.signal",
        "partner_id",
        string="Credit Information Signals",
        groups="credit_management.group_credit_user",
    )

    @api.depends_context("company")
    def _compute_credit_warning_summary(self):
        # sudo: salespeople read the summary (a text) of the warnings, not the warnings.
        warnings = (
            self.env["credit.warning"].sudo()._credit_open_warnings(self.commercial_partner_id.ids)
            if self.commercial_partner_id.ids
            else {}
        )
        for partner in self:
            lines = warnings.get(partner.commercial_partner_id.id, [])
            partner.credit_warning_count = len(lines)
            partner.credit_warning_summary = (
                "\n".join(self._credit_warning_line(line) for line in lines) or False
            )

    @api.model
    def _credit_warning_line(self, line):
        severities = dict(
            self.env["credit.warning"]._fields["severity"]._description_selection(self.env)
        )
        return self.env._(
            "%(name)s %(indicator)s: %(value)s (threshold %(threshold)s, %(severity)s)",
            name=line["name"],
            indicator=line["indicator"],
            value=line["value"],
            threshold=line["threshold"],
            severity=severities.get(line["severity"], line["severity"]),
        )

    def _credit_check_parameters(self):
        """Add ``warnings`` to the customers that have open warnings at the company's hold
        severity (credit.warning records), in one query for all the customers checked."""
        params = super()._credit_check_parameters()
        holding = self.env["credit.warning"].sudo()._credit_holding_warnings(list(params))
        for partner_id, warnings in holding.items():
            params[partner_id]["warnings"] = warnings
        return params

    def action_view_credit_warnings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_warning_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_filter_open": 1, "create": False}
        return action

    def action_new_credit_signal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.warning.signal",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
