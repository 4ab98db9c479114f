"""Accounts, links, invitations, sign-in, sessions and the audit log, on SQLite and
PostgreSQL, through the services (the policy is checked where the journal is opened)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, audit, signin
from sicoach.services.commands import ChangeExercise, LogActivity, PlanChange
from sicoach.services.context import Context
from sicoach.services.errors import Conflict, Forbidden, InputError, NotFound
from sicoach.services.handlers import execute
from sicoach.services.journal import load_journal
from sicoach.services.policy import Access
from sicoach.store.engine import get_engine

PASSWORD = "blue kettle morning walk"


def _at(ctx: Context, when: datetime) -> Context:
    return dataclasses.replace(ctx, clock=FixedClock(when))


def _clinic(ctx: Context):  # type: ignore[no-untyped-def]
    """An admin, two clinicians and two patients (A linked to the first clinician)."""
    admin = accounts.add_account(ctx, "admin@clinic.example", "admin", "Ada", PASSWORD)
    doc = accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    other = accounts.add_account(ctx, "other@clinic.example", "clinician", "Dr Roe", PASSWORD)
    doc_in = signin.sign_in(ctx, "doc@clinic.example", PASSWORD, "10.0.0.1")
    doc_ctx = signin.acting_on(ctx, signin.current(ctx, doc_in.token))  # type: ignore[arg-type]
    invited = accounts.invite_patient(doc_ctx, "a@home.example", "Pat A")
    accounts.accept_invitation(ctx, invited.token, PASSWORD, PASSWORD)
    b = accounts.add_account(ctx, "b@home.example", "patient", "Pat B", PASSWORD)
    return admin, doc, other, invited.account, b


def _signed(ctx: Context, email: str, subject: int | None = None) -> Context:
    token = signin.sign_in(ctx, email, PASSWORD, "10.0.0.9").token
    who = signin.current(ctx, token)
    assert who is not None
    return signin.acting_on(ctx, who, subject)


def test_roles_links_and_journal_access(store_context: Context) -> None:
    _admin, _doc, _other, a, b = _clinic(store_context)
    a_ctx = _signed(store_context, "a@home.example")
    execute(a_ctx, LogActivity("walking", 20))
    assert a_ctx.journal_access is Access.OWNER

    doc_on_a = _signed(store_context, "doc@clinic.example", a.id)
    assert doc_on_a.journal_access is Access.PROGRAM
    assert [x.minutes for x in load_journal(doc_on_a).activities] == [20]
    with pytest.raises(Forbidden):
        execute(doc_on_a, LogActivity("walking", 5))
    execute(doc_on_a, ChangeExercise(PlanChange.LEAVE_OUT, "bridge", "wait for the review"))

    for email, subject in (
        ("other@clinic.example", a.id),
        ("admin@clinic.example", a.id),
        ("b@home.example", a.id),
    ):
        with pytest.raises(Forbidden):
            _signed(store_context, email, subject)
    with pytest.raises(NotFound):
        _signed(store_context, "doc@clinic.example", 9999)
    doc_self = _signed(store_context, "doc@clinic.example")
    with pytest.raises(Forbidden):
        load_journal(doc_self)  # a clinician has no diary of their own

    seen = [(e.action, e.actor_label) for e in audit.events_about_me(a_ctx)]
    assert ("journal.read", "Dr Lee") in seen and ("program.change", "Dr Lee") in seen
    b_ctx = _signed(store_context, "b@home.example")
    assert all(e.subject_id == b.id for e in audit.events_about_me(b_ctx))
    with pytest.raises(Forbidden):
        audit.all_events(b_ctx)
    assert any(
        e.action == "signin"
        for e in audit.all_events(_signed(store_context, "admin@clinic.example"))
    )


def test_only_admins_manage_accounts_and_emails_are_unique(store_context: Context) -> None:
    _admin, doc, _other, a, _b = _clinic(store_context)
    doc_ctx = _signed(store_context, "doc@clinic.example")
    with pytest.raises(Forbidden):
        accounts.add_account(doc_ctx, "x@y.example", "admin", password=PASSWORD)
    with pytest.raises(Conflict):
        accounts.add_account(store_context, "A@home.example", "patient")
    with pytest.raises(InputError, match=r"^email: "):
        accounts.add_account(store_context, "not an email", "patient")
    with pytest.raises(InputError, match=r"^role: "):
        accounts.add_account(store_context, "r@x.example", "superuser")
    with pytest.raises(InputError, match=r"^password: "):
        accounts.add_account(store_context, "r@x.example", "patient", password="password1234")
    admin_ctx = _signed(store_context, "admin@clinic.example")
    accounts.set_disabled(admin_ctx, a.id, True)
    with pytest.raises(InputError):
        signin.sign_in(store_context, "a@home.example", PASSWORD, "10.0.0.2")
    assert [p.id for p in accounts.my_patients(doc_ctx)] == [a.id]
    assert (doc.id, a.id) in accounts.links(admin_ctx)


def test_invitations_are_one_time_and_expire(store_context: Context) -> None:
    _clinic(store_context)
    doc_ctx = _signed(store_context, "doc@clinic.example")
    invited = accounts.invite_patient(doc_ctx, "c@home.example")
    later = _at(store_context, store_context.clock.now() + timedelta(days=8))
    with pytest.raises(NotFound):
        accounts.accept_invitation(later, invited.token, PASSWORD, PASSWORD)
    with pytest.raises(InputError, match=r"^confirm: "):
        accounts.accept_invitation(store_context, invited.token, PASSWORD, PASSWORD + "x")
    accounts.accept_invitation(store_context, invited.token, PASSWORD, PASSWORD)
    with pytest.raises(NotFound):
        accounts.accept_invitation(store_context, invited.token, PASSWORD, PASSWORD)
    with pytest.raises(Conflict):  # someone else's patient or staff: not through an invitation
        accounts.invite_patient(doc_ctx, "other@clinic.example")
    reset = accounts.invite_patient(doc_ctx, "c@home.example")  # own patient: a reset
    accounts.accept_invitation(store_context, reset.token, PASSWORD + "!", PASSWORD + "!")
    signin.sign_in(store_context, "c@home.example", PASSWORD + "!", "10.0.0.3")


def test_throttling_after_five_failures_says_nothing_about_the_email(
    store_context: Context,
) -> None:
    _clinic(store_context)
    start = store_context.clock.now()
    for email in ("a@home.example", "nobody@home.example"):
        for n in range(5):
            ctx = _at(store_context, start + timedelta(seconds=n))
            with pytest.raises(InputError) as wrong:
                signin.sign_in(ctx, email, "wrong password here", f"10.1.0.{len(email)}")
            assert wrong.value.message == signin.WRONG
        with pytest.raises(signin.Throttled) as slow:
            signin.sign_in(
                _at(store_context, start + timedelta(seconds=6)), email, PASSWORD, "10.2.0.1"
            )
        assert slow.value.retry_after > 0 and "wait" in slow.value.message
    # After the delay the right password works again.
    ctx = _at(store_context, start + timedelta(seconds=40))
    assert (
        signin.sign_in(ctx, "a@home.example", PASSWORD, "10.2.0.1").account.email
        == "a@home.example"
    )


def test_sessions_idle_out_and_sign_out_everywhere(store_context: Context) -> None:
    _clinic(store_context)
    start = store_context.clock.now()
    doc = signin.sign_in(store_context, "doc@clinic.example", PASSWORD, "10.0.0.1")
    assert doc.cookie_seconds is None
    assert signin.current(_at(store_context, start + timedelta(minutes=29)), doc.token)
    assert signin.current(_at(store_context, start + timedelta(minutes=60)), doc.token) is None
    kept = signin.sign_in(store_context, "a@home.example", PASSWORD, "10.0.0.1", keep=True)
    other = signin.sign_in(
        store_context, "a@home.example", PASSWORD, "10.0.0.2", device_label="phone"
    )
    ten_days = _at(store_context, start + timedelta(days=10))
    who = signin.current(ten_days, kept.token)
    assert who is not None and signin.current(ten_days, other.token) is None
    assert len(signin.my_sessions(store_context, who)) == 2
    assert signin.sign_out(store_context, who, everywhere=True) == 2
    assert signin.current(store_context, kept.token) is None
    with get_engine(store_context.settings.database_url).connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM signin_session")).scalars().all()
    assert kept.token not in stored and all(len(h) == 64 for h in stored)


def test_change_password_needs_the_current_one(store_context: Context) -> None:
    _clinic(store_context)
    first = signin.sign_in(store_context, "a@home.example", PASSWORD, "10.0.0.1")
    second = signin.sign_in(store_context, "a@home.example", PASSWORD, "10.0.0.2")
    who = signin.current(store_context, first.token)
    assert who is not None
    with pytest.raises(InputError, match=r"^current_password: "):
        signin.change_password(
            store_context, who, "guess", "new long password ok", "new long password ok"
        )
    signin.change_password(
        store_context, who, PASSWORD, "new long password ok", "new long password ok"
    )
    assert signin.current(store_context, second.token) is None
    assert signin.current(store_context, first.token) is not None
    with pytest.raises(InputError, match=r"^email_password: "):
        signin.change_email(store_context, who, PASSWORD, "new@home.example")
    with pytest.raises(Conflict):
        signin.change_email(store_context, who, "new long password ok", "b@home.example")
    signin.change_email(store_context, who, "new long password ok", "New@Home.example")
    assert accounts.find_account(store_context, "new@home.example").id == who.account.id


def test_a_personal_journal_becomes_a_patients_on_upgrade(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A personal database made before accounts existed keeps its journal, which a new
    patient account then owns: nothing is copied, nothing lost."""
    from alembic import command

    from sicoach.settings import Settings
    from sicoach.store.engine import alembic_config, create_store_engine

    old = create_store_engine(store_url)
    try:
        with old.begin() as conn:
            command.upgrade(alembic_config(conn), "0005_person_state")
        with old.begin() as conn:
            conn.execute(text("INSERT INTO person (id, name) VALUES (1, 'default')"))
            conn.execute(
                text(
                    "INSERT INTO activity (person_id, day, kind, minutes) "
                    "VALUES (1, '2026-11-19', 'walking', 25)"
                )
            )
    finally:
        old.dispose()
    ctx = Context(Settings(store_url, tmp_path), clock=FixedClock(datetime(2026, 11, 20, 8)))
    assert [a.minutes for a in load_journal(ctx).activities] == [25]  # personal mode as before
    patient = accounts.add_account(
        ctx, "me@home.example", "patient", password=PASSWORD, journal="default"
    )
    mine = _signed(ctx, "me@home.example")
    assert mine.subject_account == patient.id
    assert [a.minutes for a in load_journal(mine).activities] == [25]
    with pytest.raises(Conflict):
        accounts.add_account(ctx, "two@home.example", "patient", journal="default")


