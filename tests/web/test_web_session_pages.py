"""The session pages without the player: screen and pain first, stop on red flags."""

from __future__ import annotations

from datetime import timedelta

from tests.web.conftest import WebClient


def test_session_start_page(person: WebClient) -> None:
    page = person.get("/session?speed=50").text
    assert 'name="speed" value="50"' in page
    assert "Do you have any pain in your chest?" in page
    assert 'name="pain_before"' in page


def test_session_refuses_a_bad_pain(person: WebClient) -> None:
    response = person.submit("/session", {"pain_before": "x"})
    assert response.status_code == 400 and 'id="pain_before-error"' in response.text
    assert person.get("/api/v1/journal").json()["sessions"] == []


def test_the_safety_questions_are_asked_once_a_day(person: WebClient) -> None:
    from sicoach.services import safety

    ctx = person.app.state.context  # type: ignore[attr-defined]
    assert "Since yesterday, have you noticed any of these?" in person.get("/").text
    first = person.submit("/session", {"pain_before": "3"})  # every box empty: all no
    assert first.status_code == 303
    assert safety.screen_due(ctx) == []
    resume = person.get("/").text  # started, nothing saved: Today offers to carry on
    assert "Since yesterday" not in resume and "Resume session" in resume
    session_id = first.headers["location"].split("id=")[1]
    person.submit(f"/session/{session_id}/finish", {"pain_after": "2"})
    today = person.get("/").text
    assert "Since yesterday" not in today and "Do the routine again</button>" in today
    page = person.get("/session").text
    assert "You answered the safety questions today" in page and 'name="flag"' not in page
    second = person.submit("/session", {})  # a second session that day: no questions
    assert second.status_code == 303 and "/session/play?id=" in second.headers["location"]
    assert len(person.get("/api/v1/journal").json()["sessions"]) == 2
    tomorrow = ctx.clock.today() + timedelta(days=1)
    assert len(safety.screen_due(ctx, on=tomorrow)) == len(safety.screen_questions(ctx))


def test_a_yes_on_the_second_session_of_the_day_still_stops(person: WebClient) -> None:
    person.submit("/session", {"answer": "none", "asked": ["fever"]})
    person.submit("/session", {"pain_before": "3"})
    stop = person.submit("/session", {"flag": ["chest_pain"]})
    assert "Please do not exercise now" in stop.text
    assert person.post("/api/v1/sessions", json={"pain_before": 3}).status_code == 409


def test_session_begins_and_plays(person: WebClient) -> None:
    response = person.submit("/session", {"pain_before": "3", "speed": "50"})
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/session/play?id=") and location.endswith("&speed=50")
    page = person.get(location).text
    assert 'data-speed="50"' in page and 'src="/static/player.js"' in page
    assert "needs JavaScript" in page
    (session,) = person.get("/api/v1/journal").json()["sessions"]
    assert session["pain_before"] == 3 and session["partial"] is True


def test_session_finish_without_javascript(person: WebClient) -> None:
    begun = person.submit("/session", {"pain_before": "5"})
    session_id = begun.headers["location"].split("id=")[1].split("&")[0]
    done = person.submit(f"/session/{session_id}/finish", {"pain_after": "4"})
    assert done.status_code == 303
    (session,) = person.get("/api/v1/journal").json()["sessions"]
    assert session["pain_after"] == 4 and session["partial"] is False


def test_red_flag_in_screen_stops(person: WebClient) -> None:
    response = person.submit("/session", {"pain_before": "3", "flag": ["chest_pain"]})
    assert response.status_code == 200
    assert "Please do not exercise now" in response.text
    assert "safety-emergency" in response.text
    assert person.get("/api/v1/journal").json()["sessions"] == []
    assert person.post("/api/v1/sessions", json={"pain_before": 3}).status_code == 409


def test_screen_shows_every_question(person: WebClient) -> None:
    from sicoach.services import safety

    page = person.get("/session").text
    ctx = person.app.state.context  # type: ignore[attr-defined]
    for question in safety.screen_questions(ctx):
        assert f'value="{question.code}"' in page, question.code
