#!/usr/bin/env python3
"""Developer harness: a project-local PostgreSQL cluster, the demo server and the test run.

Used by the Makefile (``make demo``, ``make stop``, ``make test``, ``make bench``).
PostgreSQL refuses to run as root, so when we are root the cluster runs as an
unprivileged OS user (``postgres`` when it exists, else one we create).
"""

import argparse
import os
import pwd
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = [
    "credit_management",
    "credit_management_collections",
    "credit_management_hr_appraisal",
]
DEMO_DB = "credit_demo"
DB_ROLE = "odoo"
ALLOWLIST = ROOT / "tests" / "log_allowlist.txt"
NO_ODOO = "Odoo 18 not found: see README, Prerequisites"
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")


def fail(message, code=1):
    print(message, file=sys.stderr)
    sys.exit(code)


def require_odoo():
    probe = subprocess.run(
        [sys.executable, "-c", "import odoo, odoo.release; print(odoo.release.version_info[0])"],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    if probe.returncode != 0 or probe.stdout.strip() != "18":
        fail(NO_ODOO)


def pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    fail(f"PostgreSQL server binary '{name}' not found: see README, Prerequisites")


def cluster_user():
    """Return the OS user that owns the cluster: ourselves, unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "credit-pg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "credit-pg"], check=True)
    return "credit-pg"


def as_cluster_user(cmd, user, **kwargs):
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, check=True, **kwargs)


def free_port(preferred=None):
    """A free loopback port: ``preferred`` if free, else a random one (parallel test runs must
    not race for neighbouring ports)."""
    candidates = [preferred] if preferred else []
    for port in candidates + random.sample(range(20000, 60000), 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    fail("no free TCP port")


class Cluster:
    """A PostgreSQL cluster in ``datadir``, socket in the same folder, loopback only."""

    def __init__(self, datadir):
        self.datadir = Path(datadir)
        self.user = cluster_user()
        self.port_file = self.datadir / "harness.port"

    @property
    def port(self):
        return int(self.port_file.read_text())

    def running(self):
        if not (self.datadir / "PG_VERSION").exists():
            return False
        status = subprocess.run(
            ["runuser", "-u", self.user, "--"] * bool(self.user)
            + [pg_bin("pg_ctl"), "-D", str(self.datadir), "status"],
            capture_output=True,
            check=False,
        )
        return status.returncode == 0

    def start(self, preferred_port=None):
        self.datadir.mkdir(parents=True, exist_ok=True)
        if self.user:
            shutil.chown(self.datadir, self.user)
            # the cluster user must reach the data folder through every parent
            for parent in self.datadir.parents:
                if parent == Path("/"):
                    break
                mode = parent.stat().st_mode
                if not mode & 0o001:
                    os.chmod(parent, mode | 0o001)
        if not (self.datadir / "PG_VERSION").exists():
            as_cluster_user(
                [
                    pg_bin("initdb"),
                    "-D",
                    str(self.datadir),
                    "-U",
                    DB_ROLE,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ],
                self.user,
                stdout=subprocess.DEVNULL,
            )
        if self.running():
            return
        port = free_port(preferred_port)
        self.port_file.write_text(str(port))
        options = (
            f"-p {port} -k {self.datadir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        as_cluster_user(
            [
                pg_bin("pg_ctl"),
                "-D",
                str(self.datadir),
                "-l",
                str(self.datadir / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ],
            self.user,
            stdout=subprocess.DEVNULL,
        )

    def stop(self):
        if self.running():
            as_cluster_user(
                [pg_bin("pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop"],
                self.user,
                stdout=subprocess.DEVNULL,
            )

    def psql(self, sql, db="postgres"):
        out = subprocess.run(
            [
                pg_bin("psql"),
                "-h",
                str(self.datadir),
                "-p",
                str(self.port),
                "-U",
                DB_ROLE,
                "-d",
                db,
                "-tAc",
                sql,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()

    def odoo_args(self):
        return [
            "--db_host",
            str(self.datadir),
            "--db_port",
            str(self.port),
            "--db_user",
            DB_ROLE,
            "--db_password",
            "",
        ]


def odoo_command(cluster, *extra, extra_addons=()):
    addons = [str(ROOT)]
    import_odoo = subprocess.run(
        [
            sys.executable,
            "-c",
            "import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    addons.append(import_odoo.stdout.strip())
    addons.extend(str(path) for path in extra_addons)
    return [
        sys.executable,
        "-m",
        "odoo",
        "--addons-path",
        ",".join(addons),
        "--data-dir",
        str(cluster.datadir.parent / "filestore"),
        *cluster.odoo_args(),
        *extra,
    ]


# OCA neighbours many users already run (coexistence tests), fetched as the benchmarks fetch
# their peers (tests/bench/peers.py: PyPI wheels unpacked into an addons folder, never
# pip-installed over Odoo), into a cache outside the git tree.
OCA_ADDONS = ("account_financial_risk", "sale_financial_risk")
OCA_CACHE = Path(
    os.environ.get("CREDIT_OCA_CACHE", Path.home() / ".cache" / "credit-management" / "oca-18.0")
)


def oca_addons(addons=OCA_ADDONS):
    """The folder holding the unpacked 18.0 OCA ``addons`` (downloaded on first use)."""
    from bench.peers import fetch  # only the OCA tests need it

    folder = OCA_CACHE / "peer-addons"
    if all((folder / name / "__manifest__.py").exists() for name in addons):
        return folder
    return fetch(OCA_CACHE, addons)[0]


def cmd_oca_addons(_args):
    """Print the folder holding the unpacked OCA addons (downloaded on first use)."""
    print(oca_addons())
    return 0


def load_allowlist():
    patterns = []
    for raw in ALLOWLIST.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, _sep, reason = line.partition(" # ")
        if not reason.strip():
            fail(f"{ALLOWLIST}: every entry needs a reason after ' # ': {raw}")
        patterns.append(re.compile(pattern.strip()))
    return patterns


FAILED_TEST = re.compile(r"^(?:FAIL|ERROR): (?P<test>\S+)(?: \(odoo\.addons\.(?P<cls>\S+)\))?")


def run_odoo(cmd, logfile, quiet=False, allow=(), on_line=None, stdin=None):
    """Run an Odoo command, copy its output to ``logfile`` (and the console unless ``quiet``).

    Returns a dict: ``returncode``, ``passed``/``failed`` test counts, ``bad_lines`` (WARNING or
    worse not matched by ``allow``) and ``failed_tests`` (``<module>.tests.<file>.<Class>.<test>``).
    """
    print("$", " ".join(cmd), flush=True)
    out = {"passed": 0, "failed": 0, "bad_lines": [], "failed_tests": []}
    with (
        open(logfile, "w") as log,
        subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=stdin,
            text=True,
            cwd=ROOT,
        ) as proc,
    ):
        current = None
        for line in proc.stdout:
            log.write(line)
            if on_line:
                on_line(line)
            if not quiet:
                sys.stdout.write(line)
            match = LOG_LINE.match(line)
            if match:
                current = match
                result = RESULT.search(match["msg"])
                if result:
                    f, e, total = map(int, result.groups())
                    out["failed"] += f + e
                    out["passed"] += total - f - e
                    continue
                failed_test = FAILED_TEST.match(match["msg"])
                if match["level"] == "ERROR" and failed_test:
                    if failed_test["cls"]:  # "ERROR: setUpClass (odoo.addons.<module>...<Class>)"
                        out["failed_tests"].append(f"{failed_test['cls']}.{failed_test['test']}")
                    else:
                        module = match["logger"].removeprefix("odoo.addons.")
                        out["failed_tests"].append(f"{module}.{failed_test['test']}")
                if match["level"] in ("WARNING", "ERROR", "CRITICAL") and not any(
                    p.search(line) for p in allow
                ):
                    out["bad_lines"].append(line.rstrip())
            elif current is None and line.strip() and not any(p.search(line) for p in allow):
                # text before any log line (import errors, argument errors)
                out["bad_lines"].append(line.rstrip())
        out["returncode"] = proc.wait()
    return out


def test_command(cluster, db, modules, test_tags, demo):
    """The Odoo command that installs ``modules`` in ``db`` and runs the tests ``test_tags``."""
    cmd = odoo_command(
        cluster,
        "-d",
        db,
        "-i",
        ",".join(modules),
        "--test-enable",
        "--stop-after-init",
        "--workers",
        "0",
        "--max-cron-threads",
        "0",
        "--http-port",
        str(free_port()),
        "--log-level",
        "info",
        "--test-tags",
        test_tags,
    )
    if not demo:
        cmd.append("--without-demo=all")
    return cmd


# The tags of the journey tests (browser tours, role x screen matrix, Chinese): they run on the
# Chinese demo database only.
JOURNEY_TAG = "credit_journey"
# The access matrix reads its fixtures from the modules' own demo records, as they are without
# the Chinese demo's renaming and relocalisation: it runs on the modules-alone database only.
MODULES_ALONE_TAG = "credit_modules_alone"


def odoo_init_command(cluster, db, *extra):
    return odoo_command(
        cluster,
        "-d",
        db,
        "--stop-after-init",
        "--workers",
        "0",
        "--max-cron-threads",
        "0",
        "--http-port",
        str(free_port()),
        *extra,
    )


DEMO_STEP_DONE = "demo_cn: done"


def demo_shell(cluster, db, phase, logfile, quiet, allow):
    """Run ``tests/demo_cn.py``'s ``phase`` (before / after) in an ``odoo shell`` of ``db``."""
    script = Path(tempfile.mkstemp(suffix=".py", prefix=f"demo-{phase}-")[1])
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "import demo_cn\n"
        f"demo_cn.{phase}(env)\n"
        "env.cr.commit()\n"
        f"print({DEMO_STEP_DONE!r})\n"
    )
    done = []
    try:
        with open(script) as stdin:
            cmd = odoo_command(cluster, "-d", db, "--no-http", "--log-level", "warn")
            cmd.insert(3, "shell")  # the subcommand comes first: python -m odoo shell ...
            out = run_odoo(
                cmd, logfile, quiet, allow, stdin=stdin, on_line=lambda line: done.append(line)
            )
    finally:
        script.unlink()
    out["bad_lines"] = [line for line in out["bad_lines"] if line.strip() != DEMO_STEP_DONE]
    if not any(line.strip() == DEMO_STEP_DONE for line in done):
        # the shell prints a failing script's traceback and still exits 0
        out["returncode"] = out["returncode"] or 1
        out["bad_lines"].append(f"tests/demo_cn.py {phase}() failed, see {logfile}")
    return out


def build_demo_db(cluster, db, workdir, quiet=False, allow=(), log_level="warn"):
    """The Chinese demo database (tests/demo_cn.py): ``base``, the Chinese company, ``l10n_cn``
    and the modules with their demo data, Chinese users. Returns the first failed step's
    ``run_odoo`` result, or None."""
    steps = [
        ("base", lambda log: run_odoo(
            odoo_init_command(cluster, db, "-i", "base", "--log-level", log_level),
            log, quiet, allow,
        )),
        ("before", lambda log: demo_shell(cluster, db, "before", log, quiet, allow)),
        # the Chinese chart is loaded at the end of the run that installs accounting: before the
        # modules, whose demo data needs its journals and accounts
        ("l10n_cn", lambda log: run_odoo(
            odoo_init_command(cluster, db, "-i", "l10n_cn", "--log-level", log_level),
            log, quiet, allow,
        )),
        ("modules", lambda log: run_odoo(
            odoo_init_command(cluster, db, "-i", ",".join(MODULES), "--log-level", log_level),
            log, quiet, allow,
        )),
        ("after", lambda log: demo_shell(cluster, db, "after", log, quiet, allow)),
    ]  # fmt: skip
    for name, step in steps:
        out = step(workdir / f"demo-{name}.log")
        if out["returncode"] or out["bad_lines"]:
            out["step"] = name
            return out
    return None


def cmd_test(args):
    """Run the tests in one or two throwaway databases.

    * ``cn``: the Chinese demo (``l10n_cn``, yuan, Chinese users, demo data), every test,
      browser tours and the role x screen matrix included;
    * ``bare``: the modules alone with their own demo data, without ``l10n_cn``: every test but the
      journeys (the access matrix only here).

    A full ``make test`` runs both; ``TEST_TAGS`` runs the ``cn`` database only, ``MODULES`` (a
    subset) or ``WITHOUT_DEMO=1`` the ``bare`` one, ``SETUP=cn|bare`` chooses.
    """
    require_odoo()
    modules = args.modules.split(",") if args.modules else MODULES
    full = set(MODULES) <= set(modules)
    if args.setup:
        setups = [args.setup]
    elif not (full and args.demo):
        setups = ["bare"]
    elif args.test_tags:
        setups = ["cn"]
    else:
        setups = ["cn", "bare"]
    workdir = Path(tempfile.mkdtemp(prefix="credit-test-"))
    os.chmod(workdir, 0o755)
    cluster = Cluster(workdir / "pgdata")
    allow = load_allowlist()
    passed = failed = 0
    bad_lines, problems = [], []
    try:
        cluster.start(preferred_port=args.port)
        # Only our modules' tests: -i also installs (and would test) every dependency.
        tags = args.test_tags or ",".join(f"/{m}" for m in modules)
        for setup in setups:
            logfile = workdir / f"odoo-{setup}.log"
            if setup == "cn":
                broken = build_demo_db(cluster, "credit_test", workdir, args.quiet, allow)
                if broken:
                    problems.append(f"the Chinese demo database failed at {broken['step']}")
                    bad_lines += broken["bad_lines"]
                    continue
                cmd = odoo_init_command(
                    cluster,
                    "credit_test",
                    "--test-enable",
                    "--log-level",
                    "info",
                    "--test-tags",
                    tags if args.test_tags else f"{tags},-{MODULES_ALONE_TAG}",
                )
            else:
                cmd = test_command(
                    cluster, "credit_bare", modules, f"{tags},-{JOURNEY_TAG}", args.demo
                )
            out = run_odoo(cmd, logfile, args.quiet, allow)
            print(f"{setup}: {out['passed']} passed, {out['failed']} failed")
            passed, failed = passed + out["passed"], failed + out["failed"]
            bad_lines += out["bad_lines"]
            if out["returncode"]:
                problems.append(f"odoo exited with {out['returncode']} ({setup})")
            if setup == "cn" and not args.test_tags and not out["returncode"]:
                smoke_ok = bench_smoke(cluster, "credit_test")
                passed, failed = passed + smoke_ok, failed + (not smoke_ok)
        if bad_lines:
            print(
                "\nUnexpected WARNING/ERROR lines in the Odoo log "
                f"(allow-list: {ALLOWLIST.relative_to(ROOT)}):"
            )
            for line in bad_lines:
                print("  " + line)
        for problem in problems:
            print(problem)
        if args.quiet and (bad_lines or failed or problems):
            print(f"full logs: {workdir}")
        ok = not problems and not bad_lines and failed == 0 and passed > 0
        if problems and not failed:
            failed = 1  # odoo itself failed (install error): count it so the line is honest
        print(f"{passed} passed, {failed} failed")
        args.keep = args.keep or not ok
        return 0 if ok else 1
    finally:
        cluster.stop()
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def bench_smoke(cluster, db):
    """The benchmarks of ``make bench`` at a few rows, in the test database: the bench code
    cannot rot unnoticed. Counted as one test. ``BENCH_SMOKE=0`` leaves it out."""
    if os.environ.get("BENCH_SMOKE") == "0":
        return True
    from bench import runner

    try:
        results = runner.run_smoke(cluster, db)
    except runner.BenchError as error:
        print(f"\nbench smoke FAILED: {error}")
        return False
    goals = sorted({row["goal"] for row in results})
    print(f"bench smoke: {len(results)} figures ({', '.join(goals)})")
    return True


def cmd_bench(args):
    """``make bench``: our modules and the peers on the same data (see tests/bench/)."""
    require_odoo()
    from bench import runner

    try:
        return runner.run_full(args)
    except runner.BenchError as error:
        print(error, file=sys.stderr)
        return 1


# Odoo's own suites that must keep passing with the three modules installed (`make compat`).
COMPAT_SUITES = ["sale", "sale_management", "sale_stock", "account_payment", "portal"]
COMPAT_KNOWN = ROOT / "tests" / "compat_known_failures.txt"


def load_known_failures():
    """{test id: reason} from tests/compat_known_failures.txt (``<test id> # <reason>``)."""
    known = {}
    for raw in COMPAT_KNOWN.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        test, _sep, reason = line.partition(" # ")
        if not reason.strip():
            fail(f"{COMPAT_KNOWN}: every entry needs a reason after ' # ': {raw}")
        known[test.strip()] = reason.strip()
    return known


def cmd_compat(args):
    """Install the three modules with the stock apps they extend, running those apps' own tests
    the way Odoo's CI does: at_install tests right after their module is installed, post_install
    tests once every module (ours included) is. Every failure must be listed in
    tests/compat_known_failures.txt with its reason; an unlisted failure fails, and so does a
    listed test that now passes (the list must shrink)."""
    require_odoo()
    suites = args.suites.split(",") if args.suites else COMPAT_SUITES
    known = {
        test: why for test, why in load_known_failures().items() if test.split(".")[0] in suites
    }
    workdir = Path(tempfile.mkdtemp(prefix="credit-compat-"))
    os.chmod(workdir, 0o755)
    cluster = Cluster(workdir / "pgdata")
    logfile = workdir / "odoo.log"
    try:
        cluster.start(preferred_port=args.port)
        tags = ",".join(f"/{suite}" for suite in suites)
        cmd = test_command(cluster, "credit_compat", MODULES + suites, tags, demo=False)
        out = run_odoo(cmd, logfile, args.quiet)
        failed = sorted(set(out["failed_tests"]))
        unexpected = [test for test in failed if test not in known]
        if unexpected and out["passed"]:
            # Browser tours time out on a loaded machine: an unlisted failure is run once more
            # (on the same database) and counts only if it fails again.
            tags = ",".join(
                "/{}:{}.{}".format(test.split(".")[0], *test.split(".")[-2:]) for test in unexpected
            )
            retry = odoo_command(
                cluster,
                *("-d", "credit_compat", "--test-enable", "--stop-after-init", "--workers", "0"),
                *("--http-port", str(free_port()), "--log-level", "info", "--test-tags", tags),
            )
            rerun = run_odoo(retry, workdir / "retry.log", args.quiet)
            # a retry that ran nothing proves nothing
            ran_again = rerun["passed"] + rerun["failed"]
            again = set(rerun["failed_tests"]) if ran_again else set(unexpected)
            for test in unexpected:
                if test not in again:
                    print(f"  passed when run again (flaky): {test}")
            failed = sorted(set(failed) - (set(unexpected) - again))
            unexpected = [test for test in unexpected if test in again]
        now_passing = [test for test in known if test not in failed]
        for test in failed:
            print(f"  known: {test} ({known[test]})" if test in known else f"  NEW: {test}")
        for test in now_passing:
            print(f"  listed but passing, remove it from {COMPAT_KNOWN.name}: {test}")
        ran = out["passed"] + out["failed"]
        # odoo exits non-zero whenever a test fails: only the lists decide
        ok = ran > 0 and not unexpected and not now_passing and (out["returncode"] == 0 or failed)
        print(f"compat: {out['passed']} of {ran} stock tests pass, {len(failed)} known failures")
        if not ok:
            print(f"full log: {logfile}")
            args.keep = True
        # known failures are counted in neither figure
        print(f"{out['passed']} passed, {len(unexpected) + len(now_passing)} failed")
        return 0 if ok else 1
    finally:
        cluster.stop()
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def cmd_reliability(args):
    """The tests that start real servers (tests/reliability, pytest): prefork workers, two
    servers on one database, killed and competing cron runs, install/upgrade/uninstall."""
    require_odoo()
    cmd = [sys.executable, "-m", "pytest", "-p", "no:odoo", "-p", "no:cacheprovider", "-v"]
    cmd += ["-k", args.k] if args.k else []
    cmd.append(str(ROOT / "tests" / "reliability"))
    return subprocess.run(cmd, cwd=ROOT / "tests" / "reliability", check=False).returncode


def merge_po(pot_path, po_path):
    """Bring ``po_path`` in line with the template, keeping every translation it already has."""
    import polib  # an Odoo requirement, only needed here

    pot = polib.pofile(str(pot_path))
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({"Language": "zh_CN", "Plural-Forms": "nplurals=1; plural=0;"})
    for entry in pot:
        previous = known.get((entry.msgctxt, entry.msgid))
        if previous and previous.msgstr:
            entry.msgstr = previous.msgstr
        po.append(entry)
    po.save(str(po_path))
    missing = [e.msgid for e in po if not e.msgstr]
    return len(po), missing


def cmd_pot(args):
    """Export each module's .pot from a fresh install and merge it into its zh_CN.po."""
    require_odoo()
    modules = args.modules.split(",") if args.modules else MODULES
    workdir = Path(tempfile.mkdtemp(prefix="credit-pot-"))
    os.chmod(workdir, 0o755)
    cluster = Cluster(workdir / "pgdata")
    try:
        cluster.start(preferred_port=args.port)
        base = odoo_command(cluster, "-d", "credit_pot", "--stop-after-init", "--workers", "0")
        subprocess.run(
            [*base, "-i", ",".join(modules), "--without-demo=all", "--log-level=warn"], check=True
        )
        untranslated = 0
        for module in modules:
            i18n = ROOT / module / "i18n"
            i18n.mkdir(exist_ok=True)
            pot_path = i18n / f"{module}.pot"
            subprocess.run(
                [*base, f"--i18n-export={pot_path}", f"--modules={module}", "--log-level=warn"],
                check=True,
            )
            total, missing = merge_po(pot_path, i18n / "zh_CN.po")
            untranslated += len(missing)
            print(f"{module}: {total} terms, {len(missing)} without a zh_CN translation")
            for msgid in missing[:50]:
                print("   ", msgid.splitlines()[0][:90])
        return 1 if untranslated and args.strict else 0
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def demo_datadir():
    return Path(os.environ.get("CREDIT_PGDATA", ROOT / ".pgdata"))


