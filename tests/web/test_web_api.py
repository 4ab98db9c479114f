"""The JSON API under /api/v1: the same services and messages as the pages and the CLI."""

from __future__ import annotations

import json
from typing import Any

from tests.web.conftest import WebClient


def test_openapi_lists_the_api(client: WebClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/checkins",
        "/api/v1/activities",
        "/api/v1/profile",
        "/api/v1/plan",
        "/api/v1/session/script",
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}/exercises",
        "/api/v1/sessions/{session_id}/finish",
        "/api/v1/safety",
        "/api/v1/screen",
        "/api/v1/journal",
    ):
        assert path in paths, path
    assert not any(p.startswith("/settings") for p in paths)


def test_profile_api(client: WebClient) -> None:
    assert client.get("/api/v1/profile").json() is None
    response = client.put(
        "/api/v1/profile",
        json={"birth_year": 1960, "sex": "male", "history": ["osteoporosis"]},
    )
    assert response.status_code == 200, response.text
    profile = response.json()
    assert profile["birth_year"] == 1960 and profile["history"] == ["osteoporosis"]
    assert profile["started_on"] == "2026-11-20"
    bad = client.put("/api/v1/profile", json={"birth_year": 1800})
    assert bad.status_code == 422 and "birth_year" in bad.json()["detail"]
    unknown = client.put("/api/v1/profile", json={"shoe_size": 44})
    assert unknown.status_code == 422 and "shoe_size" in unknown.json()["detail"]
    assert client.get("/api/v1/profile").json()["birth_year"] == 1960


def test_checkins_api(client: WebClient) -> None:
    response = client.post(
        "/api/v1/checkins", json={"pain": 4, "mobility": 5, "symptoms": ["pain_hips"]}
    )
    assert response.status_code == 201, response.text
    assert response.json()["safety"]["level"] == "continue"
    assert client.get("/api/v1/checkins").json()[0]["pain"] == 4
    bad = client.post("/api/v1/checkins", json={"pain": 11})
    assert bad.status_code == 422
    assert bad.json()["detail"] == "pain: 11 is above the maximum of 10"
    wrong_type = client.post("/api/v1/checkins", json={"pain": "lots"})
    assert wrong_type.status_code == 422 and "pain" in wrong_type.json()["detail"]
    flagged = client.post("/api/v1/checkins", json={"pain": 6, "symptoms": ["chest_pain"]})
    assert flagged.json()["safety"]["level"] == "emergency"


def test_activities_api(client: WebClient) -> None:
    ok = client.post("/api/v1/activities", json={"kind": "cycling", "minutes": 15})
    assert ok.status_code == 201
    assert client.get("/api/v1/activities").json() == [
        {"date": "2026-11-20", "kind": "cycling", "minutes": 15}
    ]
    bad = client.post("/api/v1/activities", json={"kind": "cycling", "minutes": 2000})
    assert bad.status_code == 422 and "minutes" in bad.json()["detail"]
    future = client.post(
        "/api/v1/activities", json={"kind": "walking", "minutes": 5, "date": "2027-01-01"}
    )
    assert future.status_code == 422 and "future" in future.json()["detail"]


def test_an_activity_resent_with_its_client_id_is_stored_once(client: WebClient) -> None:
    walk = {"kind": "walking", "minutes": 20, "date": "2026-11-19", "client_id": "a1b2c3d4e5f6"}
    for _ in range(3):  # an app offline sends again when it never saw the answer
        answer = client.post("/api/v1/activities", json=walk)
        assert answer.status_code == 201, answer.text
        assert answer.json()["saved"]["minutes"] == 20
    other = {**walk, "client_id": "ffff0000eeee"}
    assert client.post("/api/v1/activities", json=other).status_code == 201
    assert client.post("/api/v1/activities", json={**walk, "client_id": None}).status_code == 201
    walks = [a for a in client.get("/api/v1/activities").json() if a["date"] == "2026-11-19"]
    assert len(walks) == 3  # one per client id, and one with none
    bad = client.post("/api/v1/activities", json={**walk, "client_id": "no spaces!"})
    assert bad.status_code == 422 and "client_id" in bad.json()["detail"]


def test_plan_and_script_api(person: WebClient) -> None:
    plan = person.get("/api/v1/plan").json()
    assert plan["date"] == "2026-11-20"
    assert {e["id"] for e in plan["exercises"]} >= {"pelvic_tilt", "bridge"}
    assert person.get("/api/v1/plan/today").json() == plan
    assert person.get("/api/v1/plan?date=2026-11-21").json()["date"] == "2026-11-21"
    assert person.get("/api/v1/plan?date=2027-01-01").status_code == 400
    script = person.get("/api/v1/session/script").json()
    assert script["steps"][-1]["kind"] == "done"
    assert script["total_seconds"] == sum(s["seconds"] for s in script["steps"])


