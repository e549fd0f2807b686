# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OPEN_INVOICE_STATES = ("draft", "to_approve")


class CreditWriteoff(models.Model):
    """Bad-debt write-off request (坏账核销).

    A credit user lists the uncollectable invoices of one customer and submits; a credit manager
    approves, which posts one entry debiting the bad-debt account and crediting each invoice's
    receivable, reconciled with the invoice so that it becomes paid. Cancelling a posted request
    reverses that entry and reopens the invoices.
    """

    _name = "credit.writeoff"
    _description = "Bad-Debt Write-off"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("posted", "Approved and Posted"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
        check_company=True,
        help="Commercial partner whose invoices are written off.",
    )
    invoice_ids = fields.Many2many(
        "account.move",
        "credit_writeoff_account_move_rel",
        "writeoff_id",
        "move_id",
        string="Invoices",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial')),"
        " ('commercial_partner_id', '=', partner_id), ('company_id', '=', company_id)]",
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Accounting date of the write-off entry.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        help="Open residual of the invoices in company currency while the request is not posted; "
        "the amount actually written off once posted.",
    )
    reason = fields.Text(required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Requested by",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    approver_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move", string="Write-off Entry", readonly=True, copy=False, check_company=True
    )
    reversal_move_id = fields.Many2one(
        "account.move", string="Reversal Entry", readonly=True, copy=False, check_company=True
    )
    year = fields.Char(compute="_compute_year", store=True, help="Year of the write-off date.")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The reference must be unique."),
    ]

    @api.depends("state", "invoice_ids.amount_residual_signed", "move_id.line_ids.balance")
    def _compute_amount(self):
        for writeoff in self:
            if writeoff.move_id:
                # the bad-debt side of the entry: every line that is not a receivable
                lines = writeoff.move_id.line_ids.filtered(
                    lambda line: line.account_id.account_type != "asset_receivable"
                )
                writeoff.amount = sum(lines.mapped("balance"))
            else:
                writeoff.amount = sum(writeoff.invoice_ids.mapped("amount_residual_signed"))

    @api.depends("date")
    def _compute_year(self):
        for writeoff in self:
            writeoff.year = str(writeoff.date.year) if writeoff.date else False

    @api.constrains("partner_id", "invoice_ids", "state")
    def _check_invoices(self):
        for writeoff in self.filtered(lambda w: w.state in OPEN_INVOICE_STATES):
            writeoff._check_invoices_open()

    @api.constrains("amount", "invoice_ids", "state")
    def _check_amount(self):
        """Never more than the invoices still owe: the amount is theirs until posted."""
        for writeoff in self.filtered(lambda w: w.state in OPEN_INVOICE_STATES):
            residual = sum(writeoff.invoice_ids.mapped("amount_residual_signed"))
            if writeoff.currency_id.compare_amounts(writeoff.amount, residual) > 0:
                raise ValidationError(
                    self.env._(
                        "The amount of write-off %(name)s (%(amount)s) cannot exceed the open "
                        "residual of its invoices (%(residual)s).",
                        name=writeoff.name,
                        amount=writeoff.currency_id.format(writeoff.amount),
                        residual=writeoff.currency_id.format(residual),
                    )
                )

    def _check_invoices_open(self):
        self.ensure_one()
        foreign = self.invoice_ids.filtered(
            lambda inv: (
                inv.commercial_partner_id != self.partner_id.commercial_partner_id
                or inv.move_type != "out_invoice"
            )
        )
        if foreign:
            raise ValidationError(
                self.env._(
                    "Only customer invoices of %(partner)s can be written off on %(name)s: "
                    "%(invoices)s.",
                    partner=self.partner_id.display_name,
                    name=self.name,
                    invoices=", ".join(foreign.mapped("display_name")),
                )
            )
        closed = self.invoice_ids.filtered(
            lambda inv: inv.state != "posted" or inv.currency_id.is_zero(inv.amount_residual)
        )
        if closed:
            raise ValidationError(
                self.env._(
                    "These invoices are not open (unposted or already paid) and cannot be "
                    "written off: %(invoices)s.",
                    invoices=", ".join(closed.mapped("display_name")),
                )
            )
        others = self.search(
            [
                ("id", "!=", self.id),
                ("invoice_ids", "in", self.invoice_ids.ids),
                ("state", "in", (*OPEN_INVOICE_STATES, "posted")),
            ],
            limit=1,
        )
        if others:
            raise ValidationError(
                self.env._(
                    "An invoice of %(name)s is already on the write-off request %(other)s.",
                    name=self.name,
                    other=others.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("credit.writeoff", sequence_date=vals.get("date"))
                    or "/"
                )
        return super().create(vals_list)

    def _check_credit_group(self, group):
        if not self.env.user.has_group(group):
            raise AccessError(
                self.env._("Only a credit manager may approve or undo a bad-debt write-off.")
                if group.endswith("manager")
                else self.env._("Only credit users may submit a bad-debt write-off.")
            )

    def action_submit(self):
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("draft",))
        for writeoff in self:
            if not writeoff.invoice_ids:
                raise UserError(
                    self.env._("Add the invoices to write off to %(name)s.", name=writeoff.name)
                )
            writeoff._check_invoices_open()
        self._workflow_write({"state": "to_approve"})
        for writeoff in self:
            writeoff._credit_message_post(
                self.env._(
                    "Submitted for approval: %(amount)s.",
                    amount=writeoff.currency_id.format(writeoff.amount),
                )
            )
        return True

    def action_approve(self):
        """Credit manager approval: post the write-off entry and reconcile it with the invoices."""
        self._check_credit_group("credit_management.group_credit_manager")
        self._check_state(("to_approve",))
        for writeoff in self:
            writeoff._check_invoices_open()
            move = writeoff._create_writeoff_move()
            writeoff._workflow_write(
                {
                    "state": "posted",
                    "move_id": move.id,
                    "approver_id": self.env.user.id,
                    "approval_date": fields.Datetime.now(),
                }
            )
            writeoff._credit_message_post(
                self.env._(
                    "Approved: %(amount)s written off with entry %(move)s.",
                    amount=writeoff.currency_id.format(writeoff.amount),
                    move=move.name,
                )
            )
        return True

    def action_cancel(self):
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("draft", "to_approve", "posted"))
        if self.filtered(lambda w: w.state == "posted"):
            self._check_credit_group("credit_management.group_credit_manager")
        for writeoff in self:
            if writeoff.move_id and not writeoff.reversal_move_id:
                # sudo: the credit manager right was checked above; the reversal only touches the
                # entry this request created, in its own company.
                move = writeoff.move_id.sudo().with_company(writeoff.company_id)
                reversal = move._reverse_moves(
                    [
                        {
                            "date": fields.Date.context_today(self),
                            "ref": self.env._("Reversal of %(name)s", name=writeoff.name),
                        }
                    ],
                    cancel=True,
                )
                writeoff.reversal_move_id = reversal.id
            writeoff._workflow_write({"state": "cancel"})
            writeoff._credit_message_post(self.env._("Write-off cancelled."))
        return True

    def action_draft(self):
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("to_approve", "cancel"))
        if self.filtered("move_id"):
            raise UserError(self.env._("A write-off that was posted cannot be reset to draft."))
        self._workflow_write({"state": "draft"})
        for writeoff in self:
            writeoff._credit_message_post(self.env._("Reset to draft."))
        return True

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    def _create_writeoff_move(self):
        """Create, post and reconcile the write-off entry; amounts in company currency.

        Each open receivable line of an invoice gets a counterpart credit line in the invoice
        currency (amount_currency = its open amount in that currency, balance = its open amount in
        company currency), so foreign-currency invoices are fully reconciled without exchange
        difference. One debit line per invoice goes to the bad-debt account in company currency.
        """
        self.ensure_one()
        company = self.company_id
        account = company.credit_bad_debt_account_id
        journal = company.credit_writeoff_journal_id
        if not account or not journal:
            raise UserError(
                self.env._(
                    "Set the bad-debt account and the write-off journal of %(company)s in the "
                    "credit settings first.",
                    company=company.name,
                )
            )
        line_vals = []
        to_reconcile = []
        for invoice in self.invoice_ids:
            receivables = invoice.line_ids.filtered(
                lambda line: (
                    line.account_id.account_type == "asset_receivable" and not line.reconciled
                )
            )
            for line in receivables:
                to_reconcile.append(line)
                line_vals.append(
                    {
                        "name": self.env._("Bad debt %(invoice)s", invoice=invoice.name),
                        "account_id": line.account_id.id,
                        "partner_id": line.partner_id.id,
                        "currency_id": line.currency_id.id,
                        "amount_currency": -line.amount_residual_currency,
                        "balance": -line.amount_residual,
                    }
                )
            line_vals.append(
                {
                    "name": self.env._("Bad debt %(invoice)s", invoice=invoice.name),
                    "account_id": account.id,
                    "partner_id": invoice.commercial_partner_id.id,
                    "currency_id": company.currency_id.id,
                    "amount_currency": sum(receivables.mapped("amount_residual")),
                    "balance": sum(receivables.mapped("amount_residual")),
                }
            )
        # sudo: the caller was checked to be a credit manager; credit managers are not necessarily
        # accountants, and the entry is built only from this request's invoices and the company's
        # configured bad-debt account and journal.
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": self.date,
                    "ref": self.env._(
                        "Bad-debt write-off %(name)s: %(reason)s",
                        name=self.name,
                        reason=self.reason,
                    ),
                    "line_ids": [Command.create(vals) for vals in line_vals],
                }
            )
        )
        move.action_post()
        counterparts = move.line_ids.filtered(lambda line: line.account_id != account).sorted("id")
        for invoice_line, counterpart in zip(to_reconcile, counterparts, strict=True):
            (invoice_line.sudo() + counterpart).reconcile()
        return move

    # ---------------------------------------------------------------------------------------------
    # Credit insurance claims (信用保险理赔) of written-off debts
    # ---------------------------------------------------------------------------------------------
    claim_ids = fields.One2many("credit.insurance.claim", "writeoff_id", string="Insurance Claims")
    insurance_security_id = fields.Many2one(
        "credit.security",
        string="Credit Insurance",
        compute="_compute_insurance_security_id",
        help="The customer's credit insurance policy that covered the written-off invoices (valid "
        "on their due date).",
    )
    amount_recovered = fields.Monetary(
        string="Recovered from Insurer", compute="_compute_amount_recovered"
    )

    @api.depends("partner_id", "invoice_ids", "company_id")
    def _compute_insurance_security_id(self):
        policies = self.env["credit.security"].search(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("security_type", "=", "insurance"),
                ("state", "in", ("approved", "expired")),
            ],
            order="date_end desc, id desc",
        )
        for writeoff in self:
            due = min(writeoff.invoice_ids.mapped("invoice_date_due") or [writeoff.date])
            writeoff.insurance_security_id = policies.filtered(
                lambda p, w=writeoff, d=due: (
                    p.partner_id == w.partner_id
                    and p.company_id == w.company_id
                    and p.date_start <= d
                    and (not p.date_end or p.date_end >= d)
                )
            )[:1]

    @api.depends("claim_ids.amount_recovered", "claim_ids.state")
    def _compute_amount_recovered(self):
        for writeoff in self:
            writeoff.amount_recovered = sum(
                writeoff.claim_ids.filtered(lambda c: c.state == "settled").mapped(
                    "amount_recovered"
                )
            )

    def action_create_insurance_claim(self):
        """Open a claim to the insurer for this posted write-off."""
        self.ensure_one()
        self._check_credit_group("credit_management.group_credit_user")
        if self.state != "posted" or not self.insurance_security_id:
            raise UserError(
                self.env._(
                    "Only a posted write-off of an insured customer can be claimed from the "
                    "insurer."
                )
            )
        claim = self.claim_ids.filtered(lambda c: c.state != "rejected")[:1] or self.env[
            "credit.insurance.claim"
        ].create({"writeoff_id": self.id, "security_id": self.insurance_security_id.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.insurance.claim",
            "res_id": claim.id,
            "view_mode": "form",
        }
