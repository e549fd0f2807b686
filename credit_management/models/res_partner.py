# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from .credit_grade import GRADES

CREDIT_READ_GROUPS = (
    "account.group_account_invoice,account.group_account_readonly,"
    "sales_team.group_sale_salesman,credit_management.group_credit_user"
)
# Fields of the credit profile that only credit managers may change.
CREDIT_MANAGER_FIELDS = ("credit_limit", "credit_hold", "credit_hold_reason")


class ResPartner(models.Model):
    _inherit = "res.partner"

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
    credit_currency_id = fields.Many2one(
        "res.currency", compute="_compute_credit_exposure", groups=CREDIT_READ_GROUPS
    )
    credit_exposure_receivable = fields.Monetary(
        string="Open Receivables",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
        help="Posted, unreconciled receivables of the customer (residual amount).",
    )
    credit_exposure_sale = fields.Monetary(
        string="Uninvoiced Orders",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
        help="Confirmed sales orders, tax included, for the ordered quantities not yet on a "
        "(draft or posted) invoice.",
    )
    credit_exposure_draft_invoice = fields.Monetary(
        string="Draft Invoices",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
        help="Draft customer invoices and credit notes, tax included.",
    )
    credit_exposure = fields.Monetary(
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
        help="Open receivables + uninvoiced orders + draft invoices, in company currency.",
    )
    credit_available = fields.Monetary(
        string="Available Credit",
        compute="_compute_credit_exposure",
        currency_field="credit_currency_id",
        groups=CREDIT_READ_GROUPS,
        help="Credit limit minus exposure (tolerance not included).",
    )
    credit_usage_percent = fields.Float(
        string="Credit Usage (%)",
        compute="_compute_credit_exposure",
        groups=CREDIT_READ_GROUPS,
        help="Exposure as a percentage of the credit limit (0 when there is no limit).",
    )
    credit_oldest_overdue_days = fields.Integer(
        string="Oldest Overdue (days)",
        compute="_compute_credit_exposure",
        groups=CREDIT_READ_GROUPS,
        help="Days past due of the customer's oldest overdue receivable.",
    )
    credit_is_manager = fields.Boolean(compute="_compute_credit_is_manager")
    credit_is_user = fields.Boolean(compute="_compute_credit_is_manager")

    @api.depends_context("company")
    def _compute_credit_exposure(self):
        exposures = self._credit_exposure()
        currency = self.env.company.currency_id
        for partner in self:
            values = exposures[partner.commercial_partner_id.id]
            partner.credit_currency_id = currency
            partner.credit_exposure_receivable = values["receivable"]
            partner.credit_exposure_sale = values["sale"]
            partner.credit_exposure_draft_invoice = values["draft_invoice"]
            partner.credit_exposure = values["exposure"]
            partner.credit_available = values["available"]
            partner.credit_usage_percent = values["usage_percent"]
            partner.credit_oldest_overdue_days = values["oldest_overdue_days"]

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

    def _credit_exposure(self, extra_amounts=None):
        """Compute the credit exposure of the commercial partners of ``self``.

        Current company, company currency; one query per component for any number of
        partners. Components:

        - ``receivable``: posted, unreconciled receivable lines (residual);
        - ``sale``: confirmed orders, tax included, for the quantities not yet on any invoice
          (draft or posted): an invoiced quantity leaves this component;
        - ``draft_invoice``: draft customer invoices and credit notes (including those created
          from orders: their quantities are no longer counted in ``sale``, so nothing is
          counted twice);
        - ``order``: ``extra_amounts`` ({commercial_partner_id: amount in company currency}),
          e.g. the order being checked.

        :return: {commercial_partner_id: {"receivable", "sale", "draft_invoice", "order",
                  "exposure", "limit", "available", "usage_percent", "oldest_overdue_days"}}
        """
        extra_amounts = extra_amounts or {}
        company = self.env.company
        currency = company.currency_id
        partners = self.commercial_partner_id
        result = {
            partner.id: {
                "receivable": 0.0,
                "sale": 0.0,
                "draft_invoice": 0.0,
                "order": extra_amounts.get(partner.id, 0.0),
                "oldest_overdue_days": 0,
            }
            for partner in partners
        }
        if partners.ids:
            self._credit_exposure_receivable(result, company)
            self._credit_exposure_sale(result, company)
            self._credit_exposure_draft_invoice(result, company)
        # sudo: the limit is read to compute figures for a decision; callers expose them only
        # through fields restricted to CREDIT_READ_GROUPS.
        for partner in partners.sudo():
            values = result[partner.id]
            limit = partner.credit_limit
            exposure = currency.round(
                values["receivable"] + values["sale"] + values["draft_invoice"] + values["order"]
            )
            values.update(
                {
                    "exposure": exposure,
                    "limit": limit,
                    "available": currency.round(limit - exposure),
                    "usage_percent": exposure / limit * 100 if limit else 0.0,
                }
            )
        return result

    def _credit_exposure_receivable(self, result, company):
        self.env["account.move.line"].flush_model(
            [
                "account_id",
                "amount_residual",
                "company_id",
                "date_maturity",
                "parent_state",
                "partner_id",
                "reconciled",
            ]
        )
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        today = fields.Date.context_today(self)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.commercial_partner_id,
                       SUM(aml.amount_residual),
                       MIN(aml.date_maturity) FILTER (
                           WHERE aml.amount_residual > 0 AND aml.date_maturity < %(today)s
                       )
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner p ON p.id = aml.partner_id
                 WHERE acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE
                   AND aml.company_id = %(company)s
                   AND p.commercial_partner_id IN %(partners)s
              GROUP BY p.commercial_partner_id
                """,
                today=today,
                company=company.id,
                partners=tuple(result),
            )
        )
        for partner_id, residual, oldest_due in rows:
            result[partner_id]["receivable"] = residual or 0.0
            if oldest_due:
                result[partner_id]["oldest_overdue_days"] = (today - oldest_due).days

    def _credit_exposure_sale(self, result, company):
        self.env["sale.order.line"].flush_model(
            ["order_id", "price_total", "product_uom_qty", "qty_invoiced", "state"]
        )
        self.env["sale.order"].flush_model(["partner_id", "company_id", "currency_id", "state"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.commercial_partner_id,
                       so.currency_id,
                       SUM(sol.price_total * GREATEST(sol.product_uom_qty - sol.qty_invoiced, 0)
                           / sol.product_uom_qty)
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
                   AND sol.product_uom_qty > 0
                   AND so.company_id = %(company)s
                   AND p.commercial_partner_id IN %(partners)s
              GROUP BY p.commercial_partner_id, so.currency_id
                """,
                company=company.id,
                partners=tuple(result),
            )
        )
        today = fields.Date.context_today(self)
        currencies = self.env["res.currency"].browse({row[1] for row in rows})
        for partner_id, currency_id, amount in rows:
            currency = currencies.browse(currency_id)
            result[partner_id]["sale"] += currency._convert(
                amount or 0.0, company.currency_id, company, today
            )

    def _credit_exposure_draft_invoice(self, result, company):
        self.env["account.move"].flush_model(
            ["amount_total_signed", "commercial_partner_id", "company_id", "move_type", "state"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT am.commercial_partner_id, SUM(am.amount_total_signed)
                  FROM account_move am
                 WHERE am.state = 'draft'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.company_id = %(company)s
                   AND am.commercial_partner_id IN %(partners)s
              GROUP BY am.commercial_partner_id
                """,
                company=company.id,
                partners=tuple(result),
            )
        )
        for partner_id, amount in rows:
            result[partner_id]["draft_invoice"] = amount or 0.0

    # ---------------------------------------------------------------------------------------------
    # Credit file: grade, score, reviews, applications (grades / applications / reviews feature)
    # ---------------------------------------------------------------------------------------------
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
        grades = self.env["credit.grade"]._grades_by_code()
        if not grades:
            return params
        for partner in self.browse(list(params)):
            grade = grades.get(partner.credit_grade)
            if not grade:
                continue
            if grade.override_tolerance:
                params[partner.id]["tolerance_percent"] = grade.tolerance_percent
            if grade.override_max_overdue_days:
                params[partner.id]["max_overdue_days"] = grade.max_overdue_days
        return params

    def _credit_payment_history(self):
        """Payment-history figures per commercial partner, current company, in ONE query.

        Returns {partner_id: {"years_trading", "on_time_payment_percent", "average_days_late",
        "paid_invoice_count"}} for the commercial partners of ``self``.

        Approximation (documented in readme/USAGE.md): a customer invoice counts once it is paid
        (payment state paid / in payment); its payment date is the latest date of the
        reconciliations of its receivable lines (credit notes included), compared with the
        invoice's due date (the last instalment's when there are several). Years of trading
        run from the first posted customer invoice.
        """
        partners = self.commercial_partner_id
        result = {
            pid: {
                "years_trading": 0.0,
                "on_time_payment_percent": 0.0,
                "average_days_late": 0.0,
                "paid_invoice_count": 0,
            }
            for pid in partners.ids
        }
        if not partners:
            return result
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
        today = fields.Date.context_today(self)
        query = SQL(
            """
            WITH invoice AS (
                SELECT m.commercial_partner_id AS partner_id,
                       m.invoice_date,
                       m.invoice_date_due AS due,
                       m.payment_state IN ('paid', 'in_payment') AS is_paid,
                       (SELECT MAX(apr.max_date)
                          FROM account_move_line aml
                          JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                         WHERE aml.move_id = m.id
                           AND aml.display_type = 'payment_term') AS paid_on
                  FROM account_move m
                 WHERE m.move_type = 'out_invoice'
                   AND m.state = 'posted'
                   AND m.company_id = %(company)s
                   AND m.commercial_partner_id = ANY(%(partners)s)
            )
            SELECT partner_id,
                   MIN(invoice_date),
                   COUNT(*) FILTER (WHERE is_paid AND paid_on IS NOT NULL),
                   COUNT(*) FILTER (WHERE is_paid AND paid_on <= due),
                   AVG(GREATEST(paid_on - due, 0)) FILTER (WHERE is_paid AND paid_on IS NOT NULL)
              FROM invoice
             GROUP BY partner_id
            """,
            company=self.env.company.id,
            partners=partners.ids,
        )
        for partner_id, first_date, paid, on_time, avg_late in self.env.execute_query(query):
            result[partner_id].update(
                {
                    "years_trading": round((today - first_date).days / 365.25, 2)
                    if first_date
                    else 0.0,
                    "on_time_payment_percent": round(on_time * 100.0 / paid, 2) if paid else 0.0,
                    "average_days_late": round(float(avg_late or 0.0), 2),
                    "paid_invoice_count": paid,
                }
            )
        return result

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
