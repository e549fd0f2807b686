# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL


class AccountMove(models.Model):
    _inherit = "account.move"

    followup_level_id = fields.Many2one(
        "credit.followup.level",
        string="Follow-up Level",
        copy=False,
        readonly=True,
        index="btree_not_null",
        tracking=True,
        help="Last follow-up level done for this invoice.",
    )
    followup_date_last = fields.Date(string="Last Follow-up", copy=False, readonly=True)
    followup_promise_date = fields.Date(
        string="Promised Payment Date",
        copy=False,
        tracking=True,
        help="承诺付款: the customer promised to pay by this date. Follow-up pauses until then.",
    )
    followup_disputed = fields.Boolean(
        string="Disputed",
        copy=False,
        tracking=True,
        help="争议: the invoice is disputed. It is left out of follow-up while this is set.",
    )
    followup_dispute_reason = fields.Char(string="Dispute Reason", copy=False, tracking=True)
    followup_line_ids = fields.One2many(
        "credit.followup.communication.line", "move_id", string="Follow-up Lines", readonly=True
    )
    followup_communication_count = fields.Integer(compute="_compute_followup_communication_count")
    followup_days_overdue = fields.Integer(
        string="Days Overdue", compute="_compute_followup_days_overdue"
    )

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
