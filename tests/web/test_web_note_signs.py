"""The check-in page shows the warning signs read from the note, and takes "that's not so"."""

from __future__ import annotations

import re

from tests.web.conftest import WebClient


def _level(client: WebClient) -> str:
    return client.get("/api/v1/safety").json()["level"]


def test_a_note_sign_is_shown_right_after_saving_and_not_so_lowers_the_level(
    person: WebClient,
) -> None:
    saved = person.submit("/checkin", {"pain": "3", "note": "now both legs are numb"})
    assert saved.status_code == 303
    assert saved.headers["location"] == "/checkin/note?date=2026-11-20"
    page = person.get(saved.headers["location"])
    text = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
    assert (
        "Your note mentions numbness, tingling, pain or weakness in both legs : "
        "this needs emergency care now." in text
    )
    assert "safety-emergency" in page.text  # the banner at the top says what to do
    assert _level(person) == "emergency"

    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    undone = person.post(
        "/checkin/note/not-so",
        data={"csrf_token": token.group(1), "date": "2026-11-20", "code": "both_legs_symptoms"},
        follow_redirects=False,
    )
    assert undone.status_code == 303
    after = person.get(undone.headers["location"])
    assert "Noted: your note does not mean numbness, tingling, pain or weakness" in after.text
    assert "That's not so" not in after.text
    assert _level(person) == "continue"


def test_a_note_without_a_warning_sign_goes_back_as_before(person: WebClient) -> None:
    saved = person.submit("/checkin", {"pain": "3", "note": "no fever, walked 20 minutes"})
    assert saved.status_code == 303
    assert saved.headers["location"].startswith("/?saved=")


def test_the_form_shows_only_ticked_boxes_so_a_resave_keeps_the_note_sign_apart(
    person: WebClient,
) -> None:
    person.submit("/checkin", {"pain": "3", "note": "I have a fever"})
    form = person.get("/checkin").text
    assert re.search(r'value="fever"\s+checked', form) is None
    person.submit("/checkin", {"pain": "4", "note": "I have a fever"})
    day = person.get("/api/v1/checkins").json()[-1]
    assert day["symptoms"] == ["fever"] and day["note_symptoms"] == ["fever"]


def test_not_so_for_a_sign_not_read_from_the_note_is_a_400(person: WebClient) -> None:
    person.submit("/checkin", {"pain": "3", "note": "I have a fever"})
    wrong = person.submit("/checkin/note/not-so", {"date": "2026-11-20", "code": "chest_pain"})
    assert wrong.status_code == 400
    assert "is not a sign read from the note" in wrong.text
    assert _level(person) == "urgent"


def test_the_api_returns_the_note_signs_and_takes_not_so(person: WebClient) -> None:
    saved = person.post("/api/v1/checkins", json={"pain": 2, "note": "I wet myself"})
    assert saved.status_code == 201, saved.text
    assert saved.json()["note_symptoms"] == ["bladder_bowel_change"]
    assert saved.json()["safety"]["level"] == "emergency"
    undone = person.post(
        "/api/v1/checkins/2026-11-20/not-so", json={"code": "bladder_bowel_change"}
    )
    assert undone.status_code == 200, undone.text
    assert undone.json()["note_symptoms"] == []
    assert undone.json()["safety"]["level"] == "continue"
