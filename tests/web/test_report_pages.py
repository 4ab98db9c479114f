"""The progress page, "my activities" form, report page and downloads, in-process."""

from __future__ import annotations

import re

import pytest

from sicoach.services.context import Context
from tests.unit.test_progress_fortnight import fortnight


@pytest.fixture
def filled(context: Context) -> Context:
    with context.uow() as uow:
        uow.journal.import_journal(fortnight(), replace=True)
        uow.commit()
    return context


def test_progress_page_has_charts_summaries_and_tables(client, filled) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/progress")
    assert page.status_code == 200
    html = page.text
    # On Nov 20 the last 7 days (14-20) hold pain 3 and 3: 3 points below the first week's 6.
    assert "Your pain is 3 points lower than in your first week — a meaningful change." in html
    assert html.count('role="img"') >= 3
    for key in ("web-pain", "web-mobility", "web-minutes"):
        assert f'aria-labelledby="{key}-title {key}-desc"' in html
    assert "<table>" in html and "7-day average" in html
    assert ' style="' not in html  # the page's CSP forbids inline styles
    assert not re.search(r'(src|href)="(https?:)?//', html)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'href="/report"' in html


def test_progress_page_without_data(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/progress")
    assert page.status_code == 200
    assert "Nothing to show yet" in page.text


def test_api_progress(client, filled) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/v1/progress", params={"date": "2026-11-15"}).json()
    assert data["pain"]["latest"] == 3.5
    assert data["adherence"]["done_days"] == 5
    assert data["from"] == "2026-08-24"  # the default range: the 12 weeks up to `date`
    for params, field in (
        ({"date": "soon"}, "date"),
        ({"date": "2027-01-01"}, "date"),
        ({"to": "2027-01-01"}, "to"),
        ({"from": "2026-13-01"}, "from"),
        ({"from": "2026-11-16", "to": "2026-11-15"}, "from"),
        ({"from": "2025-11-01", "to": "2026-11-15"}, "from"),  # more than a year
        ({"to": "2026-11-15", "date": "2026-11-15"}, "date"),
    ):
        refused = client.get("/api/v1/progress", params=params)
        assert refused.status_code == 422, params
        assert refused.json()["field"] == field and refused.json()["detail"].startswith(field)


def test_api_progress_lists_the_range_asked(client, filled) -> None:  # type: ignore[no-untyped-def]
    whole = client.get("/api/v1/progress", params={"from": "2026-11-02", "to": "2026-11-15"})
    part = client.get("/api/v1/progress", params={"from": "2026-11-10", "to": "2026-11-15"})
    assert whole.status_code == part.status_code == 200
    days = [d["date"] for d in part.json()["pain"]["days"]]
    assert days == [f"2026-11-{n}" for n in range(10, 16)]
    assert [w["start"] for w in part.json()["aerobic"]["weeks"]] == ["2026-11-09"]
    for key in ("summaries", "adherence", "hurt", "symptoms", "function"):
        assert part.json()[key] == whole.json()[key], key  # totals of the whole program
    assert part.json()["pain"]["latest"] == whole.json()["pain"]["latest"] == 3.5


def test_rate_form(client, filled) -> None:  # type: ignore[no-untyped-def]
    ok = client.submit("/progress/rate", {"activity": "sitting for 30 minutes", "score": "8"})
    assert ok.status_code == 303
    page = client.get("/progress").text
    assert "6 (15 Nov)" not in page and "8 (20 Nov)" in page
    bad = client.submit("/progress/rate", {"activity": "sitting for 30 minutes", "score": "12"})
    assert bad.status_code == 400
    assert 'id="score-error"' in bad.text
    for name in ("driving", "lifting"):
        assert client.submit("/progress/rate", {"activity": name, "score": "5"}).status_code == 303
    sixth = client.submit("/progress/rate", {"activity": "gardening", "score": "5"})
    assert sixth.status_code == 400
    assert 'id="activity-error"' in sixth.text
    assert "already rate 5 activities" in sixth.text
    missing_token = client.post("/progress/rate", data={"activity": "x", "score": "1"})
    assert missing_token.status_code in (400, 403)


def test_report_page_and_downloads(client, filled) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/report", params={"from": "2026-11-02", "to": "2026-11-15"})
    assert page.status_code == 200
    assert 'href="/report.pdf?from=2026-11-02&amp;to=2026-11-15"' in page.text
    pdf = client.get("/report.pdf", params={"from": "2026-11-02", "to": "2026-11-15"})
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    html = client.get("/report.html", params={"to": "2026-11-15"})
    assert html.status_code == 200
    assert "2.5 points lower" in html.text
    assert "sicoach-report-2026-11-02-to-2026-11-15.html" in html.headers["content-disposition"]


def test_report_bad_period(client, filled) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/report", params={"from": "2026-11-15", "to": "2026-11-10"})
    assert page.status_code == 400
    assert 'id="from-error"' in page.text
    assert client.get("/report.pdf", params={"to": "not-a-date"}).status_code == 400


def test_export_downloads(client, filled) -> None:  # type: ignore[no-untyped-def]
    import io
    import json
    import zipfile

    from fhir.resources.R4B.bundle import Bundle
    from icalendar import Calendar

    page = client.get("/report").text
    for href in (
        "/export/sicoach-fhir.json",
        "/export/sicoach-csv.zip",
        "/export/sicoach-reminders.ics",
    ):
        assert f'href="{href}"' in page
    fhir = client.get("/export/sicoach-fhir.json")
    assert fhir.headers["content-type"].startswith("application/fhir+json")
    assert Bundle.model_validate(json.loads(fhir.text)).type == "collection"
    ics = client.get("/export/sicoach-reminders.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(ics.text).walk("VEVENT")
    assert event["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/export/sicoach-csv.zip").content))
    assert sorted(archive.namelist()) == sorted(
        [
            "checkins.csv",
            "sessions.csv",
            "session_exercises.csv",
            "activities.csv",
            "function.csv",
            "profile.csv",
            "reviews.csv",
        ]
    )
    assert archive.read("activities.csv").decode().count("\n") == 8  # header + 7 records


def test_report_page_counts_sessions_in_the_chosen_dates(client, filled) -> None:  # type: ignore[no-untyped-def]
    """The summary under the chosen dates counts the sessions of those dates (the PDF does
    too), not those since the start."""
    page = client.get("/report", params={"from": "2026-11-09", "to": "2026-11-15"}).text
    assert "In these dates you did a session on 3 of your 3 training days (100%)." in page
    assert "5 of your 6 training days" not in page
    assert "2.5 points lower than in your first week" in page  # the change stays from week one


def test_progress_page_on_the_first_day(client, context: Context) -> None:  # type: ignore[no-untyped-def]
    from sicoach.services.journal import log_checkin

    log_checkin(context, pain=5, mobility=4)
    html = client.get("/progress").text
    assert "The numbers: pain, your first day" in html
    assert "last 1 days" not in html
