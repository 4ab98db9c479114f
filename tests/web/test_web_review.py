"""The review form and API in-process: Today asks "Were you checked for X?", the form lifts
the block, the emergency yes is asked for, and bad input is a 400/422 naming the field."""

from __future__ import annotations

from datetime import date

from sicoach.services import journal as journal_service
from sicoach.services.context import Context
from tests.web.conftest import WebClient


def _flag(context: Context, day: date, code: str) -> None:
    journal_service.log_checkin(context, pain=4, symptoms=[code], day=day)


def test_today_links_to_the_form_and_the_form_lifts_the_block(
    person: WebClient, context: Context
) -> None:
    _flag(context, date(2026, 11, 19), "night_pain")
    today = person.get("/").text
    assert "No exercises today" in today
    assert 'href="/review"' in today
    form = person.get("/review").text
    assert "Waiting for a check" in form and "worse at night" in form
    assert 'name="yes"' not in form  # no emergency sign: no yes to give
    done = person.submit("/review", {"date": "2026-11-19", "advice": "carry_on", "note": "GP"})
    assert done.status_code == 303 and done.headers["location"].startswith("/?saved=")
    assert "No exercises today" not in person.get("/").text


def test_an_old_emergency_sign_asks_were_you_checked_on_today(
    person: WebClient, context: Context
) -> None:
    _flag(context, date(2026, 11, 5), "saddle_numbness")
    journal_service.log_checkin(context, pain=2, day=date(2026, 11, 20))
    today = person.get("/").text
    assert "Were you checked for numbness or tingling around your genitals" in today
    refused = person.submit("/review", {"date": "2026-11-10", "advice": "gently"})
    assert refused.status_code == 400
    assert "confirm with yes" in refused.text
    assert 'id="yes"' in refused.text
    done = person.submit("/review", {"date": "2026-11-10", "advice": "gently", "yes": "yes"})
    assert done.status_code == 303
    assert "Were you checked" not in person.get("/").text


def test_bad_form_input_names_the_field(person: WebClient) -> None:
    missing = person.submit("/review", {"date": "2026-11-19"})
    assert missing.status_code == 400 and "please choose what they advised" in missing.text
    future = person.submit("/review", {"date": "2026-12-01", "advice": "stop"})
    assert future.status_code == 400 and "is in the future" in future.text
    assert person.get("/api/v1/reviews").json()["reviews"] == []


def test_api_reviews(person: WebClient, context: Context) -> None:
    _flag(context, date(2026, 11, 19), "fever")
    listed = person.get("/api/v1/reviews").json()
    assert [s["code"] for s in listed["open_signs"]] == ["fever"]
    bad = person.post("/api/v1/reviews", json={"advice": "later"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("advice:")
    ok = person.post(
        "/api/v1/reviews",
        json={"date": "2026-11-19", "advice": "stop"},
    )
    assert ok.status_code == 201, ok.text
    safety = ok.json()["safety"]
    assert [r["code"] for r in safety["reasons"]] == ["clinician_stop"]
