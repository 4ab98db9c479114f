"""Second read of the red-flag screen: a "yes" is never lost, and the fall question fits
the person (docs/clinical-notes.md §1)."""

from __future__ import annotations

import pytest

from sicoach.services.context import Context
from sicoach.services.journal import update_profile
from sicoach.services.safety import screen_questions


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_yes_before_the_questions_were_cut_short_is_saved_and_acted_on(
    sicoach, context: Context
) -> None:  # type: ignore[no-untyped-def]
    # 6 emergency questions no, fever yes, then the input ends (Ctrl-D) mid-screen
    result = sicoach("screen", input="n\n" * 6 + "y\n")
    assert result.exit_code == 2
    assert "URGENT" in result.stdout
    assert "see a doctor today" in words(result.stdout)
    assert "yes" in result.stderr
    with context.uow() as uow:
        saved = uow.journal.load().checkin_on(context.clock.today())
    assert saved is not None and saved.symptoms == ("fever",)
    assert sicoach("safety", "--json").json()["level"] == "urgent"


@pytest.mark.parametrize(("birth_year", "small"), [(1961, True), (1962, False)])
def test_older_people_are_asked_about_small_falls(
    context: Context, birth_year: int, small: bool
) -> None:
    """Clinical notes §1 (Northern Trust): a minor fall matters in older people; we take 65
    and over (age on the day of the screen, 2026 - 1961 = 65) as our default."""
    update_profile(context, birth_year=birth_year)
    q = next(q for q in screen_questions(context) if q.code == "recent_trauma")
    assert ("even a small one" in q.question) is small


def test_a_later_checkin_the_same_day_keeps_the_screens_red_flag(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("screen", input="y\n").exit_code == 0  # yes to saddle numbness
    assert sicoach("checkin", "--pain", "4").exit_code == 0
    assert sicoach("safety", "--json").json()["level"] == "emergency"
