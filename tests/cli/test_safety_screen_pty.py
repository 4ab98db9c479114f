"""`sicoach screen` in a real terminal (pty): prompts, a bad answer, a yes, what to do."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect


def test_screen_in_a_real_terminal(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "sicoach"
    env = {**os.environ, "SICOACH_FAKE_NOW": "2026-11-20T08:00:00", "COLUMNS": "100"}
    child = pexpect.spawn(
        str(exe),
        ["--db", str(tmp_path / "j.sqlite3"), "screen"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )
    child.expect_exact("[y/n]")
    child.sendline("n")
    child.expect_exact("[y/n]")
    child.sendline("perhaps")
    child.expect_exact("Please answer y for yes or n for no.")
    child.expect_exact("[y/n]")
    child.sendline("y")
    child.expect("EMERGENCY")
    child.expect("Call your local emergency number now")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