DEMO_LOGINS = """
Credit management demo (华东机械有限公司, in Chinese): http://localhost:{port}/web/login
Logins (password = login), the journeys in README.md:
  salesman           陈刚  salesperson: confirms quotations, sees why one is held
  sales_manager      周涛  sales manager
  credit_clerk_li    李强  credit clerk, 商情科 (credit information, contracts)
  credit_user        赵敏  credit analyst, 授信科 (applications, scorecards)
  credit_manager     王丽  credit manager: holds, limits, write-offs; appraises the clerks
  accountant         孙洁  accountant, 商账科: runs the follow-up, letters, cases
  hr_officer         刘芳  HR officer: the year's appraisals
  legal_rep          刘军  legal representative: approves awards and authorizations
  portal_customer    李娜  a customer's buyer on the portal
  admin                    administrator
Stop the server with Ctrl-C and the database cluster with `make stop`.
"""


def cmd_demo(args):
    require_odoo()
    cluster = Cluster(demo_datadir())
    cluster.start(preferred_port=args.port)
    exists = cluster.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DEMO_DB}'") == "1"
    base = odoo_command(
        cluster, "-d", DEMO_DB, "--http-interface", "127.0.0.1", "--http-port", str(args.http_port)
    )
    if exists:
        installed = cluster.psql(
            "SELECT count(*) FROM ir_module_module "
            "WHERE state = 'installed' AND name IN ({})".format(
                ",".join(f"'{m}'" for m in MODULES)
            ),
            db=DEMO_DB,
        )
        # the code may have changed since the database was made: install or update the modules
        step = "-i" if installed != str(len(MODULES)) else "-u"
        subprocess.run([*base, step, ",".join(MODULES), "--stop-after-init"], check=True)
    else:
        print(
            f"Creating database {DEMO_DB}: a Chinese company (l10n_cn, CNY, zh_CN) with the "
            "demo data (takes a few minutes)...",
            flush=True,
        )
        logdir = cluster.datadir.parent
        broken = build_demo_db(
            cluster, DEMO_DB, logdir, quiet=True, allow=load_allowlist(), log_level="info"
        )
        if broken:
            for line in broken["bad_lines"]:
                print("  " + line)
            fail(f"demo database: step {broken['step']} failed, see {logdir}/demo-*.log")
    if args.init_only:
        return 0
    print(DEMO_LOGINS.format(port=args.http_port), flush=True)
    proc = subprocess.Popen(base)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        return proc.wait()


def cmd_stop(_args):
    cluster = Cluster(demo_datadir())
    cluster.stop()
    print("demo database cluster stopped")
    return 0


