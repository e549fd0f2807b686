# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL


class CreditCollectionCase(models.Model):
    """Agency collection (委外催收) or legal action (法律诉讼) on overdue invoices of one customer.

    A credit user prepares the case and submits it for the pre-handover review (委外前审核); a
    credit manager approves the handover, which freezes the amount handed over; payments received
    on the invoices after the handover date count as recovered; the case is closed with an outcome.
    """

    _name = "credit.collection.case"
    _description = "Agency / Legal Collection Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", tracking=True
    )
    kind = fields.Selection(
        [("agency", "Collection Agency"), ("legal", "Legal Action")],
        required=True,
        default="agency",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "Under Review"),
            ("handed_over", "Handed Over"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="Credit clerk following the case.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
        check_company=True,
    )
    invoice_ids = fields.Many2many(
        "account.move",
        "credit_collection_case_account_move_rel",
        "case_id",
        "move_id",
        string="Invoices Handed Over",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial')),"
        " ('commercial_partner_id', '=', partner_id), ('company_id', '=', company_id)]",
    )
    communication_id = fields.Many2one(
        "credit.followup.communication",
        string="Source Communication",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        help="Agency or legal follow-up communication this case was created from.",
    )
    agency_partner_id = fields.Many2one(
        "res.partner",
        string="Agency / Law Firm",
        tracking=True,
        help="Collection agency, or the lawyer / law firm representing the company.",
    )
    court = fields.Char(tracking=True, help="Court seized, for legal actions.")
    court_reference = fields.Char(string="Case Number", tracking=True)
    handover_date = fields.Date(tracking=True, copy=False)
    reviewer_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    amount_open = fields.Monetary(
        string="Open Amount",
        compute="_compute_amount_open",
        help="Current open residual of the invoices, in company currency.",
    )
    amount_handed_over = fields.Monetary(
        readonly=True,
        copy=False,
        tracking=True,
        help="Open residual of the invoices at handover, in company currency.",
    )
    amount_recovered = fields.Monetary(
        compute="_compute_amount_recovered",
        help="Payments reconciled with the invoices on or after the handover date.",
    )
    agency_fee_percent = fields.Float(
        string="Agency Fee (%)",
        tracking=True,
        help="Commission of the agency on amounts recovered.",
    )
    agency_fee_amount = fields.Monetary(compute="_compute_agency_fee_amount")
    outcome = fields.Selection(
        [
            ("recovered", "Recovered"),
            ("partial", "Partially Recovered"),
            ("written_off", "Written Off"),
            ("withdrawn", "Withdrawn"),
        ],
        tracking=True,
        copy=False,
    )
    outcome_note = fields.Text(copy=False)
    close_date = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The reference must be unique."),
    ]

    @api.depends("invoice_ids.amount_residual_signed")
    def _compute_amount_open(self):
        for case in self:
            case.amount_open = sum(case.invoice_ids.mapped("amount_residual_signed"))

    @api.depends("handover_date", "invoice_ids.amount_residual")
    def _compute_amount_recovered(self):
        """One query for all cases: payment reconciliations on the invoices after handover."""
        cases = self.filtered(lambda c: c.id and c.handover_date and c.invoice_ids)
        recovered = {}
        if cases:
            self.env.flush_all()
            recovered = dict(
                self.env.execute_query(
                    SQL(
                        """
                        SELECT rel.case_id, SUM(partial.amount)
                          FROM credit_collection_case_account_move_rel rel
                          JOIN credit_collection_case cc ON cc.id = rel.case_id
                          JOIN account_move_line line ON line.move_id = rel.move_id
                          JOIN account_account account ON account.id = line.account_id
                          JOIN account_partial_reconcile partial
                            ON partial.debit_move_id = line.id
                          JOIN account_move_line payment_line
                            ON payment_line.id = partial.credit_move_id
                          JOIN account_move payment_move ON payment_move.id = payment_line.move_id
                         WHERE rel.case_id = ANY(%(cases)s)
                           AND account.account_type = 'asset_receivable'
                           AND payment_move.state = 'posted'
                           AND (payment_move.origin_payment_id IS NOT NULL
                                OR payment_move.statement_line_id IS NOT NULL)
                           AND partial.max_date >= cc.handover_date
                         GROUP BY rel.case_id
                        """,
                        cases=cases.ids,
                    )
                )
            )
        for case in self:
            case.amount_recovered = recovered.get(case.id, 0.0)

    @api.depends("amount_recovered", "agency_fee_percent")
    def _compute_agency_fee_amount(self):
        for case in self:
            case.agency_fee_amount = case.currency_id.round(
                case.amount_recovered * case.agency_fee_percent / 100
            )

    @api.constrains("agency_fee_percent")
    def _check_agency_fee_percent(self):
        for case in self:
            if not 0 <= case.agency_fee_percent <= 100:
                raise ValidationError(self.env._("The agency fee must be between 0 and 100 %."))

    @api.constrains("partner_id", "invoice_ids")
    def _check_invoices(self):
        for case in self:
            foreign = case.invoice_ids.filtered(
                lambda inv, case=case: (
                    inv.commercial_partner_id != case.partner_id.commercial_partner_id
                    or inv.move_type != "out_invoice"
                )
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Only customer invoices of %(partner)s can be handed over on %(name)s.",
                        partner=case.partner_id.display_name,
                        name=case.name,
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
                    .next_by_code("credit.collection.case")
                    or "/"
                )
        return super().create(vals_list)

    def _check_credit_group(self, group):
        if not self.env.user.has_group(group):
            if group.endswith("manager"):
                raise AccessError(
                    self.env._("Only a credit manager may approve, close or reopen this case.")
                )
            raise AccessError(self.env._("Only credit users may work on collection cases."))

    def action_submit(self):
        """Credit user: send the case to the pre-handover review (委外前审核)."""
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("draft",))
        for case in self:
            if not case.invoice_ids:
                raise UserError(
                    self.env._("Add the invoices to hand over to %(name)s.", name=case.name)
                )
            paid = case.invoice_ids.filtered(
                lambda inv: inv.currency_id.is_zero(inv.amount_residual)
            )
            if paid:
                raise UserError(
                    self.env._(
                        "These invoices are already paid: %(invoices)s.",
                        invoices=", ".join(paid.mapped("display_name")),
                    )
                )
        self._workflow_write({"state": "review"})
        for case in self:
            case._credit_message_post(self.env._("Submitted for review before handover."))
        return True

    def action_handover(self):
        """Credit manager: approve the handover; freezes the amount handed over."""
        self._check_credit_group("credit_management.group_credit_manager")
        self._check_state(("review",))
        for case in self:
            if not case.agency_partner_id and not case.court:
                raise UserError(
                    self.env._(
                        "Set the agency, lawyer or court %(name)s is handed over to.",
                        name=case.name,
                    )
                )
            date = case.handover_date or fields.Date.context_today(self)
            case._workflow_write(
                {
                    "state": "handed_over",
                    "handover_date": date,
                    "amount_handed_over": case.amount_open,
                    "reviewer_id": self.env.user.id,
                }
            )
            case._credit_message_post(
                self.env._(
                    "Handed over on %(date)s to %(to)s: %(amount)s.",
                    date=fields.Date.to_string(date),
                    to=case.agency_partner_id.display_name or case.court,
                    amount=case.currency_id.format(case.amount_handed_over),
                )
            )
        return True

    def action_reject(self):
        """Credit manager: send a case under review back to draft."""
        self._check_credit_group("credit_management.group_credit_manager")
        self._check_state(("review",))
        self._workflow_write({"state": "draft"})
        for case in self:
            case._credit_message_post(self.env._("Review refused: back to draft."))
        return True

    def action_close(self):
        """Credit manager: close a handed-over case with its outcome."""
        self._check_credit_group("credit_management.group_credit_manager")
        self._check_state(("handed_over",))
        for case in self:
            if not case.outcome:
                raise UserError(
                    self.env._("Set the outcome of %(name)s before closing it.", name=case.name)
                )
        self._workflow_write({"state": "closed", "close_date": fields.Date.context_today(self)})
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        for case in self:
            case._credit_message_post(
                self.env._(
                    "Closed: %(outcome)s, %(amount)s recovered.",
                    outcome=labels[case.outcome],
                    amount=case.currency_id.format(case.amount_recovered),
                )
            )
        return True

    def action_cancel(self):
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("draft", "review", "handed_over"))
        if self.filtered(lambda c: c.state == "handed_over"):
            self._check_credit_group("credit_management.group_credit_manager")
        self._workflow_write({"state": "cancel"})
        for case in self:
            case._credit_message_post(self.env._("Case cancelled."))
        return True

    def action_draft(self):
        self._check_credit_group("credit_management.group_credit_user")
        self._check_state(("cancel",))
        self._workflow_write({"state": "draft", "handover_date": False, "amount_handed_over": 0.0})
        for case in self:
            case._credit_message_post(self.env._("Reset to draft."))
        return True
