"""The probes a proxy or process manager polls: /healthz (alive) and /readyz (the database
answers and its schema is current); and a write bumps the journal's version that every
process's page memo checks."""

from __future__ import annotations

from sqlalchemy import text

from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.store.engine import SCHEMA_HEAD, get_engine
from tests.web.conftest import WebClient


def test_healthz_and_readyz_answer_on_a_current_database(client: WebClient) -> None:
    assert (client.get("/healthz").status_code, client.get("/healthz").text) == (200, "ok")
    ready = client.get("/readyz")
    assert (ready.status_code, ready.text) == (200, "ready")


def test_readyz_refuses_traffic_while_the_schema_is_behind(
    client: WebClient, context: Context
) -> None:
    engine = get_engine(context.settings.database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0004_note_findings'"))
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert (
        ready.text == f"not ready: schema at 0004_note_findings, this version needs {SCHEMA_HEAD}"
    )
    assert client.get("/healthz").status_code == 200  # alive all the same


def test_every_write_moves_the_version_and_a_read_does_not(context: Context) -> None:
    journal.log_checkin(context, pain=3)
    first = journal.journal_version(context)
    journal.load_journal(context)
    assert journal.journal_version(context) == first
    journal.log_checkin(context, pain=4)
    second = journal.journal_version(context)
    assert first is not None and second is not None
    assert second[0] == first[0] + 1 and second[1] != first[1]
