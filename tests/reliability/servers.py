"""Real Odoo servers for the reliability tests: a throwaway cluster, databases installed by the
`odoo` console script, servers in prefork mode on loopback ports, JSON-RPC clients.

Everything here drives Odoo from the outside, the way production does; the tests themselves are
in the ``test_*.py`` files beside this one (run by ``make reliability``).
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import harness

ODOO_BIN = str(Path(sys.executable).parent / "odoo")
ALLOW = harness.load_allowlist()


def odoo(cluster, *args, addons=(), command=()):
    """The `odoo` console script (not ``python -m odoo``: the one a service runs) with the
    cluster's connection options and extra addons folders; ``command`` is a subcommand
    (``("shell",)``), which comes first."""
    cmd = harness.odoo_command(cluster, *args)
    paths = cmd.index("--addons-path") + 1
    cmd[paths] = ",".join([*map(str, addons), cmd[paths]])
    return [ODOO_BIN, *command, *cmd[3:]]


def bad_lines(logfile, since=0):
    """WARNING/ERROR lines of an Odoo log that the allow-list does not explain."""
    lines = Path(logfile).read_text(errors="replace").splitlines()[since:]
    found = []
    for line in lines:
        match = harness.LOG_LINE.match(line)
        if match and match["level"] in ("WARNING", "ERROR", "CRITICAL"):
            if not any(p.search(line) for p in ALLOW):
                found.append(line)
        elif "Traceback" in line:
            found.append(line)
    return found


def run(cluster, logfile, *args, addons=(), timeout=900):
    """Run Odoo to completion (install, update...); return the log's unexplained lines."""
    with open(logfile, "a") as log:
        start = sum(1 for _ in open(logfile))
        subprocess.run(
            odoo(cluster, *args, "--stop-after-init", "--workers", "0", addons=addons),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=timeout,
            cwd=harness.ROOT,
        )
    return bad_lines(logfile, since=start)


class RpcError(Exception):
    pass


class Server:
    """An Odoo server process serving one database on a loopback port."""

    def __init__(self, cluster, db, logfile, workers=4, cron_threads=0, addons=(), extra=()):
        self.db = db
        self.logfile = Path(logfile)
        self.http_port = harness.free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        cmd = odoo(
            cluster,
            "-d",
            db,
            "--db-filter",
            f"^{db}$",
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(self.http_port),
            "--gevent-port",
            str(harness.free_port()),
            "--workers",
            str(workers),
            "--max-cron-threads",
            str(cron_threads),
            "--limit-time-real",
            "300",
            "--log-level",
            "info",
            *extra,
            addons=addons,
        )
        self.log = open(self.logfile, "a")
        self.proc = subprocess.Popen(
            cmd, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.wait_ready()

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Odoo server exited, see {self.logfile}")
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise TimeoutError(f"Odoo server not ready after {timeout}s, see {self.logfile}")

    def worker_pids(self):
        """Process ids of the prefork workers (children of the master process)."""
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()

    def rpc(self, service, method, *args, timeout=300):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": 1,
        }
        request = urllib.request.Request(
            f"{self.url}/jsonrpc",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
        if "error" in answer:
            data = answer["error"].get("data", {})
            raise RpcError(data.get("message") or answer["error"].get("message"))
        return answer["result"]

    def login(self, login, password):
        uid = self.rpc("common", "login", self.db, login, password)
        if not uid:
            raise RpcError(f"login {login} refused")
        return Client(self, uid, password)


class Client:
    """One user's JSON-RPC session: ``client.call('sale.order', 'action_confirm', [ids])``."""

    def __init__(self, server, uid, password):
        self.server = server
        self.uid = uid
        self.password = password

    def call(self, model, method, *args, **kwargs):
        return self.server.rpc(
            "object",
            "execute_kw",
            self.server.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )
