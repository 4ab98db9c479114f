"""Fixtures shared by every test layer: a temporary SQLite file, a fixed clock, the CLI.

In CI (CI=true or SICOACH_REQUIRE_ALL_TESTS=1) a skipped test counts as a failure: tests
that need Chromium or PostgreSQL must really run there. Anywhere, a skip must say why (the
summary, `-ra`, prints the reason), so a skip with an empty reason fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url

REQUIRE_ALL = os.environ.get("CI") == "true" or os.environ.get("SICOACH_REQUIRE_ALL_TESTS") == "1"


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    """Keep `--dist loadgroup` grouping under pytest 9.

    pytest-xdist 3.8 puts a test of an `xdist_group` in its group by writing `id@group` to
    the item's `_nodeid`, which pytest 9 no longer reads (a node's id is now `_id`): every
    test was then a group of its own, so a module's tests went to both workers and each
    built the module's costly fixtures (the clinic's server and accounts) again.
    """
    yield
    for item in items:
        grouped = item.__dict__.get("_nodeid")
        if isinstance(grouped, str) and grouped != item.nodeid:
            from _pytest.nodeid import coerce_node_id

            item._id = coerce_node_id(grouped)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    if REQUIRE_ALL:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which is not allowed: {report.longrepr}"
    elif not _skip_reason(report.longrepr):
        report.outcome = "failed"
        report.longrepr = "skipped without saying why: give pytest.skip() a reason"


def _skip_reason(longrepr: object) -> str:
    """The reason of a skip report ((path, line, 'Skipped: why')); pytest's fillers are none."""
    text = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
    text = text.removeprefix("Skipped").removeprefix(":").strip()
    return "" if text == "unconditional skip" else text


@pytest.fixture(autouse=True)
def no_kept_sqlite_connections() -> Iterator[None]:
    """`sicoach serve` run in the test process (to see it refuse) turns on kept SQLite
    connections for the process; every test starts, and leaves, without them."""
    from sicoach.store.engine import keep_sqlite_connections_open

    keep_sqlite_connections_open(0)
    yield
    keep_sqlite_connections_open(0)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 20, 8, 0))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def context(db_path: Path, clock: FixedClock) -> Context:
    """Services' context on a real, empty SQLite file and a fixed clock."""
    return Context(settings=Settings(sqlite_url(db_path), db_path.parent), clock=clock)


class CliResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> object:
        import json

        return json.loads(self.stdout)


@pytest.fixture
def sicoach(db_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `sicoach --db <tmp file> ARGS` in-process, the clock pinned by SICOACH_FAKE_NOW.

    The Rich consoles are built at import time, before the runner's COLUMNS applies, so
    their width is pinned here: tables then wrap the same way in every worker.
    """
    from typer.testing import CliRunner

    from sicoach.cli import _common
    from sicoach.cli.app import app

    monkeypatch.setattr(_common.console, "width", 120)
    monkeypatch.setattr(_common.err_console, "width", 120)

    runner = CliRunner()

    def run(*args: str, now: str = "2026-11-20T08:00:00", input: str | None = None) -> CliResult:
        result = runner.invoke(
            app,
            ["--db", str(db_path), *args],
            env={"SICOACH_FAKE_NOW": now, "COLUMNS": "120", "NO_COLOR": "1"},
            input=input,
        )
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
