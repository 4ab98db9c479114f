"""Clinic mode memoises a person's pages too, although each request has its own context:
the memo is the journal's (one per database and person), its version read through the
request's own context, so a clinician reading a patient's memoised page is still audited
as the one who read it, and a write through anyone is seen on the very next request; a
page that only reads takes no write lock (SQLite would queue it behind every write);
on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from sicoach.services import audit, journal
from sicoach.store.engine import get_engine
from sicoach.web.app import create_app
from tests.integration.clinic_pair import linked_pair, signed_in


@contextmanager
def statements(url: str) -> Iterator[list[str]]:
    """The SQL the app sends to the database at `url` while the block runs."""
    sent: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def _reads_checkins(sent: list[str]) -> bool:
    return any("FROM checkin" in s for s in sent)


def _reads_by(pair: dict[str, Any], reader: str) -> int:
    events = audit.events_about_me(pair["a"])
    return sum(1 for e in events if (e.action, e.actor_label) == ("journal.read", reader))


def test_a_patients_pages_are_memoised_across_requests_and_audited_per_reader(
    store_url: str, tmp_path: Path
) -> None:
    pair = linked_pair(store_url, tmp_path)
    journal.log_checkin(pair["a"], pain=6)
    app = create_app(pair["ctx"])
    ann, doc = signed_in(app, pair["tokens"]["a"]), signed_in(app, pair["tokens"]["doc"])
    with statements(store_url) as first:
        assert "pain 6" in ann.get("/").text
    assert _reads_checkins(first)
    with statements(store_url) as again:
        assert "pain 6" in ann.get("/").text
    assert not _reads_checkins(again)  # another request, another context: the same memo
    assert "BEGIN IMMEDIATE" not in again  # a page that only reads takes no write lock

    reads_before = _reads_by(pair, "Dr Lee")
    with statements(store_url) as by_doc:
        page = doc.get(f"/patients/{pair['a_id']}/")
    assert page.status_code == 200 and "pain 6" in page.text
    assert not _reads_checkins(by_doc)
    assert _reads_by(pair, "Dr Lee") == reads_before + 1  # a memo's page, still audited

    journal.log_checkin(pair["a"], pain=3)
    with statements(store_url) as after:
        page = doc.get(f"/patients/{pair['a_id']}/")
    assert "pain 3" in page.text and "pain 6" not in page.text
    assert _reads_checkins(after)
