"""kill -9 at random moments of an import, CLI writes and a server saving a session: the
file stays sound (PRAGMA integrity_check) and nothing acknowledged is lost (tests/crash_trials).

20 kills in all (8 imports, 10 CLI writes, 2 servers), seeded so a failure can be replayed;
bench/crash.py runs 100.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.crash_trials import cli_trials, import_trial, server_trial

pytestmark = pytest.mark.slow


def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path: Path) -> None:
    rnd = random.Random(14)
    trials = []
    for number in range(8):
        folder = tmp_path / f"trial{number}"
        folder.mkdir()
        trials.append(import_trial(folder, rnd))
    assert [t for t in trials if not t.ok] == []


def test_cli_writes_killed_at_any_moment_keep_every_acknowledged_one(tmp_path: Path) -> None:
    trials = cli_trials(tmp_path, random.Random(14), 10)
    assert [t for t in trials if not t.ok] == []


def test_a_server_killed_while_saving_a_session_keeps_every_answered_save(tmp_path: Path) -> None:
    rnd = random.Random(14)
    trials = []
    for number in range(2):
        folder = tmp_path / f"trial{number}"
        folder.mkdir()
        trials.append(server_trial(folder, rnd))
    assert [t for t in trials if not t.ok] == []
