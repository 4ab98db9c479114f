"""A day that ends: Today after a session says so, the week counts training days done,
an unfinished session can be resumed, and saving a check-in or a walk says what changed."""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlsplit

from sicoach.web.routes.journal import SURE_ABOVE
from tests.web.conftest import WebClient


def _session(person: WebClient, results: list[dict[str, object]], finish: bool = True) -> int:
    session_id = int(person.post("/api/v1/sessions", json={"pain_before": 4}).json()["id"])
    for result in results:
        url = f"/api/v1/sessions/{session_id}/exercises"
        assert person.post(url, json=result).status_code == 201
    if finish:
        body = {"pain_after": 3, "partial": False}
        assert person.post(f"/api/v1/sessions/{session_id}/finish", json=body).status_code == 200
    return session_id


def test_today_says_the_routine_is_done(person: WebClient) -> None:
    before = html.unescape(person.get("/").text)
    assert "This week: 0 of 7 training days" in before and "Today's routine: done" not in before
    assert "To do" in before and "Done today" not in before
    _session(
        person,
        [
            {"id": "pelvic_tilt", "reps": 10},
            {"id": "bridge", "reps": 2, "ending": "hurt", "pain": 6},
            {"id": "cat_cow", "ending": "skipped"},
        ],
    )
    page = html.unescape(person.get("/").text)
    assert "Today's routine: done at 08:00</strong> — 1 of 3.</span>" in page
    assert "Bridge: stopped (it hurt)" in page and "Cat-cow: skipped" in page
    assert "Done today" in page and "Stopped today: it hurt" in page
    assert "This week: 1 of 7 training days" in page
    assert "Resume session" not in page and "None of these: start again" in page


def test_an_unfinished_session_of_today_can_be_resumed(person: WebClient) -> None:
    session_id = _session(person, [{"id": "pelvic_tilt", "reps": 10}], finish=False)
    page = person.get("/").text
    assert f'href="/session/play?id={session_id}">Resume session</a>' in page
    assert "1 exercise saved, 9 left" in page


def test_a_session_stopped_for_pain_is_not_offered_to_resume(person: WebClient) -> None:
    _session(person, [{"id": "pelvic_tilt", "ending": "hurt", "pain": 8}], finish=False)
    assert "Resume session" not in person.get("/").text


def _notice(response) -> str:  # type: ignore[no-untyped-def]
    query = parse_qs(urlsplit(response.headers["location"]).query)
    return query["saved"][0]


def test_a_check_in_says_what_it_changed(person: WebClient) -> None:
    calm = person.submit("/checkin", {"pain": "3", "return_to": "/"})
    assert _notice(calm) == "Check-in saved. Safety: no change. Today's plan: no change."
    assert "Today&#39;s plan: no change." in person.get(calm.headers["location"]).text
    fever = person.submit("/checkin", {"pain": "4", "symptoms": ["fever"], "return_to": "/"})
    assert _notice(fever) == (
        "Check-in saved. Safety: now stop the exercises and see a doctor today. "
        "Today's plan: no exercises today."
    )


def test_a_walk_says_the_week_so_far_and_a_long_one_asks_first(person: WebClient) -> None:
    walk = person.submit("/activity", {"kind": "walking", "minutes": "20"})
    notice = _notice(walk)
    assert notice.startswith("Saved: 20 minutes of walking. Safety: no change.")
    assert "This week: 20 of " in notice
    long = person.submit("/activity", {"kind": "walking", "minutes": "300"})
    assert long.status_code == 200 and "300 minutes is 5 hours. Are you sure?" in long.text
    assert "Yes, save 300 minutes" in long.text
    assert len(person.get("/api/v1/activities").json()) == 1  # nothing saved yet
    sure = person.submit("/activity", {"kind": "walking", "minutes": "300", "sure": "on"})
    assert sure.status_code == 303 and len(person.get("/api/v1/activities").json()) == 2
    # The offline form asks with the server's own number, rendered into the page.
    assert f'data-sure-above="{SURE_ABOVE}"' in person.get("/activity").text


def test_today_says_the_walk_and_keeps_the_arithmetic_behind_why_this_number(
    person: WebClient,
) -> None:
    page = html.unescape(person.get("/").text)
    section = page.split('id="aerobic-title"')[1].split("</section>")[0]
    main_text, behind = section.split("<summary>Why this number?</summary>")
    assert "About 10 minutes of walking today." in main_text
    assert "were left when today began" not in main_text and "Our own rule" not in main_text
    assert "were left when today began" in behind and "Our own rule" in behind