def test_safety_and_screen_api(person: WebClient) -> None:
    assert person.get("/api/v1/safety").json()["level"] == "continue"
    questions = person.get("/api/v1/screen").json()
    assert {"code": "chest_pain", "group": "emergency"}.items() <= {
        k: v for q in questions if q["code"] == "chest_pain" for k, v in q.items()
    }.items()
    answers = {q["code"]: False for q in questions}
    calm = person.post("/api/v1/screen", json={"answers": answers})
    assert calm.status_code == 200 and calm.json()["stop"] is False
    bad = person.post("/api/v1/screen", json={"answers": {"hiccups": True}})
    assert bad.status_code == 422 and "hiccups" in bad.json()["detail"]
    stop = person.post("/api/v1/screen", json={"answers": {**answers, "fever": True}})
    assert stop.json()["stop"] is True and stop.json()["level"] == "urgent"


def test_session_api_saves_as_it_goes(person: WebClient) -> None:
    begun = person.post("/api/v1/sessions", json={"pain_before": 4})
    assert begun.status_code == 201
    session_id = begun.json()["id"]
    url = f"/api/v1/sessions/{session_id}"
    done = person.post(f"{url}/exercises", json={"id": "pelvic_tilt", "reps": 10})
    assert done.status_code == 201
    hurt = person.post(
        f"{url}/exercises", json={"id": "bridge", "reps": 2, "ending": "hurt", "pain": 6}
    )
    assert hurt.status_code == 201
    partial = person.get("/api/v1/journal").json()["sessions"][0]
    assert partial["partial"] is True and len(partial["exercises"]) == 2
    bad = person.post(f"{url}/exercises", json={"id": "handstand"})
    assert bad.status_code == 422 and "handstand" in bad.json()["detail"]
    bad_pain = person.post(f"{url}/exercises", json={"id": "cat_cow", "pain": 14})
    assert bad_pain.status_code == 422
    missing = person.post("/api/v1/sessions/999/exercises", json={"id": "cat_cow"})
    assert missing.status_code == 404
    finished = person.post(f"{url}/finish", json={"pain_after": 3})
    assert finished.status_code == 200
    body = finished.json()
    assert body["summary"]["pain_before"] == 4 and body["summary"]["pain_after"] == 3
    assert body["summary"]["hurt"] == ["Bridge pose"] or body["summary"]["hurt"]
    saved = person.get("/api/v1/journal").json()["sessions"][0]
    assert saved["partial"] is False and saved["pain_after"] == 3
    assert person.post("/api/v1/sessions", json={"pain_before": 12}).status_code == 422


