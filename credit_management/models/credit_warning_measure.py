# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditWarningMeasure(models.Model):
    """A measure (处置) taken on a credit warning, with the document it created or changed, so that
    each measure is traceable from its warning. Recorded by the warning's measure dialog only."""

    _name = "credit.warning.measure"
    _description = "Credit Warning Measure"
    _order = "date desc, id desc"

    warning_id = fields.Many2one("credit.warning", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="warning_id.company_id", store=True)
    partner_id = fields.Many2one(related="warning_id.partner_id", store=True)
    kind = fields.Selection(
        [
            ("lower_limit", "Lower the Limit (Credit Application)"),
            ("hold", "Credit Hold"),
        ],
        required=True,
        readonly=True,
    )
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Taken By", required=True, readonly=True, default=lambda s: s.env.user
    )
    note = fields.Text(readonly=True)
    application_id = fields.Many2one(
        "credit.application", string="Credit Application", readonly=True, index="btree_not_null"
    )
    application_state = fields.Selection(
        related="application_id.state", string="Application Status"
    )
    reference = fields.Char(compute="_compute_reference", help="The document of the measure.")

    @api.depends("application_id")
    def _compute_reference(self):
        for measure in self:
            measure.reference = measure._credit_reference_record().display_name or False

    def _credit_reference_record(self):
        """The document created or changed by the measure (extended by other modules)."""
        self.ensure_one()
        if self.application_id:
            return self.application_id
        if self.kind == "hold":
            return self.partner_id
        return self.env["res.partner"]

    def action_open_reference(self):
        self.ensure_one()
        record = self._credit_reference_record()
        if not record:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }
