"""The `sicoach` console script's first step, on the standard library alone.

`sicoach --help` prints the help kept beside this module (`top_help.txt`: the very text the
Typer app renders at full width, which a test keeps equal and `python -m
sicoach.cli.top_help` rewrites), so the first thing a person types answers without loading
Typer, which alone took about 200 ms of CPU. Every other command, and the help on a terminal
narrower than click's full width, goes to the Typer app (`sicoach.cli.app`).
"""

from __future__ import annotations

import os
import sys

HELP_FILE = os.path.join(os.path.dirname(__file__), "top_help.txt")
"""(os.path, not pathlib: pathlib and the regular expressions it loads took 40 ms.)"""
FULL_WIDTH = 80
"""click wraps help at min(columns, 80) - 2, so every terminal this wide reads the same text."""


def _columns() -> int:
    """The terminal's width as click reads it (`shutil.get_terminal_size`, without shutil)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return FULL_WIDTH


def _kept_help() -> str:
    if sys.argv[1:] not in (["--help"], ["-h"]) or _columns() < FULL_WIDTH:
        return ""
    try:
        with open(HELP_FILE, encoding="utf-8") as kept:
            return kept.read()
    except OSError:
        return ""


def main() -> None:
    """`sicoach`: the kept help when that is all that was asked, else the Typer app."""
    text = _kept_help()
    if text:
        sys.stdout.write(text)
        return
    from sicoach.cli.app import main as run_app

    run_app()
