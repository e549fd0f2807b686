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
    ("credit.followup.run", "_followup_digest", "collector digests"),
    # a wkhtmltopdf process, whatever renders it (one per e-mail, or one per batch)
    ("ir.actions.report", "_run_wkhtmltopdf", "statement PDFs"),
    ("mail.mail", "_credit_attach_statements", "statements at sending"),
    ("mail.mail", "_send", "mails sent (post-commit)"),
]
OCA_PHASES = [
    ("credit.control.policy", "_generate_credit_lines", "lines generated"),
    ("credit.control.communication", "_generate_comm_from_credit_lines", "communications"),
    ("credit.control.communication", "_generate_emails", "e-mails"),
    ("ir.actions.report", "_run_wkhtmltopdf", "statement PDFs"),
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
    phases = instrument.phases(seconds)
    pdf_seconds = instrument.seconds.get("statement PDFs", 0.0)
    pdf_count = instrument.calls.get("statement PDFs", 0)
    with registry.cursor() as cr:
        figures = mail_figures(cr, marks, meta["users"]["collectors"])
        env = api.Environment(cr, SUPERUSER_ID, {})
        runs = env["credit.followup.run"].search([], order="id desc", limit=1)
        figures["communications"] = len(runs.communication_ids)
        figures["cron calls"] = acquisitions
    statement = None
    if pdf_count:
        # rendered inside the run, one wkhtmltopdf process per e-mail
        statement = pdf_seconds / pdf_count
        figures["statements rendered inside the run"] = f"{pdf_count}, {statement:.2f} s each"
    else:
        statement = _statements_at_sending(registry, spec, instrument, figures)
    ok = (
        seconds <= 60
        and figures["notifications to collectors (mail + inbox)"] == 0
        and figures["customer reminders also sent to a collector"] == 0
        and (statement is None or statement <= 0.2)
    )
    return {"results": [_result("ours", spec, meta, seconds, queries, phases, figures, ok)]}


def _statements_at_sending(registry, spec, instrument, figures):
    """The mail queue sends a sample of the queued reminders (no-op SMTP): their statements
    are rendered then, in batches. Return the seconds per statement, amortized."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        Mail = env["mail.mail"]
        if "credit_statement_communication_id" not in Mail._fields:
            return None
        mails = Mail.search(
            [("credit_statement_communication_id", "!=", False), ("state", "=", "outgoing")],
            limit=spec["pdf_sample"],
        )
        if not mails:
            return None
        rendered = instrument.seconds.get("statements at sending", 0.0)
        renders = instrument.calls.get("statement PDFs", 0)
        started = time.perf_counter()
        mails.send()
        elapsed = time.perf_counter() - started
        # the statements' whole cost: the letters' HTML, wkhtmltopdf, the split, the attachments
        statements = instrument.seconds.get("statements at sending", 0.0) - rendered
        runs = instrument.calls.get("statement PDFs", 0) - renders
        attached = len(mails.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf"))
        cr.rollback()  # the sample is a measure: the queue keeps its mails
    figures["mail queue: sample sent"] = (
        f"{len(mails)} reminders in {elapsed:.1f} s ({elapsed / len(mails):.2f} s each), "
        f"{attached} PDF statements attached in {statements:.1f} s "
        f"({statements / len(mails):.3f} s each) with {runs} wkhtmltopdf runs"
    )
    if attached < len(mails):
        return float("inf")  # a reminder without its statement misses the goal
    return statements / len(mails)


def _run_oca(registry, spec, meta, instrument):
    """OCA's run on a sample of the customers (the others on OCA's "do nothing" policy, its own
    per-customer mechanism), its sending on a sample of the e-mails; both extrapolated
    linearly to the whole ledger. Its line generation creates one mail-thread record per
    invoice and searches earlier drafts invoice by invoice: over 20,000 invoices it runs far
    beyond the bench's time budget."""
    uid = meta["users"]["credit"]
    customers = meta["customers"]
    # ordinary customers (the P1 key accounts, with up to 100,000 items, stay out of the sample)
    first = len(meta["p1"])
    sample = customers[first : first + spec["peer_followup_customers"]]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        skip = env.ref("account_credit_control.credit_control_no_follow")
        others = sorted(set(customers) - set(sample))
        if others:
            # bench setup, not timed: the customers out of the sample follow "no follow"
            cr.execute(
                "UPDATE res_partner SET credit_policy_id = %s WHERE id = ANY(%s)",
                [skip.id, others],
            )
        marks = watermarks(cr)
    queries = instrument.queries
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, {})
        control_run = env["credit.control.run"].create({"date": meta["today"]})
        control_run.generate_credit_lines()
        control_run.set_to_ready_lines()
        lines = control_run.line_ids
        email_lines = lines.filtered(lambda line: line.channel == "email")
        groups = env["credit.control.communication"]._aggregate_credit_lines(email_lines)
        run_id = control_run.id
        line_count = len(lines)
    generated = time.perf_counter() - started
    generate_queries = instrument.queries - queries
    # sending: a sample of the e-mails, in one transaction as the "send" button
    with registry.cursor() as cr:
        env = api.Environment(cr, uid, {})
        control_run = env["credit.control.run"].browse(run_id)
        email_lines = control_run.line_ids.filtered(lambda line: line.channel == "email")
        partners = email_lines.partner_id[: spec["peer_mail_sample"]]
        mailed = email_lines.filtered(lambda line: line.partner_id in partners)
        mailed_groups = env["credit.control.communication"]._aggregate_credit_lines(mailed)
        queries = instrument.queries
        send_started = time.perf_counter()
        comms = env["credit.control.communication"]._generate_comm_from_credit_lines(mailed)
        comms._generate_emails()
        cr.commit()
        sent = time.perf_counter() - send_started
        send_queries = instrument.queries - queries
        figures = mail_figures(cr, marks, meta["users"]["collectors"])
    scale = len(customers) / max(1, len(sample))
    due = _due_invoices(spec, meta)
    generate_all = generated / max(1, line_count) * due
    per_mail = sent / max(1, len(mailed_groups))
    mails_all = len(groups) * scale
    send_all = per_mail * mails_all
    total = generate_all + send_all
    phases = instrument.phases(generated + sent)
    phases["lines generated, measured"] = (
        f"{generated:.1f} s for {line_count} lines of {len(sample)} customers "
        f"({generated / max(1, line_count) * 1000:.1f} ms per line)"
    )
    phases["lines generated, extrapolated"] = f"{generate_all:.0f} s for {due} lines"
    phases["sending, measured"] = (
        f"{sent:.1f} s for {len(mailed_groups)} e-mails ({per_mail:.2f} s each, one PDF each)"
    )
    phases["sending, extrapolated"] = f"{send_all:.0f} s for {mails_all:.0f} e-mails"
    queries_all = int(
        generate_queries / max(1, line_count) * due
        + send_queries / max(1, len(mailed_groups)) * mails_all
    )
    result = _result("oca", spec, meta, total, queries_all, phases, figures, total <= 60)
    result["note"] = (
        f"extrapolated: lines generated for {len(sample)} of {len(customers)} customers, "
        f"{len(mailed_groups)} e-mails sent"
    )
    return {"results": [result]}
