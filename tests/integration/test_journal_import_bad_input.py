"""Every kind of bad import file: exit 2, one line naming the path, the database unchanged.

Runs through the real `sicoach` command on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.integration.journal_samples import sample


def _with_four_checkins() -> dict[str, Any]:
    doc = sample()
    for day in ("2026-11-04", "2026-11-05"):
        doc["checkins"].append({"date": day, "pain": 3})
    return doc


def _set(path: tuple[Any, ...], value: Any) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        doc = _with_four_checkins()
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return doc

    return build


def _drop(path: tuple[Any, ...]) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        doc = _with_four_checkins()
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return doc

    return build


# (case id, document builder, expected start of the stderr message after "Error: ")
BAD_DOCUMENTS: list[tuple[str, Callable[[], Any], str]] = [
    (
        "pain_too_high",
        _set(("checkins", 3, "pain"), 11),
        "checkins[3].pain: 11 is above the maximum of 10",
    ),
    (
        "pain_negative",
        _set(("checkins", 0, "worst_pain"), -1),
        "checkins[0].worst_pain: -1 is below the minimum of 0",
    ),
    (
        "pain_bool",
        _set(("checkins", 1, "mobility"), True),
        "checkins[1].mobility: must be a whole number, not true",
    ),
    (
        "pain_float",
        _set(("checkins", 1, "pain"), 4.5),
        "checkins[1].pain: must be a whole number, not 4.5",
    ),
    (
        "pain_text",
        _set(("checkins", 1, "pain"), "4"),
        'checkins[1].pain: must be a whole number, not "4"',
    ),
    (
        "minutes_zero",
        _set(("activities", 2, "minutes"), 0),
        "activities[2].minutes: 0 is below the minimum of 1",
    ),
    (
        "minutes_day",
        _set(("activities", 0, "minutes"), 1441),
        "activities[0].minutes: 1441 is above the maximum of 1440",
    ),
    (
        "unknown_symptom",
        _set(("checkins", 0, "symptoms"), ["fever", "hiccups"]),
        'checkins[0].symptoms[1]: "hiccups" is not a known symptom code',
    ),
    (
        "unknown_kind",
        _set(("activities", 1, "kind"), "skydiving"),
        'activities[1].kind: "skydiving" is not a known kind of activity',
    ),
    (
        "unknown_history",
        _set(("profile", "history"), ["gout"]),
        'profile.history[0]: "gout" is not a known history code',
    ),
    (
        "unknown_exercise",
        _set(("sessions", 0, "exercises", 1, "id"), "handstand"),
        'sessions[0].exercises[1].id: "handstand" is not a known exercise code',
    ),
    (
        "bad_level",
        _set(("sessions", 0, "exercises", 0, "level"), 99),
        "sessions[0].exercises[0].level: 99 is above the maximum of 10",
    ),
    (
        "malformed_date",
        _set(("checkins", 2, "date"), "2026-02-30"),
        'checkins[2].date: "2026-02-30" is not a date',
    ),
    (
        "us_date",
        _set(("activities", 0, "date"), "11/02/2026"),
        'activities[0].date: "11/02/2026" is not a date',
    ),
    (
        "malformed_time",
        _set(("sessions", 1, "started_at"), "yesterday"),
        'sessions[1].started_at: "yesterday" is not a date and time',
    ),
    (
        "future_checkin",
        _set(("checkins", 3, "date"), "2026-11-21"),
        "checkins[3].date: 2026-11-21 is in the future",
    ),
    (
        "year_one",
        _set(("activities", 0, "date"), "0001-01-01"),
        "activities[0].date: 0001-01-01 is before 1900-01-01; check the year",
    ),
    (
        "future_session",
        _set(("sessions", 0, "started_at"), "2027-01-01T07:00:00"),
        "sessions[0].started_at: 2027-01-01T07:00:00 is in the future",
    ),
    (
        "duplicate_dates",
        _set(("checkins", 3, "date"), "2026-11-02"),
        "checkins[3].date: 2026-11-02 appears twice (also at checkins[0])",
    ),
    (
        "wrong_format",
        _set(("format",), "other.app"),
        'format: this file is not an SI Coach diary: its format is "other.app"',
    ),
    (
        "wrong_version",
        _set(("version",), 2),
        "version: this diary is version 2, which this SI Coach cannot read",
    ),
    (
        "version_bool",
        _set(("version",), True),
        "version: this diary is version true, which this SI Coach cannot read",
    ),
    (
        "missing_format",
        _drop(("format",)),
        "format: this file is not an SI Coach diary: it has no format",
    ),
    ("missing_date", _drop(("checkins", 1, "date")), "checkins[1].date: missing"),
    ("unknown_field", _set(("checkins", 2, "colour"), "blue"), "checkins[2].colour: unknown field"),
    ("unknown_top_field", _set(("extras",), []), "extras: unknown field"),
    (
        "pregnancy_shape",
        _set(("profile", "pregnancy"), {"status": "pregnant"}),
        "profile.pregnancy.due_date: missing",
    ),
    (
        "pregnancy_status",
        _set(("profile", "pregnancy"), {"status": "maybe", "due_date": "2027-01-01"}),
        'profile.pregnancy.status: "maybe" is not "pregnant" or "postpartum"',
    ),
    (
        "checkins_not_list",
        _set(("checkins",), {"date": "2026-11-02"}),
        "checkins: must be a list, not an object",
    ),
    ("not_an_object", lambda: [1, 2, 3], "document: must be a journal (a JSON object), not a list"),
    (
        "birth_year",
        _set(("profile", "birth_year"), 1850),
        "profile.birth_year: 1850 is below the minimum of 1900",
    ),
    (
        "weekday",
        _set(("profile", "plan", "training_days"), ["mon", "funday"]),
        'profile.plan.training_days[1]: "funday" is not a weekday',
    ),
]


@pytest.fixture
def populated(store_cli):  # type: ignore[no-untyped-def]
    """A journal with a few records of its own, and its export before any import."""
    assert store_cli("checkin", "--pain", "3", "--date", "2026-11-19").exit_code == 0
    assert store_cli("activity", "walking", "20").exit_code == 0
    assert store_cli("profile", "--birth-year", "1970").exit_code == 0
    before = store_cli("export")
    assert before.exit_code == 0
    return before.stdout


def _assert_refused(store_cli, before: str, args: list[str], expected: str) -> None:  # type: ignore[no-untyped-def]
    result = store_cli("import", *args)
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {expected}"), lines[0]
    assert store_cli("export").stdout == before


@pytest.mark.parametrize(
    ("build", "expected"), [c[1:] for c in BAD_DOCUMENTS], ids=[c[0] for c in BAD_DOCUMENTS]
)
def test_bad_document_is_refused_and_nothing_changes(
    store_cli, populated: str, tmp_path: Path, build: Callable[[], Any], expected: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(build()), encoding="utf-8")
    _assert_refused(store_cli, populated, [str(path)], expected)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"format": "sicoach.journal", "version": 1, "checkins": [{"date": "2026-11',
            "document: the file ends too early",
        ),
        (b"date,pain\n2026-11-02,5\n", "document: the file is not valid JSON (line 1, column 1"),
        (b"", "document: the file ends too early"),
        (b"\xff\xfe\x00junk", "document: the file is not text"),
        (b"[" * 100_000 + b"]" * 100_000, "document: the file is nested too deeply"),
        (
            b'{"format": "sicoach.journal", "version": 1, "checkins": [{"date": "2026-11-01", '
            b'"pain": ' + b"9" * 5000 + b"}]}",
            "checkins[0].pain: a number of 5000 digits is far too large",
        ),
        (
            b'{"format": "sicoach.journal", "version": 1, "checkins": [{"date": "2026-11-01", '
            b'"pain": ' + b"9" * 4000 + b"}]}",
            "checkins[0].pain: a number of 4000 digits is far too large",
        ),
        (
            b'{"format": "sicoach.journal", "version": 1, "activities": [{"date": "2026-11-01", '
            b'"kind": "walking", "minutes": NaN}]}',
            "activities[0].minutes: NaN is not a number",
        ),
    ],
    ids=[
        "truncated",
        "csv_not_json",
        "empty",
        "binary",
        "deep",
        "huge_number",
        "long_number",
        "nan",
    ],
)
def test_broken_file_is_refused_and_nothing_changes(
    store_cli, populated: str, tmp_path: Path, content: bytes, expected: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    _assert_refused(store_cli, populated, [str(path)], expected)


def test_thirty_megabytes_of_junk_is_refused_and_nothing_changes(
    store_cli, populated: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "junk.json"
    with path.open("wb") as f:
        for _ in range(30):  # just under the limit of every way in (32 MB)
            f.write(os.urandom(1024 * 1024))
    assert path.stat().st_size == 30 * 1024 * 1024
    result = store_cli("import", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Error: document: the file is not")
    assert store_cli("export").stdout == populated


def test_thirty_megabytes_of_text_junk_is_refused(
    store_cli, populated: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "junk.txt"
    path.write_text("lorem ipsum " * (30 * 1024 * 1024 // 12), encoding="ascii")
    _assert_refused(store_cli, populated, [str(path)], "document: the file is not valid JSON")


def test_missing_file_is_refused(store_cli, populated: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _assert_refused(store_cli, populated, [str(tmp_path / "nope.json")], "FILE:")


def test_days_already_present_need_replace(store_cli, populated: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = sample()
    doc["profile"] = None
    doc["checkins"].append({"date": "2026-11-19", "pain": 8})
    path = tmp_path / "overlap.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    _assert_refused(
        store_cli, populated, [str(path)], "checkins[2].date: 2026-11-19 already has a check-in"
    )

    result = store_cli("import", str(path), "--replace")
    assert result.exit_code == 0, result.stderr
    after = json.loads(store_cli("export").stdout)
    assert [c["pain"] for c in after["checkins"] if c["date"] == "2026-11-19"] == [8]
    assert after["profile"]["birth_year"] == 1970  # the file has no profile: ours stays
    assert [a["kind"] for a in after["activities"] if a["date"] == "2026-11-20"] == ["walking"]


def test_a_different_profile_needs_replace(store_cli, populated: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(sample()), encoding="utf-8")
    _assert_refused(
        store_cli, populated, [str(path)], "profile: your journal already has a different profile"
    )
    assert store_cli("import", str(path), "--replace").exit_code == 0
    assert json.loads(store_cli("export").stdout)["profile"] == sample()["profile"]


def test_export_then_import_into_an_empty_database_is_identical(store_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(sample()), encoding="utf-8")
    assert store_cli("import", str(path)).exit_code == 0
    out = tmp_path / "out.json"
    assert store_cli("export", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == sample()
