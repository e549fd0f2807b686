"""P3: one follow-up run over the due invoices, with its per-phase breakdown.

Ours runs as Odoo's cron server runs it: the job is acquired and processed by
``ir.cron._process_job`` (one transaction per batch, committed, post-commit mail sends) until it
reports nothing remaining. OCA ``account_credit_control`` runs as its user does: generate the
credit-control lines, mark them ready, send; its e-mails render one PDF each inside the sending
transaction, so the sending is timed on a sample of customers and extrapolated (said so in the
result).

Phases are the inclusive time spent in named methods (a method missing in a version is left
out); queries are counted over every cursor. SMTP is a no-op server that accepts every mail.
"""

import time
from collections import defaultdict
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, api, sql_db

# (model, method, phase) timed in our run
OURS_PHASES = [
    ("account.move", "_credit_followup_levels", "level selection"),
    ("credit.followup.run", "_followup_create_communications", "communications created"),
    ("credit.followup.communication", "_followup_send_email", "e-mails queued"),
    ("credit.followup.communication", "_followup_schedule_activities", "activities"),
    ("ir.actions.report", "_render_qweb_pdf", "statement PDFs"),
    ("mail.mail", "_send", "mails sent (post-commit)"),
]
OCA_PHASES = [
    ("credit.control.policy", "_generate_credit_lines", "lines generated"),
    ("credit.control.communication", "_generate_comm_from_credit_lines", "communications"),
    ("credit.control.communication", "_generate_emails", "e-mails"),
    ("ir.actions.report", "_render_qweb_pdf", "statement PDFs"),
    ("mail.mail", "_send", "mails sent (post-commit)"),
]


