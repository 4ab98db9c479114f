"""`sicoach report` in a real terminal (pty): a progress bar while it renders, then the path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from sicoach.services.context import Context
from tests.journals import fortnight, store


def test_report_shows_a_progress_bar_in_a_terminal(
    context: Context, db_path: Path, tmp_path: Path
) -> None:
    store(context, fortnight())
    out = tmp_path / "report.pdf"
    env = {
        **os.environ,
        "SICOACH_FAKE_NOW": "2026-11-15T20:00:00",
        "COLUMNS": "100",
        "TERM": "xterm",
    }
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sicoach", "--db", str(db_path), "report", "--out", str(out)],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(30, 100),
    )
    child.expect("Report written to")
    before = child.before
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # The bar's step descriptions were drawn while it worked (then cleared).
    assert "Printing the PDF" in before
    assert "━" in before
    assert out.read_bytes().startswith(b"%PDF")
