# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"

SECURITY_TYPES = [
    ("bank_guarantee", "Bank Guarantee"),
    ("letter_of_credit", "Letter of Credit"),
    ("deposit", "Cash Deposit"),
    ("mortgage", "Mortgage"),
    ("pledge", "Pledge"),
    ("guarantee", "Third-party Guarantee"),
    ("insurance", "Credit Insurance"),
]
# What a decision fixed: changed only in draft (or after a refusal, back in draft).
LOCKED_FIELDS = {
    "security_type",
    "partner_id",
    "company_id",
    "currency_id",
    "amount",
    "cover_percent",
    "insurer_limit",
    "date_start",
    "date_end",
}


class CreditSecurity(models.Model):
    """A security (担保/增信) backing a customer's credit limit.

    Bank guarantee (保函), letter of credit (信用证), cash deposit (保证金), mortgage (抵押) or
    pledge (质押), third-party guarantee (担保), credit insurance (信用保险). Once approved by a
    credit manager and while its validity dates cover the company's today, its secured amount
    reduces the exposure that the hold decision compares with the limit
    (``res.partner._credit_exposure``).
    """

    _name = "credit.security"
    _description = "Credit Security"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date_end, id desc"
    _check_company_auto = True
    _workflow_fields = ("approver_id", "approval_date")
    _workflow_unlink_states = ("draft", "refused")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    security_type = fields.Selection(
        SECURITY_TYPES, string="Type", required=True, default="bank_guarantee", tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("expired", "Expired"),
            ("released", "Released"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="Approved: counts against the exposure while its validity dates cover today. "
        "Expired: its end date has passed. Released: returned to the customer before its end.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
    )
    issuer_id = fields.Many2one(
        "res.partner",
        string="Issuer / Insurer",
        tracking=True,
        help="The bank that issued the guarantee or letter of credit, the guarantor, or the "
        "credit insurer.",
    )
    external_reference = fields.Char(
        string="Document Number",
        tracking=True,
        help="Guarantee, letter of credit, contract or insurance policy number.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        tracking=True,
    )
    amount = fields.Monetary(
        required=True,
        tracking=True,
        help="Face amount of the guarantee or letter of credit, amount deposited, value of the "
        "collateral, or amount insured.",
    )
    cover_percent = fields.Float(
        string="Recognised (%)",
        default=100.0,
        tracking=True,
        help="Share of the amount that counts as security: the cover percentage of a credit "
        "insurance policy, the loan-to-value of a mortgage or pledge. Cash deposits count in full.",
    )
    insurer_limit = fields.Monetary(
        string="Insurer's Limit for the Customer",
        tracking=True,
        help="Credit limit the insurer granted on this customer (buyer limit of the policy): it "
        "caps the insured part.",
    )
    secured_amount = fields.Monetary(
        compute="_compute_secured_amount",
        store=True,
        help="Amount by which this security reduces the customer's exposure while valid: amount "
        "x recognised %, capped by the insurer's limit for credit insurance.",
    )
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Valid Until",
        tracking=True,
        help="Last day of validity. Empty: valid until released (e.g. a cash deposit).",
    )
    is_valid = fields.Boolean(
        string="Valid Today",
        compute="_compute_is_valid",
        help="Approved and within its validity dates: it reduces the exposure.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Documents",
        help="Scanned guarantee, letter of credit, deposit receipt, registration certificate or "
        "policy: required before submitting.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    approver_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    approval_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    note = fields.Text()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The amount of a security must be positive."),
        (
            "cover_percent_range",
            "CHECK(cover_percent > 0 AND cover_percent <= 100)",
            "The recognised percentage must be above 0 and at most 100.",
        ),
        (
            "insurer_limit_positive",
            "CHECK(insurer_limit IS NULL OR insurer_limit >= 0)",
            "The insurer's limit cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("security_type", "amount", "cover_percent", "insurer_limit")
    def _compute_secured_amount(self):
        for security in self:
            percent = 100.0 if security.security_type == "deposit" else security.cover_percent
            secured = security.amount * percent / 100.0
            if security.security_type == "insurance" and security.insurer_limit:
                secured = min(secured, security.insurer_limit)
            security.secured_amount = security.currency_id.round(secured)

    @api.depends("state", "date_start", "date_end")
    @api.depends_context("tz")
    def _compute_is_valid(self):
        for security in self:
            today = security.company_id._credit_today()
            security.is_valid = (
                security.state == "approved"
                and security.date_start <= today
                and (not security.date_end or security.date_end >= today)
            )

    # ------------------------------------------------------------------ constraints
    @api.constrains("partner_id")
    def _check_partner_commercial(self):
        for security in self:
            if security.partner_id != security.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "A security backs the credit of the company, not of its contact "
                        "%(contact)s: choose %(company)s.",
                        contact=security.partner_id.display_name,
                        company=security.partner_id.commercial_partner_id.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for security in self:
            if security.date_end and security.date_end < security.date_start:
                raise ValidationError(
                    self.env._(
                        "Valid Until (%(end)s) of %(name)s is before Valid From (%(start)s).",
                        end=security.date_end,
                        name=security.display_name,
                        start=security.date_start,
                    )
                )

    @api.constrains("security_type", "insurer_limit", "issuer_id")
    def _check_insurance(self):
        for security in self.filtered(lambda s: s.security_type == "insurance"):
            if not security.issuer_id or not security.insurer_limit:
                raise ValidationError(
                    self.env._(
                        "Credit insurance %(name)s needs its insurer and the insurer's limit for "
                        "the customer.",
                        name=security.display_name,
                    )
                )

    @api.onchange("security_type")
    def _onchange_security_type(self):
        if self.security_type == "deposit":
            self.cover_percent = 100.0

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("security_type") == "deposit":
                vals["cover_percent"] = 100.0
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "credit.security"
                ) or self.env._("New")
        securities = super().create(vals_list)
        securities._attach_documents()
        return securities

    def write(self, vals):
        if LOCKED_FIELDS & vals.keys() and not self.env.su:
            locked = self.filtered(lambda s: s.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "%(names)s can no longer be changed: it was submitted. A new security "
                        "(or an amendment) goes through approval again.",
                        names=", ".join(locked.mapped("name")),
                    )
                )
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_documents()
        return result

    # ------------------------------------------------------------------ helpers
    def _check_group(self, group_xmlid):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            raise AccessError(
                self.env._(
                    "Only members of the group %(group)s can do this on credit securities.",
                    group=self.env.ref(group_xmlid).name,
                )
            )

    def _attach_documents(self):
        """Link the uploaded documents to their security, so that its readers may open them."""
        for security in self:
            security.attachment_ids.filtered(lambda a: not a.res_id).write(
                {"res_model": self._name, "res_id": security.id}
            )

    def _amount_label(self):
        self.ensure_one()
        return format_amount(self.env, self.secured_amount, self.currency_id)

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        self._check_group(CREDIT_USER)
        self._check_state(("draft",))
        for security in self:
            if not security.attachment_ids:
                raise UserError(
                    self.env._(
                        "Attach the documents of %(name)s (Documents) before submitting it.",
                        name=security.name,
                    )
                )
        self._workflow_write({"state": "submitted"})
        for security in self:
            security._credit_message_post(self.env._("Submitted for approval."))
        return True

    def action_approve(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("submitted",))
        self._workflow_write(
            {
                "state": "approved",
                "approver_id": self.env.uid,
                "approval_date": fields.Datetime.now(),
            }
        )
        for security in self:
            security._credit_message_post(
                self.env._(
                    "Approved by %(user)s: secures %(amount)s of the exposure of %(partner)s "
                    "while valid.",
                    user=self.env.user.name,
                    amount=security._amount_label(),
                    partner=security.partner_id.display_name,
                )
            )
            security.partner_id._credit_message_post(
                self.env._(
                    "Security %(name)s (%(type)s, %(amount)s) approved.",
                    name=security.name,
                    type=security._type_label(),
                    amount=security._amount_label(),
                )
            )
        return True

    def action_refuse(self):
        self._check_group(CREDIT_MANAGER)
        self._check_state(("submitted",))
        self._workflow_write({"state": "refused"})
        self._credit_message_post(self.env._("Refused by %s.", self.env.user.name))
        return True

    def action_draft(self):
        self._check_group(CREDIT_USER)
        self._check_state(("refused",))
        self._workflow_write({"state": "draft"})
        self._credit_message_post(self.env._("Reset to draft."))
        return True

    def action_release(self):
        """Return the security to the customer before its end: it stops counting at once."""
        self._check_group(CREDIT_MANAGER)
        self._check_state(("approved",))
        self._workflow_write({"state": "released"})
        self._credit_message_post(self.env._("Released by %s.", self.env.user.name))
        self._credit_check_orders_without()
        return True

    def _type_label(self):
        self.ensure_one()
        return dict(self._fields["security_type"]._description_selection(self.env))[
            self.security_type
        ]

    # ------------------------------------------------------------------ business
    def _credit_check_orders_without(self):
        """Check the customers' open orders against the net exposure without these securities.

        Called once the securities stopped counting (expired or released). The exposure already
        leaves them out; the customers' confirmed orders not fully invoiced are evaluated by the
        one hold rule (``sale.order._credit_failed_rules``) with no extra amount (they are in the
        exposure already). A customer now over its limit gets a message on those orders and an
        activity for the credit manager; its next order will be held by the usual check.

        :return: the orders found over the limit
        """
        over = self.env["sale.order"]
        for company, securities in self.grouped("company_id").items():
            if not company.account_use_credit_limit:
                continue
            # sudo: the check is run by the cron or a credit manager and reads every order of
            # the customers to decide, like the hold decision itself.
            partners = securities.partner_id.with_company(company).sudo()
            orders = (
                self.env["sale.order"]
                .with_company(company)
                .sudo()
                .search(
                    [
                        ("partner_id", "child_of", partners.ids),
                        ("company_id", "=", company.id),
                        ("state", "=", "sale"),
                        ("invoice_status", "!=", "invoiced"),
                    ]
                )
            )
            if not orders:
                continue
            exposures = partners._credit_exposure()
            parameters = partners._credit_check_parameters()
            for partner, partner_orders in orders.grouped(
                lambda o: o.partner_id.commercial_partner_id
            ).items():
                order = partner_orders[:1]
                failures = order._credit_failed_rules(
                    partner, exposures[partner.id], parameters[partner.id], 0.0
                )
                if not any(f["rule"] in ("limit", "no_limit") for f in failures):
                    continue
                reason = "\n".join(f["message"] for f in failures)
                names = ", ".join(
                    securities.filtered(lambda s, p=partner: s.partner_id == p).mapped("name")
                )
                note = self.env._(
                    "Security %(securities)s no longer counts: %(reason)s",
                    securities=names,
                    reason=reason,
                )
                for each in partner_orders:
                    each._credit_message_post(note)
                order._credit_activity_schedule(
                    "credit_management.mail_activity_type_security_expiry",
                    summary=self.env._("Exposure over limit after a security ended"),
                    note=note,
                    user_id=order._credit_hold_responsible().id or self.env.uid,
                )
                over |= partner_orders
        return over

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_security_expiry(self):
        """Daily: an activity N days before a security ends; on expiry, its state and a check.

        Set-based and idempotent: the securities ending soon are searched once, their pending
        expiry activities read in one grouped query and the missing ones created in one call.
        """
        activity_type = self.env.ref("credit_management.mail_activity_type_security_expiry")
        for company in self.env["res.company"].search([]):
            today = company._credit_today()
            notice = today + timedelta(days=company.credit_security_expiry_notice_days)
            ending = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "approved"),
                    ("date_end", ">=", today),
                    ("date_end", "<=", notice),
                ]
            )
            if ending:
                pending = {
                    res_id
                    for (res_id,) in self.env["mail.activity"]._read_group(
                        [
                            ("res_model", "=", self._name),
                            ("res_id", "in", ending.ids),
                            ("activity_type_id", "=", activity_type.id),
                        ],
                        groupby=["res_id"],
                    )
                }
                model_id = self.env["ir.model"]._get_id(self._name)
                self.env["mail.activity"].create(
                    [
                        {
                            "res_model_id": model_id,
                            "res_id": security.id,
                            "activity_type_id": activity_type.id,
                            "summary": self.env._("Security ends on %s", security.date_end),
                            "date_deadline": security.date_end,
                            "user_id": (
                                security.partner_id.credit_analyst_id
                                or security.user_id
                                or security.approver_id
                            ).id
                            or self.env.ref("base.user_admin").id,
                        }
                        for security in ending
                        if security.id not in pending
                    ]
                )
            expired = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "approved"),
                    ("date_end", "<", today),
                ]
            )
            if expired:
                expired._workflow_write({"state": "expired"})
                for security in expired:
                    security._credit_message_post(
                        self.env._(
                            "Expired on %(date)s: it no longer reduces the exposure.",
                            date=security.date_end,
                        )
                    )
                expired._credit_check_orders_without()
        return True
