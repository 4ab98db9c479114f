"""Every page renders, redirects before first use, and bad form input comes back explained."""

from __future__ import annotations

import html
import re

from tests.web.conftest import WELCOME, WebClient

PAGES = (
    "/",
    "/checkin",
    "/activity",
    "/history",
    "/session",
    "/exercises",
    "/exercises/pelvic_tilt",
    "/exercises/low_impact_aerobics",
    "/learn",
    "/safety",
    "/settings",
    "/?date=2026-11-21",
)


def test_home_redirects_to_first_use(client: WebClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/welcome"
    assert client.get("/session", follow_redirects=False).headers["location"] == "/welcome"
    page = client.get("/welcome").text
    assert "It is not a doctor" in page
    assert 'name="flag"' not in page  # the safety questions come before the first session


def test_every_page_renders(person: WebClient) -> None:
    for path in PAGES:
        response = person.get(path)
        assert response.status_code == 200, path
        assert "<h1" in response.text, path
        assert 'aria-label="Main"' in response.text, path


def test_unknown_exercise_is_404(person: WebClient) -> None:
    response = person.get("/exercises/handstand")
    assert response.status_code == 404
    assert "could not find" in response.text


def test_today_shows_routine_aerobic_and_pain(person: WebClient) -> None:
    page = person.get("/").text
    assert "Today, Friday 20 November" in page
    assert "None of these: start session" in page  # the once-a-day safety list first
    assert "This week:" in page and "minutes" in page
    assert 'aria-label="Bar chart of your pain over the last 14 days"' in page
    assert "Hold 5 seconds, 10 times" in page  # the pelvic tilt's dose


def test_first_use_mistakes_keep_values(client: WebClient) -> None:
    bad = {**WELCOME, "pain": "11", "birth_year": "abc", "understood": ""}
    response = client.submit("/welcome", bad)
    assert response.status_code == 400
    text = response.text
    assert 'id="pain-error"' in text and "11 is above the maximum of 10" in text
    assert 'id="birth_year-error"' in text and "must be a whole number" in text
    assert 'aria-describedby="birth_year-error"' in text
    assert 'value="abc"' in text
    assert 'id="understood-error"' in text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_first_use_plans_every_day_until_told_otherwise(client: WebClient) -> None:
    response = client.submit("/welcome", {**WELCOME, "training_days": []})
    assert response.status_code == 303
    assert client.get("/api/v1/profile").json()["plan"]["training_days"] == [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]


def test_first_use_pregnant_needs_due_date(client: WebClient) -> None:
    response = client.submit("/welcome", {**WELCOME, "pregnancy": "pregnant"})
    assert response.status_code == 400
    assert 'id="due_date-error"' in response.text
    ok = client.submit("/welcome", {**WELCOME, "pregnancy": "pregnant", "due_date": "2027-02-20"})
    assert ok.status_code == 303
    profile = client.get("/api/v1/profile").json()
    assert profile["pregnancy"] == {"status": "pregnant", "due_date": "2027-02-20"}
    assert "Is your baby moving less than usual?" in client.get("/session").text


def test_first_use_emergency_goes_to_safety(client: WebClient) -> None:
    response = client.submit("/welcome", {**WELCOME, "flag": ["bladder_bowel_change"]})
    assert response.status_code == 303 and response.headers["location"] == "/safety"
    page = client.get("/").text
    assert "safety-emergency" in page and "Call your local emergency number now" in page
    assert "start session" not in page.lower()


def test_checkin_saves_and_redirects(person: WebClient) -> None:
    response = person.submit(
        "/checkin",
        {"pain": "3", "mobility": "6", "symptoms": ["sleep_difficulty"], "note": "ok"},
    )
    assert response.status_code == 303
    (saved,) = [c for c in person.get("/api/v1/checkins").json() if c["date"] == "2026-11-20"]
    assert saved["pain"] == 3 and saved["mobility"] == 6
    assert saved["symptoms"] == ["sleep_difficulty"] and saved["note"] == "ok"


def test_checkin_bad_input(person: WebClient) -> None:
    response = person.submit(
        "/checkin", {"pain": "x", "mobility": "12", "symptoms": ["sleep_difficulty"]}
    )
    assert response.status_code == 400
    assert "must be a whole number, not 'x'" in html.unescape(response.text)
    assert "12 is above the maximum of 10" in response.text
    assert re.search(r'value="sleep_difficulty" checked', response.text)
    future = person.submit("/checkin", {"pain": "3", "date": "2026-12-01"})
    assert future.status_code == 400 and "in the future" in future.text
    unknown = person.submit("/checkin", {"pain": "3", "symptoms": ["hiccups"]})
    assert unknown.status_code == 400 and "not a known symptom code" in unknown.text


def test_checkin_red_flag_shows_banner(person: WebClient) -> None:
    person.submit("/checkin", {"pain": "4", "symptoms": ["fever"]})
    page = person.get("/").text
    assert "safety-urgent" in page and "see a doctor today" in page


def test_quick_checkin_returns_to_today(client: WebClient) -> None:
    response = client.submit("/welcome", WELCOME)
    assert response.status_code == 303
    back = client.submit("/checkin", {"pain": "2", "return_to": "/"})
    assert back.headers["location"].startswith("/?saved=")
    elsewhere = client.submit("/checkin", {"pain": "2", "return_to": "https://evil.example"})
    assert elsewhere.headers["location"].startswith("/?saved=")


def test_activity_log(person: WebClient) -> None:
    response = person.submit("/activity", {"kind": "walking", "minutes": "25"})
    assert response.status_code == 303
    assert "25 minutes of walking" in person.get(response.headers["location"]).text
    assert person.get("/api/v1/activities").json() == [
        {"date": "2026-11-20", "kind": "walking", "minutes": 25}
    ]
    assert "<strong>25 of" in person.get("/").text


def test_activity_bad_input(person: WebClient) -> None:
    response = person.submit("/activity", {"kind": "skydiving", "minutes": "0"})
    assert response.status_code == 400
    assert "not a known kind of activity" in response.text
    missing = person.submit("/activity", {"kind": "walking", "minutes": ""})
    assert missing.status_code == 400 and 'id="minutes-error"' in missing.text
    assert person.get("/api/v1/activities").json() == []


def test_history_lists_records(person: WebClient) -> None:
    person.submit("/activity", {"kind": "swimming", "minutes": "30"})
    page = person.get("/history").text
    assert "Swimming" in page and "Fri 20 Nov 2026" in page


def test_exercise_detail(person: WebClient) -> None:
    page = person.get("/exercises/bridge").text
    assert '<img class="figure" src="/figures/bridge/up.svg"' in page
    assert "How to do it" in page and "Dose" in page


def test_preview_date_checked(person: WebClient) -> None:
    assert person.get("/?date=2026-12-24").status_code == 400
    assert person.get("/?date=soon").status_code == 400


def test_left_out_exercise_can_be_brought_back(person: WebClient) -> None:
    ids = person.app.state.context.catalog.exercise_ids  # type: ignore[attr-defined]
    person.submit("/settings/plan", {"included": [i for i in ids if i != "bridge"]})
    page = person.get("/").text
    assert 'action="/plan/include"' in page and "Bring it back" in page
    assert "`sicoach" not in page
    response = person.submit("/plan/include", {"exercise": "bridge"})
    assert response.status_code == 303
    plan = person.get("/api/v1/plan").json()
    assert next(e for e in plan["exercises"] if e["id"] == "bridge")["status"] != "skipped"
    assert person.submit("/plan/include", {"exercise": "handstand"}).status_code == 400
    assert person.submit("/plan/explode", {"exercise": "bridge"}).status_code == 404


def test_enable_after_hurting_twice(person: WebClient) -> None:
    document = person.get("/api/v1/journal").json()
    hurt = [{"id": "bridge", "hurt": True, "pain": 6}]
    document["sessions"] = [
        {"started_at": "2026-11-10T07:30:00", "exercises": hurt},
        {"started_at": "2026-11-16T07:30:00", "exercises": hurt},
    ]
    assert person.post("/api/v1/journal?replace=true", json=document).status_code == 200
    page = person.get("/").text
    assert 'action="/plan/turn_back_on"' in page and "Turn it back on" in page
    assert "You can turn it back on" in page and "`sicoach" not in page
    response = person.submit("/plan/turn_back_on", {"exercise": "bridge"})
    assert response.status_code == 303
    choices = person.get("/api/v1/profile").json()["plan"]
    assert {"id": "bridge", "date": "2026-11-20"} in choices["enabled"]
    bridge = next(e for e in person.get("/api/v1/plan").json()["exercises"] if e["id"] == "bridge")
    assert bridge["status"] == "modified" and bridge["level"] == 0


def test_banner_uses_the_same_assessment_as_the_safety_service(person: WebClient) -> None:
    """The banner may take today's assessment from the cached plan: they must agree."""
    from sicoach.services import plan, safety

    ctx = person.app.state.context  # type: ignore[attr-defined]
    for symptoms in (["leg_numbness"], ["night_pain", "pain_hips"], ["saddle_numbness"]):
        person.submit("/checkin", {"pain": "5", "symptoms": symptoms})
        person.get("/")
        assert plan.plan_today(ctx).safety == safety.assess(ctx)
        level = safety.assess(ctx).level.value
        assert f"safety-{level}" in person.get("/learn").text
