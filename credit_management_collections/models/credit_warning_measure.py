# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditWarningMeasure(models.Model):
    """Measures of the collections: intensify collection (a follow-up level now), hand to legal."""

    _inherit = "credit.warning.measure"

    kind = fields.Selection(
        selection_add=[
            ("followup", "Intensify Collection (Follow-up Level)"),
            ("legal", "Hand to Legal"),
        ],
        ondelete={"followup": "cascade", "legal": "cascade"},
    )
    followup_level_id = fields.Many2one("credit.followup.level", readonly=True)
    communication_id = fields.Many2one(
        "credit.followup.communication", readonly=True, index="btree_not_null"
    )
    case_id = fields.Many2one(
        "credit.collection.case", string="Legal Case", readonly=True, index="btree_not_null"
    )

    @api.depends("communication_id", "case_id")
    def _compute_reference(self):
        return super()._compute_reference()

    def _credit_reference_record(self):
        if self.case_id:
            return self.case_id
        if self.communication_id:
            return self.communication_id
        return super()._credit_reference_record()
