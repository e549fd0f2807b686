# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.credit_management.models.res_partner import CREDIT_USER

# The invoice's follow-up: read by the credit department and accounting; written by the run and
# the collections actions only (credit.guard.mixin).
FOLLOWUP_MOVE_GROUPS = f"{CREDIT_USER},account.group_account_invoice,account.group_account_readonly"
FOLLOWUP_MOVE_FIELDS = (
    "followup_level_id",
    "followup_date_last",
    "followup_promise_date",
    "followup_disputed",
    "followup_dispute_reason",
)


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "credit.guard.mixin"]

    followup_level_id = fields.Many2one(
        "credit.followup.level",
        string="Follow-up Level",
        copy=False,
        readonly=True,
        index="btree_not_null",
        tracking=True,
        groups=FOLLOWUP_MOVE_GROUPS,
        help="Last follow-up level done for this invoice.",
    )
    followup_date_last = fields.Date(
        string="Last Follow-up", copy=False, readonly=True, groups=FOLLOWUP_MOVE_GROUPS
    )
    followup_promise_date = fields.Date(
        string="Promised Payment Date",
        copy=False,
        readonly=True,
        tracking=True,
        groups=FOLLOWUP_MOVE_GROUPS,
        help="承诺付款: the customer promised to pay by this date. Follow-up pauses until then.",
    )
    followup_disputed = fields.Boolean(
        string="Disputed",
        copy=False,
        readonly=True,
        tracking=True,
        groups=FOLLOWUP_MOVE_GROUPS,
        help="争议: the invoice is disputed. It is left out of follow-up while this is set.",
    )
    followup_dispute_reason = fields.Char(
        string="Dispute Reason",
        copy=False,
        readonly=True,
        tracking=True,
        groups=FOLLOWUP_MOVE_GROUPS,
    )
    followup_line_ids = fields.One2many(
        "credit.followup.communication.line",
        "move_id",
        string="Follow-up Lines",
        readonly=True,
        groups=FOLLOWUP_MOVE_GROUPS,
    )
    followup_communication_count = fields.Integer(
        compute="_compute_followup_communication_count", groups=FOLLOWUP_MOVE_GROUPS
    )
    followup_days_overdue = fields.Integer(
        string="Days Overdue",
        compute="_compute_followup_days_overdue",
        groups=FOLLOWUP_MOVE_GROUPS,
    )

    def _credit_guarded_fields(self):
        # written by the follow-up run and the collections actions only
        return dict(super()._credit_guarded_fields(), **dict.fromkeys(FOLLOWUP_MOVE_FIELDS))

    @api.depends("followup_line_ids")
    def _compute_followup_communication_count(self):
        for move in self:
            move.followup_communication_count = len(move.followup_line_ids.communication_id)

    @api.depends("invoice_date_due", "payment_state")
    def _compute_followup_days_overdue(self):
        today = fields.Date.context_today(self)
        for move in self:
            due = move.invoice_date_due
            open_ = move.payment_state in ("not_paid", "partial")
            move.followup_days_overdue = (today - due).days if due and open_ and due < today else 0

    def action_view_followup_communications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management_collections.credit_followup_communication_action"
        )
        action["domain"] = [("invoice_ids", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    def _credit_followup_levels(self, company, date, partner_ids=None):
        """Select the follow-up level due for each open customer invoice of ``company`` at ``date``.

        The one home of the level selection rule, set-based (one query for any number of invoices).
        Open = posted customer invoice with a residual, not disputed. For each invoice, the level
        due is the highest active level of its policy (the customer's own, else the company's)
        whose delay is reached and that is higher than every level already done for the invoice
        (jumping straight to it); none while a payment promise runs (promise date >= ``date``).

        :return: list of dicts with move_id, partner_id (commercial), level_id (due level or None),
            days_overdue, amount_residual (company currency) and next_date (when the next level
            becomes due, None when the ladder is finished).
        """
        self.env.flush_all()
        partner_filter = (
            SQL("AND m.commercial_partner_id = ANY(%s)", list(partner_ids))
            if partner_ids is not None
            else SQL()
        )
        query = SQL(
            """
            WITH inv AS (
                SELECT m.id AS move_id,
                       m.commercial_partner_id AS partner_id,
                       m.invoice_date_due AS date_due,
                       m.followup_promise_date AS promise_date,
                       m.amount_residual_signed AS amount_residual,
                       (%(date)s::date - m.invoice_date_due) AS days_overdue,
                       pol.id AS policy_id
                  FROM account_move m
                  JOIN res_partner p ON p.id = m.commercial_partner_id
                  JOIN res_company c ON c.id = m.company_id
                  JOIN credit_followup_policy pol
                    ON pol.id = COALESCE((p.followup_policy_id ->> %(company_key)s)::int,
                                         c.followup_policy_id)
                   AND pol.active
                 WHERE m.company_id = %(company_id)s
                   AND m.move_type = 'out_invoice'
                   AND m.state = 'posted'
                   AND m.payment_state IN ('not_paid', 'partial')
                   AND m.amount_residual > 0
                   AND m.invoice_date_due IS NOT NULL
                   AND NOT COALESCE(m.followup_disputed, FALSE)
                   %(partner_filter)s
            ),
            done AS (
                SELECT line.move_id, MAX(lv.delay_days) AS delay_days
                  FROM credit_followup_communication_line line
                  JOIN credit_followup_level lv ON lv.id = line.level_id
                 WHERE line.move_id IN (SELECT move_id FROM inv)
                 GROUP BY line.move_id
            )
            SELECT inv.move_id,
                   inv.partner_id,
                   inv.days_overdue,
                   inv.amount_residual,
                   CASE WHEN reached.delay_days > COALESCE(done.delay_days, -1)
                         AND (inv.promise_date IS NULL OR inv.promise_date < %(date)s::date)
                        THEN reached.id END AS level_id,
                   CASE WHEN nxt.delay_days IS NOT NULL
                        THEN GREATEST(inv.date_due + nxt.delay_days, inv.promise_date + 1)
                   END AS next_date
              FROM inv
              LEFT JOIN done ON done.move_id = inv.move_id
              LEFT JOIN LATERAL (
                    SELECT lv.id, lv.delay_days
                      FROM credit_followup_level lv
                     WHERE lv.policy_id = inv.policy_id
                       AND lv.active
                       AND lv.delay_days <= inv.days_overdue
                     ORDER BY lv.delay_days DESC
                     LIMIT 1
              ) reached ON TRUE
              LEFT JOIN LATERAL (
                    SELECT lv.delay_days
                      FROM credit_followup_level lv
                     WHERE lv.policy_id = inv.policy_id
                       AND lv.active
                       AND lv.delay_days > COALESCE(done.delay_days, -1)
                     ORDER BY lv.delay_days
                     LIMIT 1
              ) nxt ON TRUE
             ORDER BY inv.partner_id, inv.move_id
            """,
            date=date,
            company_key=str(company.id),
            company_id=company.id,
            partner_filter=partner_filter,
        )
        return self.env.execute_query_dict(query)
