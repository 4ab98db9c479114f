"""Driving `sicoach session` in a real terminal (a pty through pexpect), for the pty tests.

The tests wait on what the player shows, never on time. To act inside a given exercise they
pause it first: the space is typed together with the answer before it ("3\\n "), so the
player reads it as the first key of the next exercise, and the test waits for "PAUSED".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect

SICOACH = Path(sys.executable).parent / "sicoach"
NOW = "2026-11-20T08:00:00"
ENV = {**os.environ, "SICOACH_FAKE_NOW": NOW, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}

SCREEN = r"\[y/n\]"
PAIN_NOW = r"have right now\? \(0-10\)"
RATING = r"\(0-10, Enter to skip\)"
PAUSED = "PAUSED: press space"
SAVED = "Everything you did so far is saved"


def spawn(db: Path, *args: str) -> pexpect.spawn:
    return pexpect.spawn(
        str(SICOACH),
        ["--db", str(db), *args],
        env=ENV,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=30,
    )


def answer_screen(child: pexpect.spawn) -> None:
    """Say no to every warning sign, up to the question about the pain now."""
    while child.expect([SCREEN, PAIN_NOW]) == 0:
        child.sendline("n")


def answer_screen_and_pain(child: pexpect.spawn, pain: int, *, pause: bool = False) -> None:
    """Say no to every warning sign, then give the pain now (and pause the first exercise)."""
    answer_screen(child)
    child.send(f"{pain}\n " if pause else f"{pain}\n")
    if pause:
        wait_paused(child, 1)


def wait_paused(child: pexpect.spawn, number: int) -> None:
    """Wait until exercise `number` is on screen, paused."""
    child.expect(rf"Exercise {number} of \d+:")
    child.expect(PAUSED)


def play_until_paused_in(child: pexpect.spawn, number: int) -> None:
    """Play on from exercise 1, skipping the ratings, and pause at the start of exercise
    `number` (2 or more): the space goes with the Enter that answers the rating before it."""
    for reached in range(2, number + 1):
        child.expect(RATING)
        child.send("\n ")
        wait_paused(child, reached)
        if reached < number:
            child.send(" ")  # go on


def end(child: pexpect.spawn) -> int | None:
    """Wait for the player to exit; its exit status (None if killed by a signal)."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def export(db: Path) -> dict[str, Any]:
    done = subprocess.run(
        [str(SICOACH), "--db", str(db), "export"],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data
