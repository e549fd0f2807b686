"""One bench run, end to end (``make bench``), and the small-size smoke of ``make test``.

1. a scratch folder with its own PostgreSQL cluster (PostgreSQL's default planner settings);
2. the OCA peers downloaded from PyPI and unpacked into ``<scratch>/peer-addons``;
3. a base database (``sale_management`` + ``account``), copied as the template of one database
   per flavour, where the flavour's modules are installed;
4. the same data built in each database (``ledger``);
5. the measures (``tasks``) and the follow-up runs (``followup``), one worker process each;
6. the table on stdout, ``bench-results/latest.json`` and the README's Performance section.
"""

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import harness

from . import peers, report
from .flavours import FLAVOURS
from .spec import FULL, SMOKE

ROOT = harness.ROOT
BASE_MODULES = ("sale_management", "sale_stock", "account")
MEASURES = {
    "ours": ("p1_ours", "p1_odoo", "p2_ours", "p4_ours", "p5_ours", "p5_odoo", "p6_ours"),
    "oca": ("p1_oca", "p5_oca"),
}


class BenchError(RuntimeError):
    pass


class Bench:
    def __init__(self, scratch, cluster, extra_addons=(), log=print):
        self.scratch = Path(scratch)
        self.cluster = cluster
        self.extra_addons = list(extra_addons)
        self.logs = self.scratch / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.log = log
        self.timings = []

    def _odoo_args(self):
        cmd = harness.odoo_command(self.cluster, extra_addons=self.extra_addons)
        return cmd[3:]  # without "python -m odoo"

    def odoo(self, db, *args, name):
        """Run the Odoo command line on ``db`` (install), its log in ``logs/<name>.log``."""
        cmd = [
            *harness.odoo_command(self.cluster, extra_addons=self.extra_addons),
            "-d",
            db,
            *args,
            "--stop-after-init",
            "--workers",
            "0",
            "--max-cron-threads",
            "0",
            "--without-demo=all",
            "--http-port",
            str(harness.free_port()),
            "--log-level",
            "warn",
        ]
        self._call(cmd, name)

    def _call(self, cmd, name):
        started = time.perf_counter()
        logfile = self.logs / f"{name}.log"
        with open(logfile, "w") as log:
            code = subprocess.run(
                cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, check=False
            ).returncode
        elapsed = time.perf_counter() - started
        self.timings.append((name, round(elapsed, 1)))
        if code:
            tail = "".join(logfile.read_text().splitlines(keepends=True)[-40:])
            raise BenchError(f"{name} failed (exit {code}), log {logfile}:\n{tail}")
        return elapsed

    def worker(self, db, task, name, **payload):
        """Run one task in a worker process on ``db``; return its JSON result."""
        data = {"db": db, "task": task, "odoo_args": self._odoo_args(), **payload}
        data["odoo_args"] += ["--log-level", "warn"]
        infile = self.logs / f"{name}.in.json"
        outfile = self.logs / f"{name}.out.json"
        infile.write_text(json.dumps(data, default=str))
        env = dict(os.environ, PYTHONPATH=str(ROOT / "tests"))
        started = time.perf_counter()
        logfile = self.logs / f"{name}.log"
        with open(logfile, "w") as log:
            code = subprocess.run(
                [sys.executable, "-m", "bench.worker", str(infile), str(outfile)],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                env=env,
                check=False,
            ).returncode
        self.timings.append((name, round(time.perf_counter() - started, 1)))
        result = json.loads(outfile.read_text()) if outfile.exists() else {}
        if code or "error" in result:
            detail = result.get("error") or logfile.read_text()[-4000:]
            raise BenchError(f"{name} failed (exit {code}), log {logfile}:\n{detail}")
        return result

    @contextmanager
    def server(self, db):
        """An Odoo HTTP server on ``db`` while the block runs: the report engine fetches the
        statements' assets from it, as in production. Yields its URL."""
        port = harness.free_port()
        cmd = [
            *harness.odoo_command(self.cluster, extra_addons=self.extra_addons),
            "-d",
            db,
            "--db-filter",
            f"^{db}$",
            "--http-interface",
            "127.0.0.1",
            "--http-port",
            str(port),
            "--workers",
            "0",
            "--max-cron-threads",
            "0",
            "--log-level",
            "warn",
        ]
        with open(self.logs / f"server-{db}.log", "w") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
            try:
                deadline = time.monotonic() + 120
                while True:
                    try:
                        with socket.create_connection(("127.0.0.1", port), timeout=1):
                            break
                    except OSError:
                        if proc.poll() is not None or time.monotonic() > deadline:
                            raise BenchError(f"the Odoo server on {db} did not start") from None
                        time.sleep(0.5)
                yield f"http://127.0.0.1:{port}"
            finally:
                proc.terminate()
                proc.wait(timeout=60)

    def psql(self, sql, db="postgres"):
        return self.cluster.psql(sql, db=db)

    def vacuum(self, db):
        """VACUUM ANALYZE after the bulk load (outside a transaction): statistics for the planner
        and the visibility map for index-only scans, as autovacuum keeps them on a live
        database."""
        started = time.perf_counter()
        self.psql("VACUUM ANALYZE", db=db)
        self.timings.append((f"vacuum-{db}", round(time.perf_counter() - started, 1)))

    def copy_database(self, template, db):
        self.psql(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
        filestore = self.scratch / "filestore" / "filestore"
        if (filestore / template).exists():
            shutil.copytree(filestore / template, filestore / db)


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    pg = subprocess.run(
        [harness.pg_bin("postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "load_at_start": round(os.getloadavg()[0], 2),
        "postgresql": pg.replace("postgres (PostgreSQL) ", "PostgreSQL "),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def run_full(args):
    """``make bench``: the full run. Return the process exit code."""
    spec = dict(SMOKE if args.size == "smoke" else FULL)
    if args.repeats:
        spec["repeats"] = args.repeats
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="credit-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    os.chmod(scratch, 0o755)
    started = time.perf_counter()
    info = {"machine": machine(), "date": datetime.now().isoformat(timespec="seconds")}
    print(f"bench: scratch {scratch}, {info['machine']['cores']} cores", flush=True)
    try:
        peer_dir, versions = peers.fetch(scratch)
    except (RuntimeError, OSError) as error:
        raise BenchError(f"the peers could not be fetched from PyPI: {error}") from error
    info["peers"] = versions
    print("bench: peers " + ", ".join(f"{k} {v}" for k, v in versions.items()), flush=True)
    cluster = harness.Cluster(scratch / "pgdata")
    bench = Bench(scratch, cluster, extra_addons=[peer_dir])
    results, errors = [], []
    try:
        cluster.start(preferred_port=args.port)
        bench.odoo("bench_base", "-i", ",".join(BASE_MODULES), name="install-base")
        common = bench.worker("bench_base", "build_common", "build-common", spec=spec)
        print(f"bench: common data built in {common['build_seconds']} s", flush=True)
        metas = {}
        for name in ("ours", "oca"):
            flavour = FLAVOURS[name]
            db = f"bench_{name}"
            bench.copy_database("bench_base", db)
            bench.odoo(db, "-i", ",".join(flavour.modules), name=f"install-{name}")
            metas[name] = bench.worker(
                db, "build", f"build-{name}", flavour=name, spec=spec, meta=common
            )
            bench.vacuum(db)
            print(
                f"bench: {name} ready "
                f"({', '.join(f'{k} {v}' for k, v in metas[name]['build_steps'])})",
                flush=True,
            )
        for name in ("ours", "oca"):
            out = bench.worker(
                f"bench_{name}",
                "measure",
                f"measure-{name}",
                flavour=name,
                spec=spec,
                meta=metas[name],
                measures=MEASURES[name],
            )
            results += out["results"]
            print(f"bench: {name} measured", flush=True)
        if not args.skip_followup:
            for name in ("ours", "oca"):
                try:
                    with bench.server(f"bench_{name}") as url:
                        out = bench.worker(
                            f"bench_{name}",
                            "followup",
                            f"followup-{name}",
                            flavour=name,
                            spec=spec,
                            meta=metas[name],
                            server_url=url,
                        )
                except BenchError as error:
                    errors.append(str(error))
                    print(f"bench: {name} follow-up run FAILED (see log)", flush=True)
                    continue
                results += out["results"]
                print(f"bench: {name} follow-up run measured", flush=True)
        info["build"] = {name: meta["build_steps"] for name, meta in metas.items()}
    finally:
        cluster.stop()
        if args.keep:
            print(f"bench: kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    info["spec"] = spec
    info["steps"] = bench.timings
    info["seconds"] = round(time.perf_counter() - started, 1)
    rows = report.rows(results, spec)
    print()
    print(report.table(rows))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps(
            {**info, "rows": rows, "results": results, "errors": errors}, indent=1, default=str
        )
    )
    if args.size == "full" and not args.skip_followup:
        # the README's table is a whole run's: a partial run leaves it as it is
        report.update_readme(ROOT / "README.md", rows, info)
    print(f"\nbench: {info['seconds']:.0f} s in all; bench-results/latest.json written")
    for error in errors:
        print(error)
    return 1 if errors else 0


def run_smoke(cluster, db, log=print):
    """The small-size smoke of every benchmark, in the test database of ``make test``.

    Same code paths as ``make bench`` at a few rows, our modules and Odoo's own warning only
    (the OCA peers need a download and a database of their own). Raises on any failure.
    """
    scratch = Path(tempfile.mkdtemp(prefix="credit-bench-smoke-"))
    bench = Bench(scratch, cluster, log=log)
    try:
        with bench.server(db) as url:
            out = bench.worker(
                db,
                "smoke",
                "smoke",
                spec=SMOKE,
                measures=MEASURES["ours"],
                server_url=url,
            )
        results = out["results"]
        goals = {row["goal"].split()[0] for row in results}
        missing = {"P1", "P2", "P3", "P4", "P5", "P6"} - goals
        if missing:
            raise BenchError(f"bench smoke: no figure for {', '.join(sorted(missing))}")
        return results
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def median(values):
    return statistics.median(values) if values else None
