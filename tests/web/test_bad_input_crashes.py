"""Input that used to crash the server or the command line (a 500, or exit 1 with a
traceback): each must be one clear message naming the field, and a 4xx or exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.conftest import WebClient

SURROGATE = "a\ud800"
JSON_SURROGATE = '"a\\ud800"'


def _api(client: WebClient, method: str, path: str, text: str):  # type: ignore[no-untyped-def]
    return client.request(
        method, path, content=text.encode(), headers={"content-type": "application/json"}
    )


def _one_clear_4xx(response, field: str) -> None:  # type: ignore[no-untyped-def]
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert field in response.text, response.text


@pytest.mark.parametrize(
    ("path", "text", "field"),
    [
        ("/api/v1/checkins", '{"pain": 3, "note": ' + JSON_SURROGATE + "}", "note"),
        ("/api/v1/checkins", '{"pain": 3, "symptoms": [' + JSON_SURROGATE + "]}", "symptoms"),
        ("/api/v1/activities", '{"kind": ' + JSON_SURROGATE + ', "minutes": 10}', "kind"),
        ("/api/v1/screen", '{"answers": {' + JSON_SURROGATE + ": true}}", "answers"),
        ("/api/v1/sessions/1/exercises", '{"id": ' + JSON_SURROGATE + "}", "id"),
        ("/api/v1/checkins", '{"pain": 1e400}', "pain"),
        ("/api/v1/checkins", '{"pain": NaN}', "pain"),
        ("/api/v1/checkins", '{"pain": -Infinity}', "pain"),
        ("/api/v1/activities", '{"kind": "walking", "minutes": 1e400}', "minutes"),
        ("/api/v1/sessions", '{"pain_before": NaN}', "pain_before"),
    ],
    ids=lambda value: (
        value.encode("ascii", "backslashreplace").decode() if isinstance(value, str) else str(value)
    ),
)
def test_api_bodies_that_crashed(person: WebClient, path: str, text: str, field: str) -> None:
    _one_clear_4xx(_api(person, "POST", path, text), field)


def test_an_import_with_a_lone_surrogate_is_refused(person: WebClient) -> None:
    document = (
        '{"version": 1, "checkins": [{"date": "2026-11-01", "pain": 3, "note": '
        + JSON_SURROGATE
        + "}]}"
    )
    _one_clear_4xx(_api(person, "POST", "/api/v1/journal", document), "note")


def test_a_session_id_too_large_for_the_database(person: WebClient) -> None:
    for big in (2**63, 2**64 + 5, 10**30):
        for path in (f"/api/v1/sessions/{big}/exercises", f"/api/v1/sessions/{big}/finish"):
            body = '{"id": "pelvic_tilt"}' if path.endswith("exercises") else "{}"
            response = _api(person, "POST", path, body)
            assert response.status_code in (404, 422), (path, response.status_code)
        assert person.get(f"/api/v1/sessions/{big}/exercises").status_code in (404, 422)


def test_forms_with_huge_numbers_and_broken_text(person: WebClient) -> None:
    token = person.form_token("/checkin")
    huge = "9" * 4400
    response = person.submit("/checkin", {"pain": huge, "csrf_token": token})
    assert response.status_code == 400
    assert "pain" in response.text
    response = person.submit("/activity", {"kind": "walking", "minutes": huge})
    assert response.status_code == 400
    broken = "note=caf%ED%A0%80&pain=3&csrf_token=" + token
    response = person.post(
        "/checkin",
        content=broken.encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert response.status_code in (303, 400), response.status_code
    response = person.post(
        "/checkin",
        files={"note": (None, "caf\udce9".encode("utf-8", "surrogateescape"))},
        data={"pain": "3", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code in (303, 400), response.status_code
    for action in ("enable", "include"):
        response = person.submit(
            f"/plan/{action}",
            {"exercise": SURROGATE.encode("utf-8", "surrogatepass").decode("latin-1")},
        )
        assert response.status_code == 400


def _sicoach(db: Path, *args: bytes | str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "SICOACH_FAKE_NOW": "2026-11-20T08:00:00"}
    return subprocess.run(
        [sys.executable, "-m", "sicoach", "--db", str(db), *args],
        env=env,
        capture_output=True,
        timeout=120,
    )


def test_cli_latin1_bytes_and_surrogates_in_files(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    cases: list[tuple[tuple[bytes | str, ...], bytes]] = [
        (("checkin", "--pain", "3", "--note", b"caf\xe9"), b"--note"),
        (("activity", b"walk\xe9", "10"), b"KIND"),
        (("plan", "leave-out", b"tilt\xe9"), b"exercise"),
    ]
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(
        json.dumps(
            {"version": 1, "checkins": [{"date": "2026-11-01", "pain": 3, "note": "x"}]}
        ).replace('"x"', JSON_SURROGATE)
    )
    cases.append((("import", str(bad_file)), b"note"))
    for args, field in cases:
        result = _sicoach(db, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert b"Traceback" not in result.stderr
        assert field in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
