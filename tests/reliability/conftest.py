"""Fixtures of the reliability tests: one throwaway PostgreSQL cluster for the session, the
three modules installed once in ``credit_rel`` (without demo data), servers started per test."""

import shutil
import tempfile
from pathlib import Path

import pytest
from servers import Server, harness, run

DB = "credit_rel"


@pytest.fixture(scope="session")
def workdir(request):
    """Cluster, logs and filestore; kept (and named) when a test failed."""
    path = Path(tempfile.mkdtemp(prefix="credit-reliability-"))
    path.chmod(0o755)
    yield path
    if request.session.testsfailed:
        print(f"\nlogs kept in {path}")
    else:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster(workdir):
    cluster = harness.Cluster(workdir / "pgdata")
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def credit_db(cluster, workdir):
    """A database with the three modules installed, without demo data."""
    bad = run(
        cluster,
        workdir / "install.log",
        "-d",
        DB,
        "-i",
        ",".join(harness.MODULES),
        "--without-demo=all",
    )
    assert not bad, bad
    return DB


@pytest.fixture
def servers(cluster, workdir, request):
    """Start servers on demand: ``servers(db, workers=4, cron_threads=0)``; all are stopped
    (gracefully) at the end of the test."""
    started = []

    def start(db, **kwargs):
        name = f"{request.node.name}-{len(started)}.log"
        server = Server(cluster, db, workdir / name, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
