"""One strictness everywhere: what the import refuses, the API refuses too, and no way in
takes an unbounded body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.conftest import WebClient


def _post(client: WebClient, path: str, text: str):  # type: ignore[no-untyped-def]
    return client.post(path, content=text.encode(), headers={"content-type": "application/json"})


def test_an_import_with_a_key_given_twice_is_refused(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(sicoach("export").stdout)
    text = json.dumps({**document, "checkins": []})
    text = text.replace(
        '"checkins": []', '"checkins": [{"date": "2026-11-01", "pain": 99, "pain": 4}]'
    )
    path = tmp_path / "twice.json"
    path.write_text(text)
    result = sicoach("import", str(path))
    assert result.exit_code == 2
    assert "checkins[0].pain" in result.stderr and "twice" in result.stderr
    assert json.loads(sicoach("export").stdout)["checkins"] == []


def test_an_import_with_version_1e0_is_refused(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(sicoach("export").stdout)
    text = json.dumps(document).replace('"version": 1', '"version": 1E0')
    path = tmp_path / "float.json"
    path.write_text(text)
    result = sicoach("import", str(path))
    assert result.exit_code == 2
    assert "version" in result.stderr


def test_the_api_refuses_a_key_given_twice(person: WebClient) -> None:
    response = _post(person, "/api/v1/checkins", '{"pain": 9, "pain": 4}')
    assert response.status_code == 422
    assert "pain" in response.json()["detail"]


@pytest.mark.parametrize("value", ['"7"', "7.0", '" 7 "', "true"])
def test_the_api_does_not_turn_other_values_into_whole_numbers(
    person: WebClient, value: str
) -> None:
    response = _post(person, "/api/v1/checkins", '{"pain": ' + value + "}")
    assert response.status_code == 422, response.text
    response = _post(person, "/api/v1/activities", '{"kind": "walking", "minutes": ' + value + "}")
    assert response.status_code == 422, response.text
    assert person.get("/api/v1/activities").json() == []


def test_the_api_reads_dates_only_as_text(person: WebClient) -> None:
    response = _post(person, "/api/v1/checkins", '{"pain": 3, "date": 0}')
    assert response.status_code == 422


def test_the_api_refuses_yes_no_written_as_text(person: WebClient) -> None:
    response = _post(person, "/api/v1/screen", '{"answers": {"saddle_numbness": "no"}}')
    assert response.status_code == 422


def test_a_body_over_the_limit_is_413_for_every_way_in(person: WebClient) -> None:
    from sicoach.interchange.journal_json import MAX_FILE_BYTES

    big = b"[" + b"1," * (MAX_FILE_BYTES // 2 + 10) + b"1]"
    for path in ("/api/v1/journal", "/api/v1/checkins"):
        response = person.post(path, content=big, headers={"content-type": "application/json"})
        assert response.status_code == 413, path
        assert "MB" in response.json()["detail"]

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(MAX_FILE_BYTES // 65536 + 2):
            yield b"x" * 65536

    response = person.post(
        "/api/v1/journal", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    form = person.post(
        "/checkin",
        content=b"note=" + b"x" * (MAX_FILE_BYTES + 10),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 413
    upload = person.post(
        "/settings/import",
        files={"file": ("big.json", b"x" * (MAX_FILE_BYTES + 10), "application/json")},
        data={"csrf_token": person.form_token("/settings")},
    )
    assert upload.status_code == 413


def test_an_import_file_over_the_limit_is_refused(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sicoach.interchange.journal_json import MAX_FILE_BYTES

    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = sicoach("import", str(path))
    assert result.exit_code == 2
    assert "MB" in result.stderr
