# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CreditWarningIndicator(models.Model):
    """Early-warning indicators measured on the collections' records."""

    _inherit = "credit.warning.indicator"

    code = fields.Selection(
        selection_add=[
            ("broken_promise", "Broken Promises to Pay"),
            ("writeoff", "Bad-Debt Write-off"),
        ],
        ondelete={"broken_promise": "cascade", "writeoff": "cascade"},
    )

    @api.model
    def _credit_indicator_units(self):
        return {
            **super()._credit_indicator_units(),
            "broken_promise": "count",
            "writeoff": "amount",
        }

    @api.model
    def _credit_indicator_lookback_codes(self):
        return super()._credit_indicator_lookback_codes() | {"broken_promise", "writeoff"}