class Instrument:
    """Inclusive time and calls per phase, commits, and queries over every cursor."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.calls = defaultdict(int)
        self.active = set()
        self.queries = 0
        self.undo = []

    def wrap(self, owner, name, phase):
        original = getattr(owner, name, None)
        if original is None:
            return
        instrument = self

        def timed(*args, **kwargs):
            if phase in instrument.active:
                return original(*args, **kwargs)
            instrument.active.add(phase)
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                instrument.active.discard(phase)
                instrument.seconds[phase] += time.perf_counter() - started
                instrument.calls[phase] += 1

        setattr(owner, name, timed)
        self.undo.append((owner, name, original))

    def install(self, registry, phases):
        for model, method, phase in phases:
            if model in registry:
                self.wrap(registry[model], method, phase)
        self.wrap(sql_db.Cursor, "commit", "commits (with post-commit mail sends)")
        original_execute = sql_db.Cursor.execute
        instrument = self

        def execute(cursor, *args, **kwargs):
            instrument.queries += 1
            return original_execute(cursor, *args, **kwargs)

        sql_db.Cursor.execute = execute
        self.undo.append((sql_db.Cursor, "execute", original_execute))
        fake_smtp(registry)

    def phases(self, total):
        out = {}
        for phase, seconds in sorted(self.seconds.items(), key=lambda item: -item[1]):
            share = f", {seconds / total * 100:.0f} %" if total else ""
            out[phase] = f"{seconds:.1f} s ({self.calls[phase]} calls{share})"
        return out


class FakeSmtp:
    def quit(self):
        return None


def fake_smtp(registry):
    """An SMTP server that accepts every mail at once (the bench measures Odoo, not a network)."""
    server = registry["ir.mail_server"]
    server.connect = lambda self, *args, **kwargs: FakeSmtp()
    server.send_email = lambda self, message, *args, **kwargs: message["Message-Id"]


def watermarks(cr):
    marks = {}
    for table in ("mail_mail", "mail_message", "mail_activity", "ir_attachment"):
        cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        marks[table] = cr.fetchone()[0]
    return marks


def mail_figures(cr, marks, collector_ids):
    """What the run sent to whom: customers' reminders, notifications to collectors."""
    cr.execute("SELECT partner_id FROM res_users WHERE id = ANY(%s)", [collector_ids])
    collectors = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        SELECT COUNT(*) FILTER (WHERE m.message_type = 'user_notification'),
               COUNT(*) FILTER (WHERE m.message_type <> 'user_notification')
          FROM mail_message m WHERE m.id > %s
        """,
        [marks["mail_message"]],
    )
    notifications, messages = cr.fetchone()
    cr.execute(
        """
        SELECT COUNT(DISTINCT mm.id),
               COUNT(DISTINCT mm.id) FILTER (WHERE m.message_type = 'user_notification'),
               COUNT(DISTINCT mm.id) FILTER (
                   WHERE m.message_type <> 'user_notification' AND rel.res_partner_id = ANY(%s)
               ),
               COUNT(DISTINCT mm.id) FILTER (
                   WHERE m.message_type = 'user_notification' AND rel.res_partner_id = ANY(%s)
               )
          FROM mail_mail mm
          JOIN mail_message m ON m.id = mm.mail_message_id
          LEFT JOIN mail_mail_res_partner_rel rel ON rel.mail_mail_id = mm.id
         WHERE mm.id > %s
        """,
        [collectors, collectors, marks["mail_mail"]],
    )
    mails, notification_mails, reminders_to_collectors, notifications_to_collectors = cr.fetchone()
    cr.execute(
        """
        SELECT COUNT(*) FROM mail_notification n
          JOIN mail_message m ON m.id = n.mail_message_id
         WHERE m.id > %s AND n.res_partner_id = ANY(%s)
        """,
        [marks["mail_message"], collectors],
    )
    collector_inbox = cr.fetchone()[0]
    cr.execute(
        "SELECT COUNT(*) FROM ir_attachment WHERE id > %s AND mimetype = 'application/pdf'",
        [marks["ir_attachment"]],
    )
    pdfs = cr.fetchone()[0]
    cr.execute("SELECT COUNT(*) FROM mail_activity WHERE id > %s", [marks["mail_activity"]])
    activities = cr.fetchone()[0]
    return {
        "messages": messages,
        "mails queued": mails,
        "assignment notifications": notifications,
        "mails that are notifications": notification_mails,
        "notifications to collectors (mail + inbox)": notifications_to_collectors + collector_inbox,
        "customer reminders also sent to a collector": reminders_to_collectors,
        "PDF attachments": pdfs,
        "activities created": activities,
    }


def run(registry, spec, meta, flavour, server_url=None):
    if server_url:
        # statements fetch their assets from the running server, as in production
        with registry.cursor() as cr:
            params = api.Environment(cr, SUPERUSER_ID, {})["ir.config_parameter"]
            params.set_param("report.url", server_url)
            params.set_param("web.base.url", server_url)
            params.set_param("web.base.url.freeze", "True")
    warm_up(registry)
    instrument = Instrument()
    instrument.install(registry, OURS_PHASES if flavour.name == "ours" else OCA_PHASES)
    try:
        if flavour.name == "ours":
            return _run_ours(registry, spec, meta, instrument)
        return _run_oca(registry, spec, meta, instrument)
    finally:
        for owner, name, original in reversed(instrument.undo):
            setattr(owner, name, original)


def warm_up(registry):
    """Render one invoice once: the report assets are built by the server the first time, a
    cost production pays once, not per run."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        invoice = env["account.move"].search([("state", "=", "posted")], limit=1)
        if invoice:
            env["ir.actions.report"]._render_qweb_pdf("account.account_invoices", invoice.ids)
        cr.rollback()


def _due_invoices(spec, meta):
    return spec["due_per_customer"] * len(meta["customers"])


def _result(impl, spec, meta, seconds, queries, phases, figures, ok, note=None):
    due = _due_invoices(spec, meta)
    return {
        "goal": "P3",
        "impl": impl,
        "size": f"{due:,} due invoices, {len(meta['customers']):,} customers",
        "seconds": seconds,
        "queries": queries,
        "phases": {
            **phases,
            **{k: str(v) for k, v in figures.items()},
            "queries per due invoice": f"{queries / due:.2f}" if due else "—",
        },
        "ok": ok,
        "note": note,
    }