def test_journal_export_import_round_trip(person: WebClient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person.post("/api/v1/activities", json={"kind": "walking", "minutes": 20})
    document = person.get("/api/v1/journal").json()
    assert document["format"] == "sicoach.journal" and document["version"] == 1
    again = person.post(
        "/api/v1/journal",
        content=json.dumps(document).encode(),
        headers={"content-type": "application/json"},
    )
    assert again.status_code == 409  # a Conflict: allowed with ?replace=true
    assert "already has" in again.json()["detail"]
    replaced = person.post(
        "/api/v1/journal?replace=true",
        content=json.dumps(document).encode(),
        headers={"content-type": "application/json"},
    )
    assert replaced.status_code == 200, replaced.text
    assert person.get("/api/v1/journal").json() == document
    broken = {**document, "checkins": [{"date": "2026-11-19", "pain": 11}]}
    refused = person.post("/api/v1/journal?replace=true", json=broken)
    assert refused.status_code == 422
    assert refused.json()["detail"] == "checkins[0].pain: 11 is above the maximum of 10"
    assert person.get("/api/v1/journal").json() == document


def test_api_body_type_errors_name_the_field(client: WebClient) -> None:
    for body, field in (
        ({"date": "soon"}, "date"),
        ({"pain": 3.5}, "pain"),
        ({"mood": "fine"}, "mood"),
        ([], "body"),
    ):
        response = client.post("/api/v1/checkins", json=body)
        assert response.status_code == 422
        assert response.json()["detail"].startswith(f"{field}:"), response.json()["detail"]
    broken = client.post(
        "/api/v1/checkins", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422
    assert client.get("/api/v1/checkins").json() == []


def test_session_api_takes_how_an_exercise_ended(person: WebClient) -> None:
    """The player sends the ending; the service decides a skip after 3 repetitions is a skip."""
    session_id = person.post("/api/v1/sessions", json={"pain_before": 3}).json()["id"]
    url = f"/api/v1/sessions/{session_id}/exercises"
    partial = person.post(url, json={"id": "bridge", "reps": 3, "ending": "skipped"})
    assert partial.status_code == 201, partial.text
    assert partial.json()["saved"] == {
        "id": "bridge",
        "level": 0,
        "reps": 3,
        "hurt": False,
        "pain": None,
        "skipped": True,
    }
    unknown = person.post(url, json={"id": "cat_cow", "ending": "gave_up"})
    assert unknown.status_code == 422 and "ending" in unknown.json()["detail"]
    flags = person.post(url, json={"id": "cat_cow", "skipped": False, "reps": 3})
    assert flags.status_code == 422  # a player no longer says what counts
    finished = person.post(f"/api/v1/sessions/{session_id}/finish", json={"partial": True})
    summary = finished.json()["summary"]
    assert summary["done"] == [] and summary["skipped"] == []
    assert summary["part_done"] == ["Bridge"]  # 3 repetitions before the skip: part done


def test_openapi_describes_the_responses(client: WebClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    finish = paths["/api/v1/sessions/{session_id}/finish"]["post"]["responses"]["200"]
    assert finish["content"]["application/json"]["schema"]["$ref"].endswith("SessionFinishedOut")
    record = paths["/api/v1/sessions/{session_id}/exercises"]["post"]["responses"]["201"]
    assert record["content"]["application/json"]["schema"]["$ref"].endswith("SavedResultOut")


def _names_its_fields(schema: dict[str, Any]) -> bool:
    """A response schema that says what the body holds: a model, a list or choice of them,
    or an object with its properties listed."""
    if "$ref" in schema or "properties" in schema:
        return True
    if schema.get("type") == "array":
        return _names_its_fields(schema.get("items", {}))
    return any(_names_its_fields(s) for s in schema.get("anyOf", []) if s.get("type") != "null")


def test_every_api_answer_has_a_response_schema(client: WebClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    bare = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if not status.startswith("2"):
                    continue
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is None or not _names_its_fields(schema):
                    bare.append(f"{method.upper()} {path} {status}")
    assert not bare, bare
    for path in ("/api/v1/profile", "/api/v1/plan", "/api/v1/safety", "/api/v1/progress"):
        assert path in paths


def test_answers_keep_every_field_their_model_does_not_name(client: WebClient) -> None:
    client.post("/api/v1/checkins", json={"pain": 4})
    plan = client.get("/api/v1/plan").json()
    assert {"date", "safety", "exercises", "aerobic", "estimated_minutes"} <= set(plan)
    assert plan["exercises"][0]["steps"] and "rule" in plan["exercises"][0]
    progress = client.get("/api/v1/progress").json()
    assert {"baseline", "latest", "days", "summary"} <= set(progress["pain"])
    assert (
        progress["pain"]["days"] and "when_it_hurts" in client.get("/api/v1/session/script").json()
    )


def _loose_parts(schema: dict[str, Any], components: dict[str, Any], where: str) -> list[str]:
    """Places in a response schema that say nothing of what they hold: an object with no
    properties (a bare dict) or a schema with no type at all (Any)."""
    if "$ref" in schema:
        return []  # every component is walked once on its own
    if "anyOf" in schema:
        parts = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return [p for s in parts for p in _loose_parts(s, components, where)]
    kind = schema.get("type")
    if kind == "array":
        return _loose_parts(schema.get("items", {}), components, where + "[]")
    if kind == "object" or (kind is None and "const" not in schema and "enum" not in schema):
        properties = schema.get("properties")
        if not properties:
            return [where]
        return [
            p
            for name, part in properties.items()
            for p in _loose_parts(part, components, f"{where}.{name}")
        ]
    return []


def test_nested_parts_of_every_answer_are_typed(client: WebClient) -> None:
    """/openapi.json describes each answer down to its leaves: no nested dict or Any."""
    document = client.get("/api/v1/openapi.json").json()
    components = document["components"]["schemas"]
    answered: set[str] = set()
    for operations in document["paths"].values():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if status.startswith("2") and schema:
                    answered |= set(_refs(schema, components))
    assert {"ProgressOut", "ScriptOut", "DayPlanOut", "JournalDocumentOut"} <= answered
    loose = [
        p for name in sorted(answered) for p in _loose_parts(components[name], components, name)
    ]
    assert not loose, loose


def _refs(schema: object, components: dict[str, Any]) -> list[str]:
    """Every component a schema reaches, itself and through its parts."""
    found: list[str] = []
    stack = [schema]
    while stack:
        part = stack.pop()
        if isinstance(part, dict):
            ref = part.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                if name not in found:
                    found.append(name)
                    stack.append(components[name])
            stack.extend(part.values())
        elif isinstance(part, list):
            stack.extend(part)
    return found


def test_a_pregnancy_answers_only_its_own_date(client: WebClient) -> None:
    """The profile's pregnancy keeps the journal's shape: a due date, or a delivery date."""
    pregnant = {"status": "pregnant", "due_date": "2027-02-20"}
    assert client.put("/api/v1/profile", json={"pregnancy": pregnant}).json()["pregnancy"] == (
        pregnant
    )
    born = {"status": "postpartum", "delivery_date": "2026-10-01"}
    assert client.put("/api/v1/profile", json={"pregnancy": born}).json()["pregnancy"] == born
