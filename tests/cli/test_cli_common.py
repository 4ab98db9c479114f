"""The shared failure path of every command: one plain line, exit status 2, shown as typed."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("plan", "leave-out", "[/x]"), "exercise: '[/x]' is not an exercise"),
        (("today", "--date", "[/x]"), '--date: "[/x]" is not a date'),
        (("safety", "--date", "[bold]1"), '--date: "[bold]1" is not a date'),
        (("checkin", "--pain", "[/x]"), "--pain: '[/x]' is not a whole number"),
        (("progress", "--date", "[red]"), '--date: "[red]" is not a date'),
    ],
)
def test_text_that_looks_like_markup_is_shown_as_typed(
    sicoach: Any, args: tuple[str, ...], expected: str
) -> None:
    result = sicoach(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {expected}")
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["today", "safety", "progress"])
def test_date_options_take_only_yyyy_mm_dd(sicoach: Any, command: str) -> None:
    result = sicoach(command, "--date", "20261102")
    assert result.exit_code == 2
    assert '--date: "20261102" is not a date; use YYYY-MM-DD' in result.stderr


@pytest.mark.parametrize("command", ["safety", "screen", "checkin", "activity"])
def test_a_day_after_today_is_refused_the_same_way(sicoach: Any, command: str) -> None:
    extra = {"checkin": ("--pain", "3"), "activity": ("walking", "20")}.get(command, ())
    result = sicoach(command, *extra, "--date", "2026-11-21")
    assert result.exit_code == 2
    assert "--date: 2026-11-21 is in the future (today is 2026-11-20)" in result.stderr


@pytest.mark.parametrize("typed", ["1_0", "+5", "٥", "5.0", " 7 ", "7 "])
def test_number_options_take_plain_digits_only(sicoach: Any, typed: str) -> None:
    checkin = sicoach("checkin", "--pain", typed)
    assert checkin.exit_code == 2
    assert checkin.stderr.startswith(f"Error: --pain: {typed!r} is not a whole number")
    rate = sicoach("rate", "sitting", typed)
    assert rate.exit_code == 2
    assert f"SCORE: {typed!r} is not a whole number from 0 to 10" in rate.stderr
    assert sicoach("history").stdout.count("/10") == 0  # nothing was saved


def test_a_bad_number_in_the_environment_is_one_line_naming_it(
    sicoach: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SICOACH_POOL_SIZE", "many")
    result = sicoach("today")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: SICOACH_POOL_SIZE: 'many' is not a whole number")
