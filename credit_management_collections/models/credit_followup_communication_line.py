# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL


class CreditFollowupCommunicationLine(models.Model):
    """One overdue invoice in a communication; also the exactly-once key (invoice, level)."""

    _name = "credit.followup.communication.line"
    _inherit = ["credit.guard.mixin"]
    _description = "Follow-up Communication Line"
    _order = "communication_id, date_due, id"

    communication_id = fields.Many2one(
        "credit.followup.communication", required=True, index=True, ondelete="cascade"
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, index=True, ondelete="cascade"
    )
    level_id = fields.Many2one(
        "credit.followup.level", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="communication_id.company_id", store=True, index=True)
    run_id = fields.Many2one(related="communication_id.run_id", store=True, index=True)
    currency_id = fields.Many2one(related="communication_id.currency_id")
    date_due = fields.Date(string="Due Date")
    days_overdue = fields.Integer()
    amount_total = fields.Monetary(string="Invoice Total", currency_field="currency_id")
    amount_residual = fields.Monetary(string="Amount Due", currency_field="currency_id")
    interest_amount = fields.Monetary(string="Interest", currency_field="currency_id")

    def _credit_guarded_fields(self):
        # The exactly-once key (invoice, level) and its figures belong to the follow-up run: a
        # line is created with its communication by the run, never written directly.
        return dict(
            super()._credit_guarded_fields(),
            **dict.fromkeys(
                (
                    "communication_id",
                    "move_id",
                    "level_id",
                    "date_due",
                    "days_overdue",
                    "amount_total",
                    "amount_residual",
                    "interest_amount",
                )
            ),
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_run(self):
        # deleting the key would let the run do the level again for the invoice
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "A follow-up level done for an invoice cannot be undone: cancel the "
                    "communication instead."
                )
            )

    def _followup_mark_invoices(self):
        """Record on the invoices the level these lines did and when, set-based.

        One UPDATE per level and date, not ``account.move.write``: on posted invoices it
        resynchronises their accounting lines (seconds per thousand invoices) for two
        bookkeeping fields that no other field depends on. Untracked: the communication line is
        the record of it.
        """
        Move = self.env["account.move"]
        self.flush_model(["level_id", "move_id"])
        for (level, date), lines in self.grouped(
            lambda line: (line.level_id, line.communication_id.date)
        ).items():
            self.env.execute_query(
                SQL(
                    """
                    UPDATE account_move
                       SET followup_level_id = %(level)s,
                           followup_date_last = %(date)s,
                           write_uid = %(uid)s,
                           write_date = NOW() AT TIME ZONE 'UTC'
                     WHERE id = ANY(%(moves)s)
                    """,
                    level=level.id,
                    date=date,
                    uid=self.env.uid,
                    moves=lines.move_id.ids,
                )
            )
        Move.invalidate_model(
            ["followup_level_id", "followup_date_last", "write_uid", "write_date"]
        )

    _sql_constraints = [
        (
            "move_level_unique",
            "UNIQUE(move_id, level_id)",
            "A follow-up level is done only once for an invoice.",
        ),
    ]
