# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.credit_management.models.credit_grade import GRADES

from .credit_collection_contact import OUTCOMES
from .res_company import PRIORITY_FACTORS

CREDIT_MANAGER = "credit_management.group_credit_manager"


class CreditCollectionWorklist(models.Model):
    """The collector's worklist (催收工作清单): one row per overdue customer and company.

    Rebuilt set-based by ``_worklist_refresh`` (daily cron and the Refresh button): the figures
    and the priority score are recomputed in one statement whatever the number of customers; the
    next contact date, set by the collector when logging a contact, is kept. "To contact today"
    = next contact date reached. A manager sees every collector's rows and reassigns them.
    """

    _name = "credit.collection.worklist"
    _description = "Collection Worklist"
    _order = "priority desc, overdue_amount desc, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Collector",
        index=True,
        domain="[('share', '=', False)]",
        help="The customer's collector; a credit manager reassigns the customer here.",
    )
    overdue_amount = fields.Monetary(readonly=True)
    days_overdue = fields.Integer(
        readonly=True, aggregator="max", help="Days past due of the oldest overdue receivable."
    )
    credit_grade = fields.Selection(GRADES, string="Grade", readonly=True)
    broken_promise_count = fields.Integer(string="Broken Promises", readonly=True)
    open_warning_count = fields.Integer(string="Open Warnings", readonly=True)
    level_id = fields.Many2one(
        "credit.followup.level",
        string="Level Reached",
        readonly=True,
        help="Highest follow-up level done on the customer's overdue invoices.",
    )
    last_contact_date = fields.Date(readonly=True)
    last_outcome = fields.Selection(OUTCOMES, readonly=True)
    next_contact_date = fields.Date(
        index=True, help="The customer is on the collector's list of today from this date."
    )
    priority = fields.Float(
        digits=(5, 1),
        readonly=True,
        aggregator="max",
        help="Priority score 0-100: weighted mean of the factors configured in the settings "
        "(overdue amount, days overdue, grade, broken promises, open warnings, level reached, "
        "days since the last contact).",
    )
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(company_id, partner_id)",
            "A customer appears once on the worklist of a company.",
        ),
    ]

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        if not (self.env.su or self.env.user.has_group(CREDIT_MANAGER)):
            if "user_id" in vals:
                raise AccessError(self.env._("Only credit managers can reassign customers."))
            if vals.keys() - {"next_contact_date"}:
                raise AccessError(
                    self.env._(
                        "The worklist's figures are computed: a collector only sets the next "
                        "contact date (or logs a contact)."
                    )
                )
        result = super().write(vals)
        if "user_id" in vals:
            # sudo: a credit manager (checked above) reassigns the customer's collector; that one
            # field of the partner is written.
            self.partner_id.sudo().write({"credit_collector_id": vals["user_id"]})
        return result

    # ------------------------------------------------------------------ buttons
    def action_log_reached(self):
        return self._log_simple("reached")

    def action_log_no_answer(self):
        return self._log_simple("no_answer")

    def action_log_wrong_contact(self):
        return self._log_simple("wrong_contact")

    def _log_simple(self, outcome):
        for item in self:
            item.partner_id.with_company(item.company_id)._collection_log_contact(outcome)
        return True

    def action_log_promise(self):
        return self._open_contact_wizard("promise")

    def action_log_dispute(self):
        return self._open_contact_wizard("dispute")

    def action_log_contact(self):
        return self._open_contact_wizard("reached")

    def _open_contact_wizard(self, outcome):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Contact: %s", self.partner_id.display_name),
            "res_model": "credit.collection.contact.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_outcome": outcome,
            },
        }

    def action_open_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
        }

    def action_open_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
        ]
        action["context"] = {"create": False}
        return action

    @api.model
    def action_refresh(self):
        """Refresh button: rebuild the worklist of the current company now."""
        self.check_access("read")
        self._worklist_refresh(self.env.company)
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    # ------------------------------------------------------------------ business
    @api.model
    def _worklist_warning_counts_sql(self, company):
        """Hook of the early warnings (风险预警): an SQL query returning ``(partner_id, count)`` of
        the open warnings per commercial partner of ``company``. Until the warnings module
        overrides it, no customer has open warnings."""
        return SQL("SELECT NULL::int AS partner_id, 0 AS count WHERE FALSE")

    @api.model
    def _worklist_refresh(self, company, today=None):
        """Rebuild ``company``'s worklist: one statement computes every overdue customer's figures
        and score and upserts its row (the next contact date of existing rows is kept), one more
        deletes the rows of customers no longer overdue. The overdue figures come from the
        receivable ageing (``credit.ageing.report``), the one definition of "overdue".
        """
        today = today or fields.Date.context_today(self)
        Ageing = self.env["credit.ageing.report"]
        self.env.flush_all()
        weights = {name: company[name] for name in PRIORITY_FACTORS}
        total_weight = sum(weights.values()) or 1
        overdue_query = Ageing._search(
            [("company_id", "=", company.id), ("amount_overdue", ">", 0)]
        )
        overdue_sql = overdue_query.select(
            SQL(
                "%s AS partner_id, SUM(%s) AS amount, MAX(%s) AS days",
                Ageing._field_to_sql(Ageing._table, "partner_id", overdue_query),
                Ageing._field_to_sql(Ageing._table, "amount_overdue", overdue_query),
                Ageing._field_to_sql(Ageing._table, "days_overdue", overdue_query),
            )
        )
        uid = self.env.uid
        self.env.execute_query(
            SQL(
                """
                WITH overdue AS (%(overdue)s GROUP BY 1),
                level AS (
                    SELECT m.commercial_partner_id AS partner_id,
                           (ARRAY_AGG(lv.id ORDER BY lv.delay_days DESC))[1] AS level_id,
                           MAX(lv.delay_days) AS delay_days
                      FROM account_move m
                      JOIN credit_followup_level lv ON lv.id = m.followup_level_id
                     WHERE m.company_id = %(company)s
                       AND m.state = 'posted'
                       AND m.payment_state IN ('not_paid', 'partial')
                       AND m.commercial_partner_id IN (SELECT partner_id FROM overdue)
                     GROUP BY 1
                ),
                contact AS (
                    SELECT partner_id,
                           MAX(date)::date AS last_date,
                           COUNT(*) FILTER (WHERE promise_state = 'broken') AS broken
                      FROM credit_collection_contact
                     WHERE company_id = %(company)s
                       AND partner_id IN (SELECT partner_id FROM overdue)
                     GROUP BY 1
                ),
                warning AS (%(warnings)s),
                facts AS (
                    SELECT o.partner_id,
                           p.credit_collector_id AS user_id,
                           p.credit_grade AS grade,
                           o.amount,
                           o.days,
                           l.level_id,
                           COALESCE(l.delay_days, 0) AS level_days,
                           c.last_date,
                           COALESCE(c.broken, 0) AS broken,
                           COALESCE(w.count, 0) AS warnings,
                           100.0 * o.amount / NULLIF(MAX(o.amount) OVER (), 0) AS amount_pts
                      FROM overdue o
                      JOIN res_partner p ON p.id = o.partner_id
                      LEFT JOIN level l ON l.partner_id = o.partner_id
                      LEFT JOIN contact c ON c.partner_id = o.partner_id
                      LEFT JOIN warning w ON w.partner_id = o.partner_id
                )
                INSERT INTO credit_collection_worklist (
                    company_id, partner_id, user_id, overdue_amount, days_overdue, credit_grade,
                    broken_promise_count, open_warning_count, level_id, last_contact_date,
                    next_contact_date, priority, create_uid, write_uid, create_date, write_date
                )
                SELECT %(company)s, f.partner_id, f.user_id, f.amount, f.days, f.grade,
                       f.broken, f.warnings, f.level_id, f.last_date, %(today)s,
                       ROUND((
                           %(w_amount)s * COALESCE(f.amount_pts, 0)
                         + %(w_days)s * LEAST(f.days, 180) / 1.8
                         + %(w_grade)s * CASE f.grade WHEN 'A' THEN 0 WHEN 'B' THEN 33
                                                      WHEN 'C' THEN 67 WHEN 'D' THEN 100
                                                      ELSE 50 END
                         + %(w_broken)s * LEAST(f.broken, 3) * 100.0 / 3
                         + %(w_warnings)s * LEAST(f.warnings, 3) * 100.0 / 3
                         + %(w_level)s * LEAST(f.level_days, 120) * 100.0 / 120
                         + %(w_contact)s * CASE WHEN f.last_date IS NULL THEN 100
                                                ELSE LEAST(%(today)s - f.last_date, 30) * 100.0 / 30
                                           END
                       ) / %(total_weight)s, 1),
                       %(uid)s, %(uid)s, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
                  FROM facts f
                ON CONFLICT (company_id, partner_id) DO UPDATE
                   SET user_id = EXCLUDED.user_id,
                       overdue_amount = EXCLUDED.overdue_amount,
                       days_overdue = EXCLUDED.days_overdue,
                       credit_grade = EXCLUDED.credit_grade,
                       broken_promise_count = EXCLUDED.broken_promise_count,
                       open_warning_count = EXCLUDED.open_warning_count,
                       level_id = EXCLUDED.level_id,
                       last_contact_date = EXCLUDED.last_contact_date,
                       priority = EXCLUDED.priority,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                overdue=overdue_sql,
                warnings=self._worklist_warning_counts_sql(company),
                company=company.id,
                today=today,
                uid=uid,
                total_weight=total_weight,
                w_amount=weights["collection_weight_amount"],
                w_days=weights["collection_weight_days"],
                w_grade=weights["collection_weight_grade"],
                w_broken=weights["collection_weight_broken"],
                w_warnings=weights["collection_weight_warnings"],
                w_level=weights["collection_weight_level"],
                w_contact=weights["collection_weight_last_contact"],
            )
        )
        self.env.execute_query(
            SQL(
                """
                DELETE FROM credit_collection_worklist w
                 WHERE w.company_id = %(company)s
                   AND NOT EXISTS (%(overdue)s AND %(partner)s = w.partner_id)
                """,
                company=company.id,
                overdue=overdue_query.select(SQL("1")),
                partner=Ageing._field_to_sql(Ageing._table, "partner_id", overdue_query),
            )
        )
        self.invalidate_model()
        return True

    @api.model
    def _worklist_recall(self, partners, today=None):
        """Put these customers back on their collector's list today (a broken promise)."""
        today = today or fields.Date.context_today(self)
        items = self.search(
            [
                ("partner_id", "in", partners.commercial_partner_id.ids),
                ("next_contact_date", ">", today),
            ]
        )
        items.write({"next_contact_date": today})
        return items

    @api.model
    def _cron_worklist(self):
        """Daily, after the follow-up run: close the promises whose date passed (the broken ones
        put their customer back on the list), then rebuild every company's worklist."""
        self.env["credit.collection.contact"]._cron_check_promises()
        for company in self.env["res.company"].search([]):
            self.with_company(company)._worklist_refresh(company)
        return True
