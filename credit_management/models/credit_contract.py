# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"

CONTRACT_STATES = [
    ("draft", "Draft"),
    ("review", "In Review"),
    ("approved", "Approved"),
    ("signed", "Signed"),
    ("performing", "Performing"),
    ("completed", "Completed"),
    ("changed", "Changed"),
    ("terminated", "Terminated"),
    ("invalid", "Invalid"),
]
# a contract in force binds both parties: its sales orders pass the written-contract rule
IN_FORCE_STATES = ("signed", "performing")
SETTLEMENT_METHODS = [
    ("immediate", "Immediate Settlement"),
    ("prepayment", "Prepayment"),
    ("credit", "On Credit Terms"),
    ("letter_of_credit", "Letter of Credit"),
    ("other", "Other"),
]
TERMINATION_PROCEDURES = [
    ("mutual", "Mutual Agreement"),
    ("contractual", "Contractual Right"),
    ("statutory", "Statutory Right"),
]
# What the handler writes; frozen once the contract leaves the draft (amend it instead).
CONTENT_FIELDS = {
    "title",
    "partner_id",
    "type_id",
    "company_id",
    "currency_id",
    "amount",
    "settlement_method",
    "payment_term_id",
    "template_id",
    "clause_ids",
    "handler_id",
    "date_start",
    "date_end",
    "parent_id",
    "amendment_reason",
}
# Ledger fields (合同台帐): complete when each is filled (item 五.2 of the appraisal).
LEDGER_FIELDS = (
    "partner_id",
    "type_id",
    "team_id",
    "handler_id",
    "amount",
    "settlement_method",
    "payment_term_id",
    "date_signed",
    "date_start",
    "date_end",
    "template_id",
    "signed_document",
)


def term_days(term):
    """Longest delay of a payment term, in days (end-of-month rules count a month)."""
    days = 0
    for line in term.line_ids:
        extra = {
            "days_after_end_of_month": 30,
            "days_after_end_of_next_month": 60,
            "days_end_of_month_on_the": 30,
        }.get(line.delay_type, 0)
        days = max(days, line.nb_days + extra)
    return days