def test_import_a_home_journal_and_delete_an_account(store_context: Context) -> None:
    """A clinician imports a personal journal into a new patient (all or nothing); the patient
    later deletes their account: the journal goes, the audit log keeps that it happened."""
    _clinic(store_context)
    doc_ctx = _signed(store_context, "doc@clinic.example")
    document = (
        '{"format": "sicoach.journal", "version": 1, "activities": '
        '[{"date": "2026-11-19", "kind": "walking", "minutes": 30}]}'
    )
    with pytest.raises(InputError):
        accounts.import_patient(doc_ctx, "d@home.example", "D", b'{"format": "nope"}')
    with pytest.raises(NotFound):
        accounts.find_account(store_context, "d@home.example")  # nothing half-written
    invited = accounts.import_patient(doc_ctx, "d@home.example", "D", document.encode())
    accounts.accept_invitation(store_context, invited.token, PASSWORD, PASSWORD)
    d_ctx = _signed(store_context, "d@home.example")
    assert [a.minutes for a in load_journal(d_ctx).activities] == [30]
    with pytest.raises(InputError, match=r"^password: "):
        accounts.delete_own_account(d_ctx, invited.account.id, "wrong one", True)
    with pytest.raises(Forbidden):
        accounts.delete_own_account(doc_ctx, invited.account.id, PASSWORD, True)
    accounts.delete_own_account(d_ctx, invited.account.id, PASSWORD, True)
    with pytest.raises(NotFound):
        accounts.find_account(store_context, "d@home.example")
    with get_engine(store_context.settings.database_url).connect() as conn:
        minutes = conn.execute(text("SELECT minutes FROM activity")).scalars().all()
        kept = (
            conn.execute(
                text("SELECT action FROM audit_event WHERE subject_id = :id"),
                {"id": invited.account.id},
            )
            .scalars()
            .all()
        )
    assert 30 not in minutes and "account.delete" in kept and "account.import" in kept
