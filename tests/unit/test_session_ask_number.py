"""The player's 0-10 question keeps asking until the answer is a rating it can store."""

from __future__ import annotations

import io

from rich.console import Console

from sicoach.cli.player_terminal import ask_number
from sicoach.cli.terminal_input import LineTerminal


def _ask(lines: str, required: bool = True) -> tuple[int | None, str]:
    out = io.StringIO()
    term = LineTerminal(Console(file=out, width=200), stdin=io.StringIO(lines))
    return ask_number(term, "Pain?", required=required), out.getvalue()


def test_answers_outside_0_to_10_are_asked_again() -> None:
    value, shown = _ask("11\n-1\n3.5\nseven\n7\n")
    assert value == 7
    for bad in ("'11'", "'-1'", "'3.5'", "'seven'"):
        assert f"{bad} is not a rating" in shown


def test_a_superscript_digit_is_asked_again_instead_of_crashing() -> None:
    value, shown = _ask("²\n0\n")
    assert value == 0
    assert "'²' is not a rating" in shown


def test_enter_skips_only_when_not_required() -> None:
    assert _ask("\n", required=False)[0] is None
    assert _ask("\n10\n")[0] == 10
