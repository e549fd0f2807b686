# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

CREDIT_MANAGER = "credit_management.group_credit_manager"
LEGAL_REPRESENTATIVE = "credit_management.group_credit_legal_representative"
# What the letter grants: frozen once it leaves the draft (revoke it and issue a new one).
LETTER_FIELDS = {"handler_id", "type_ids", "max_amount", "date_from", "date_to", "company_id"}


class CreditContractAuthorization(models.Model):
    """Authorization letter (授权委托书): the legal representative authorizes a handler to sign
    contracts of given types up to an amount per contract, for a period.

    Prepared by a credit manager (the credit department issues the letters), approved by the
    legal representative (法定代表人), revocable. A contract is approved and signed only under a
    letter valid on the date that covers its type and amount.
    """

    _name = "credit.contract.authorization"
    _description = "Authorization Letter"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "prepared_by_id",
        "approver_id",
        "approval_date",
        "revoke_date",
        "revoke_reason",
    )

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Awaiting Approval"),
            ("approved", "Approved"),
            ("revoked", "Revoked"),
        ],
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
    currency_id = fields.Many2one(related="company_id.currency_id")
    handler_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="The employee authorized to sign (合同承办人员).",
    )
    type_ids = fields.Many2many(
        "credit.contract.type",
        string="Contract Types",
        required=True,
        help="Types of contracts the handler may sign.",
    )
    max_amount = fields.Monetary(
        string="Maximum per Contract",
        tracking=True,
        help="Highest amount of one contract the handler may sign, company currency.",
    )
    date_from = fields.Date(string="Valid From", required=True, tracking=True)
    date_to = fields.Date(string="Valid Until", required=True, tracking=True)
    scope = fields.Text(help="Scope of the authorization as written in the letter (授权范围).")
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    revoke_date = fields.Date(string="Revoked On", readonly=True, copy=False, tracking=True)
    revoke_reason = fields.Text(readonly=True, copy=False)
    validity = fields.Selection(
        [
            ("pending", "Not Approved"),
            ("future", "Not Yet Valid"),
            ("valid", "Valid"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        compute="_compute_validity",
        search="_search_validity",
        help="Whether the letter is valid today.",
    )
    contract_ids = fields.One2many("credit.contract", "authorization_id", string="Contracts Signed")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The reference must be unique."),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("state", "date_from", "date_to")
    def _compute_validity(self):
        today = fields.Date.context_today(self)
        for letter in self:
            if letter.state == "revoked":
                letter.validity = "revoked"
            elif letter.state != "approved":
                letter.validity = "pending"
            elif letter.date_from > today:
                letter.validity = "future"
            elif letter.date_to < today:
                letter.validity = "expired"
            else:
                letter.validity = "valid"

    def _search_validity(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, str):
            raise UserError(self.env._("Unsupported search on the validity of letters."))
        today = fields.Date.context_today(self)
        domains = {
            "revoked": [("state", "=", "revoked")],
            "pending": [("state", "in", ("draft", "submitted"))],
            "future": [("state", "=", "approved"), ("date_from", ">", today)],
            "expired": [("state", "=", "approved"), ("date_to", "<", today)],
            "valid": [
                ("state", "=", "approved"),
                ("date_from", "<=", today),
                ("date_to", ">=", today),
            ],
        }
        domain = domains.get(value, [("id", "=", False)])
        return domain if operator == "=" else ["!", *domain]

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for letter in self:
            if letter.date_to < letter.date_from:
                raise ValidationError(
                    self.env._(
                        "Valid Until: the letter %(name)s cannot end (%(to)s) before it starts "
                        "(%(from)s).",
                        name=letter.name,
                        to=letter.date_to,
                        **{"from": letter.date_from},
                    )
                )

    @api.constrains("max_amount")
    def _check_max_amount(self):
        for letter in self:
            if letter.currency_id.compare_amounts(letter.max_amount, 0) <= 0:
                raise ValidationError(
                    self.env._(
                        "Maximum per Contract: the letter %(name)s must authorize a positive "
                        "amount (got %(amount)s).",
                        name=letter.name,
                        amount=letter.max_amount,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_group(CREDIT_MANAGER)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "credit.contract.authorization"
                ) or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        if LETTER_FIELDS & vals.keys() and not self.env.su:
            self._check_group(CREDIT_MANAGER)
            if any(letter.state != "draft" for letter in self):
                raise UserError(
                    self.env._(
                        "An authorization letter can only be changed while it is a draft: "
                        "revoke it and issue a new one."
                    )
                )
        return super().write(vals)

    def _check_group(self, group_xmlid):
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        raise AccessError(
            self.env._(
                "Only members of the group %(group)s can do this on authorization letters.",
                group=self.env.ref(group_xmlid).name,
            )
        )

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        """The credit manager sends the prepared letter to the legal representative."""
        self._check_group(CREDIT_MANAGER)
        self._check_state(("draft",))
        self._workflow_write({"state": "submitted", "prepared_by_id": self.env.uid})
        for letter in self:
            letter._credit_message_post(self.env._("Submitted to the legal representative."))
        return True

    def action_approve(self):
        """The legal representative signs the letter."""
        self._check_group(LEGAL_REPRESENTATIVE)
        self._check_state(("submitted",))
        self._workflow_write(
            {
                "state": "approved",
                "approver_id": self.env.uid,
                "approval_date": fields.Date.context_today(self),
            }
        )
        for letter in self:
            letter._credit_message_post(
                self.env._(
                    "Approved by the legal representative %(user)s.", user=self.env.user.name
                )
            )
        return True

    def action_reject(self):
        """The legal representative sends the letter back to the credit manager."""
        self._check_group(LEGAL_REPRESENTATIVE)
        self._check_state(("submitted",))
        self._workflow_write({"state": "draft", "prepared_by_id": False})
        for letter in self:
            letter._credit_message_post(self.env._("Not approved: returned to the credit manager."))
        return True

    def action_revoke(self):
        self._check_revoke_rights()
        self._check_state(("approved",))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke"),
            "res_model": "credit.contract.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_kind": "revoke",
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
            },
        }

    def _check_revoke_rights(self):
        user = self.env.user
        allowed = user.has_group(CREDIT_MANAGER) or user.has_group(LEGAL_REPRESENTATIVE)
        if not (self.env.su or allowed):
            raise AccessError(
                self.env._(
                    "Only credit managers and the legal representative revoke authorization "
                    "letters."
                )
            )

    def _revoke(self, reason):
        self._check_revoke_rights()
        self._check_state(("approved",))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Reason: say why the authorization is revoked."))
        self._workflow_write(
            {
                "state": "revoked",
                "revoke_date": fields.Date.context_today(self),
                "revoke_reason": reason,
            }
        )
        for letter in self:
            letter._credit_message_post(self.env._("Revoked: %(reason)s", reason=reason))
        return True

    # ------------------------------------------------------------------ business
    def _covers(self, contract, on_date):
        """Whether this approved letter lets its handler sign ``contract`` on ``on_date``."""
        self.ensure_one()
        revoked_before = self.revoke_date and self.revoke_date <= on_date
        return (
            self.state in ("approved", "revoked")
            and not revoked_before
            and self.handler_id == contract.handler_id
            and self.company_id == contract.company_id
            and self.date_from <= on_date <= self.date_to
            and contract.type_id in self.type_ids
            and self.currency_id.compare_amounts(contract.amount_company, self.max_amount) <= 0
        )

    @api.model
    def _letters_of(self, contracts):
        # sudo: the letters decide the signature whoever registers it; only the matching letter
        # is shown to the user
        return self.sudo().search(
            [
                ("state", "in", ("approved", "revoked")),
                ("approver_id", "!=", False),
                ("handler_id", "in", contracts.handler_id.ids),
                ("company_id", "in", contracts.company_id.ids),
            ],
            order="date_to desc, id desc",
        )

    @api.model
    def _valid_for(self, contracts, on_date=None):
        """The letter under which each contract's handler may sign it: on ``on_date``, or on
        each contract's signing date. One query for any number of contracts.

        :return: {contract_id: credit.contract.authorization (empty when none)}
        """
        letters = self._letters_of(contracts)
        result = {}
        today = fields.Date.context_today(self)
        for contract in contracts:
            day = on_date or contract.date_signed or today
            result[contract.id] = next(
                (letter for letter in letters if letter._covers(contract, day)), letters.browse()
            )
        return result

    @api.model
    def _problem_for(self, contract, on_date):
        """Why the handler of ``contract`` holds no letter covering it on ``on_date``: the
        closest letter tells (expired, revoked, other type, beyond its amount)."""
        letters = self._letters_of(contract).filtered(
            lambda letter: (
                letter.handler_id == contract.handler_id
                and letter.company_id == contract.company_id
            )
        )
        env = self.env
        base = env._(
            "%(handler)s may not sign %(contract)s on %(date)s: ",
            handler=contract.handler_id.name,
            contract=contract.display_name,
            date=on_date,
        )
        if not letters:
            return base + env._(
                "no approved authorization letter (授权委托书). Ask the credit manager to issue "
                "one."
            )
        current = letters.filtered(
            lambda letter: (
                letter.date_from <= on_date <= letter.date_to
                and not (letter.revoke_date and letter.revoke_date <= on_date)
            )
        )
        if not current:
            revoked = letters.filtered(
                lambda letter: (
                    letter.revoke_date
                    and letter.revoke_date <= on_date
                    and letter.date_from <= on_date <= letter.date_to
                )
            )
            if revoked:
                return base + env._(
                    "the authorization %(letter)s was revoked on %(revoked)s.",
                    letter=revoked[0].name,
                    revoked=revoked[0].revoke_date,
                )
            expired = letters.filtered(lambda letter: letter.date_to < on_date)
            if expired:
                return base + env._(
                    "the authorization %(letter)s expired on %(expired)s.",
                    letter=expired[0].name,
                    expired=expired[0].date_to,
                )
            return base + env._(
                "the authorization %(letter)s is only valid from %(start)s.",
                letter=letters[-1].name,
                start=letters[-1].date_from,
            )
        typed = current.filtered(lambda letter: contract.type_id in letter.type_ids)
        if not typed:
            return base + env._(
                "the authorization %(letter)s does not cover %(type)s contracts.",
                letter=current[0].name,
                type=contract.type_id.name,
            )
        best = max(typed, key=lambda letter: letter.max_amount)
        return base + env._(
            "%(amount)s is beyond the authority of %(letter)s (at most %(max)s per contract).",
            amount=format_amount(env, contract.amount_company, contract.company_id.currency_id),
            letter=best.name,
            max=format_amount(env, best.max_amount, best.currency_id),
        )
