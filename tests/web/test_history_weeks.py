"""The history page of a long journal: four weeks at a time, newest first, with links to
older and newer weeks (a bounded read); the JSON lists take `from` and `to`."""

from __future__ import annotations

from datetime import timedelta

from sicoach.services import journal
from sicoach.services.context import Context
from tests.integration.test_progress_window_store import TODAY, _two_years
from tests.journals import store
from tests.web.conftest import WebClient


def test_the_history_pages_through_four_weeks_at_a_time(
    client: WebClient, context: Context
) -> None:
    assert context.clock.today() == TODAY
    store(context, _two_years())
    page = client.get("/history")
    assert page.status_code == 200
    assert "24 Oct 2026 to 20 Nov 2026, newest first" in page.text
    whole = journal.load_journal(context)
    first = TODAY - timedelta(days=27)
    for c in whole.checkins:
        shown = c.date.strftime("<strong>%a %-d %b %Y</strong>") in page.text
        assert shown == (first <= c.date <= TODAY), c.date
    days = [c.date for c in whole.checkins] + [s.date for s in whole.sessions]
    latest_before = max(d for d in days + [a.date for a in whole.activities] if d < first)
    older = latest_before.isoformat()  # the latest record before the page: gaps are skipped
    words = latest_before.strftime("%-d %b %Y")
    assert f'href="/history?upto={older}">Older weeks (to {words})' in page.text
    assert "Newer weeks" not in page.text

    before = client.get(f"/history?upto={older}")
    assert before.status_code == 200
    start = (latest_before - timedelta(days=27)).strftime("%-d %b %Y")
    assert f"{start} to {words}" in before.text
    newer = min(TODAY, latest_before + timedelta(days=28)).isoformat()
    assert f'href="/history?upto={newer}">Newer weeks' in before.text

    wrong = client.get("/history?upto=last-week")
    assert wrong.status_code == 400 and "upto" in wrong.text
    ancient = client.get("/history?upto=0001-01-03")
    assert ancient.status_code == 400 and "upto" in ancient.text


def test_the_lists_cover_twelve_weeks_unless_asked(client: WebClient, context: Context) -> None:
    store(context, _two_years())
    whole = journal.load_journal(context)
    listed = client.get("/api/v1/checkins").json()
    since = TODAY - timedelta(days=83)
    assert [c["date"] for c in listed] == [
        c.date.isoformat() for c in whole.checkins if since <= c.date <= TODAY
    ]
    asked = client.get("/api/v1/activities?from=2025-01-01&to=2025-03-31").json()
    assert [a["date"] for a in asked] == [
        a.date.isoformat()
        for a in whole.activities
        if "2025-01-01" <= a.date.isoformat() <= "2025-03-31"
    ]
    for query, field in (
        ("from=soon", "from"),
        ("to=2026-02-30", "to"),
        ("from=2024-01-01&to=2026-01-01", "from"),
        ("from=2026-11-20&to=2026-11-01", "from"),
    ):
        answer = client.get(f"/api/v1/checkins?{query}")
        assert answer.status_code == 422, query
        assert field in answer.text, query


def test_a_date_off_the_calendars_edge_is_a_422_naming_its_field(person: WebClient) -> None:
    """A day before or after one of these would fall off the calendar: refused, not a 500."""
    for path, field in (
        ("/api/v1/checkins?to=0001-01-01", "to"),
        ("/api/v1/activities?from=9999-12-31&to=9999-12-31", "from"),
        ("/api/v1/progress?to=0001-01-01", "to"),
        ("/api/v1/progress?date=0001-01-03", "date"),
        ("/api/v1/progress?from=1899-12-31", "from"),
    ):
        answer = person.get(path)
        assert answer.status_code == 422, path
        assert answer.json()["field"] == field, path
