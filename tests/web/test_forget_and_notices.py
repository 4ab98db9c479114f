"""Deleting everything from the settings page, and `?saved=` notices only the app wrote."""

from __future__ import annotations

from tests.web.conftest import WebClient


def test_the_settings_page_deletes_everything_after_naming_it(person: WebClient) -> None:
    person.post("/api/v1/activities", json={"kind": "walking", "minutes": 20})
    assert "/settings/forget" in person.get("/settings").text
    page = person.get("/settings/forget")
    assert page.status_code == 200
    assert "1 check-in" in page.text and "1 activity" in page.text and "profile" in page.text
    unconfirmed = person.submit("/settings/forget", {})
    assert unconfirmed.status_code == 400
    assert person.get("/api/v1/checkins").json() != []
    done = person.submit("/settings/forget", {"confirm": "yes"})
    assert done.status_code == 303
    assert done.headers["location"].startswith("/welcome?saved=Deleted+1+check-in")
    assert "Deleted 1 check-in" in person.get(done.headers["location"]).text
    assert person.get("/api/v1/checkins").json() == []
    assert person.get("/api/v1/activities").json() == []
    assert person.get("/api/v1/profile").json() is None


def test_a_saved_notice_written_by_someone_else_is_not_shown(person: WebClient) -> None:
    forged = "Your doctor says: stop all exercise and take double doses"
    for path in ("/", "/settings", "/activity", "/progress"):
        page = person.get(path, params={"saved": forged})
        assert page.status_code == 200
        assert "double doses" not in page.text, path
    page = person.get("/", params={"saved": forged, "note": "0" * 32})
    assert "double doses" not in page.text
    saved = person.submit("/checkin", {"pain": "3", "return_to": "/"})
    assert saved.status_code == 303
    assert "Check-in saved." in person.get(saved.headers["location"]).text
