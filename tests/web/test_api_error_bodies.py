"""Error answers of the API match what its OpenAPI schema says, and every code it sends
is listed there; a 405 says which methods are allowed."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import WebClient

LISTED = ("400", "404", "409", "413", "415", "503")


def _matches_problem(body: Any) -> None:
    assert isinstance(body, dict) and set(body) <= {"detail", "field", "errors"}, body
    assert body.get("field") is None or isinstance(body["field"], str)
    assert isinstance(body["detail"], (str, dict)), body
    for item in body.get("errors", []):
        assert set(item) == {"loc", "msg", "type"}, item
        assert all(isinstance(p, (str, int)) for p in item["loc"])
        assert isinstance(item["msg"], str) and isinstance(item["type"], str)


def test_the_schema_lists_the_error_codes_and_their_body(client: WebClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    problem = schema["components"]["schemas"]["HTTPValidationError"]
    assert problem["required"] == ["detail"]
    record = schema["paths"]["/api/v1/sessions/{session_id}/exercises"]["post"]["responses"]
    for code in (*LISTED, "422"):
        assert code in record, code
        assert record[code]["content"]["application/json"]["schema"]["$ref"].endswith(
            "/HTTPValidationError"
        )


def test_error_bodies_match_the_schema(person: WebClient) -> None:
    answers = [
        person.post("/api/v1/checkins", json={"pain": "7"}),  # pydantic 422
        person.post("/api/v1/checkins", json={"pain": 11}),  # the journal's own check
        person.post(
            "/api/v1/checkins",
            content=b'{"pain": NaN}',
            headers={"content-type": "application/json"},
        ),
        person.post("/api/v1/sessions/999/finish", json={}),
        person.get("/api/v1/sessions/abc/exercises"),
        person.post("/api/v1/checkins", content=b"pain=3"),  # 415
    ]
    codes = [a.status_code for a in answers]
    assert codes == [422, 422, 422, 404, 422, 415]
    for answer in answers[:5]:
        _matches_problem(answer.json())


def test_a_method_not_allowed_says_which_are(person: WebClient) -> None:
    response = person.request("DELETE", "/api/v1/checkins", json={})
    assert response.status_code == 405
    assert {"GET", "POST"} <= set(response.headers["allow"].replace(" ", "").split(","))
    page = person.request("PUT", "/history")
    assert page.status_code == 405
    assert "GET" in page.headers["allow"]
