# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .credit_grade import GRADES


# ---------------------------------------------------------------------------------------------
# Credit file: grade, score, reviews, applications (grades / applications / reviews feature)
# ---------------------------------------------------------------------------------------------
class ResPartner(models.Model):
    _inherit = "res.partner"

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

    def write(self, vals):
        self._credit_file_check_write(vals)
        return super().write(vals)

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

    def _credit_check_parameters(self):
        """Per-grade overrides of the hold-rule parameters (current company's grades).

        A grade that overrides the tolerance or the maximum overdue days replaces the company
        setting for its customers; other parameters stay those of the company.
        """
        params = super()._credit_check_parameters()
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
