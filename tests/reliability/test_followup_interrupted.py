"""R2: the follow-up run interrupted and competing, on two prefork servers with cron workers.

The daily job runs in batches (Odoo's cron calls it again while work remains). Its cron worker is
killed (SIGKILL) mid-way, the job is picked up again by whichever server's cron worker comes
first, and a credit manager starts the same run by hand meanwhile. In the end: every overdue
invoice got its level exactly once (no communication duplicated, no invoice skipped) and no run is
left "in progress".
"""

import datetime
import os
import signal
import time
from pathlib import Path

from servers import bad_lines

CUSTOMERS = 30
INVOICES_PER_CUSTOMER = 2
BATCH = 10  # invoices per batch: the run spans several cron calls
DAYS_LATE = 45  # the 30-day level (letter) of the default ladder
DEADLINE = 600  # seconds for the whole run, kills and retries included

# what a killed worker leaves in the log, by design of this test
KILLED = ("WorkerCron", "killed", "Worker (", "exited with")


def _setup(admin):
    due = (datetime.date.today() - datetime.timedelta(days=DAYS_LATE)).isoformat()
    partners = admin.call(
        "res.partner",
        "create",
        [
            {"name": f"Late payer {i}", "is_company": True, "email": f"late{i}@example.com"}
            for i in range(CUSTOMERS)
        ],
    )
    moves = admin.call(
        "account.move",
        "create",
        [
            {
                "move_type": "out_invoice",
                "partner_id": partner,
                "invoice_date": due,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    (0, 0, {"name": "Goods", "price_unit": 100.0, "tax_ids": [(6, 0, [])]})
                ],
            }
            for partner in partners
            for _i in range(INVOICES_PER_CUSTOMER)
        ],
    )
    admin.call("account.move", "action_post", moves)
    cron = admin.call(
        "ir.model.data",
        "check_object_reference",
        "credit_management_collections",
        "ir_cron_credit_followup",
    )[1]
    admin.call(
        "ir.cron",
        "write",
        [cron],
        {"code": f"model.with_context(credit_followup_batch_size={BATCH})._cron_followup()"},
    )
    return moves, cron


def _cron_workers(servers):
    """Process ids of the cron workers of ``servers`` (prefork titles them "odoo: WorkerCron")."""
    pids = []
    for server in servers:
        for pid in server.worker_pids():
            cmdline = Path(f"/proc/{pid}/cmdline")
            if cmdline.exists() and b"WorkerCron" in cmdline.read_bytes():
                pids.append(pid)
    return pids


def _lines(admin, moves):
    return admin.call(
        "credit.followup.communication.line",
        "search_read",
        [("move_id", "in", moves)],
        ["move_id", "level_id", "communication_id"],
    )


def test_killed_and_competing_runs_do_everything_once(credit_db, servers):
    # invoices first, on a server without cron workers: the daily job must find them
    setup = servers(credit_db, workers=2)
    moves, cron = _setup(setup.login("admin", "admin"))
    setup.stop()
    first = servers(credit_db, workers=2, cron_threads=1)
    second = servers(credit_db, workers=2, cron_threads=1)
    admin = first.login("admin", "admin")
    manager = second.login("admin", "admin")
    # start the job now on both servers' cron workers
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    admin.call("ir.cron", "write", [cron], {"nextcall": now})

    deadline = time.monotonic() + DEADLINE
    killed = manual = False
    while time.monotonic() < deadline:
        done = len(_lines(admin, moves))
        if done and not killed:
            # mid-way: kill every cron worker in the middle of its batch
            for pid in _cron_workers([first, second]):
                os.kill(pid, signal.SIGKILL)
            killed = True
        elif killed and not manual:
            # a credit manager starts the same run by hand while the cron resumes it
            runs = manager.call(
                "credit.followup.run", "search", [("state", "in", ("draft", "running"))]
            )
            if runs:
                manager.call("credit.followup.run", "action_run", runs)
            manual = True
        runs = admin.call("credit.followup.run", "search_read", [], ["state"])
        if runs and all(run["state"] == "done" for run in runs) and done == len(moves):
            break
        time.sleep(1)
    assert killed, "the run finished before its worker could be killed"

    runs = admin.call("credit.followup.run", "search_read", [], ["state", "date"])
    assert runs and {run["state"] for run in runs} == {"done"}, runs
    lines = _lines(admin, moves)
    per_invoice = {}
    for line in lines:
        per_invoice.setdefault(line["move_id"][0], []).append(line["level_id"][0])
    assert sorted(per_invoice) == sorted(moves), "no invoice skipped"
    assert all(len(levels) == 1 for levels in per_invoice.values()), "no level done twice"
    communications = admin.call(
        "credit.followup.communication",
        "search_read",
        [("line_ids.move_id", "in", moves)],
        ["partner_id", "level_id"],
    )
    keys = [(c["partner_id"][0], c["level_id"][0]) for c in communications]
    assert len(keys) == len(set(keys)) == CUSTOMERS, "one communication per customer and level"
    for server in (first, second):
        unexpected = [
            line for line in bad_lines(server.logfile) if not any(k in line for k in KILLED)
        ]
        assert not unexpected, unexpected
