"""The probes a proxy or process manager polls: /healthz (alive) and /readyz (the database
answers and its schema is current); and a write bumps the journal's version that every
process's page memo checks."""

from __future__ import annotations

import json

import pytest
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


def test_each_request_logs_one_json_line_with_its_id_and_no_health_data(
    client: WebClient, capsys: pytest.CaptureFixture[str]
) -> None:
    from sicoach.web.request_log import configure_logging

    configure_logging(requests=True)
    try:
        answer = client.post(
            "/api/v1/checkins",
            json={"date": "2026-11-20", "pain": 7, "note": "secret words"},
            headers={"X-Request-ID": "abc-123"},
        )
    finally:
        configure_logging(requests=False)
    assert answer.headers["x-request-id"] == "abc-123"
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert [(x["route"], x["status"], x["request_id"]) for x in lines] == [
        ("/api/v1/checkins", 201, "abc-123")
    ]
    assert "secret" not in json.dumps(lines) and "2026-11-20" not in json.dumps(lines)
    assert client.get("/healthz").headers["x-request-id"] != "abc-123"  # a fresh one
