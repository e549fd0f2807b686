# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, models


class CreditWarning(models.Model):
    """The collections' indicators of the early warning: broken promises to pay, write-offs."""

    _inherit = "credit.warning"

    @api.model
    def _credit_warning_values_broken_promise(self, indicator, context):
        """Open invoices whose promised payment date (承诺付款) fell in the look-back days and
        passed without payment, per customer."""
        today = context["today"]
        return {
            partner.id: count
            for partner, count in self.env["account.move"]._read_group(
                [
                    ("company_id", "=", self.env.company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("followup_promise_date", "<", today),
                    (
                        "followup_promise_date",
                        ">=",
                        today - timedelta(days=indicator.lookback_days),
                    ),
                ],
                groupby=["commercial_partner_id"],
                aggregates=["__count"],
            )
        }

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