def cmd_odoo_conf(args):
    """Start the demo cluster, write an odoo.conf for it (for pytest-odoo), print its path."""
    cluster = Cluster(demo_datadir())
    cluster.start(preferred_port=args.port)
    cmd = odoo_command(cluster)
    options = dict(zip(cmd[3::2], cmd[4::2], strict=False))
    conf = cluster.datadir / "odoo.conf"
    conf.write_text(
        "[options]\n"
        + "".join(
            f"{key.lstrip('-').replace('-', '_')} = {value}\n" for key, value in options.items()
        )
        + f"db_name = {DEMO_DB}\n"
    )
    print(conf)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    test = sub.add_parser(
        "test", help="install the modules in a throwaway database and run their tests"
    )
    test.add_argument("--modules", default=os.environ.get("MODULES", ""))
    test.add_argument("--test-tags", default=os.environ.get("TEST_TAGS", ""))
    test.add_argument(
        "--without-demo",
        dest="demo",
        action="store_false",
        default=os.environ.get("WITHOUT_DEMO") != "1",
        help="skip demo data (faster; the default installs it so that demo data is tested too)",
    )
    test.add_argument(
        "--setup",
        choices=("cn", "bare"),
        default=os.environ.get("SETUP") or None,
        help="one database: the Chinese demo (cn) or the modules alone (bare)",
    )
    test.add_argument("--keep", action="store_true", help="keep the temporary cluster folder")
    test.add_argument("--quiet", action="store_true", default=os.environ.get("QUIET") == "1")
    test.add_argument("--port", type=int, default=None, help="PostgreSQL port (default: random)")
    test.set_defaults(func=cmd_test)
    demo = sub.add_parser("demo", help="serve the demo database on http://localhost:8069")
    demo.add_argument("--port", type=int, default=5432)
    demo.add_argument("--http-port", type=int, default=8069)
    demo.add_argument("--init-only", action="store_true")
    demo.set_defaults(func=cmd_demo)
    bench = sub.add_parser("bench", help="our modules and the peers on the same data (issue 10)")
    bench.add_argument(
        "--size", choices=("full", "smoke"), default=os.environ.get("BENCH_SIZE", "full")
    )
    bench.add_argument("--repeats", type=int, default=None, help="runs per median (default 5)")
    bench.add_argument("--scratch", default=None, help="scratch folder (default: a new temp one)")
    bench.add_argument("--keep", action="store_true", help="keep the scratch folder")
    bench.add_argument("--skip-followup", action="store_true", help="leave out P3")
    bench.add_argument("--port", type=int, default=None)
    bench.set_defaults(func=cmd_bench)
    pot = sub.add_parser("pot", help="export .pot files and merge them into zh_CN.po")
    pot.add_argument("--modules", default=os.environ.get("MODULES", ""))
    pot.add_argument("--strict", action="store_true", help="fail when a term has no translation")
    pot.add_argument("--port", type=int, default=None)
    pot.set_defaults(func=cmd_pot)
    compat = sub.add_parser(
        "compat", help="run Odoo's own sale/portal/payment suites with the modules installed"
    )
    compat.add_argument("--suites", default=os.environ.get("SUITES", ""))
    compat.add_argument("--quiet", action="store_true", default=os.environ.get("QUIET") == "1")
    compat.add_argument("--keep", action="store_true")
    compat.add_argument("--port", type=int, default=None)
    compat.set_defaults(func=cmd_compat)
    reliability = sub.add_parser("reliability", help="tests that start real Odoo servers")
    reliability.add_argument("-k", default=os.environ.get("K", ""), help="pytest -k filter")
    reliability.set_defaults(func=cmd_reliability)
    oca = sub.add_parser("oca-addons", help="download and unpack the OCA risk addons")
    oca.set_defaults(func=cmd_oca_addons)
    stop = sub.add_parser("stop", help="stop the demo database cluster")
    stop.set_defaults(func=cmd_stop)
    conf = sub.add_parser(
        "odoo-conf", help="write an odoo.conf for the demo database (pytest-odoo)"
    )
    conf.add_argument("--port", type=int, default=5432)
    conf.set_defaults(func=cmd_odoo_conf)
    args = parser.parse_args()
    sys.exit(args.func(args))


if __name__ == "__main__":
    main()
