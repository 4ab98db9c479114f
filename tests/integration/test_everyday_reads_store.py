"""The everyday pages and writes that read a bounded window give the whole journal's
answer, on SQLite and PostgreSQL: the safety screen's questions, a note's reading and the
note signs still counted, a review's settled signs and its triage, the last two weeks the
check-in and activity forms show, the history's pages and the JSON lists' ranges."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.domain.safety import evaluate
from sicoach.services import (
    cached_reads,
    data_care,
    journal,
    journal_pages,
    notes,
    profile_reads,
    reviews,
    safety,
    views,
)
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from tests.journals import store

TODAY = date(2026, 11, 20)  # the store context's clock
SIGNS = ("pain_worse_sitting", "night_pain", "leg_tingling", "saddle_numbness", "fever")


def _fourteen_months(seed: int = 5) -> Journal:
    """Check-ins most days up to today with signs now and then (some read from the note),
    a gap of two months, sessions and walks."""
    rng = random.Random(seed)
    first = TODAY - timedelta(days=430)
    gap = range(200, 260)
    days = [first + timedelta(days=d) for d in range(431) if d not in gap and rng.random() < 0.85]

    def checkin(day: date) -> CheckIn:
        signs = (rng.choice(SIGNS),) if rng.random() < 0.06 else ()
        noted = signs if signs and rng.random() < 0.5 else ()
        return CheckIn(
            day, pain=rng.choice([None, *range(11)]), symptoms=signs, note_symptoms=noted
        )

    sessions = tuple(
        Session(
            datetime.combine(day, datetime.min.time()).replace(hour=7),
            pain_before=rng.choice([None, 3, 5]),
            pain_after=rng.choice([None, 2, 6]),
            exercises=(ExerciseResult("bridge", reps=5, hurt=rng.random() < 0.2, pain=3),),
        )
        for day in days
        if rng.random() < 0.5
    )
    walks = tuple(Activity(day, "walking", 20) for day in days if rng.random() < 0.4)
    profile = Profile(started_on=first, birth_year=1958, history=("osteoporosis",))
    return Journal(profile, tuple(checkin(d) for d in days), sessions, walks)


DAYS = tuple(TODAY - timedelta(days=d) for d in (0, 3, 20, 190, 230, 265, 430, 500))


def test_screen_notes_and_reviews_answer_as_the_whole_journal(store_context: Context) -> None:
    store(store_context, _fourteen_months())
    whole = journal.load_journal(store_context)
    assert any(c.note_symptoms for c in whole.checkins)
    for on in DAYS:
        assert safety.screen_questions(store_context, on) == safety._questions_for(whole, on)
        counted = notes.counted_note_signs(whole.checkins, on)
        assert [(s.day, s.code) for s in notes.recent_note_signs(store_context, on)] == list(
            counted
        )
        assert notes.note_reading(store_context, on).assessment == evaluate(whole, on), on
    visit = TODAY - timedelta(days=100)
    expected = reviews._settles(whole, visit)
    assert expected  # the journal holds warning signs before the visit
    after = reviews.record_review(store_context, visit, "carry_on", emergency_checked=True)
    stored = reviews.review_history(store_context)[-1]
    assert stored.settles == expected
    assert after == evaluate(journal.load_journal(store_context), TODAY)


def test_forms_history_and_lists_read_the_whole_journal_s_days(store_context: Context) -> None:
    store(store_context, _fourteen_months(seed=8))
    whole = journal.load_journal(store_context)
    recent = cached_reads.recent_journal(store_context)
    since = TODAY - timedelta(days=cached_reads.RECENT_DAYS - 1)
    assert recent.profile == whole.profile == profile_reads.profile(store_context)
    assert recent.checkin_on(TODAY) == whole.checkin_on(TODAY)
    assert recent.activities == tuple(a for a in whole.activities if a.date >= since)

    counted = data_care.everything(store_context)  # what "forget" lists: counted, not read
    assert (counted.checkins, counted.sessions, counted.activities, counted.function) == (
        len(whole.checkins),
        len(whole.sessions),
        len(whole.activities),
        len(whole.function),
    )
    assert counted.profile
    for days in (1, 14, 90):  # `sicoach history --days N`
        assert views.day_rows(store_context, days) == views.day_rows(store_context, days, whole)

    pages, upto = [], None
    while True:  # every page back to the first record: each record on exactly one page
        page = journal_pages.history_page(store_context, upto)
        pages.append(page)
        if page.older is None:
            break
        assert page.older < page.first
        upto = page.older
    shown = [c for p in pages for c in p.checkins]
    assert shown == list(reversed(whole.checkins))
    assert [a for p in pages for a in p.activities] == list(reversed(whole.activities))
    assert sum(len(p.sessions) for p in pages) == len(whole.sessions)
    assert len(pages) < 20  # the two empty months are skipped, not paged through
    assert pages[0].newer is None and pages[1].newer == min(TODAY, pages[1].last + timedelta(28))

    for first, last in ((None, None), (TODAY - timedelta(days=300), TODAY - timedelta(days=5))):
        start, end = journal_pages.list_range(store_context, first, last)
        listed = journal_pages.records_between(store_context, start, end)
        cut = whole.up_to(end)
        assert listed.checkins == tuple(c for c in cut.checkins if c.date >= start)
        assert listed.activities == tuple(a for a in cut.activities if a.date >= start)
    assert journal_pages.list_range(store_context, None, None) == (
        TODAY - timedelta(days=83),
        TODAY,
    )
    with pytest.raises(InputError) as too_long:
        journal_pages.list_range(store_context, TODAY - timedelta(days=366), None)
    assert too_long.value.field == "from"
    with pytest.raises(InputError) as backwards:
        journal_pages.list_range(store_context, TODAY, TODAY - timedelta(days=1))
    assert backwards.value.field == "from"


def test_a_page_of_a_journal_with_nothing_before_it_has_no_older_link(
    store_context: Context,
) -> None:
    profile = Profile(started_on=TODAY - timedelta(days=3))
    store(store_context, Journal(profile, (CheckIn(TODAY, pain=2),)))
    page = journal_pages.history_page(store_context)
    assert (page.older, page.newer) == (None, None)
    assert page.checkins == (CheckIn(TODAY, pain=2),)
