# Copyright 2026 Credit Management Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import timedelta

import psycopg2.errors
from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, format_amount

_logger = logging.getLogger(__name__)

# invoices per batch (a cron call), rounded up to whole customers
BATCH_SIZE = 1000
# when everything left is locked by another transaction, the cron tries again after this delay
RETRY_MINUTES = 5


class CreditFollowupRun(models.Model):
    """One follow-up pass over a company's overdue invoices at a date (daily cron or by hand)."""

    _name = "credit.followup.run"
    _description = "Follow-up Run"
    _inherit = ["mail.thread", "mail.activity.mixin", "credit.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # written by the run itself only (credit.workflow.mixin)
    _workflow_fields = (
        "user_id",
        "date_start",
        "date_end",
        "hold_count",
        "skipped_count",
        "error_partner_ids",
        "todo_partners",
        "log",
    )
    _workflow_unlink_states = ("draft",)
    # the date and company of a run are what it ran for
    _workflow_locked_fields = ("date", "company_id")

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
    activity_count = fields.Integer(string="To Contact", compute="_compute_counts")
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
    todo_partners = fields.Json(
        readonly=True,
        copy=False,
        help="Technical: [customer id, invoices due] still to follow up in this pass of the run.",
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
        self._workflow_write({"log": Markup("%s%s") % (self.log or Markup(), line)})

    def _followup_start(self):
        """Ready (or failed) -> running; a running run simply goes on."""
        for run in self.filtered(lambda r: r.state in ("draft", "failed")):
            run._workflow_write(
                {
                    "state": "running",
                    "date_start": fields.Datetime.now(),
                    "user_id": self.env.uid,
                    "error_partner_ids": [Command.clear()],
                    "todo_partners": False,
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
            run._workflow_write(
                {
                    "state": "failed" if run.error_partner_ids else "done",
                    "date_end": fields.Datetime.now(),
                    "todo_partners": False,
                }
            )

    def _followup_step(self, batch_size=None, exclude_partner_ids=()):
        """Process the next batch of a running run: whole customers, about ``batch_size``
        invoices; finish the run when nothing is left. Commits nothing: the caller does (the
        cron between its calls) or not (the Run button).

        The customers with invoices due are selected over the whole ledger once per pass
        (``todo_partners``: the first call, and a last sweep when the list is exhausted, for
        what was locked or became due meanwhile); each batch then selects its own customers'
        levels again, index-friendly. Exactly once, whoever runs at the same time: each
        (invoice, level) is recorded under a unique key by the communication line; the batch's
        invoices are locked (FOR UPDATE SKIP LOCKED) and a customer with an invoice locked by
        another transaction is left for a later call. One communication per customer and run:
        customers this run already followed up are not taken again. A customer whose
        communication fails (e.g. a broken template) is logged, listed in
        ``error_partner_ids`` and left out; the others go on.

        :return: {"done": invoices processed (1 when the call only finished the run),
            "remaining": invoices due not processed yet, "blocked_partner_ids": customers left
            for another call (locked by another transaction)}
        """
        self.ensure_one()
        batch_size = batch_size or self.env.context.get("credit_followup_batch_size", BATCH_SIZE)
        excluded = set(exclude_partner_ids) | set(self.error_partner_ids.ids)
        todo = [(p, n) for p, n in (self.todo_partners or []) if p not in excluded]
        by_partner = None
        if not todo:
            todo, by_partner = self._followup_sweep(excluded)
            if not todo:
                self._followup_finish()
                return {"done": 1, "remaining": 0, "blocked_partner_ids": set()}
        taken, size = [], 0
        for partner_id, count in todo:
            taken.append(partner_id)
            size += count
            if size >= batch_size:
                break
        if by_partner is None:
            by_partner = defaultdict(list)
            for row in self.env["account.move"]._credit_followup_levels(
                self.company_id, self.date, partner_ids=taken, due_only=True
            ):
                by_partner[row["partner_id"]].append(row)
        batch = [p for p in taken if by_partner.get(p)]
        move_ids = [row["move_id"] for p in batch for row in by_partner[p]]
        locked = self._followup_lock(move_ids)
        blocked = {p for p in batch if any(row["move_id"] not in locked for row in by_partner[p])}
        if blocked:
            self._workflow_write(
                {"skipped_count": self.skipped_count + sum(len(by_partner[p]) for p in blocked)}
            )
        todo_now = [p for p in batch if p not in blocked]
        blocked |= self._followup_process_partners(todo_now, by_partner)
        # progress: the invoices followed up, and the customers found with nothing due any more
        done = sum(len(by_partner[p]) for p in todo_now if p not in blocked)
        done += sum(1 for p in taken if not by_partner.get(p))
        taken_ids = set(taken)
        rest = [(p, n) for p, n in todo if p not in taken_ids]
        rest += [(p, len(by_partner[p])) for p in sorted(blocked)]
        if not rest:
            # the list is done: a last sweep over the ledger for what was locked or became due
            # meanwhile, in this call (the scheduler calls again only while work remains)
            rest, _rows = self._followup_sweep(excluded | blocked | set(self.error_partner_ids.ids))
            rest += [(p, len(by_partner[p])) for p in sorted(blocked)]
            if not rest:
                self._followup_finish()
                return {"done": done, "remaining": 0, "blocked_partner_ids": blocked}
        self._workflow_write({"todo_partners": rest})
        remaining = sum(n for _p, n in rest)
        return {"done": done, "remaining": remaining, "blocked_partner_ids": blocked}

    def _followup_sweep(self, excluded):
        """The customers with invoices due at the run's date over the whole ledger, except
        ``excluded`` and those this run already followed up.

        :return: ([(partner id, invoices due)] by partner id, {partner id: [level rows]})
        """
        served = set(self._followup_served_partner_ids())
        by_partner = defaultdict(list)
        for row in self.env["account.move"]._credit_followup_levels(
            self.company_id, self.date, due_only=True
        ):
            if row["partner_id"] not in excluded and row["partner_id"] not in served:
                by_partner[row["partner_id"]].append(row)
        return sorted((p, len(rows)) for p, rows in by_partner.items()), by_partner

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
                self._followup_digest(communications)
                self.env.flush_all()
        except Exception:
            # forget what the rolled-back batch left in the caches (not the pending tracking
            # of the batches before it, kept in the cursor's precommit hooks)
            self.env.transaction.clear()
            raise
        self._workflow_write({"hold_count": self.hold_count + stats.get("hold", 0)})
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
        self._workflow_write({"error_partner_ids": [Command.link(partner_id)]})
        self._followup_log(
            self.env._(
                "%(customer)s was not followed up: %(error)s",
                customer=partner.display_name,
                error=error,
            )
        )
        return set()

    def _followup_create_communications(self, rows):
        """One communication per customer, with one line per due invoice at its own level.

        The most advanced level among the customer's invoices is the communication's: it decides
        the template, the channel, the fee and the actions (hold, confirmation). Each line keeps
        its invoice's level, days overdue and interest at that level's rate, so the lower levels
        reached by the other invoices are recorded as done by the same communication (the
        exactly-once key (invoice, level) and the next run stay correct).
        """
        Level = self.env["credit.followup.level"]
        currency = self.company_id.currency_id
        levels = Level.browse({row["level_id"] for row in rows})
        levels.fetch(["delay_days", "interest_rate", "fee_amount", "manual_confirmation"])
        partners = self.env["res.partner"].browse({row["partner_id"] for row in rows})
        partners.fetch(["credit_collector_id"])
        by_partner = defaultdict(list)
        for row in rows:
            by_partner[row["partner_id"]].append(row)
        vals_list = []
        for partner_id, group in by_partner.items():
            level = max(
                (Level.browse(row["level_id"]) for row in group),
                key=lambda lv: (lv.delay_days, lv.id),
            )
            lines = []
            for row in sorted(group, key=lambda r: (r["date_due"], r["move_id"])):
                line_level = Level.browse(row["level_id"])
                lines.append(
                    Command.create(
                        {
                            "move_id": row["move_id"],
                            "level_id": line_level.id,
                            "date_due": row["date_due"],
                            "days_overdue": row["days_overdue"],
                            "amount_total": row["amount_total"],
                            "amount_residual": row["amount_residual"],
                            "interest_amount": currency.round(
                                row["interest_base"] * line_level.interest_rate / 100 / 365
                            ),
                        }
                    )
                )
            vals_list.append(
                {
                    "run_id": self.id,
                    "company_id": self.company_id.id,
                    "partner_id": partner_id,
                    "level_id": level.id,
                    "user_id": partners.browse(partner_id).credit_collector_id.id,
                    "date": self.date,
                    "fee_amount": level.fee_amount,
                    "state": "to_confirm" if level.manual_confirmation else "draft",
                    "line_ids": lines,
                }
            )
        # no follower, no creation message, no "assigned to you": the team is told by the
        # run's digest, the customer by the communication itself
        return (
            self.env["credit.followup.communication"]
            .with_context(
                tracking_disable=True,
                mail_create_nosubscribe=True,
                mail_create_nolog=True,
                mail_auto_subscribe_no_notify=True,
            )
            ._workflow_create(vals_list)
        )

    def _followup_digest(self, communications):
        """Tell each responsible user, in ONE activity per run, which customers need a person
        (calls, visits, agency and legal handovers); a later batch of the run adds to it.

        No "assigned to you" e-mail: the activity appears in the user's activities.
        """
        self.ensure_one()
        todo = communications.filtered(lambda c: c.state == "open")
        if not todo:
            return self.env["mail.activity"]
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        Activity = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True, mail_auto_subscribe_no_notify=True
        )
        actions = dict(todo._fields["action"]._description_selection(self.env))
        by_user = defaultdict(lambda: self.env["credit.followup.communication"])
        for comm in todo:
            by_user[comm._followup_responsible()] |= comm
        # sudo: the run assigns the work of its communications to their responsible users
        existing = {
            activity.user_id: activity
            for activity in Activity.sudo().search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "in", [user.id for user in by_user if user]),
                ]
            )
        }
        new_vals = []
        for user, comms in by_user.items():
            if not user:
                continue
            items = Markup().join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(action)s: %(customer)s (%(level)s, %(amount)s due)",
                    action=comm.level_id.activity_type_id.name or actions[comm.action],
                    customer=comm.partner_id.display_name,
                    level=comm.level_id.name,
                    amount=format_amount(self.env, comm.amount_total_due, comm.currency_id),
                )
                for comm in comms
            )
            activity = existing.get(user)
            if activity:
                activity.note = Markup("%s<ul>%s</ul>") % (activity.note or Markup(), items)
                continue
            new_vals.append(
                {
                    "res_model_id": model_id,
                    "res_id": self.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": self.date,
                    "summary": self.env._("Follow-up %(run)s: customers to contact", run=self.name),
                    "note": Markup("<ul>%s</ul>") % items,
                }
            )
        # sudo: as above, the run assigns the digest to users whose records it may not write
        return Activity.sudo().create(new_vals)

    def _followup_mail_counts(self):
        """E-mails and inbox notifications these runs produced, by kind of recipient.

        Counts every recipient of the messages posted on the runs and on their communications
        (reminders, notes, activity assignments), queued or sent: ``customer_emails`` to
        partners who are not internal users, ``internal_emails`` and ``internal_inbox`` to
        internal users (the goal is 0: the team is told by its digest activity, not copied).
        Used by the benchmark and the tests.

        :return: {"customer_emails": int, "internal_emails": int, "internal_inbox": int}
        """
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                WITH message AS (
                    SELECT m.id
                      FROM mail_message m
                     WHERE (m.model = 'credit.followup.run' AND m.res_id = ANY(%(runs)s))
                        OR (m.model = 'credit.followup.communication' AND m.res_id IN (
                               SELECT id FROM credit_followup_communication
                                WHERE run_id = ANY(%(runs)s)))
                ),
                recipient AS (
                    SELECT n.mail_message_id, n.res_partner_id, n.notification_type
                      FROM mail_notification n
                     WHERE n.mail_message_id IN (SELECT id FROM message)
                    UNION
                    SELECT mm.mail_message_id, rel.res_partner_id, 'email'
                      FROM mail_mail mm
                      JOIN mail_mail_res_partner_rel rel ON rel.mail_mail_id = mm.id
                     WHERE mm.mail_message_id IN (SELECT id FROM message)
                )
                SELECT COUNT(*) FILTER (WHERE NOT internal AND notification_type = 'email'),
                       COUNT(*) FILTER (WHERE internal AND notification_type = 'email'),
                       COUNT(*) FILTER (WHERE internal AND notification_type = 'inbox')
                  FROM (
                        SELECT recipient.*,
                               EXISTS (SELECT 1 FROM res_users u
                                        WHERE u.partner_id = recipient.res_partner_id
                                          AND NOT u.share) AS internal
                          FROM recipient
                       ) classified
                """,
                runs=self.ids,
            )
        )
        customer, internal, inbox = rows[0]
        return {"customer_emails": customer, "internal_emails": internal, "internal_inbox": inbox}

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
