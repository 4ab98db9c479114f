"""The services' public surface for the faces: what a face needs, without reaching past them.

The faces (`cli`, `web`) import only `services` and `interchange` (an import-linter contract
in `make lint`); these tests pin that the surface they use answers as the layers below do.
"""

from __future__ import annotations

import pytest

from sicoach.services import checks, data_care, figures, journal, player
from sicoach.services.context import Context
from sicoach.services.errors import JournalError, StoreBusy, StoreError


def test_field_checks_speak_the_journals_words() -> None:
    assert checks.check_rating(7, "pain") == 7
    with pytest.raises(JournalError, match=r"^pain: 11 is above the maximum of 10$"):
        checks.check_rating(11, "pain")
    with pytest.raises(JournalError, match=r"^--date: "):
        checks.check_date("2026-13-01", "--date")
    assert checks.MAX_DIGITS >= 10


def test_storage_errors_are_caught_as_services_errors() -> None:
    assert issubclass(StoreBusy, StoreError)


def test_a_journal_on_a_writable_file_is_not_read_only(context: Context) -> None:
    journal.load_journal(context)  # opens (and creates) the file
    assert data_care.is_read_only(context) is False


def test_the_players_hurt_rule_comes_from_the_services() -> None:
    assert player.after_hurt(player.END_SESSION_FROM) is player.AfterHurt.END_SESSION
    assert player.after_hurt(player.END_SESSION_FROM - 1) is player.AfterHurt.SKIP_EXERCISE
    assert player.side_label("any_exercise", "left") == "left side"


def test_figures_name_the_field_that_did_not_match() -> None:
    with pytest.raises(figures.UnknownFigure) as caught:
        figures.figure_svg("no_such_exercise")
    assert caught.value.field


def test_cached_reads_are_dropped_when_the_journal_changes(context: Context) -> None:
    from sicoach.services import cached_reads
    from sicoach.services.commands import ChangeProfile, LogCheckIn
    from sicoach.services.handlers import execute

    assert not cached_reads.has_profile(context)
    # No write yet, so no version that would tell a change: never kept.
    assert cached_reads.load_journal(context) is not cached_reads.load_journal(context)
    execute(context, LogCheckIn(pain=3))
    first = cached_reads.load_journal(context)
    assert first.checkins[-1].pain == 3
    assert cached_reads.load_journal(context) is first  # kept between reads
    profile = journal.get_profile(context)
    execute(context, ChangeProfile.replacing(profile.with_changes(birth_year=1980)))
    assert cached_reads.load_journal(context).profile.birth_year == 1980  # type: ignore[union-attr]
    view = cached_reads.today_view(context)
    assert view.plan is cached_reads.plan_today(context)
    assert cached_reads.current_assessment(context) is view.plan.safety
