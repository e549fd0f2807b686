# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .credit_grade import GRADES

# Who reads a customer's credit status (limit, hold flag) and an order's credit hold: sales,
# accounting and the credit department.
CREDIT_READ_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,"
    "sales_team.group_sale_salesman,credit_management.group_credit_user"
)
# Who reads the invoices of a customer (account.move read access).
INVOICE_READ_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,sales_team.group_sale_salesman"
)
# Who reads sales orders (sale, sale_stock and our ir.model.access.csv).
SALE_ORDER_READ_GROUPS = (
    "sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly,"
    "stock.group_stock_user,credit_management.group_credit_user"
)
# Who reads the internal credit file (grade, score, analyst, reviews, hold reason, exposure,
# collector, follow-up policy): the credit department only.
CREDIT_USER = "credit_management.group_credit_user"
CREDIT_MANAGER = "credit_management.group_credit_manager"
# Who sets credit limits: credit managers, and the accounting administrators who set them in
# stock Odoo before the suite was installed (README, "Rights").
CREDIT_LIMIT_WRITE_GROUPS = f"{CREDIT_MANAGER},account.group_account_manager"


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "credit.guard.mixin"]

    # The credit file (客户信用档案) of the commercial partner and who may change it. Exposure is
    # in res_partner_exposure.py, the payment history of scorecards in
    # res_partner_payment_history.py.
    # Stock Odoo's invoice figures of the customer, without groups there: a user who may not
    # read invoices (an HR officer) could not read a whole customer record (read(), an export).
    invoice_ids = fields.One2many(groups=INVOICE_READ_GROUPS)
    days_sales_outstanding = fields.Float(groups=INVOICE_READ_GROUPS)
    journal_item_count = fields.Integer(groups=INVOICE_READ_GROUPS)
    # Same for stock Odoo's sales orders of the customer: the groups that read sales orders.
    sale_order_ids = fields.One2many(groups=SALE_ORDER_READ_GROUPS)
    # Native company-dependent limit: readable by salespeople and credit users too, tracked.
    credit_limit = fields.Float(groups=CREDIT_READ_GROUPS, tracking=True)
    credit_hold = fields.Boolean(
        copy=False,
        tracking=True,
        groups=CREDIT_READ_GROUPS,
        help="Manual hold set by a credit manager: every order of this customer is held at "
        "confirmation while credit control (Sales Credit Limit) is enabled for the company.",
    )
    credit_hold_reason = fields.Text(copy=False, tracking=True, groups=CREDIT_USER)
    credit_grade = fields.Selection(
        GRADES,
        tracking=True,
        copy=False,
        groups=CREDIT_USER,
        help="Credit grade (信用等级) of the customer, set by approved credit applications and "
        "reviews. Per-grade settings may override the company's tolerance and overdue days.",
    )
    credit_score = fields.Float(
        tracking=True,
        copy=False,
        groups=CREDIT_USER,
        help="Scorecard total (0-100) of the last approved assessment.",
    )
    credit_review_date_last = fields.Date(
        string="Last Credit Review", copy=False, tracking=True, groups=CREDIT_USER
    )
    credit_review_date_next = fields.Date(
        string="Next Credit Review",
        copy=False,
        tracking=True,
        groups=CREDIT_USER,
        help="A review activity is scheduled for the analyst when this date is reached.",
    )
    credit_analyst_id = fields.Many2one(
        "res.users",
        copy=False,
        tracking=True,
        groups=CREDIT_USER,
        domain="[('share', '=', False)]",
        help="Credit analyst responsible for this customer's credit file and reviews.",
    )
    credit_application_count = fields.Integer(
        compute="_compute_credit_application_count", groups=CREDIT_USER
    )

    credit_is_manager = fields.Boolean(
        compute="_compute_credit_is_manager", groups="base.group_user"
    )
    credit_is_user = fields.Boolean(compute="_compute_credit_is_manager", groups="base.group_user")
    credit_can_set_limit = fields.Boolean(
        compute="_compute_credit_is_manager", groups="base.group_user"
    )

    @api.depends_context("uid")
    def _compute_credit_is_manager(self):
        # the form greys out what the user may not change (write() refuses it anyway)
        self.credit_is_manager = self.env.user.has_group("credit_management.group_credit_manager")
        self.credit_is_user = self.env.user.has_group("credit_management.group_credit_user")
        self.credit_can_set_limit = self._credit_guard_owns(CREDIT_LIMIT_WRITE_GROUPS)

    def _credit_guarded_fields(self):
        """Who changes each field of the credit file (credit.guard.mixin)."""
        return dict(
            super()._credit_guarded_fields(),
            credit_limit=CREDIT_LIMIT_WRITE_GROUPS,
            credit_hold=CREDIT_MANAGER,
            credit_hold_reason=CREDIT_MANAGER,
            credit_grade=CREDIT_MANAGER,
            credit_score=CREDIT_MANAGER,
            credit_analyst_id=CREDIT_USER,
            credit_review_date_last=CREDIT_USER,
            credit_review_date_next=CREDIT_USER,
        )

    def _credit_guard_scope_groups(self):
        # the credit groups may write customers for their credit fields only
        return (CREDIT_USER, CREDIT_MANAGER)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._credit_check_limit_value(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._credit_check_limit_value(vals)
        return super().write(vals)

    def _credit_check_limit_value(self, vals):
        # Checked here rather than with @api.constrains, which company-dependent fields do not
        # trigger.
        if (vals.get("credit_limit") or 0.0) < 0:
            raise ValidationError(
                self.env._(
                    "A credit limit cannot be negative (got %(value)s); use 0 for no limit.",
                    value=vals["credit_limit"],
                )
            )

    @api.constrains("credit_review_date_last", "credit_review_date_next")
    def _check_credit_review_dates(self):
        for partner in self:
            last, following = partner.credit_review_date_last, partner.credit_review_date_next
            if last and following and following < last:
                raise ValidationError(
                    self.env._(
                        "The next credit review of %(partner)s (%(next)s) cannot be before the "
                        "last credit review (%(last)s).",
                        partner=partner.display_name,
                        next=following,
                        last=last,
                    )
                )

    def _credit_check_parameters(self):
        """Return the hold-rule parameters per commercial partner, for the current company.

        The hold decision reads its parameters only through this method, so that other modules
        (credit grades) can override them per customer.

        :return: {commercial_partner_id: {"tolerance_percent": float, "max_overdue_days": int,
                  "hold_without_limit": bool}}
        """
        company = self.env.company
        values = {
            "tolerance_percent": company.credit_tolerance_percent,
            "max_overdue_days": company.credit_max_overdue_days,
            "hold_without_limit": company.credit_hold_without_limit,
        }
        params = {partner.id: dict(values) for partner in self.commercial_partner_id}
        return self._credit_grade_parameters(params)  # per-grade overrides (block below)

    def _compute_credit_application_count(self):
        groups = self.env["credit.application"]._read_group(
            [("partner_id", "in", self.commercial_partner_id.ids)],
            groupby=["partner_id"],
            aggregates=["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.credit_application_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_view_credit_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management.credit_application_action"
        )
        partner = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", partner.id)]
        action["context"] = {"default_partner_id": partner.id}
        return action

    def action_credit_start_review(self):
        """Open a new credit review (复审) of this customer, scorecard prefilled."""
        self.ensure_one()
        if not self.env.user.has_group(CREDIT_USER):
            raise AccessError(self.env._("Only the credit department starts credit reviews."))
        review = self.env["credit.application"].create(
            {
                "application_type": "review",
                "partner_id": self.commercial_partner_id.id,
                "user_id": (self.credit_analyst_id or self.env.user).id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "credit.application",
            "res_id": review.id,
            "view_mode": "form",
        }

    def _credit_grade_parameters(self, params):
        """Apply the per-grade overrides to the hold-rule parameters ``params``
        ({commercial_partner_id: {...}}, from ``_credit_check_parameters``), current company.

        A grade that overrides the tolerance or the maximum overdue days replaces the company
        setting for its customers; other parameters stay those of the company.
        """
        overrides = self.env["credit.grade"]._credit_grade_overrides(self.env.company.id)
        if not overrides:
            return params
        for partner in self.browse(list(params)):
            grade = overrides.get(partner.credit_grade)
            if not grade:
                continue
            if grade["tolerance_percent"] is not None:
                params[partner.id]["tolerance_percent"] = grade["tolerance_percent"]
            if grade["max_overdue_days"] is not None:
                params[partner.id]["max_overdue_days"] = grade["max_overdue_days"]
        return params

    @api.model
    def _cron_schedule_credit_reviews(self):
        """Daily: one review activity per customer whose next review date is reached.

        Set-based and idempotent: the due customers are searched once, their pending review
        activities read in one query, and the missing activities created in one call.
        """
        activity_type = self.env.ref("credit_management.mail_activity_type_credit_review")
        today = fields.Date.context_today(self)
        partners = self.search(
            [
                ("credit_review_date_next", "<=", today),
                ("parent_id", "=", False),
            ]
        )
        if not partners:
            return
        pending = self.env["mail.activity"]._read_group(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            groupby=["res_id"],
        )
        already = {res_id for (res_id,) in pending}
        to_schedule = partners.filtered(lambda p: p.id not in already)
        if not to_schedule:
            return
        managers = self.env.ref("credit_management.group_credit_manager").users.filtered(
            lambda u: not u.share and u.active and u.id != self.env.ref("base.user_root").id
        )
        fallback = managers[:1] or self.env.ref("base.user_admin")
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Credit review due"),
                    "date_deadline": partner.credit_review_date_next,
                    "user_id": (partner.credit_analyst_id or fallback).id,
                }
                for partner in to_schedule
            ]
        )
