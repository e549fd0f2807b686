# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, models


class CreditWarning(models.Model):
    """The collections' indicators of the early warning: broken promises to pay, write-offs."""

    _inherit = "credit.warning"

    @api.model
    def _credit_warning_values_broken_promise(self, indicator, context):
        """Promises to pay (承诺付款) of the customer broken in the look-back days: the promise
        records of the collectors' worklist and the portal (``credit.collection.contact``),
        one grouped query."""
        today = context["today"]
        return self.env["credit.collection.contact"]._promises_broken(
            date_from=today - timedelta(days=indicator.lookback_days),
            date_to=today,
            company=self.env.company,
        )

    @api.model
    def _credit_warning_values_writeoff(self, indicator, context):
        """Bad debts written off (posted) in the look-back days, per customer."""
        today = context["today"]
        return {
            partner.id: amount
            for partner, amount in self.env["credit.writeoff"]._read_group(
                [
                    ("company_id", "=", self.env.company.id),
                    ("state", "=", "posted"),
                    ("date", "<=", today),
                    ("date", ">=", today - timedelta(days=indicator.lookback_days)),
                ],
                groupby=["partner_id"],
                aggregates=["amount:sum"],
            )
        }
