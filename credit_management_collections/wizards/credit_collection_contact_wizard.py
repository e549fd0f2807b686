# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.credit_collection_contact import CHANNELS, OUTCOMES


class CreditCollectionContactWizard(models.TransientModel):
    """Log a contact from the worklist: outcome, promise (date, amount) or dispute (reason)."""

    _name = "credit.collection.contact.wizard"
    _description = "Log Collection Contact"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True, readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    outcome = fields.Selection(OUTCOMES, required=True, default="reached")
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    invoice_ids = fields.Many2many(
        "account.move",
        string="Invoices",
        compute="_compute_invoice_ids",
        store=True,
        readonly=False,
        domain="[('commercial_partner_id', '=', partner_id), ('move_type', '=', 'out_invoice'),"
        " ('state', '=', 'posted'), ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    amount_residual = fields.Monetary(string="Open Amount", compute="_compute_amount_residual")
    promise_date = fields.Date(string="Promised Date")
    promise_amount = fields.Monetary(
        string="Promised Amount", compute="_compute_promise_amount", store=True, readonly=False
    )
    dispute_reason = fields.Char()
    next_contact_date = fields.Date(
        help="Empty: the day after the promised date, tomorrow after no answer or a wrong "
        "contact, in a week otherwise."
    )
    note = fields.Text()

    @api.depends("partner_id")
    def _compute_invoice_ids(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            wizard.invoice_ids = self.env["account.move"].search(
                [
                    ("commercial_partner_id", "=", wizard.partner_id.commercial_partner_id.id),
                    ("company_id", "=", wizard.company_id.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", today),
                ]
            )

    @api.depends("invoice_ids")
    def _compute_amount_residual(self):
        for wizard in self:
            wizard.amount_residual = sum(wizard.invoice_ids.mapped("amount_residual_signed"))

    @api.depends("invoice_ids")
    def _compute_promise_amount(self):
        for wizard in self:
            wizard.promise_amount = sum(wizard.invoice_ids.mapped("amount_residual_signed"))

    def action_confirm(self):
        self.ensure_one()
        self.partner_id.with_company(self.company_id)._collection_log_contact(
            self.outcome,
            invoices=self.invoice_ids,
            channel=self.channel,
            note=self.note,
            next_contact_date=self.next_contact_date,
            promise_date=self.promise_date,
            promise_amount=self.promise_amount,
            dispute_reason=self.dispute_reason,
        )
        return {"type": "ir.actions.act_window_close"}
