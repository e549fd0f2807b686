# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import timedelta

import psycopg2.errors
from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# invoices per batch (a cron call), rounded up to whole customers
BATCH_SIZE = 1000
# when everything left is locked by another transaction, the cron tries again after this delay
RETRY_MINUTES = 5


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
        help="Running: started or queued; the follow-up cron goes on with it batch per batch "
        "until it is finished. Failed: finished, but some customers could not be followed up "
        "(see the log); the next run tries them again.",
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
    error_partner_ids = fields.Many2many(
        "res.partner",
        "credit_followup_run_error_partner_rel",
        "run_id",
        "partner_id",
        string="Customers in Error",
        readonly=True,
        copy=False,
        help="Customers whose communication failed in this run (see the log): the others were "
        "followed up; these are tried again by the next run.",
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
        """Run (or resume) the follow-up now, every batch in this transaction."""
        self._check_credit_user()
        for run in self:
            run = run.with_company(run.company_id)
            run._followup_start()
            blocked = set()
            while run.state == "running":
                progress = run._followup_step(exclude_partner_ids=blocked)
                if not progress["done"]:
                    # only customers locked by another transaction are left: the next run
                    # follows them up
                    run._followup_finish()
                blocked |= progress["blocked_partner_ids"]
        return True

    def action_run_background(self):
        """Queue the run for the follow-up cron, which processes it batch per batch."""
        self._check_credit_user()
        for run in self:
            run._followup_start()
        self.env.ref("credit_management_collections.ir_cron_credit_followup")._trigger()
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

    def _followup_log(self, message):
        self.ensure_one()
        line = Markup("<li>%s</li>") % escape(message)
        self.log = Markup("%s%s") % (self.log or Markup(), line)

    def _followup_start(self):
        """Ready (or failed) -> running; a running run simply goes on."""
        for run in self.filtered(lambda r: r.state in ("draft", "failed")):
            run.write(
                {
                    "state": "running",
                    "date_start": fields.Datetime.now(),
                    "user_id": self.env.uid,
                    "error_partner_ids": [Command.clear()],
                }
            )
            if not run.company_id.followup_policy_id:
                run._followup_log(
                    self.env._(
                        "Company %(company)s has no default follow-up policy: only customers with "
                        "their own policy are followed up. Set one in the Invoicing settings.",
                        company=run.company_id.name,
                    )
                )

    def _followup_finish(self):
        for run in self:
            if not run.communication_ids:
                run._followup_log(self.env._("No invoice to follow up at %(date)s.", date=run.date))
            run.write(
                {
                    "state": "failed" if run.error_partner_ids else "done",
                    "date_end": fields.Datetime.now(),
                }
            )

    def _followup_step(self, batch_size=None, exclude_partner_ids=()):
        """Process the next batch of a running run: whole customers, about ``batch_size``
        invoices; finish the run when nothing is left. Commits nothing: the caller does (the
        cron between its calls) or not (the Run button).

        Exactly once, whoever runs at the same time: each (invoice, level) is recorded under a
        unique key by the communication line; the batch's invoices are locked (FOR UPDATE SKIP
        LOCKED) and a customer with an invoice locked by another transaction is left for the
        next call. One communication per customer and run: customers this run already followed
        up are not taken again. A customer whose communication fails (e.g. a broken template) is
        logged, listed in ``error_partner_ids`` and left out; the others go on.

        :return: {"done": invoices processed (1 when the call only finished the run),
            "remaining": invoices due not processed yet, "blocked_partner_ids": customers left
            for another call (locked by another transaction)}
        """
        self.ensure_one()
        batch_size = batch_size or self.env.context.get("credit_followup_batch_size", BATCH_SIZE)
        rows = self.env["account.move"]._credit_followup_levels(
            self.company_id, self.date, due_only=True
        )
        excluded = (
            set(exclude_partner_ids)
            | set(self.error_partner_ids.ids)
            | set(self._followup_served_partner_ids())
        )
        by_partner = defaultdict(list)
        for row in rows:
            if row["partner_id"] not in excluded:
                by_partner[row["partner_id"]].append(row)
        if not by_partner:
            self._followup_finish()
            return {"done": 1, "remaining": 0, "blocked_partner_ids": set()}
        batch = []
        for partner_id in sorted(by_partner):
            batch.append(partner_id)
            if sum(len(by_partner[p]) for p in batch) >= batch_size:
                break
        move_ids = [row["move_id"] for p in batch for row in by_partner[p]]
        locked = self._followup_lock(move_ids)
        blocked = {p for p in batch if any(row["move_id"] not in locked for row in by_partner[p])}
        if blocked:
            self.skipped_count += sum(len(by_partner[p]) for p in blocked)
        todo = [p for p in batch if p not in blocked]
        blocked |= self._followup_process_partners(todo, by_partner)
        done = sum(len(by_partner[p]) for p in todo if p not in blocked)
        remaining = sum(len(rows) for p, rows in by_partner.items() if p not in batch)
        remaining += sum(len(by_partner[p]) for p in blocked)
        if not remaining:
            self._followup_finish()
        return {"done": done, "remaining": remaining, "blocked_partner_ids": blocked}

    def _followup_served_partner_ids(self):
        """Customers this run already sent a communication to."""
        self.env["credit.followup.communication"].flush_model(["run_id", "partner_id"])
        return [
            partner_id
            for (partner_id,) in self.env.execute_query(
                SQL(
                    "SELECT DISTINCT partner_id FROM credit_followup_communication "
                    "WHERE run_id = %s",
                    self.id,
                )
            )
        ]

    def _followup_lock(self, move_ids):
        """Lock these invoices for this transaction; return the ids locked (the others are
        locked by another transaction: skipped, not waited for)."""
        return {
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT id FROM account_move WHERE id = ANY(%s) FOR UPDATE SKIP LOCKED",
                    list(move_ids),
                )
            )
        }

    def _followup_process_partners(self, partner_ids, by_partner):
        """Create and act on the communications of these customers, isolated in a savepoint; on
        failure, customer per customer. Return the customers left for another call because a
        concurrent run followed them up meanwhile."""
        if not partner_ids:
            return set()
        try:
            self._followup_process_savepoint([r for p in partner_ids for r in by_partner[p]])
            return set()
        except Exception as error:
            if len(partner_ids) == 1:
                return self._followup_partner_failed(partner_ids[0], error)
        blocked = set()
        for partner_id in partner_ids:
            blocked |= self._followup_process_partners([partner_id], by_partner)
        return blocked

    def _followup_process_savepoint(self, rows):
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(flush=False):
                communications = self._followup_create_communications(rows)
                stats = communications.filtered(lambda c: c.state == "draft")._followup_execute()
                self.env.flush_all()
        except Exception:
            # forget what the rolled-back batch left in the caches (not the pending tracking
            # of the batches before it, kept in the cursor's precommit hooks)
            self.env.transaction.clear()
            raise
        self.hold_count += stats.get("hold", 0)
        return communications

    def _followup_partner_failed(self, partner_id, error):
        """A customer's communication failed: a concurrent run did it (leave it for the next
        call), or an error to report (logged, customer left out of this run)."""
        if isinstance(
            error, (psycopg2.errors.UniqueViolation, psycopg2.errors.SerializationFailure)
        ):
            _logger.info("Follow-up run %s: customer %s done concurrently", self.name, partner_id)
            return {partner_id}
        _logger.warning(
            "Follow-up run %s: customer %s failed", self.name, partner_id, exc_info=True
        )
        partner = self.env["res.partner"].browse(partner_id)
        self.error_partner_ids = [Command.link(partner_id)]
        self._followup_log(
            self.env._(
                "%(customer)s was not followed up: %(error)s",
                customer=partner.display_name,
                error=error,
            )
        )
        return set()

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
        """One batch per call (Odoo's cron commits between calls and calls again while
        ``_notify_progress`` reports work remaining).

        A call goes on with the oldest running run (interrupted or queued); when none runs, it
        starts today's run of the next company with a follow-up policy that has none yet (today
        in the company's time zone). Nothing to do: done=0, remaining=0.
        """
        run = self.search([("state", "=", "running")], order="id", limit=1)
        if not run:
            run = self._followup_start_next_company()
        if not run:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        progress = run.with_company(run.company_id)._followup_step()
        remaining = progress["remaining"]
        remaining += self.search_count([("state", "=", "running"), ("id", "!=", run.id)])
        remaining += len(self._followup_companies_to_start())
        if progress["blocked_partner_ids"] and not progress["done"]:
            # everything left is locked by another transaction: try again in a few minutes
            self.env.ref("credit_management_collections.ir_cron_credit_followup")._trigger(
                fields.Datetime.now() + timedelta(minutes=RETRY_MINUTES)
            )
        self.env["ir.cron"]._notify_progress(done=progress["done"], remaining=remaining)

    @api.model
    def _followup_companies_to_start(self):
        """Companies with a follow-up policy and no run at their today yet."""
        companies = self.env["res.company"].search([("followup_policy_id", "!=", False)])
        started = {
            (run.company_id.id, run.date)
            for run in self.search(
                [
                    ("company_id", "in", companies.ids),
                    ("date", ">=", fields.Date.today() - timedelta(days=1)),
                ]
            )
        }
        return companies.filtered(lambda c: (c.id, c._credit_today()) not in started)

    @api.model
    def _followup_start_next_company(self):
        company = self._followup_companies_to_start()[:1]
        if not company:
            return self
        run = self.create({"company_id": company.id, "date": company._credit_today()})
        run._followup_start()
        return run
