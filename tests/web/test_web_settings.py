"""Settings: profile, routine choices, download and upload of the journal."""

from __future__ import annotations

import json

from tests.web.conftest import WELCOME, WebClient


def test_profile_update_and_mistake(person: WebClient) -> None:
    page = person.get("/settings").text
    assert 'value="1984"' in page
    ok = person.submit("/settings/profile", {**WELCOME, "birth_year": "1970"})
    assert ok.status_code == 303
    assert person.get("/api/v1/profile").json()["birth_year"] == 1970
    bad = person.submit("/settings/profile", {**WELCOME, "birth_year": "2030"})
    assert bad.status_code == 400
    assert 'id="birth_year-error"' in bad.text and 'value="2030"' in bad.text
    assert person.get("/api/v1/profile").json()["birth_year"] == 1970


def test_training_days_kept_in_profile(person: WebClient) -> None:
    person.submit("/settings/profile", {**WELCOME, "training_days": ["mon", "wed", "fri"]})
    plan = person.get("/api/v1/profile").json()["plan"]
    assert plan["training_days"] == ["mon", "wed", "fri"]


def test_plan_choices(person: WebClient) -> None:
    keep = ["pelvic_tilt", "bridge", "cat_cow"]
    response = person.submit("/settings/plan", {"included": keep, "reminder_time": "07:30"})
    assert response.status_code == 303
    plan = person.get("/api/v1/plan").json()
    skipped = {e["id"] for e in plan["exercises"] if e["status"] == "skipped"}
    assert "triangle_pose" in skipped and "pelvic_tilt" not in skipped
    choices = person.get("/api/v1/profile").json()["plan"]
    assert choices["reminder_time"] == "07:30"
    bad = person.submit("/settings/plan", {"included": keep, "reminder_time": "7 am"})
    assert bad.status_code == 400 and 'id="reminder_time-error"' in bad.text
    none = person.submit("/settings/plan", {"reminder_time": ""})
    assert none.status_code == 400 and "at least one exercise" in none.text


def test_export_download(person: WebClient) -> None:
    response = person.get("/settings/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "attachment" in response.headers["content-disposition"]
    assert json.loads(response.text)["format"] == "sicoach.journal"


def _upload(client: WebClient, content: bytes, replace: bool = False):  # type: ignore[no-untyped-def]
    data = {"csrf_token": client.form_token()}
    if replace:
        data["replace"] = "on"
    return client.post(
        "/settings/import",
        data=data,
        files={"file": ("journal.json", content, "application/json")},
        follow_redirects=False,
    )


def test_import_upload(client: WebClient, person: WebClient) -> None:
    document = person.get("/api/v1/journal").json()
    document["activities"] = [{"date": "2026-11-18", "kind": "walking", "minutes": 30}]
    document["checkins"] = [{"date": "2026-11-10", "pain": 6}]
    response = _upload(person, json.dumps(document).encode(), replace=True)
    assert response.status_code == 303, response.text
    assert "Imported+1+check-in%2C+0+sessions+and+1+activity." in response.headers["location"]
    assert person.get("/api/v1/activities").json()[0]["minutes"] == 30


def test_import_upload_refuses_bad_file(person: WebClient) -> None:
    before = person.get("/api/v1/journal").json()
    broken = {**before, "checkins": [{"date": "2026-11-10", "pain": 11}]}
    response = _upload(person, json.dumps(broken).encode(), replace=True)
    assert response.status_code == 422
    assert "checkins[0].pain: 11 is above the maximum of 10" in response.text
    assert 'id="file-error"' in response.text
    not_json = _upload(person, b"hello")
    assert not_json.status_code == 422
    no_version = _upload(person, json.dumps({"format": "sicoach.journal"}).encode())
    assert no_version.status_code == 422
    assert "This file is not an SI Coach diary: it has no version." in no_version.text
    assert "every a journal" not in no_version.text
    newer = _upload(person, json.dumps({**before, "version": 2}).encode())
    assert "This diary is version 2, which this SI Coach cannot read" in newer.text
    binary = _upload(person, b"\xff\xfe\x00")
    assert binary.status_code == 400
    empty = person.post(
        "/settings/import", data={"csrf_token": person.form_token()}, follow_redirects=False
    )
    assert empty.status_code == 400 and "choose a journal file" in empty.text
    assert person.get("/api/v1/journal").json() == before
