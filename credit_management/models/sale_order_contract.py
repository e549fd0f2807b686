# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One file per concern of sale.order: the written-contract rule and the contract of the order.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.tools import format_amount

from .credit_contract import term_days


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_contract_id = fields.Many2one(
        "credit.contract",
        string="Contract",
        copy=False,
        index="btree_not_null",
        check_company=True,
        domain="[('kind', '=', 'sales'), ('state', 'in', ('signed', 'performing')),"
        " ('partner_id', '=', credit_commercial_partner_id)]",
        help="The written contract governing this order; set at confirmation from the "
        "customer's contract in force.",
    )
    credit_commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", string="Commercial Entity (Credit)"
    )
    credit_complaint_count = fields.Integer(compute="_compute_credit_complaint_count")

    def _compute_credit_complaint_count(self):
        groups = self.env["credit.complaint"]._read_group(
            [("order_id", "in", self.ids)], groupby=["order_id"], aggregates=["__count"]
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.credit_complaint_count = counts.get(order.id, 0)

    def action_confirm(self):
        result = super().action_confirm()
        self.filtered(
            lambda order: order.state == "sale" and not order.credit_contract_id
        )._credit_link_contract()
        return result

    def _credit_link_contract(self):
        """Link confirmed orders to their customer's sales contract in force (one query per
        company)."""
        Contract = self.env["credit.contract"]
        for company, orders in self.grouped("company_id").items():
            in_force = Contract._in_force_by_partner(orders.partner_id, company)
            for order in orders:
                contract = in_force.get(order.partner_id.commercial_partner_id.id)
                if contract:
                    # sudo: the link is derived from the customer's contract, whoever confirms
                    order.sudo().credit_contract_id = contract[:1]

    def _credit_failed_rules(self, partner, exposure, parameters, amount, batch_amount=0.0):
        """Add the written-contract rule: above the company amount, or on credit terms, the
        customer needs a signed sales contract in force."""
        failures = super()._credit_failed_rules(
            partner, exposure, parameters, amount, batch_amount=batch_amount
        )
        # amount 0: nothing is being confirmed (a re-check of the customer's limit)
        if (
            not amount
            or not parameters.get("contract_required")
            or parameters.get("contract_in_force")
        ):
            return failures
        reason = self._credit_contract_needed(amount, parameters)
        if reason:
            failures.append(
                {
                    "rule": "no_contract",
                    "message": self.env._(
                        "No signed contract: %(reason)s needs a signed sales contract in force "
                        "for this customer (书面合同).",
                        reason=reason,
                    ),
                }
            )
        return failures

    def _credit_contract_needed(self, amount, parameters):
        """Why this order needs a written contract (a phrase), or False: above the company
        amount, or on credit terms (not immediate settlement, not prepaid)."""
        self.ensure_one()
        currency = self.company_id.currency_id
        threshold = parameters.get("contract_required_amount") or 0.0
        if threshold and currency.compare_amounts(amount, threshold) > 0:
            return self.env._(
                "an order above %(amount)s", amount=format_amount(self.env, threshold, currency)
            )
        if parameters.get("contract_required_on_credit") and self._credit_on_credit_terms():
            return self.env._(
                "an order on credit terms (%(terms)s)", terms=self.payment_term_id.name
            )
        return False

    def _credit_on_credit_terms(self):
        """On credit terms: neither prepaid in full nor due at once (即时清结)."""
        self.ensure_one()
        if self.require_payment and self.prepayment_percent >= 1.0:
            return False
        return term_days(self.payment_term_id) > 0

    def action_credit_file_complaint(self):
        """A salesperson files a complaint (申诉) about the hold of this order."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File a Complaint"),
            "res_model": "credit.complaint",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_order_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
                "default_company_id": self.company_id.id,
                "default_subject": "hold" if self.credit_hold else "other",
                "default_channel": "salesperson",
                "default_contract_id": self.credit_contract_id.id,
            },
        }

    def action_credit_view_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": "credit.complaint",
            "view_mode": "list,form",
            "domain": [("order_id", "=", self.id)],
            "context": {"default_order_id": self.id},
        }

    @api.onchange("partner_id")
    def _onchange_partner_id_credit_contract(self):
        if self.credit_contract_id and (
            self.credit_contract_id.partner_id != self.partner_id.commercial_partner_id
        ):
            self.credit_contract_id = False
