# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CreditContractReconciliation(models.Model):
    """Reconciliation with the salesperson (对帐): the clerk and the handler compare, for a
    contract and a period, what the ledger says (invoiced, paid, open) with the salesperson's
    own figures. Confirming freezes the ledger's figures of that day."""

    _name = "credit.contract.reconciliation"
    _description = "Contract Reconciliation"
    _inherit = ["mail.thread", "credit.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = ("amount_invoiced", "amount_paid", "amount_open", "confirmed_by_id")

    contract_id = fields.Many2one(
        "credit.contract", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Clerk", required=True, default=lambda self: self.env.user, index=True
    )
    salesperson_id = fields.Many2one(
        "res.users",
        required=True,
        domain="[('share', '=', False)]",
        help="The handler or salesperson the figures are reconciled with.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    period_from = fields.Date(required=True)
    period_to = fields.Date(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Reconciled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    amount_invoiced = fields.Monetary(string="Invoiced (Ledger)", readonly=True, copy=False)
    amount_paid = fields.Monetary(string="Paid (Ledger)", readonly=True, copy=False)
    amount_open = fields.Monetary(string="Open (Ledger)", readonly=True, copy=False)
    salesperson_open = fields.Monetary(
        string="Open (Salesperson)", help="Open balance according to the salesperson's records."
    )
    difference = fields.Monetary(compute="_compute_difference", store=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    note = fields.Text(string="Explanation", help="Explain any difference.")

    @api.depends("amount_open", "salesperson_open", "state")
    def _compute_difference(self):
        for reconciliation in self:
            reconciliation.difference = (
                reconciliation.salesperson_open - reconciliation.amount_open
                if reconciliation.state == "done"
                else 0.0
            )

    @api.constrains("period_from", "period_to")
    def _check_period(self):
        for reconciliation in self:
            if reconciliation.period_to < reconciliation.period_from:
                raise ValidationError(
                    self.env._(
                        "Period To: the period of the reconciliation ends (%(to)s) before it "
                        "starts (%(from)s).",
                        to=reconciliation.period_to,
                        **{"from": reconciliation.period_from},
                    )
                )

    @api.onchange("contract_id")
    def _onchange_contract_id(self):
        if self.contract_id and not self.salesperson_id:
            self.salesperson_id = self.contract_id.handler_id

    def write(self, vals):
        if (
            not self.env.su
            and any(r.state == "done" for r in self)
            and vals.keys() - {"message_main_attachment_id"}
        ):
            raise UserError(self.env._("A confirmed reconciliation can no longer be changed."))
        return super().write(vals)

    def action_confirm(self):
        """Freeze the ledger's figures of the contract today and record the reconciliation."""
        if not (self.env.su or self.env.user.has_group("credit_management.group_credit_user")):
            raise AccessError(self.env._("Only the credit department confirms reconciliations."))
        self._check_state(("draft",))
        figures = self.contract_id._performance_figures()
        for reconciliation in self:
            values = figures[reconciliation.contract_id.id]
            reconciliation._workflow_write(
                {
                    "state": "done",
                    "amount_invoiced": values["invoiced"],
                    "amount_paid": values["paid"],
                    "amount_open": values["invoiced"] - values["paid"],
                    "confirmed_by_id": self.env.uid,
                }
            )
            reconciliation.contract_id._credit_message_post(
                self.env._(
                    "Reconciled with %(salesperson)s for %(start)s to %(end)s: difference "
                    "%(difference)s.",
                    salesperson=reconciliation.salesperson_id.name,
                    start=reconciliation.period_from,
                    end=reconciliation.period_to,
                    difference=reconciliation.difference,
                )
            )
        return True
