"""The worklist's SQL (the database ranks, filters, sorts, counts and pages) agrees with a
plain reference written here, on random patients' stored rows and random "today"s, on
SQLite and PostgreSQL: each patient's need, alert key and "unseen", the order, the filters,
the counts and the pages."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, update

from sicoach.domain.person_summary import LEVEL_ORDER, Need, PersonSummary
from sicoach.store.account_tables import account, care_link
from sicoach.store.engine import get_engine
from sicoach.store.person_state_rows import bump_version, write_summary
from sicoach.store.tables import person, person_state
from sicoach.store.worklist_query import (
    Filters,
    PatientRow,
    worklist_counts,
    worklist_page,
    worklist_patient,
)

NOW = datetime(2026, 11, 20, 8, 0)
REASONS = ("calf_swelling", "fever", "night_pain", "saddle_numbness", "pain_buttocks")
NAMES = ("Ann Lee", "ann lee", "Bea", "ÉMILE Roux", "émile roux", "Zoë", "zed", "O'Neil", "")
"""Names that tie, differ only in case, are not ASCII, or are empty (the email shows)."""


def _name_pool(on_postgres: bool) -> tuple[str, ...]:
    # PostgreSQL's lower() follows the database's character type: a test server made with
    # the "C" locale lowers ASCII letters only, so there the names keep to ASCII.
    return tuple(n for n in NAMES if n.isascii()) if on_postgres else NAMES


@dataclass
class Patient:
    account_id: int
    person_id: int
    name: str
    email: str
    summary: PersonSummary | None = None
    seen_key: str | None = None


def _day(rng: random.Random) -> date:
    return NOW.date() - timedelta(days=rng.randint(0, 30))


def _summary(rng: random.Random) -> PersonSummary:
    level = rng.choice((*LEVEL_ORDER, "continue", "continue"))
    signed = level != "continue" and rng.random() < 0.8
    planned = rng.randint(0, 8)
    return PersonSummary(
        on=_day(rng),
        level=level,
        reasons=tuple(sorted(rng.sample(REASONS, rng.randint(0, 2)))),
        sign=rng.choice(REASONS) if signed else "",
        sign_message="A message. More." if signed else "",
        sign_date=_day(rng) if signed or rng.random() < 0.1 else None,
        start=_day(rng) - timedelta(days=60),
        last_seen=None if rng.random() < 0.1 else _day(rng),
        pain_first_week=rng.choice([None, 4.0]),
        pain_now=rng.choice([None, 2.5, 6.0]),
        pain_meaning=rng.choice(["better", "worse", "small", "unknown"]),
        adherence_done=rng.randint(0, planned),
        adherence_planned=planned,
        aerobic_week=rng.randint(0, 150),
        birth_year=rng.choice([None, 1960, 1990]),
    )


# The reference: the documented rules, written plainly.
def _need(s: PersonSummary | None, today: date, stopped_after: int) -> Need:
    if s is None:
        return Need.NONE
    if s.level in ("emergency", "urgent"):
        return Need.WARNING_SIGN
    if s.level == "see_doctor":
        return Need.SEE_DOCTOR
    if s.last_seen is None or (today - s.last_seen).days >= stopped_after:
        return Need.STOPPED
    if s.pain_meaning == "worse":
        return Need.PAIN_WORSE
    if s.adherence_planned and s.adherence_done / s.adherence_planned < 0.5:
        return Need.LOW_ADHERENCE
    return Need.NONE


def _key(s: PersonSummary | None, need: Need) -> str:
    if s is None or need is Need.NONE:
        return ""
    sign_day = s.sign_date.isoformat() if s.sign_date else ""
    parts = [need.name, s.level, " ".join(s.reasons), sign_day]
    if need is Need.STOPPED:
        parts.append(s.last_seen.isoformat() if s.last_seen else "never")
    return "|".join(parts)


@dataclass(frozen=True)
class Expected:
    account_id: int
    need: Need
    key: str
    unseen: bool
    level: str
    order: tuple[Any, ...]


def _expected(p: Patient, today: date, stopped_after: int) -> Expected:
    s = p.summary
    need = _need(s, today, stopped_after)
    key = _key(s, need)
    unseen = bool(key) and key[:600] != p.seen_key
    level = s.level if s else "continue"
    rank = LEVEL_ORDER.index(level) if level in LEVEL_ORDER else 0
    sign_day = -s.sign_date.toordinal() if s and s.sign_date else 0
    order = (not unseen, need, rank, sign_day, p.name.lower(), p.account_id)
    return Expected(p.account_id, need, key, unseen, level, order)


def _account(conn: Connection, n: int, email: str, name: str, role: str) -> tuple[int, int]:
    """(account id, person id) of a new account (no password: nobody signs in here)."""
    pid = conn.execute(insert(person).values(name=f"p{n}")).inserted_primary_key[0]
    row = {"journal_id": pid, "email": email, "display_name": name, "role": role}
    aid = conn.execute(insert(account).values(**row, disabled=False, created_at=NOW))
    return int(aid.inserted_primary_key[0]), int(pid)


def _make_clinic(url: str, rng: random.Random, count: int) -> tuple[int, list[Patient]]:
    names = _name_pool(url.startswith("postgresql"))
    patients = []
    with get_engine(url).begin() as conn:
        doc, _ = _account(conn, -1, "doc@clinic.example", "Dr Lee", "clinician")
        other, _ = _account(conn, -2, "oz@clinic.example", "Dr Oz", "clinician")
        for n in range(count):
            name, email = rng.choice(names), f"p{n}_{rng.choice('AbZ')}@home.example"
            aid, pid = _account(conn, n, email, name, "patient")
            linked = n % 7 != 6  # a few belong to another clinician only
            link = {"clinician_id": doc if linked else other, "patient_id": aid}
            conn.execute(insert(care_link).values(**link, created_at=NOW))
            if linked:
                patients.append(Patient(aid, pid, name or email, email))
    return doc, patients


def _shuffle_state(conn: Connection, rng: random.Random, patients: list[Patient]) -> None:
    """New random rows: no row, a row without a summary yet, or a summary; and a seen key
    that is none, stale, or the current one for some day near now."""
    conn.execute(person_state.delete())
    for p in patients:
        p.summary, p.seen_key = None, None
        roll = rng.random()
        if roll < 0.08:
            continue
        bump_version(conn, p.person_id)
        if roll < 0.15:
            continue
        p.summary = _summary(rng)
        write_summary(conn, p.person_id, p.summary)
        seen = rng.random()
        if seen < 0.4:
            some_day = NOW.date() - timedelta(days=rng.randint(0, 12))
            p.seen_key = _key(p.summary, _need(p.summary, some_day, rng.randint(1, 6)))[:600]
        elif seen < 0.5:
            p.seen_key = "WARNING_SIGN|urgent||2026-01-01"
        if p.seen_key is not None:
            mine = person_state.c.person_id == p.person_id
            conn.execute(update(person_state).where(mine).values(seen_key=p.seen_key))


def _facts(rows: list[PatientRow]) -> list[tuple[int, Need, str, bool]]:
    return [(r.account_id, r.need, r.alert_key, r.unseen) for r in rows]


def _wanted(expected: list[Expected]) -> list[tuple[int, Need, str, bool]]:
    return [(e.account_id, e.need, e.key, e.unseen) for e in expected]


def _check_day(conn: Connection, doc: int, patients: list[Patient], today: date, after: int,
               rng: random.Random) -> None:  # fmt: skip
    expected = sorted((_expected(p, today, after) for p in patients), key=lambda e: e.order)
    whole = _wanted(expected)
    assert _facts(worklist_page(conn, doc, today, after, Filters())) == whole
    assert worklist_counts(conn, doc, today, after, Filters()) == (
        len(expected),
        sum(e.unseen for e in expected),
    )
    per_page = rng.randint(1, 7)
    page = rng.randint(1, len(expected) // per_page + 2)
    shown = worklist_page(conn, doc, today, after, Filters(), (page - 1) * per_page, per_page)
    assert _facts(shown) == whole[(page - 1) * per_page : page * per_page]

    by_id = {p.account_id: p for p in patients}
    level = rng.choice(LEVEL_ORDER)
    need = rng.choice(list(Need))
    words = rng.choice([p.name for p in patients] + [p.email for p in patients])
    words = words[rng.randint(0, 2) : rng.randint(3, 8)].lower()
    for kept, keep in (
        (Filters(level=level), lambda e: e.level == level),
        (Filters(need=need), lambda e: e.need is need),
        (
            Filters(words=words),
            lambda e: (
                words in by_id[e.account_id].name.lower()
                or words in by_id[e.account_id].email.lower()
            ),
        ),
    ):
        wanted = [e for e in expected if keep(e)]
        found = worklist_page(conn, doc, today, after, kept)
        assert _facts(found) == _wanted(wanted), kept
        counts = (len(wanted), sum(e.unseen for e in wanted))
        assert worklist_counts(conn, doc, today, after, kept) == counts, kept

    one = rng.choice(expected)
    alone = worklist_patient(conn, doc, one.account_id, today, after)
    assert alone is not None and _facts([alone]) == [
        (one.account_id, one.need, one.key, one.unseen)
    ]


def test_the_sql_order_need_and_unseen_equal_the_reference(store_url: str) -> None:
    rng = random.Random(16)
    doc, patients = _make_clinic(store_url, rng, 60)
    engine = get_engine(store_url)
    for _ in range(6):
        with engine.begin() as conn:
            _shuffle_state(conn, rng, patients)
        with engine.connect() as conn:
            for _ in range(6):
                today = NOW.date() + timedelta(days=rng.randint(-5, 10))
                _check_day(conn, doc, patients, today, rng.randint(0, 9), rng)
    with engine.connect() as conn:
        stranger = next(p for p in range(1, 200) if p not in {q.account_id for q in patients})
        assert worklist_patient(conn, doc, stranger, NOW.date(), 5) is None
