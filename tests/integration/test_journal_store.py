"""The store on a real SQLite file and a real PostgreSQL database (every test runs on both)."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.services import journal as journal_service
from sicoach.services import journal_transfer as transfer
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.store import make_uow_factory
from sicoach.store.engine import MIGRATIONS_DIR, SCHEMA_HEAD, current_revision, get_engine
from sicoach.store.tables import exercise_result
from tests.integration.journal_samples import sample

PROFILE = Profile(
    started_on=date(2026, 11, 2),
    birth_year=1980,
    sex="female",
    pregnancy=Pregnancy("postpartum", delivery_date=date(2026, 10, 1)),
    sedentary_job=True,
    frequent_lifting=True,
    history=("cancer", "spine_surgery"),
    plan=PlanChoices(
        left_out=("cat_cow",),
        training_days=(0, 2, 4),
        reminder_time=time(7, 30),
        enabled_on=(("bridge", date(2026, 11, 5)), ("figure_four", date(2026, 11, 6))),
    ),
)


def test_migrations_create_every_table_on_a_fresh_database(store_url: str) -> None:
    from alembic.script import ScriptDirectory

    from sicoach.store.engine import alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD
    assert MIGRATIONS_DIR.joinpath("env.py").is_file()
    make_uow_factory(store_url)
    engine = get_engine(store_url)
    assert current_revision(engine) == SCHEMA_HEAD
    from sqlalchemy import inspect

    tables = set(inspect(engine).get_table_names())
    assert {
        "person",
        "profile",
        "plan_enabled",
        "checkin",
        "activity",
        "session",
        "exercise_result",
        "function_rating",
        "alembic_version",
    } <= tables


def test_repository_round_trips_every_kind_of_record(store_url: str) -> None:
    uow_factory = make_uow_factory(store_url)
    checkin = CheckIn(
        date(2026, 11, 3),
        pain=4,
        worst_pain=6,
        mobility=5,
        symptoms=("fever", "pain_hips"),
        note="ok",
    )
    session = Session(
        started_at=datetime(2026, 11, 3, 7, 30, 15),
        pain_before=4,
        pain_after=3,
        exercises=(
            ExerciseResult("pelvic_tilt", level=1, reps=12, pain=2),
            ExerciseResult("bridge", hurt=True, pain=7),
            ExerciseResult("triangle_pose", skipped=True),
        ),
    )
    with uow_factory() as uow:
        uow.journal.save_profile(PROFILE)
        assert uow.journal.upsert_checkin(checkin) is False
        uow.journal.add_activity(Activity(date(2026, 11, 3), "walking", 25))
        uow.journal.add_function_rating(FunctionRating(date(2026, 11, 3), "tying shoes", 3))
        uow.journal.import_journal(journal_service.Journal(sessions=(session,)), replace=False)
        uow.commit()
    with uow_factory() as uow:
        loaded = uow.journal.load()
    assert loaded.profile == PROFILE
    assert loaded.checkins == (checkin,)
    assert loaded.activities == (Activity(date(2026, 11, 3), "walking", 25),)
    assert loaded.function == (FunctionRating(date(2026, 11, 3), "tying shoes", 3),)
    assert loaded.sessions == (session,)


def test_a_second_checkin_on_the_same_day_replaces_the_first(store_context: Context) -> None:
    _, replaced_first = journal_service.log_checkin(
        store_context, pain=6, symptoms=["pain_hips", "fever"], note="bad night"
    )
    second, replaced_second = journal_service.log_checkin(store_context, pain=3, mobility=7)
    assert (replaced_first, replaced_second) == (False, True)
    journal = journal_service.load_journal(store_context)
    assert journal.checkins == (second,)
    # Ratings, note and ordinary symptoms are replaced; the warning sign (fever) stays.
    assert (second.pain, second.worst_pain, second.mobility, second.note) == (3, None, 7, "")
    assert second.symptoms == ("fever",)


def test_leaving_without_commit_or_after_an_error_writes_nothing(store_url: str) -> None:
    uow_factory = make_uow_factory(store_url)
    with uow_factory() as uow:
        uow.journal.upsert_checkin(CheckIn(date(2026, 11, 1), pain=1))
    with pytest.raises(RuntimeError), uow_factory() as uow:
        uow.journal.upsert_checkin(CheckIn(date(2026, 11, 2), pain=2))
        uow.journal.add_activity(Activity(date(2026, 11, 2), "walking", 10))
        raise RuntimeError("crash half-way")
    with uow_factory() as uow:
        uow.journal.upsert_checkin(CheckIn(date(2026, 11, 3), pain=3))
        uow.rollback()
        uow.journal.upsert_checkin(CheckIn(date(2026, 11, 4), pain=4))
        uow.commit()
    with uow_factory() as uow:
        journal = uow.journal.load()
    assert [c.date for c in journal.checkins] == [date(2026, 11, 4)]
    assert journal.activities == ()


def test_foreign_keys_are_enforced(store_url: str) -> None:
    make_uow_factory(store_url)
    engine = get_engine(store_url)
    row = {"session_id": 999999, "position": 0, "exercise_id": "bridge", "level": 0, "reps": 0}
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(exercise_result).values(hurt=False, skipped=False, **row))


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(store_url: str) -> None:
    make_uow_factory(store_url)
    engine = get_engine(store_url)
    if engine.dialect.name != "sqlite":
        assert engine.dialect.name == "postgresql"
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version_num")).scalar()
            assert int(version) >= 120000
        return
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_session_saved_step_by_step_survives_a_crash(store_url: str) -> None:
    uow_factory = make_uow_factory(store_url)
    with uow_factory() as uow:
        sid = uow.journal.start_session(Session(datetime(2026, 11, 4, 7, 0), pain_before=5))
        uow.commit()
    with uow_factory() as uow:
        uow.journal.add_session_exercise(sid, ExerciseResult("pelvic_tilt", reps=10, pain=3))
        uow.commit()
    # The player "crashes" here: the session stays partial, with what was done.
    with uow_factory() as uow:
        (partial,) = uow.journal.load().sessions
    assert partial.partial is True
    assert partial.exercises == (ExerciseResult("pelvic_tilt", reps=10, pain=3),)
    with uow_factory() as uow:
        uow.journal.add_session_exercise(sid, ExerciseResult("bridge", skipped=True))
        uow.journal.finish_session(sid, pain_after=4, partial=False)
        uow.commit()
    with uow_factory() as uow:
        (done,) = uow.journal.load().sessions
    assert done.partial is False and done.pain_after == 4
    assert [r.id for r in done.exercises] == ["pelvic_tilt", "bridge"]


def test_each_person_sees_only_their_own_journal(store_url: str) -> None:
    alice = make_uow_factory(store_url, person="alice")
    bob = make_uow_factory(store_url, person="bob")
    with alice() as uow:
        uow.journal.upsert_checkin(CheckIn(date(2026, 11, 4), pain=2))
        sid = uow.journal.start_session(Session(datetime(2026, 11, 4, 7, 0)))
        uow.commit()
    with bob() as uow:
        assert uow.journal.load().checkins == ()
        assert uow.journal.upsert_checkin(CheckIn(date(2026, 11, 4), pain=8)) is False
        with pytest.raises(KeyError):
            uow.journal.finish_session(sid, pain_after=1, partial=False)
        uow.commit()
    with alice() as uow:
        assert uow.journal.load().checkins[0].pain == 2


def test_export_import_export_gives_the_same_document(store_context: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = sample()
    transfer.import_journal(store_context, json.dumps(document))
    first = transfer.export_journal(store_context)
    assert first == document
    other = Context(
        settings=store_context.settings, clock=store_context.clock, person="second-device"
    )
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    summary = transfer.import_journal(other, path)
    assert (summary.checkins, summary.sessions, summary.activities, summary.function) == (
        2,
        2,
        3,
        2,
    )
    assert transfer.export_journal(other) == first


def test_import_refuses_days_already_present_unless_replace(store_context: Context) -> None:
    journal_service.log_checkin(store_context, pain=9, day=date(2026, 11, 3))
    journal_service.log_activity(store_context, "cycling", 40, day=date(2026, 11, 20))
    before = transfer.export_journal(store_context)
    with pytest.raises(InputError) as err:
        transfer.import_journal(store_context, json.dumps(sample()))
    assert err.value.field == "checkins[1].date"
    assert "already has a check-in" in str(err.value)
    assert transfer.export_journal(store_context) == before

    transfer.import_journal(store_context, json.dumps(sample()), replace=True)
    after = journal_service.load_journal(store_context)
    assert after.checkin_on(date(2026, 11, 3)).pain == 4  # the file's, not ours
    # A day the file does not cover keeps our records.
    assert [a.kind for a in after.activities if a.date == date(2026, 11, 20)] == ["cycling"]


def test_profile_is_created_on_first_use_and_updated_field_by_field(
    store_context: Context,
) -> None:
    created = journal_service.get_profile(store_context)
    assert created.started_on == date(2026, 11, 20)
    updated = journal_service.update_profile(
        store_context,
        birth_year=1960,
        pregnancy=Pregnancy("pregnant", due_date=date(2027, 3, 1)),
        history=["osteoporosis"],
    )
    assert journal_service.get_profile(store_context) == updated
    assert updated.history == ("osteoporosis",)
    with pytest.raises(InputError) as err:
        journal_service.update_profile(store_context, history=["broken_heart"])
    assert err.value.field == "history"
    assert journal_service.get_profile(store_context) == updated


def test_an_import_interrupted_half_way_writes_nothing(store_context: Context) -> None:
    journal_service.log_checkin(store_context, pain=2, day=date(2026, 11, 19))
    before = transfer.export_journal(store_context)
    document = sample()
    document["profile"] = None
    document["activities"] = [
        {"date": f"2025-{m:02d}-{d:02d}", "kind": "walking", "minutes": 20}
        for m in range(1, 13)
        for d in range(1, 29)
    ]
    calls: list[tuple[int, int]] = []

    def interrupt(done: int, total: int) -> None:
        calls.append((done, total))
        if done > 0:
            raise KeyboardInterrupt  # the person pressed Ctrl-C after the first batch

    with pytest.raises(KeyboardInterrupt):
        transfer.import_journal(store_context, json.dumps(document), progress=interrupt)
    assert calls and calls[0][1] == 2 + 2 + 336 + 2 + 2  # ... and 2 reviews
    assert transfer.export_journal(store_context) == before


def test_progress_reaches_the_total(store_context: Context) -> None:
    seen: list[tuple[int, int]] = []
    transfer.import_journal(
        store_context, json.dumps(sample()), progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (11, 11)  # 9 records and 2 clinician reviews
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_sqlite_folder_is_created_and_plain_postgresql_urls_use_psycopg(
    store_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from sicoach.store.engine import create_store_engine

    if store_url.startswith("sqlite"):
        nested = tmp_path / "new" / "folder" / "journal.sqlite3"
        factory = make_uow_factory(f"sqlite:///{nested}")
        with factory() as uow:
            uow.journal.upsert_checkin(CheckIn(date(2026, 11, 1), pain=1))
            uow.commit()
        assert nested.is_file()
    else:
        plain = store_url.replace("postgresql+psycopg://", "postgresql://")
        engine = create_store_engine(plain)
        try:
            assert engine.dialect.driver == "psycopg"
            with engine.connect() as conn:
                assert conn.execute(text("SELECT 1")).scalar() == 1
        finally:
            engine.dispose()


def test_service_input_errors_name_the_field_and_write_nothing(store_context: Context) -> None:
    cases = [
        ({"pain": 11}, "pain", "11 is above the maximum of 10"),
        ({"worst_pain": True}, "worst_pain", "must be a whole number, not true"),
        ({"symptoms": "fever"}, "symptoms", "must be a list of symptom codes"),
        ({"symptoms": ["fever", "itch"]}, "symptoms", '"itch" is not a known symptom code'),
        ({"day": date(2026, 11, 21)}, "date", "2026-11-21 is in the future"),
    ]
    for kwargs, field, message in cases:
        with pytest.raises(InputError) as err:
            journal_service.log_checkin(store_context, **kwargs)
        assert err.value.field == field
        assert err.value.message.startswith(message)
    with pytest.raises(InputError) as err:
        journal_service.log_activity(store_context, "walking", 0)
    assert str(err.value) == "minutes: 0 is below the minimum of 1"
    assert journal_service.load_journal(store_context) == journal_service.Journal()
    saved, _ = journal_service.log_checkin(store_context, pain=1, note=None)
    assert saved.note == ""
