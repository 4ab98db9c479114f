"""Property: any valid journal survives import, export, import elsewhere, export unchanged.

Hypothesis builds journals from the domain classes (within every rule of the format), on
SQLite and on PostgreSQL. Each example writes to its own new person, so examples never see
each other's records.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.vocabulary import (
    ACTIVITY_KINDS,
    EXERCISE_IDS,
    HISTORY_CODES,
    SEXES,
    SYMPTOM_CODES,
)
from sicoach.interchange.journal_json import journal_to_dict
from sicoach.services import journal as journal_service
from sicoach.services import journal_transfer
from sicoach.services.context import Context
from sicoach.settings import Settings

TODAY = date(2026, 11, 20)
days = st.dates(min_value=date(2016, 1, 1), max_value=TODAY)
ratings = st.none() | st.integers(0, 10)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)


def _codes(pool: object, max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(sorted(pool)), unique=True, max_size=max_size).map(tuple)  # type: ignore[arg-type]


checkins = st.builds(
    CheckIn,
    date=days,
    pain=ratings,
    worst_pain=ratings,
    mobility=ratings,
    symptoms=_codes(SYMPTOM_CODES, 5),
    note=texts,
)
results = st.builds(
    ExerciseResult,
    id=st.sampled_from(EXERCISE_IDS),
    level=st.integers(0, 10),
    reps=st.integers(0, 1000),
    hurt=st.booleans(),
    pain=ratings,
    skipped=st.booleans(),
)
sessions = st.builds(
    Session,
    started_at=st.datetimes(
        min_value=datetime(2016, 1, 1), max_value=datetime(2026, 11, 20, 23, 59, 59)
    ),
    pain_before=ratings,
    pain_after=ratings,
    exercises=st.lists(results, max_size=10).map(tuple),
    partial=st.booleans(),
)
activities = st.builds(
    Activity, date=days, kind=st.sampled_from(ACTIVITY_KINDS), minutes=st.integers(1, 1440)
)
function_ratings = st.builds(
    FunctionRating,
    date=days,
    activity=texts.filter(lambda t: t.strip() != "").map(lambda t: t[:100]),
    score=st.integers(0, 10),
)
pregnancies = (
    st.none()
    | st.builds(
        Pregnancy,
        status=st.just("pregnant"),
        due_date=st.dates(min_value=date(2016, 1, 1), max_value=TODAY + timedelta(weeks=44)),
    )
    | st.builds(Pregnancy, status=st.just("postpartum"), delivery_date=days)
)
plans = st.builds(
    PlanChoices,
    left_out=_codes(EXERCISE_IDS, 4),
    training_days=st.lists(st.integers(0, 6), unique=True, max_size=7).map(tuple),
    reminder_time=st.none() | st.builds(time, st.integers(0, 23), st.integers(0, 59)),
    enabled_on=st.lists(st.tuples(st.sampled_from(EXERCISE_IDS), days), max_size=3).map(tuple),
)
profiles = st.none() | st.builds(
    Profile,
    started_on=days,
    birth_year=st.none() | st.integers(1900, TODAY.year),
    sex=st.none() | st.sampled_from(SEXES),
    pregnancy=pregnancies,
    sedentary_job=st.booleans(),
    overweight=st.booleans(),
    frequent_lifting=st.booleans(),
    history=_codes(HISTORY_CODES, 4),
    plan=plans,
)
journals = st.builds(
    Journal,
    profile=profiles,
    checkins=st.lists(checkins, unique_by=lambda c: c.date, max_size=8).map(tuple),
    sessions=st.lists(sessions, max_size=4).map(tuple),
    activities=st.lists(activities, max_size=8).map(tuple),
    function=st.lists(function_ratings, unique_by=lambda f: (f.date, f.activity), max_size=4).map(
        tuple
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(journal=journals)
def test_any_valid_journal_round_trips(store_url: str, tmp_path_factory, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    settings_ = Settings(store_url, tmp_path_factory.getbasetemp())
    clock = FixedClock(datetime(2026, 11, 20, 8, 0))
    first_device = Context(settings=settings_, clock=clock, person=uuid.uuid4().hex)
    second_device = Context(settings=settings_, clock=clock, person=uuid.uuid4().hex)
    document = journal_to_dict(journal)

    journal_transfer.import_journal(first_device, json.dumps(document))
    exported = journal_transfer.export_journal(first_device)
    assert exported == document
    assert journal_service.load_journal(first_device) == journal.sorted()

    journal_transfer.import_journal(second_device, json.dumps(exported))
    assert journal_transfer.export_journal(second_device) == exported