def _run_ours(registry, spec, meta, instrument):
    db = sql_db.db_connect(registry.db_name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cron = env.ref("credit_management_collections.ir_cron_credit_followup")
        cron.write({"active": True, "nextcall": datetime.now() - timedelta(minutes=1)})
        marks = watermarks(cr)
        cron_id = cron.id
        IrCron = type(env["ir.cron"])
    queries = instrument.queries
    started = time.perf_counter()
    acquisitions = 0
    while True:
        with db.cursor() as cron_cr:
            job = IrCron._acquire_one_job(cron_cr, cron_id)
            if not job:
                break
            acquisitions += 1
            IrCron._process_job(db, cron_cr, job)
        if acquisitions > 1000:
            raise RuntimeError("the follow-up cron never reports that it is done")
    seconds = time.perf_counter() - started
    queries = instrument.queries - queries
    with registry.cursor() as cr:
        figures = mail_figures(cr, marks, meta["users"]["collectors"])
        env = api.Environment(cr, SUPERUSER_ID, {})
        runs = env["credit.followup.run"].search([], order="id desc", limit=1)
        figures["communications"] = len(runs.communication_ids)
        figures["cron calls"] = acquisitions
    pdf_seconds = instrument.seconds.get("statement PDFs", 0.0)
    pdf_count = instrument.calls.get("statement PDFs", 0)
    figures["statement PDF, each"] = f"{pdf_seconds / pdf_count:.2f} s" if pdf_count else "—"
    ok = (
        seconds <= 60
        and figures["notifications to collectors (mail + inbox)"] == 0
        and figures["customer reminders also sent to a collector"] == 0
        and (not pdf_count or pdf_seconds / pdf_count <= 0.2)
    )
    phases = instrument.phases(seconds)
    return {"results": [_result("ours", spec, meta, seconds, queries, phases, figures, ok)]}


def _run_oca(registry, spec, meta, instrument):
    uid = meta["users"]["credit"]
    queries = instrument.queries
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, {})
        marks = watermarks(cr)
        control_run = env["credit.control.run"].create({"date": meta["today"]})
        control_run.generate_credit_lines()
        control_run.set_to_ready_lines()
        lines = control_run.line_ids
        email_lines = lines.filtered(lambda line: line.channel == "email")
        groups = env["credit.control.communication"]._aggregate_credit_lines(email_lines)
        run_id = control_run.id
    generated = time.perf_counter() - started
    generate_queries = instrument.queries - queries
    # sending: a sample of customers, one transaction as the "send" button
    sample_size = spec["peer_mail_sample"]
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, {})
        control_run = env["credit.control.run"].browse(run_id)
        email_lines = control_run.line_ids.filtered(lambda line: line.channel == "email")
        partners = email_lines.partner_id[:sample_size]
        sample = email_lines.filtered(lambda line: line.partner_id in partners)
        sample_groups = env["credit.control.communication"]._aggregate_credit_lines(sample)
        queries = instrument.queries
        send_started = time.perf_counter()
        comms = env["credit.control.communication"]._generate_comm_from_credit_lines(sample)
        comms._generate_emails()
        cr.commit()
        sent = time.perf_counter() - send_started
        send_queries = instrument.queries - queries
        figures = mail_figures(cr, marks, meta["users"]["collectors"])
    per_mail = sent / max(1, len(sample_groups))
    send_all = per_mail * len(groups)
    total = generated + send_all
    phases = instrument.phases(generated + sent)
    phases["lines generated (all), with commit"] = f"{generated:.1f} s"
    phases["sending, measured"] = (
        f"{sent:.1f} s for {len(sample_groups)} e-mails ({per_mail:.2f} s each, one PDF each)"
    )
    phases["sending, extrapolated"] = f"{send_all:.0f} s for {len(groups)} e-mails"
    queries_all = generate_queries + int(send_queries / max(1, len(sample_groups)) * len(groups))
    result = _result("oca", spec, meta, total, queries_all, phases, figures, total <= 60)
    result["note"] = (
        f"sending extrapolated from {len(sample_groups)} of {len(groups)} e-mails "
        f"(line generation measured in full: {generated:.1f} s)"
    )
    return {"results": [result]}
