# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .credit_grade import GRADES

CREDIT_READ_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,"
    "sales_team.group_sale_salesman,credit_management.group_credit_user"
)
# Fields of the credit profile that only credit managers may change.
CREDIT_MANAGER_FIELDS = ("credit_limit", "credit_hold", "credit_hold_reason")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The credit file (客户信用档案) of the commercial partner and who may change it. Exposure is
    # in res_partner_exposure.py, the payment history of scorecards in
    # res_partner_payment_history.py.
    # Native company-dependent limit: readable by salespeople and credit users too, tracked.
    credit_limit = fields.Float(groups=CREDIT_READ_GROUPS, tracking=True)
    credit_hold = fields.Boolean(
        copy=False,
        tracking=True,
        groups=CREDIT_READ_GROUPS,
        help="Manual hold set by a credit manager: every order of this customer is held at "
        "confirmation while credit control (Sales Credit Limit) is enabled for the company.",
    )
    credit_hold_reason = fields.Text(copy=False, tracking=True, groups=CREDIT_READ_GROUPS)
    credit_grade = fields.Selection(
        GRADES,
        tracking=True,
        copy=False,
        help="Credit grade (信用等级) of the customer, set by approved credit applications and "
        "reviews. Per-grade settings may override the company's tolerance and overdue days.",
    )
    credit_score = fields.Float(
        tracking=True, copy=False, help="Scorecard total (0-100) of the last approved assessment."
    )
    credit_review_date_last = fields.Date(string="Last Credit Review", copy=False, tracking=True)
    credit_review_date_next = fields.Date(
        string="Next Credit Review",
        copy=False,
        tracking=True,
        help="A review activity is scheduled for the analyst when this date is reached.",
    )
    credit_analyst_id = fields.Many2one(
        "res.users",
        copy=False,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Credit analyst responsible for this customer's credit file and reviews.",
    )
    credit_application_count = fields.Integer(
        compute="_compute_credit_application_count", groups="credit_management.group_credit_user"
    )

    credit_is_manager = fields.Boolean(compute="_compute_credit_is_manager")
    credit_is_user = fields.Boolean(compute="_compute_credit_is_manager")

    @api.depends_context("uid")
    def _compute_credit_is_manager(self):
        # the form greys out what the user may not change (write() refuses it anyway)
        self.credit_is_manager = self.env.user.has_group("credit_management.group_credit_manager")
        self.credit_is_user = self.env.user.has_group("credit_management.group_credit_user")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._credit_check_limit_value(vals)
        if any(vals.get(fname) for vals in vals_list for fname in CREDIT_MANAGER_FIELDS):
            self._credit_check_manager()
        return super().create(vals_list)

    def write(self, vals):
        self._credit_file_check_write(vals)  # grades / reviews block below
        self._credit_check_limit_value(vals)
        fnames = [fname for fname in CREDIT_MANAGER_FIELDS if fname in vals]
        if fnames and not self.env.su:
            # Only commercial entities carry the credit profile; contacts are synced from
            # their parent (sudo) and their own values are never used.
            commercial = self.filtered(lambda p: p.commercial_partner_id == p)
            changed = commercial.sudo().filtered(
                lambda p: any(p[fname] != (vals[fname] or False) for fname in fnames)
            )
            if changed:
                self._credit_check_manager()
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

    def _credit_check_manager(self):
        if self.env.su or self.env.user.has_group("credit_management.group_credit_manager"):
            return
        raise AccessError(
            self.env._("Only credit managers can change credit limits and credit holds.")
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

    def _credit_file_check_write(self, vals):
        """Grade and score are decisions of credit managers, analyst and review dates of the
        credit department: refuse them to everybody else, also through RPC."""
        if self.env.su:
            return
        if {"credit_grade", "credit_score"} & vals.keys() and not self.env.user.has_group(
            "credit_management.group_credit_manager"
        ):
            raise AccessError(
                self.env._("Only credit managers can change the credit grade of a customer.")
            )
        if {
            "credit_review_date_last",
            "credit_review_date_next",
            "credit_analyst_id",
        } & vals.keys() and not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(
                self.env._(
                    "Only the credit department can change the credit analyst and review dates."
                )
            )

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
