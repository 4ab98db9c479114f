"""Command help reads as whole paragraphs.

Typer's rich help keeps single line breaks of a docstring, so a docstring wrapped at the
source width showed up in `--help` as ragged lines cut mid-sentence ("...and" / "how much").
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import typer.main

from sicoach.cli.app import app


def _commands() -> list[tuple[str, Any]]:
    """Every command and sub-command, by the name typed after `sicoach`."""
    root: Any = typer.main.get_command(app)
    ctx: Any = typer.Context(root)
    found: list[tuple[str, Any]] = []
    for name in root.list_commands(ctx):
        command = root.get_command(ctx, name)
        assert command is not None
        found.append((name, command))
        if hasattr(command, "list_commands"):
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                assert child is not None
                found.append((f"{name} {sub}", child))
    return found


def test_every_command_has_help_without_line_breaks_inside_a_paragraph() -> None:
    commands = _commands()
    assert {"safety", "screen", "today", "session", "plan show"} <= {n for n, _ in commands}
    for name, command in commands:
        text = inspect.cleandoc(command.help or "")
        assert text, f"{name} has no help"
        broken = [p for p in text.split("\n\n") if "\n" in p]
        assert not broken, f"{name}: paragraph split across lines: {broken[0][:60]!r}"


OUR_FILES = re.compile(r"\b[a-z_][\w/-]*\.(?:py|toml|md|j2|html)\b|clinical-notes")
"""Our own files are lowercase; a placeholder for the person's own file (FILE.html) is fine."""


def test_no_command_help_names_a_file_of_ours() -> None:
    """Help speaks of the journal, the content, the guide, never of `poses.toml` or `plan.py`."""
    for name, command in _commands():
        texts = [command.help or "", *(getattr(p, "help", "") or "" for p in command.params)]
        found = [m for t in texts for m in OUR_FILES.findall(t)]
        assert found == [], f"{name}: {found}"
