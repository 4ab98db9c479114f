"""The everyday reads that stopped reading the whole journal give the whole journal's
answer (hypothesis, on the random journals of `test_journal_window`): the safety screen's
questions from the profile alone, and the signs a review settles and the note signs still
counted from the safety window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings

from sicoach.domain.journal import CheckIn, Journal
from sicoach.domain.journal_window import safety_window
from sicoach.services.notes import counted_note_signs
from sicoach.services.reviews import _settles
from sicoach.services.safety import _questions_for
from tests.unit.test_journal_window import _day, journals, offsets


def _with_note_signs(journal: Journal) -> Journal:
    """Some check-ins' signs marked as read from their note (a note sign is a symptom too)."""
    return replace(
        journal,
        checkins=tuple(
            replace(c, note_symptoms=c.symptoms[:1]) if c.date.day % 2 else c
            for c in journal.checkins
        ),
    )


@settings(max_examples=150, deadline=None)
@given(journals, offsets)
def test_the_screen_s_questions_need_the_profile_alone(journal: Journal, on_offset: int) -> None:
    on = _day(on_offset)
    assert _questions_for(Journal(journal.profile), on) == _questions_for(journal, on)


@settings(max_examples=150, deadline=None)
@given(journals.map(_with_note_signs), offsets)
def test_a_review_s_settled_signs_and_the_note_signs_come_from_the_window(
    journal: Journal, on_offset: int
) -> None:
    on = _day(on_offset)
    window = safety_window(journal, on)
    assert _settles(window, on) == _settles(journal, on)
    assert counted_note_signs(window.checkins, on) == counted_note_signs(journal.checkins, on)


def test_the_note_signs_are_the_latest_check_in_s_and_the_last_week_s() -> None:
    checkins = (
        CheckIn(date(2026, 1, 1), symptoms=("fever",), note_symptoms=("fever",)),
        CheckIn(date(2026, 3, 1), symptoms=("night_pain",), note_symptoms=("night_pain",)),
        CheckIn(date(2026, 3, 5), symptoms=("fever",), note_symptoms=("fever",)),
    )
    assert counted_note_signs(checkins, date(2026, 3, 6)) == (
        (date(2026, 3, 5), "fever"),
        (date(2026, 3, 1), "night_pain"),
    )
    assert counted_note_signs(checkins, date(2026, 2, 20)) == ((date(2026, 1, 1), "fever"),)
