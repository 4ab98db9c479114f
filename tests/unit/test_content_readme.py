"""The README a newcomer reads: its two set-up commands, its sections, and real commands.

Every `sicoach ...` line in the README's code blocks must name a command (or subcommand)
that exists and only options that command has, so the README cannot drift from the CLI.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer._click import Command, Context

from sicoach.cli.app import app

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.S)
ROOT = typer.main.get_command(app)


def _sicoach_calls() -> list[str]:
    calls = []
    for block in BLOCKS:
        for line in block.splitlines():
            text = line.split("#", 1)[0]
            calls.extend(m.strip() for m in re.findall(r"sicoach\b[^#]*?(?=\s{3,}sicoach|$)", text))
    return [c for c in calls if c]


def _resolve(words: list[str]) -> tuple[Command, list[str]]:
    """The deepest command the words name, and the words left after it."""
    command: Command = ROOT
    ctx = Context(ROOT)
    rest = list(words)
    while hasattr(command, "get_command") and rest and not rest[0].startswith("-"):
        sub = command.get_command(ctx, rest[0])
        if sub is None:
            break
        command, rest = sub, rest[1:]
    return command, rest


def _options(command: Command) -> set[str]:
    names = {"--help", "-h"}
    for param in command.params:
        names.update(param.opts)
        names.update(getattr(param, "secondary_opts", []))
    return names


def test_the_readme_gives_the_two_set_up_commands_and_the_sections() -> None:
    assert "make run" in README and "make test" in README
    for heading in (
        "## Two commands",
        "## What `make run` shows",
        "## Where your data is kept",
        "### Using PostgreSQL instead",
    ):
        assert heading in README
    assert "not medical advice" in README
    assert "SICOACH_DATABASE_URL=postgresql+psycopg://" in README


def test_the_readme_lists_many_commands() -> None:
    assert len(_sicoach_calls()) >= 20


@pytest.mark.parametrize("call", _sicoach_calls())
def test_each_command_in_the_readme_is_real(call: str) -> None:
    words = call.replace("[", " ").replace("]", " ").split()[1:]
    root_options = _options(ROOT)
    while words and words[0] in root_options:  # sicoach [--db PATH] COMMAND
        words = words[2:] if words[0] == "--db" else words[1:]
    if not words or words[0] in {"COMMAND", "..."}:
        return
    command, rest = _resolve(words)
    assert command is not ROOT, f"{call!r}: no command {words[0]!r}"
    known = _options(command)
    for word in rest:
        for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", word):
            assert option in known, f"{call!r}: {command.name} has no option {option}"