class CreditContract(models.Model):
    """The contract register (合同台帐) of the credit (contract) department.

    Every contract the company proposes or signs, from the handler's draft (合同承办人员) through
    the review (合同审查表, with joint review 会审 of major contracts), the approval, the signing
    under a valid authorization letter (授权委托书) and the contract seal (合同专用章), to its
    performance, change (变更), termination (解除) or invalidity (无效).
    """

    _name = "credit.contract"
    _description = "Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = (
        "approver_id",
        "approval_date",
        "registration_date",
        "authorization_id",
        "signer_id",
        "refuse_reason",
        "termination_reason",
        "termination_procedure",
        "termination_notice_date",
        "termination_date",
        "termination_registration_date",
        "invalid_reason",
        "invalid_date",
    )
    _workflow_unlink_states = ("draft",)
    # the clerk, the seal custodian and the joint reviewers log on contracts they cannot edit
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    title = fields.Char(
        string="Subject", required=True, tracking=True, help="What the contract is about."
    )
    state = fields.Selection(
        CONTRACT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    type_id = fields.Many2one(
        "credit.contract.type",
        string="Contract Type",
        required=True,
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    kind = fields.Selection(related="type_id.kind", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
        help="The customer, supplier or other party (the company, not a contact person).",
    )
    handler_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The employee who negotiates and signs the contract (合同承办人员) under an "
        "authorization letter.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Department",
        tracking=True,
        check_company=True,
        help="Business unit (事业部/部门) the contract belongs to.",
    )
    clerk_id = fields.Many2one(
        "res.users",
        string="Contract Clerk",
        tracking=True,
        domain="[('share', '=', False)]",
        help="The credit (contract) clerk (信用(合同)管理员) who reviews and registers the "
        "contract. Defaults to the counterparty's credit analyst; the clerk completing the "
        "review otherwise.",
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    amount = fields.Monetary(tracking=True, help="Total value of the contract.")
    amount_company = fields.Monetary(
        string="Amount (Company Currency)",
        compute="_compute_amount_company",
        store=True,
        currency_field="company_currency_id",
    )
    settlement_method = fields.Selection(
        SETTLEMENT_METHODS,
        tracking=True,
        help="Immediate settlement (即时清结) needs no written contract under the company rule.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term", string="Payment Terms", check_company=True, tracking=True
    )
    template_id = fields.Many2one(
        "credit.contract.template",
        tracking=True,
        domain="[('company_id', 'in', [company_id, False]), ('type_id', 'in', [type_id, False])]",
    )
    clause_ids = fields.One2many(
        "credit.contract.clause",
        "contract_id",
        string="Clauses",
        compute="_compute_clause_ids",
        store=True,
        readonly=False,
        copy=True,
    )
    terms_complete = fields.Boolean(
        compute="_compute_terms_complete",
        store=True,
        help="A template is used and the contract contains every required clause.",
    )
    body = fields.Html(string="Contract Text")
    note = fields.Html(string="Notes")

    # dates
    date_signed = fields.Date(
        string="Signing Date", tracking=True, copy=False, help="Date both parties signed."
    )
    date_start = fields.Date(string="Start Date", tracking=True, default=fields.Date.context_today)
    date_end = fields.Date(string="End Date", tracking=True)
    registration_date = fields.Date(
        readonly=True,
        copy=False,
        help="Date the signed contract was registered in the ledger (合同台帐).",
    )
    registration_delay = fields.Integer(
        string="Registration Delay (days)",
        compute="_compute_registration",
        store=True,
        help="Days between signing and registration in the ledger.",
    )
    registered_on_time = fields.Boolean(compute="_compute_registration", store=True)
    ledger_complete = fields.Boolean(
        compute="_compute_ledger_complete",
        store=True,
        help="Every ledger field is filled: counterparty, type, department, handler, amount, "
        "settlement, payment terms, dates, template and the signed scan.",
    )

    # review and approval
    review_ids = fields.One2many("credit.contract.review", "contract_id", string="Reviews")
    review_id = fields.Many2one(
        "credit.contract.review", compute="_compute_review_id", string="Current Review"
    )
    review_count = fields.Integer(compute="_compute_review_id")
    is_major = fields.Boolean(
        string="Major Contract",
        compute="_compute_is_major",
        store=True,
        help="Above the company's joint-review amount, or of a type always reviewed jointly: "
        "the named finance, legal and technical reviewers review it jointly (会审).",
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    refuse_reason = fields.Text(string="Returned Because", readonly=True, copy=False, tracking=True)

    # signing
    authorization_id = fields.Many2one(
        "credit.contract.authorization",
        string="Authorization Letter",
        readonly=True,
        copy=False,
        help="Authorization letter under which the handler signed.",
    )
    signer_id = fields.Many2one("res.users", string="Signed By", readonly=True, copy=False)
    seal_use_ids = fields.One2many("credit.contract.seal.use", "contract_id", string="Seal Uses")
    seal_use_count = fields.Integer(compute="_compute_seal_use_count")
    signed_document = fields.Binary(
        string="Signed Scan", attachment=True, copy=False, help="Scan of the signed contract."
    )
    signed_document_name = fields.Char(copy=False)
    is_archived = fields.Boolean(
        string="Scan Archived",
        compute="_compute_is_archived",
        store=True,
        help="The scan of the signed contract is archived (item 五.4 of the appraisal).",
    )

    # governed documents
    # the legal representative reads contracts, not the orders and invoices they govern
    sale_order_ids = fields.One2many(
        "sale.order",
        "credit_contract_id",
        string="Sales Orders",
        groups="sales_team.group_sale_salesman,credit_management.group_credit_user",
    )
    invoice_ids = fields.One2many(
        "account.move",
        "credit_contract_id",
        string="Invoices",
        groups="account.group_account_invoice,credit_management.group_credit_user",
    )
    sale_order_count = fields.Integer(compute="_compute_document_counts")
    invoice_count = fields.Integer(compute="_compute_document_counts")

    # amendments (变更)
    parent_id = fields.Many2one(
        "credit.contract",
        string="Amended Contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The contract this amendment changes.",
    )
    amendment_ids = fields.One2many("credit.contract", "parent_id", string="Amendments")
    version = fields.Integer(default=1, readonly=True, copy=False)
    amendment_reason = fields.Text(
        help="What the amendment changes and why (required to submit an amendment)."
    )

    # termination (解除) and invalidity (无效)
    termination_reason = fields.Text(readonly=True, copy=False, tracking=True)
    termination_procedure = fields.Selection(
        TERMINATION_PROCEDURES, readonly=True, copy=False, tracking=True
    )
    termination_notice_date = fields.Date(
        readonly=True, copy=False, help="Date the termination notice was sent or agreed."
    )
    termination_date = fields.Date(readonly=True, copy=False, tracking=True)
    termination_registration_date = fields.Date(readonly=True, copy=False)
    termination_document = fields.Binary(
        attachment=True,
        copy=False,
        help="Termination agreement or notice (协议/通知书), archived with the contract.",
    )
    termination_document_name = fields.Char(copy=False)
    invalid_reason = fields.Text(readonly=True, copy=False, tracking=True)
    invalid_date = fields.Date(readonly=True, copy=False)

    # follow-up
    # salespeople see that a contract is disputed (has_dispute), the credit department handles it
    dispute_ids = fields.One2many(
        "credit.contract.dispute",
        "contract_id",
        string="Disputes",
        groups="credit_management.group_credit_user,"
        "credit_management.group_credit_legal_representative",
    )
    has_dispute = fields.Boolean(string="Disputed", compute="_compute_has_dispute", store=True)
    reconciliation_ids = fields.One2many(
        "credit.contract.reconciliation", "contract_id", string="Reconciliations"
    )
    complaint_ids = fields.One2many("credit.complaint", "contract_id", string="Complaints")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The contract reference must be unique."),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("amount", "currency_id", "company_id", "date_signed")
    def _compute_amount_company(self):
        today = fields.Date.context_today(self)
        for contract in self:
            currency = contract.company_id.currency_id
            if not contract.currency_id or not currency or contract.currency_id == currency:
                contract.amount_company = contract.amount
                continue
            contract.amount_company = contract.currency_id._convert(
                contract.amount, currency, contract.company_id, contract.date_signed or today
            )

    @api.depends("template_id")
    def _compute_clause_ids(self):
        for contract in self:
            if contract.state != "draft":
                continue
            contract.clause_ids = [Command.clear()] + [
                Command.create(
                    {"sequence": clause.sequence, "name": clause.name, "required": clause.required}
                )
                for clause in contract.template_id.clause_ids
            ]

    @api.depends("template_id", "clause_ids.included", "clause_ids.required")
    def _compute_terms_complete(self):
        for contract in self:
            contract.terms_complete = bool(contract.template_id) and all(
                clause.included for clause in contract.clause_ids if clause.required
            )

    @api.depends("registration_date", "date_signed", "company_id.credit_contract_registration_days")
    def _compute_registration(self):
        for contract in self:
            if not (contract.registration_date and contract.date_signed):
                contract.registration_delay = 0
                contract.registered_on_time = False
                continue
            delay = (contract.registration_date - contract.date_signed).days
            contract.registration_delay = delay
            contract.registered_on_time = (
                delay <= contract.company_id.credit_contract_registration_days
            )

    @api.depends(*LEDGER_FIELDS)
    def _compute_ledger_complete(self):
        for contract in self:
            missing = contract._ledger_missing_fields()
            contract.ledger_complete = not missing

    def _ledger_missing_fields(self):
        self.ensure_one()
        missing = [fname for fname in LEDGER_FIELDS if not self[fname]]
        if self.settlement_method in ("immediate", "prepayment") and "payment_term_id" in missing:
            missing.remove("payment_term_id")
        return missing

    @api.depends("signed_document")
    def _compute_is_archived(self):
        for contract in self:
            contract.is_archived = bool(contract.signed_document)

    @api.depends("review_ids")
    def _compute_review_id(self):
        for contract in self:
            reviews = contract.review_ids.sorted("id")
            contract.review_id = reviews[-1:]
            contract.review_count = len(reviews)

    @api.depends(
        "amount_company",
        "type_id.joint_review",
        "company_id.credit_contract_major_amount",
    )
    def _compute_is_major(self):
        for contract in self:
            threshold = contract.company_id.credit_contract_major_amount
            contract.is_major = bool(contract.type_id.joint_review) or (
                bool(threshold) and contract.amount_company > threshold
            )

    def _compute_seal_use_count(self):
        groups = self.env["credit.contract.seal.use"]._read_group(
            [("contract_id", "in", self.ids)], groupby=["contract_id"], aggregates=["__count"]
        )
        counts = {contract.id: count for contract, count in groups}
        for contract in self:
            contract.seal_use_count = counts.get(contract.id, 0)

    def _compute_document_counts(self):
        # sudo: only the number of governed orders and invoices is shown, to every reader of
        # the contract (the legal representative reads neither)
        orders = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [("credit_contract_id", "in", self.ids)],
                groupby=["credit_contract_id"],
                aggregates=["__count"],
            )
        )
        invoices = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("credit_contract_id", "in", self.ids)],
                groupby=["credit_contract_id"],
                aggregates=["__count"],
            )
        )
        order_counts = {contract.id: count for contract, count in orders}
        invoice_counts = {contract.id: count for contract, count in invoices}
        for contract in self:
            contract.sale_order_count = order_counts.get(contract.id, 0)
            contract.invoice_count = invoice_counts.get(contract.id, 0)

    @api.depends("dispute_ids")
    def _compute_has_dispute(self):
        for contract in self:
            contract.has_dispute = bool(contract.dispute_ids)

    # ------------------------------------------------------------------ constraints
    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.currency_id.compare_amounts(contract.amount, 0) < 0:
                raise ValidationError(
                    self.env._(
                        "Amount: the amount of %(contract)s cannot be negative (got %(amount)s).",
                        contract=contract.display_name,
                        amount=contract.amount,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            start, end = contract.date_start, contract.date_end
            if start and end and end < start:
                raise ValidationError(
                    self.env._(
                        "End Date: %(contract)s cannot end (%(end)s) before it starts (%(start)s).",
                        contract=contract.display_name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_commercial(self):
        for contract in self:
            if contract.partner_id != contract.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Counterparty: contracts are signed with the company, not with its "
                        "contact %(contact)s: choose %(company)s.",
                        contact=contract.partner_id.display_name,
                        company=contract.partner_id.commercial_partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------ onchange
    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if not self.partner_id:
            return
        # sudo: the analyst of the counterparty's credit file, read to propose the clerk
        partner = self.partner_id.sudo()
        if partner.credit_analyst_id and not self.clerk_id:
            self.clerk_id = partner.credit_analyst_id
        if not self.payment_term_id:
            terms = (
                partner.property_supplier_payment_term_id
                if self.kind == "purchase"
                else partner.property_payment_term_id
            )
            self.payment_term_id = terms

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_handler_rights(
            self.env["res.users"].browse(
                {vals.get("handler_id") or self.env.uid for vals in vals_list}
            )
        )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self._next_reference(company)
        return super().create(vals_list)

    def write(self, vals):
        if CONTENT_FIELDS & vals.keys() and not self.env.su:
            locked = self.filtered(lambda contract: contract.state != "draft")
            if locked:
                labels = ", ".join(
                    sorted(
                        self._fields[fname]._description_string(self.env)
                        for fname in CONTENT_FIELDS & vals.keys()
                    )
                )
                raise UserError(
                    self.env._(
                        "%(fields)s of %(contract)s can no longer be changed: it is no longer a "
                        "draft. Amend the contract instead.",
                        fields=labels,
                        contract=locked[0].display_name,
                    )
                )
        if vals.get("handler_id"):
            self._check_handler_rights(self.env["res.users"].browse(vals["handler_id"]))
        return super().write(vals)

    @api.model
    def _next_reference(self, company):
        """Next contract reference of ``company``: each company numbers its own contracts."""
        # sudo: the per-company sequence is created on first use; users cannot create sequences
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search([("code", "=", "credit.contract"), ("company_id", "=", company.id)], limit=1)
        )
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Contracts of %(company)s", company=company.name),
                        "code": "credit.contract",
                        "prefix": "HT/%(year)s/",
                        "padding": 4,
                        "company_id": company.id,
                    }
                )
            )
        return sequence.next_by_id()

    @api.model
    def _check_handler_rights(self, handlers):
        """Outside the credit department a user drafts contracts for himself only."""
        if self.env.su or self.env.user.has_group(CREDIT_USER):
            return
        if handlers - self.env.user:
            raise AccessError(
                self.env._(
                    "Handler: you can only draft contracts you handle yourself; the credit "
                    "department assigns contracts to other handlers."
                )
            )

    # ------------------------------------------------------------------ rights helpers
    def _check_group(self, group_xmlid):
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        raise AccessError(
            self.env._(
                "Only members of the group %(group)s can do this on contracts.",
                group=self.env.ref(group_xmlid).name,
            )
        )

    def _check_handler_or_clerk(self):
        if self.env.su or self.env.user.has_group(CREDIT_USER):
            return
        others = self.filtered(lambda contract: contract.handler_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "Only the handler of %(contract)s or the credit department can do this.",
                    contract=others[0].display_name,
                )
            )

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        """Send the draft to the credit department: opens its review form (合同审查表)."""
        self._check_handler_or_clerk()
        self._check_state(("draft",))
        for contract in self:
            contract._check_ready_for_review()
        self._workflow_write({"state": "review", "refuse_reason": False})
        self.env["credit.contract.review"]._open_for(self)
        for contract in self:
            contract._credit_message_post(
                self.env._(
                    "Submitted for review (review %(round)s)%(major)s.",
                    round=contract.review_id.round,
                    major=self.env._(", joint review") if contract.is_major else "",
                )
            )
        return True

    def _check_ready_for_review(self):
        """The handler's draft is complete enough to be reviewed: a clear error naming the
        first missing field otherwise."""
        self.ensure_one()
        required = ["title", "partner_id", "type_id", "amount", "settlement_method", "date_start"]
        if self.settlement_method == "credit":
            required.append("payment_term_id")
        if self.parent_id:
            required.append("amendment_reason")
        for fname in required:
            if not self[fname]:
                raise UserError(
                    self.env._(
                        "%(field)s: fill it in before submitting %(contract)s for review.",
                        field=self._fields[fname]._description_string(self.env),
                        contract=self.display_name,
                    )
                )
        if self.is_major:
            self._joint_reviewers()

    def action_include_all_clauses(self):
        """The handler confirms that the contract text contains every clause of its template."""
        self._check_handler_or_clerk()
        self._check_state(("draft",))
        self.clause_ids.write({"included": True})
        return True

    def action_approve(self):
        """The clerk concludes the review: every check passed, every joint reviewer agreed, and
        the handler holds an authorization letter covering the contract today."""
        self._check_group(CREDIT_USER)
        self._check_state(("review",))
        today = fields.Date.context_today(self)
        authorizations = self.env["credit.contract.authorization"]._valid_for(self, today)
        for contract in self:
            contract.review_id._check_complete()
            if not authorizations[contract.id]:
                raise UserError(contract._authorization_problem(today))
        for contract in self:
            contract._workflow_write(
                {
                    "state": "approved",
                    "approver_id": self.env.uid,
                    "approval_date": today,
                    "clerk_id": contract.clerk_id.id or self.env.uid,
                }
            )
            contract.review_id._close("approved")
            contract._credit_message_post(
                self.env._(
                    "Review completed and contract approved by %(user)s (authorization "
                    "%(letter)s).",
                    user=self.env.user.name,
                    letter=authorizations[contract.id].name,
                )
            )
        return True

    def action_refuse(self):
        """Open the wizard asking why the contract goes back to its handler."""
        self._check_group(CREDIT_USER)
        self._check_state(("review",))
        return self._open_decision_wizard("refuse")

    def _return_to_handler(self, reason, refused_by=None):
        """One refusal (the clerk's or a joint reviewer's) returns the contract to its handler."""
        self._check_state(("review",))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Reason: say why the contract is returned to its handler."))
        user = refused_by or self.env.user
        for contract in self:
            contract._workflow_write({"state": "draft", "refuse_reason": reason})
            contract.review_id._close("refused", reason=reason, user=user)
            note = self.env._(
                "Returned to the handler by %(user)s: %(reason)s", user=user.name, reason=reason
            )
            contract._credit_message_post(note)
            # sudo: the reviewer may not assign activities to users outside the department
            contract._credit_activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Contract returned by the review"),
                note=note,
                user_id=contract.handler_id.id,
            )
        return True

    def action_sign(self):
        """Register the signature: the handler signed under a valid authorization covering the
        contract's type and amount on the signing date, and the contract seal was used."""
        self._check_handler_or_clerk()
        self._check_state(("approved",))
        today = fields.Date.context_today(self)
        # signed today unless the date of the signature was entered
        self.filtered(lambda c: not c.date_signed).write({"date_signed": today})
        for contract in self:
            if contract.date_signed > today:
                raise UserError(
                    self.env._(
                        "Signing Date: %(contract)s cannot be registered as signed on "
                        "%(date)s, a date still to come.",
                        contract=contract.display_name,
                        date=contract.date_signed,
                    )
                )
        authorizations = self.env["credit.contract.authorization"]._valid_for(self)
        sealed = self.env["credit.contract.seal.use"]._sealed_contracts(self)
        for contract in self:
            if not authorizations[contract.id]:
                raise UserError(contract._authorization_problem(contract.date_signed))
            if contract.id not in sealed:
                raise UserError(
                    self.env._(
                        "%(contract)s bears no contract seal yet: request the use of the "
                        "contract seal (合同专用章) and have its custodian grant it first.",
                        contract=contract.display_name,
                    )
                )
        for contract in self:
            contract._workflow_write(
                {
                    "state": "signed",
                    "registration_date": today,
                    "authorization_id": authorizations[contract.id].id,
                    "signer_id": contract.handler_id.id,
                }
            )
            contract._credit_message_post(
                self.env._(
                    "Signed on %(date)s by %(handler)s under %(letter)s; registered in the "
                    "ledger on %(today)s.",
                    date=contract.date_signed,
                    handler=contract.handler_id.name,
                    letter=authorizations[contract.id].name,
                    today=today,
                )
            )
        self.filtered("parent_id")._supersede_parent()
        self._start_when_due()
        return True

    def _joint_reviewers(self):
        """The named joint reviewers (会审) of the company: [(role, user)]."""
        self.ensure_one()
        company = self.company_id
        reviewers = [
            (role, user)
            for role, user in (
                ("finance", company.credit_contract_reviewer_finance_id),
                ("legal", company.credit_contract_reviewer_legal_id),
                ("technical", company.credit_contract_reviewer_technical_id),
            )
            if user
        ]
        if not reviewers:
            raise UserError(
                self.env._(
                    "Joint Reviewers: %(contract)s is a major contract and needs a joint review, "
                    "but no finance, legal or technical reviewer is named in the settings of "
                    "%(company)s.",
                    contract=self.display_name,
                    company=company.name,
                )
            )
        return reviewers

    def _authorization_problem(self, on_date):
        """The message saying why the handler may not approve/sign this contract on ``on_date``."""
        self.ensure_one()
        return self.env["credit.contract.authorization"]._problem_for(self, on_date)

    def _supersede_parent(self):
        """A signed amendment replaces the contract it changes: the old one becomes "changed"
        (kept as history) and the orders and invoices it governed move to the amendment."""
        for amendment in self:
            parent = amendment.parent_id
            if parent.state not in IN_FORCE_STATES:
                continue
            # sudo: moving the governed documents is part of the signature the user may do
            governed = parent.sudo()
            governed.sale_order_ids.write({"credit_contract_id": amendment.id})
            governed.invoice_ids.write({"credit_contract_id": amendment.id})
            parent._workflow_write({"state": "changed"})
            parent._credit_message_post(
                self.env._(
                    "Changed by the amendment %(amendment)s signed on %(date)s.",
                    amendment=amendment.name,
                    date=amendment.date_signed,
                )
            )

    def _start_when_due(self):
        """Signed contracts whose start date is reached are performing."""
        today = fields.Date.context_today(self)
        due = self.filtered(
            lambda c: c.state == "signed" and (not c.date_start or c.date_start <= today)
        )
        if due:
            due._workflow_write({"state": "performing"})
            for contract in due:
                contract._credit_message_post(self.env._("Performance started."))
        return due

    def action_start_performance(self):
        self._check_handler_or_clerk()
        self._check_state(("signed",))
        self._workflow_write({"state": "performing"})
        for contract in self:
            contract._credit_message_post(self.env._("Performance started."))
        return True

    def action_complete(self):
        self._check_group(CREDIT_USER)
        self._check_state(("performing",))
        self._workflow_write({"state": "completed"})
        for contract in self:
            contract._credit_message_post(self.env._("Contract fully performed: completed."))
        return True

    def action_amend(self):
        """Draft an amendment (变更): a new version reviewed and signed like a contract; the
        contract in force stays as it is until the amendment is signed."""
        self.ensure_one()
        self._check_handler_or_clerk()
        self._check_state(IN_FORCE_STATES)
        if self.amendment_ids.filtered(lambda a: a.state in ("draft", "review", "approved")):
            raise UserError(
                self.env._(
                    "%(contract)s already has an amendment in progress: finish it first.",
                    contract=self.display_name,
                )
            )
        amendment = self.copy(
            {
                "name": f"{self.name}-{self.version + 1}",
                "parent_id": self.id,
                "title": self.title,
                "date_signed": False,
            }
        )
        amendment._workflow_write({"version": self.version + 1})
        self._credit_message_post(
            self.env._("Amendment %(amendment)s drafted.", amendment=amendment.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.contract",
            "res_id": amendment.id,
            "view_mode": "form",
        }

    def action_terminate(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(IN_FORCE_STATES)
        return self._open_decision_wizard("terminate")

    def _terminate(self, values):
        """Terminate (解除) by procedure: reason, procedure, notice and termination dates."""
        self._check_group(CREDIT_MANAGER)
        self._check_state(IN_FORCE_STATES)
        today = fields.Date.context_today(self)
        for fname in ("termination_reason", "termination_procedure", "termination_date"):
            value = values.get(fname)
            if not (value.strip() if isinstance(value, str) else value):
                raise UserError(
                    self.env._(
                        "%(field)s: required to terminate a contract.",
                        field=self._fields[fname]._description_string(self.env),
                    )
                )
        notice = values.get("termination_notice_date")
        if notice and notice > values["termination_date"]:
            raise UserError(
                self.env._(
                    "Termination Notice Date: the notice (%(notice)s) cannot come after the "
                    "termination (%(date)s).",
                    notice=notice,
                    date=values["termination_date"],
                )
            )
        vals = {
            "state": "terminated",
            "termination_reason": values["termination_reason"].strip(),
            "termination_procedure": values["termination_procedure"],
            "termination_notice_date": notice or False,
            "termination_date": values["termination_date"],
            "termination_registration_date": today,
        }
        self._workflow_write(vals)
        if values.get("termination_document"):
            self.write(
                {
                    "termination_document": values["termination_document"],
                    "termination_document_name": values.get("termination_document_name"),
                }
            )
        labels = dict(self._fields["termination_procedure"]._description_selection(self.env))
        for contract in self:
            contract._credit_message_post(
                self.env._(
                    "Terminated on %(date)s (%(procedure)s): %(reason)s",
                    date=vals["termination_date"],
                    procedure=labels[vals["termination_procedure"]],
                    reason=vals["termination_reason"],
                )
            )
        return True

    def action_invalidate(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("approved", *IN_FORCE_STATES))
        return self._open_decision_wizard("invalidate")

    def _invalidate(self, reason):
        """Declare the contract invalid (无效合同), with the reason."""
        self._check_group(CREDIT_MANAGER)
        self._check_state(("approved", *IN_FORCE_STATES))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Reason: say why the contract is invalid."))
        self._workflow_write(
            {
                "state": "invalid",
                "invalid_reason": reason,
                "invalid_date": fields.Date.context_today(self),
            }
        )
        for contract in self:
            contract._credit_message_post(self.env._("Declared invalid: %(reason)s", reason=reason))
        return True

    def _open_decision_wizard(self, kind):
        return {
            "type": "ir.actions.act_window",
            "name": dict(
                self.env["credit.contract.decision.wizard"]
                ._fields["kind"]
                ._description_selection(self.env)
            )[kind],
            "res_model": "credit.contract.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_kind": kind,
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
            },
        }

    def action_propose_credit_application(self):
        """A sales contract above the customer's available credit: draft the credit application
        (信用申请) that would cover it."""
        self.ensure_one()
        self._check_group(CREDIT_USER)
        partner = self.partner_id.commercial_partner_id
        # sudo: the exposure figures the proposed application needs; the caller is a credit user
        exposure = partner.with_company(self.company_id).sudo()._credit_exposure()[partner.id]
        requested = self.company_id.currency_id.round(exposure["exposure"] + self.amount_company)
        application = self.env["credit.application"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company_id.id,
                "requested_limit": max(requested, exposure["limit"]),
                "justification": self.env._(
                    "Contract %(contract)s (%(amount)s) is above the available credit.",
                    contract=self.name,
                    amount=self.amount_company,
                ),
            }
        )
        self._credit_message_post(
            self.env._("Credit application %(application)s proposed.", application=application.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "res_id": application.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------ smart buttons
    def action_view_reviews(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Review Forms"),
            "res_model": "credit.contract.review",
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_view_sale_orders(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sales Orders"),
            "res_model": "sale.order",
            "view_mode": "list,form",
            "domain": [("credit_contract_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_view_invoices(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("credit_contract_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_request_seal(self):
        """Ask the custodian to stamp the approved contract with the contract seal."""
        self.ensure_one()
        self._check_handler_or_clerk()
        self._check_state(("approved",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request the Contract Seal"),
            "res_model": "credit.contract.seal.use",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_contract_id": self.id,
                "default_purpose": self.env._("Contract originals"),
            },
        }

    def action_view_seal_uses(self):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Seal Uses"),
            "res_model": "credit.contract.seal.use",
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
            "context": {"default_contract_id": self.id},
        }
        if len(self.seal_use_ids) == 1:
            action.update({"view_mode": "form", "res_id": self.seal_use_ids.id})
        return action

    # ------------------------------------------------------------------ business
    @api.model
    def _in_force_by_partner(self, partners, company=None, on_date=None):
        """Sales contracts in force on ``on_date`` (default today) per commercial partner, in
        ``company`` (default: current): one query for any number of partners.

        :return: {commercial_partner_id: credit.contract (most recent first)}
        """
        company = company or self.env.company
        on_date = on_date or fields.Date.context_today(self)
        partners = partners.commercial_partner_id
        result = {partner.id: self.browse() for partner in partners}
        if not partners:
            return result
        # sudo: whether a contract is in force decides holds whoever confirms the order
        contracts = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("partner_id", "in", partners.ids),
                    ("kind", "=", "sales"),
                    ("state", "in", IN_FORCE_STATES),
                    "|",
                    ("date_start", "=", False),
                    ("date_start", "<=", on_date),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", on_date),
                ],
                order="date_signed desc, id desc",
            )
        )
        for contract in contracts:
            result[contract.partner_id.id] |= contract
        return result

    @api.model
    def _cron_contract_daily(self):
        """Daily: signed contracts whose start date is reached start performing; handlers of
        contracts whose performance lags get an activity (one at a time per contract)."""
        started = self.search([("state", "=", "signed")])._start_when_due()
        lagging = self.search([("state", "=", "performing")])._schedule_performance_activities()
        return len(started), len(lagging)
