# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The early-warning rule of the hold decision, apart from the decision's own rules.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models

from .res_partner import CREDIT_READ_GROUPS


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_warning_summary = fields.Text(
        string="Customer's Credit Warnings",
        compute="_compute_credit_warning_summary",
        groups=CREDIT_READ_GROUPS,
    )

    @api.depends("partner_id", "company_id")
    def _compute_credit_warning_summary(self):
        for company, orders in self.grouped("company_id").items():
            partners = orders.partner_id.commercial_partner_id.with_company(company)
            summaries = {partner.id: partner.credit_warning_summary for partner in partners}
            for order in orders:
                order.credit_warning_summary = summaries.get(
                    order.partner_id.commercial_partner_id.id, False
                )

    def _credit_failed_rules(self, partner, exposure, parameters, amount, batch_amount=0.0):
        """Hold while an open warning at the company's hold severity concerns the customer; the
        message names the warnings."""
        failures = super()._credit_failed_rules(
            partner, exposure, parameters, amount, batch_amount=batch_amount
        )
        warnings = parameters.get("warnings")
        if warnings:
            failures.append(
                {
                    "rule": "warning",
                    "message": self.env._(
                        "Open credit warning(s): %(warnings)s. New orders are held until the "
                        "credit department closes them.",
                        warnings="; ".join(
                            f"{warning.name} {warning.summary}" for warning in warnings
                        ),
                    ),
                }
            )
        return failures
