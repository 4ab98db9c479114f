"""Integration fixtures: a real SQLite file and a real PostgreSQL server, per test.

The PostgreSQL server is started once per test session (per xdist worker) from the
binaries on the image: a temporary folder owned by `postgres` (initdb refuses root),
`initdb`, `pg_ctl start` on a free port bound to 127.0.0.1, and `pg_ctl stop -m fast` at
the end. Each test gets its own new database. `store_url` runs a test on both backends.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url
from tests.conftest import CliResult


def _find_pg_bin() -> Path:
    """SICOACH_PG_BIN, else the newest /usr/lib/postgresql/N/bin, else initdb on PATH."""
    if os.environ.get("SICOACH_PG_BIN"):
        return Path(os.environ["SICOACH_PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _find_pg_bin()


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*args: str) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return list(args)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL 15 server for this test session."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}")
    base = Path(tempfile.mkdtemp(prefix="sicoach-pg-"))
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
    data = base / "data"
    port = _free_port()
    subprocess.run(
        _as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "sicoach"),
        check=True,
        capture_output=True,
    )
    options = (
        f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off"
    )
    subprocess.run(
        _as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(base / "log"),
            "-w",
            "start",
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield PostgresServer("127.0.0.1", port, "sicoach")
    finally:
        from sicoach.store.engine import dispose_engines

        dispose_engines()
        subprocess.run(
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a real SQLite file, then a real PostgreSQL database."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "journal.sqlite3")
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        yield server.url(server.create_database())
    from sicoach.store.engine import dispose_engines

    dispose_engines()


@pytest.fixture
def store_context(store_url: str, tmp_path: Path) -> Context:
    """Services' context on the parametrized database with a fixed clock."""
    clock = FixedClock(datetime(2026, 11, 20, 8, 0))
    return Context(settings=Settings(store_url, tmp_path), clock=clock)


@pytest.fixture
def store_cli(store_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run `sicoach ARGS` in-process against the parametrized database."""
    from typer.testing import CliRunner

    from sicoach.cli.app import app

    runner = CliRunner()
    env = {
        "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
        "COLUMNS": "120",
        "NO_COLOR": "1",
        "SICOACH_DATA_DIR": str(tmp_path / "data"),
        "SICOACH_DB": "",
        "SICOACH_DATABASE_URL": store_url,
    }

    def run(*args: str, input: str | None = None) -> CliResult:
        result = runner.invoke(app, list(args), env=env, input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
