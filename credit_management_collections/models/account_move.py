# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.credit_management.models.account_move import PAYMENT_READ_GROUPS
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
        help="Days past due of the oldest overdue open instalment at the company's today; "
        "payments registered and awaiting the bank count as paid.",
    )

    # credit users read payments and statement lines here (ir.model.access.csv)
    payment_ids = fields.One2many(groups=f"{PAYMENT_READ_GROUPS},{CREDIT_USER}")
    statement_line_ids = fields.One2many(groups=f"{PAYMENT_READ_GROUPS},{CREDIT_USER}")

    def _credit_guarded_fields(self):
        # written by the follow-up run and the collections actions only
        return dict(super()._credit_guarded_fields(), **dict.fromkeys(FOLLOWUP_MOVE_FIELDS))

    @api.depends("followup_line_ids")
    def _compute_followup_communication_count(self):
        for move in self:
            move.followup_communication_count = len(move.followup_line_ids.communication_id)

    @api.depends("line_ids.amount_residual", "matched_payment_ids.state")
    @api.depends_context("company")
    def _compute_followup_days_overdue(self):
        """Age of the oldest overdue open instalment, by the one definition."""
        amounts = self.filtered("id")._credit_open_amounts()
        for move in self:
            move.followup_days_overdue = amounts.get(move.id, {}).get("days_overdue", 0)

    def action_view_followup_communications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management_collections.credit_followup_communication_action"
        )
        action["domain"] = [("invoice_ids", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    def _credit_open_amounts(self, date=None):
        """Open amounts of these invoices at ``date`` (default: their company's today), by the
        one definition (``account.move.line._credit_open_receivable_sql``).

        :return: {move_id: {"amount_open", "amount_due", "days_overdue", "date_due"}}: the open
            amount, its part due by ``date``, the age of the oldest overdue open instalment and
            the due date of the oldest open instalment. Invoices with nothing open are absent.
        """
        result = {}
        for company, moves in self.grouped("company_id").items():
            at = date or company._credit_today()
            open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
                date=at, companies=company, move_ids=moves.ids
            )
            for move_id, amount_open, amount_due, days, date_due in self.env.execute_query(
                SQL(
                    """
                    SELECT move_id, SUM(amount_open),
                           SUM(amount_open) FILTER (WHERE date_maturity <= %(date)s),
                           MAX(days_overdue), MIN(date_maturity)
                      FROM (%(open_lines)s) open_line
                     WHERE amount_open > 0
                  GROUP BY move_id
                    """,
                    open_lines=open_lines,
                    date=at,
                )
            ):
                result[move_id] = {
                    "amount_open": amount_open,
                    "amount_due": amount_due or 0.0,
                    "days_overdue": days,
                    "date_due": date_due,
                }
        return result

    def _credit_followup_levels(self, company, date, partner_ids=None, due_only=False):
        """Select the follow-up level due for each open customer invoice of ``company`` at ``date``.

        The one home of the level selection rule, set-based (one query for any number of invoices).
        Open and overdue follow the one definition (``account.move.line.
        _credit_open_receivable_sql``): per instalment, money in transit deducted from the oldest
        instalments. An invoice is as late as its oldest open instalment: days overdue =
        ``date`` - that instalment's due date. Disputed invoices are left out. The level due is
        the highest active level of the invoice's policy (the customer's own, else the
        company's) whose delay is reached and that is higher than every level already done for
        the invoice (jumping straight to it); none while a payment promise runs (promise date >=
        ``date``).

        :param due_only: only the invoices with a level due (what a run processes).
        :return: list of dicts with move_id, partner_id (commercial), level_id (due level or None),
            date_due (oldest open instalment's), days_overdue, amount_total (the invoice's total,
            company currency), amount_residual (open amount due
            by ``date``, company currency), interest_base (sum of open amount x days overdue of
            the overdue instalments, for interest) and next_date (when the next level becomes
            due, None when the ladder is finished).
        """
        self.env.flush_all()
        open_lines = self.env["account.move.line"]._credit_open_receivable_sql(
            date=date, partner_ids=partner_ids, companies=company
        )
        query = SQL(
            """
            WITH inv AS (
                SELECT open_line.move_id,
                       open_line.partner_id,
                       MIN(open_line.date_maturity) AS date_due,
                       %(date)s::date - MIN(open_line.date_maturity) AS days_overdue,
                       SUM(open_line.amount_open) FILTER (
                           WHERE open_line.date_maturity <= %(date)s) AS amount_residual,
                       SUM(open_line.amount_open * open_line.days_overdue) AS interest_base
                  FROM (%(open_lines)s) open_line
                 WHERE open_line.amount_open > 0
              GROUP BY open_line.move_id, open_line.partner_id
            ),
            candidate AS (
                SELECT inv.*,
                       m.followup_promise_date AS promise_date,
                       m.amount_total_signed AS amount_total,
                       pol.id AS policy_id
                  FROM inv
                  JOIN account_move m ON m.id = inv.move_id
                  JOIN res_partner p ON p.id = inv.partner_id
                  JOIN res_company c ON c.id = m.company_id
                  JOIN credit_followup_policy pol
                    ON pol.id = COALESCE((p.followup_policy_id ->> %(company_key)s)::int,
                                         c.followup_policy_id)
                   AND pol.active
                 WHERE m.move_type = 'out_invoice'
                   AND NOT COALESCE(m.followup_disputed, FALSE)
            ),
            level AS (
                SELECT lv.id, lv.policy_id, lv.delay_days,
                       LAG(lv.delay_days) OVER w AS previous_delay,
                       LEAD(lv.delay_days) OVER w AS next_delay
                  FROM credit_followup_level lv
                 WHERE lv.active
                   AND lv.policy_id IN (SELECT policy_id FROM candidate)
                WINDOW w AS (PARTITION BY lv.policy_id ORDER BY lv.delay_days)
            ),
            done AS (
                SELECT line.move_id, MAX(lv.delay_days) AS delay_days
                  FROM credit_followup_communication_line line
                  JOIN credit_followup_level lv ON lv.id = line.level_id
                 WHERE line.move_id IN (SELECT move_id FROM candidate)
                 GROUP BY line.move_id
            )
            SELECT candidate.move_id,
                   candidate.partner_id,
                   candidate.date_due,
                   candidate.days_overdue,
                   candidate.amount_total,
                   COALESCE(candidate.amount_residual, 0) AS amount_residual,
                   COALESCE(candidate.interest_base, 0) AS interest_base,
                   CASE WHEN reached.delay_days > COALESCE(done.delay_days, -1)
                         AND (candidate.promise_date IS NULL
                              OR candidate.promise_date < %(date)s::date)
                        THEN reached.id END AS level_id,
                   CASE WHEN nxt.delay_days IS NOT NULL
                        THEN GREATEST(candidate.date_due + nxt.delay_days,
                                      candidate.promise_date + 1)
                   END AS next_date
              FROM candidate
              LEFT JOIN done ON done.move_id = candidate.move_id
              LEFT JOIN level reached
                ON reached.policy_id = candidate.policy_id
               AND reached.delay_days <= candidate.days_overdue
               AND (reached.next_delay IS NULL OR reached.next_delay > candidate.days_overdue)
              LEFT JOIN level nxt
                ON nxt.policy_id = candidate.policy_id
               AND nxt.delay_days > COALESCE(done.delay_days, -1)
               AND COALESCE(nxt.previous_delay, -1) <= COALESCE(done.delay_days, -1)
             %(due_only)s
            """,
            due_only=SQL(
                """WHERE reached.delay_days > COALESCE(done.delay_days, -1)
                     AND (candidate.promise_date IS NULL
                          OR candidate.promise_date < %s::date)""",
                date,
            )
            if due_only
            else SQL(),
            date=date,
            open_lines=open_lines,
            company_key=str(company.id),
        )
        return self.env.execute_query_dict(query)

    # ---------------------------------------------------------------------------------------------
    # Promise to pay (承诺付款) and dispute (争议): the actions through which the worklist and the
    # customer portal change the invoices' follow-up state.
    # ---------------------------------------------------------------------------------------------
    def _followup_check_writer(self):
        """Back office: credit users. The portal calls these actions with sudo after checking
        that the invoices belong to the portal user's commercial partner."""
        if self.env.su or self.env.user.has_group("credit_management.group_credit_user"):
            return
        raise AccessError(
            self.env._("Only the credit department can record promises and disputes of invoices.")
        )

    def _followup_promise_max_days(self):
        """Longest promise the customer's follow-up policy accepts (days from today)."""
        policies = (
            self.commercial_partner_id.followup_policy_id | self.company_id.followup_policy_id
        )
        return min(policies.mapped("promise_max_days") or [30])

    def _followup_register_promise(self, promise_date, amount):
        """Record a promise to pay ``amount`` on these invoices by ``promise_date``: the follow-up
        pauses on them until that date (the run skips a running promise)."""
        self._followup_check_writer()
        promise_date = fields.Date.to_date(promise_date)
        today = fields.Date.context_today(self)
        open_moves = self.filtered(
            lambda m: m.state == "posted" and m.move_type == "out_invoice" and m.amount_residual
        )
        if not self or open_moves != self:
            raise UserError(self.env._("A promise to pay is made on open customer invoices."))
        max_days = self._followup_promise_max_days()
        if not promise_date or promise_date < today or (promise_date - today).days > max_days:
            raise ValidationError(
                self.env._(
                    "The promised payment date must be between today and %(days)s days from "
                    "today (the follow-up policy's limit).",
                    days=max_days,
                )
            )
        residual = sum(self.mapped("amount_residual_signed"))
        currency = self.company_id.currency_id[:1]
        if (
            currency.compare_amounts(amount, 0) <= 0
            or currency.compare_amounts(amount, residual) > 0
        ):
            raise ValidationError(
                self.env._(
                    "The promised amount must be above zero and at most the open amount "
                    "%(residual)s.",
                    residual=currency.format(residual),
                )
            )
        # sudo: only the follow-up field is written, by the credit department or the customer's
        # own portal user (checked above / by the portal controller).
        self.sudo().write({"followup_promise_date": promise_date})
        return residual

    def _followup_register_dispute(self, reason):
        """Record a dispute: the invoices leave the follow-up until it is resolved."""
        self._followup_check_writer()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the dispute."))
        # sudo: see _followup_register_promise.
        self.sudo().write({"followup_disputed": True, "followup_dispute_reason": reason.strip()})
        return True
