# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.modules import module
from odoo.tools import SQL, config

_logger = logging.getLogger(__name__)

BATCH_SIZE = 500


class CreditFollowupRun(models.Model):
    """One follow-up pass over a company's overdue invoices at a date (daily cron or by hand)."""

    _name = "credit.followup.run"
    _description = "Follow-up Run"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Days overdue and interest are counted up to this date.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users", string="Run By", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Ready"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Running: started and not finished (interrupted runs resume where they stopped when "
        "run again).",
    )
    communication_ids = fields.One2many(
        "credit.followup.communication", "run_id", string="Communications", readonly=True
    )
    communication_count = fields.Integer(compute="_compute_counts")
    invoice_count = fields.Integer(string="Invoices", compute="_compute_counts")
    email_count = fields.Integer(string="E-mails", compute="_compute_counts")
    letter_count = fields.Integer(string="Letters", compute="_compute_counts")
    letter_to_print_count = fields.Integer(string="Letters to Print", compute="_compute_counts")
    activity_count = fields.Integer(string="Activities", compute="_compute_counts")
    to_confirm_count = fields.Integer(string="To Confirm", compute="_compute_counts")
    hold_count = fields.Integer(
        string="Customers Put on Hold",
        readonly=True,
        copy=False,
        help="Customers put on credit hold.",
    )
    skipped_count = fields.Integer(
        string="Skipped (locked)",
        readonly=True,
        copy=False,
        help="Invoices locked by another transaction: they are followed up by the next run.",
    )
    log = fields.Html(readonly=True, copy=False, sanitize=True)
    date_start = fields.Datetime(readonly=True, copy=False)
    date_end = fields.Datetime(readonly=True, copy=False)

    def _compute_counts(self):
        Comm = self.env["credit.followup.communication"]
        groups = Comm._read_group(
            [("run_id", "in", self.ids)],
            groupby=["run_id", "action", "state"],
            aggregates=["__count"],
        )
        counts = defaultdict(lambda: defaultdict(int))
        for run, action, state, count in groups:
            data = counts[run.id]
            data["total"] += count
            if state == "to_confirm":
                data["to_confirm"] += count
            elif state == "to_print":
                data["to_print"] += count
                data["letter"] += count
            elif action == "email" and state == "done":
                data["email"] += count
            elif action == "letter":
                data["letter"] += count
            elif action in ("phone", "visit", "agency", "legal"):
                data["activity"] += count
        lines = dict(
            self.env["credit.followup.communication.line"]._read_group(
                [("run_id", "in", self.ids)],
                groupby=["run_id"],
                aggregates=["__count"],
            )
        )
        for run in self:
            data = counts[run.id]
            run.communication_count = data["total"]
            run.invoice_count = lines.get(run, 0)
            run.email_count = data["email"]
            run.letter_count = data["letter"]
            run.letter_to_print_count = data["to_print"]
            run.activity_count = data["activity"]
            run.to_confirm_count = data["to_confirm"]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("credit.followup.run", sequence_date=vals.get("date"))
                    or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------ buttons

    def _check_credit_user(self):
        if not self.env.user.has_group("credit_management.group_credit_user"):
            raise AccessError(self.env._("Only credit users can run follow-ups."))

    def action_run(self):
        """Run (or resume) the follow-up in one transaction: nothing is committed in between."""
        self._check_credit_user()
        for run in self:
            run.with_company(run.company_id)._followup_process()
        return True

    def action_view_communications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "credit_management_collections.credit_followup_communication_action"
        )
        action["domain"] = [("run_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------ business

    def _followup_can_commit(self):
        """Commit per batch only from the cron entry point, never inside tests."""
        in_test = (
            config["test_enable"]
            or config["test_file"]
            or module.current_test
            or self.env.registry.in_test_mode()
        )
        return bool(self.env.context.get("credit_followup_commit")) and not in_test

    def _followup_commit(self):
        """Commit a finished batch (cron only): what is committed is never done again."""
        # Committing per batch is the point of the cron entry point: 20k invoices must not run in
        # one transaction, and a crash keeps the finished batches (idempotent by the unique key).
        self.env.cr.commit()  # pylint: disable=invalid-commit

    def _followup_log(self, message):
        self.ensure_one()
        line = Markup("<li>%s</li>") % escape(message)
        self.log = Markup("%s%s") % (self.log or Markup(), line)

    def _followup_process(self):
        """Create and act on the communications due at the run's date, batch per batch.

        Exactly once: each (invoice, level) is recorded in a communication line under a unique
        key, the invoices of a batch are locked (FOR UPDATE SKIP LOCKED) and their levels selected
        again once locked. A run interrupted after some batches resumes with the next ones.
        """
        self.ensure_one()
        commit = self._followup_can_commit()
        company = self.company_id
        if self.state in ("draft", "failed"):
            self.write(
                {"state": "running", "date_start": fields.Datetime.now(), "user_id": self.env.uid}
            )
        if not company.followup_policy_id:
            self._followup_log(
                self.env._(
                    "Company %(company)s has no default follow-up policy: only customers with "
                    "their own policy are followed up. Set one in the Invoicing settings.",
                    company=company.name,
                )
            )
        Move = self.env["account.move"]
        rows = [r for r in Move._credit_followup_levels(company, self.date) if r["level_id"]]
        groups = defaultdict(list)
        for row in rows:
            groups[row["partner_id"], row["level_id"]].append(row["move_id"])
        batch_size = self.env.context.get("credit_followup_batch_size", BATCH_SIZE)
        batches, current = [], []
        for move_ids in groups.values():
            current.extend(move_ids)
            if len(current) >= batch_size:
                batches.append(current)
                current = []
        if current:
            batches.append(current)
        done = 0
        for batch in batches:
            try:
                created = self._followup_process_batch(batch)
            except Exception as error:
                if not commit:
                    raise
                self.env.cr.rollback()
                self.env.invalidate_all()
                _logger.exception("Follow-up run %s failed", self.name)
                self._followup_log(self.env._("Run stopped by an error: %(error)s", error=error))
                self.write({"state": "failed", "date_end": fields.Datetime.now()})
                self._followup_commit()
                return False
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(rows) - done)
            if created:
                self._followup_log(
                    self.env._(
                        "%(count)s communication(s) for %(invoices)s invoice(s).",
                        count=created,
                        invoices=len(batch),
                    )
                )
            if commit:
                self._followup_commit()
        if not rows:
            self._followup_log(self.env._("No invoice to follow up at %(date)s.", date=self.date))
        self.write({"state": "done", "date_end": fields.Datetime.now()})
        if commit:
            self._followup_commit()
        return True

    def _followup_process_batch(self, move_ids):
        """Lock the batch's invoices, select their levels again, create and act on communications.

        :return: number of communications created
        """
        locked = {
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT id FROM account_move WHERE id = ANY(%s) FOR UPDATE SKIP LOCKED",
                    list(move_ids),
                )
            )
        }
        if len(locked) < len(move_ids):
            self.skipped_count += len(move_ids) - len(locked)
        if not locked:
            return 0
        Move = self.env["account.move"]
        partner_ids = list(set(Move.browse(list(locked)).mapped("commercial_partner_id").ids))
        rows = [
            row
            for row in Move._credit_followup_levels(self.company_id, self.date, partner_ids)
            if row["level_id"] and row["move_id"] in locked
        ]
        if not rows:
            return 0
        communications = self._followup_create_communications(rows)
        to_act = communications.filtered(lambda c: c.state == "draft")
        stats = to_act._followup_execute()
        self.hold_count += stats.get("hold", 0)
        return len(communications)

    def _followup_create_communications(self, rows):
        """One communication per customer and level, with one line per invoice."""
        Level = self.env["credit.followup.level"]
        Move = self.env["account.move"]
        Partner = self.env["res.partner"]
        currency = self.company_id.currency_id
        moves = Move.browse([r["move_id"] for r in rows])
        moves.fetch(["amount_total_signed"])
        groups = defaultdict(list)
        for row in rows:
            groups[row["partner_id"], row["level_id"]].append(row)
        vals_list = []
        for (partner_id, level_id), group in groups.items():
            level = Level.browse(level_id)
            partner = Partner.browse(partner_id)
            lines = []
            for row in group:
                move = Move.browse(row["move_id"])
                interest = currency.round(row["interest_base"] * level.interest_rate / 100 / 365)
                lines.append(
                    (
                        0,
                        0,
                        {
                            "move_id": move.id,
                            "level_id": level_id,
                            "date_due": row["date_due"],
                            "days_overdue": row["days_overdue"],
                            "amount_total": move.amount_total_signed,
                            "amount_residual": row["amount_residual"],
                            "interest_amount": interest,
                        },
                    )
                )
            vals_list.append(
                {
                    "run_id": self.id,
                    "company_id": self.company_id.id,
                    "partner_id": partner_id,
                    "level_id": level_id,
                    "user_id": partner.credit_collector_id.id or False,
                    "date": self.date,
                    "fee_amount": level.fee_amount,
                    "state": "to_confirm" if level.manual_confirmation else "draft",
                    "line_ids": lines,
                }
            )
        return self.env["credit.followup.communication"].create(vals_list)

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_followup(self):
        """Daily: resume unfinished runs, then run today's follow-up once per company."""
        today = fields.Date.context_today(self)
        pending = self.search([("state", "in", ("draft", "running"))], order="id")
        started = self.search([("date", "=", today)]).company_id
        companies = self.env["res.company"].search(
            [("id", "not in", started.ids), ("followup_policy_id", "!=", False)]
        )
        pending |= self.create([{"company_id": company.id, "date": today} for company in companies])
        for run in pending:
            run.with_company(run.company_id).with_context(
                credit_followup_commit=True
            )._followup_process()
        return True
