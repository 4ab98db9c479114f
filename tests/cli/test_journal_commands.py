"""The journal commands end to end on a temporary SQLite file (clock pinned to 2026-11-20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.journal_samples import sample


def _export(sicoach) -> dict:  # type: ignore[no-untyped-def]
    result = sicoach("export")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_checkin_saves_and_a_second_one_replaces_it(sicoach) -> None:  # type: ignore[no-untyped-def]
    first = sicoach(
        "checkin",
        "--pain",
        "5",
        "--worst",
        "7",
        "--mobility",
        "4",
        "--symptom",
        "pain_hips",
        "--symptom",
        "sleep_difficulty",
        "--note",
        "stiff",
    )
    assert first.exit_code == 0, first.stderr
    assert "Saved your check-in for 2026-11-20: pain 5/10, worst 7/10, moving 4/10." in first.stdout
    second = sicoach("checkin", "--pain", "3")
    assert second.exit_code == 0
    assert "Replaced your earlier check-in for 2026-11-20" in second.stdout
    (only,) = _export(sicoach)["checkins"]
    assert only == {
        "date": "2026-11-20",
        "pain": 3,
        "worst_pain": None,
        "mobility": None,
        "symptoms": [],
        "note": "",
    }


def test_checkin_with_a_red_flag_shows_the_safety_message(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("checkin", "--pain", "4", "--symptom", "saddle_numbness")
    assert result.exit_code == 0
    assert "emergency" in result.stdout.lower()


def test_checkin_on_an_earlier_date(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("checkin", "--pain", "2", "--date", "2026-11-18").exit_code == 0
    assert [c["date"] for c in _export(sicoach)["checkins"]] == ["2026-11-18"]


def _refused(result, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {expected}"), lines[0]


def test_bad_checkin_input_is_refused_and_nothing_is_written(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("checkin", "--pain", "1", "--date", "2026-11-01").exit_code == 0
    before = _export(sicoach)
    _refused(sicoach("checkin", "--pain", "11"), "--pain: 11 is above the maximum of 10")
    _refused(sicoach("checkin", "--pain", "-1"), "--pain: -1 is below the minimum of 0")
    _refused(sicoach("checkin", "--pain", "five"), "--pain: 'five' is not a whole number")
    _refused(sicoach("checkin", "--pain", "2", "--worst", "12"), "--worst: 12 is above")
    _refused(sicoach("checkin", "--pain", "2", "--mobility", "x"), "--mobility: 'x' is not")
    _refused(
        sicoach("checkin", "--pain", "2", "--symptom", "hiccups"),
        '--symptom: "hiccups" is not a known symptom code (see the codes and what they '
        "mean with: sicoach symptoms)",
    )
    _refused(
        sicoach("checkin", "--pain", "2", "--date", "2026-11-21"),
        "--date: 2026-11-21 is in the future (today is 2026-11-20)",
    )
    _refused(
        sicoach("checkin", "--pain", "2", "--date", "21/11/2026"),
        '--date: "21/11/2026" is not a date',
    )
    _refused(
        sicoach("checkin", "--pain", "2", "--note", "x" * 2001),
        "--note: has 2001 characters; the limit is 2000",
    )
    assert _export(sicoach) == before


def test_activity_is_logged_and_bad_ones_refused(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("activity", "walking", "25")
    assert result.exit_code == 0
    assert "Logged 25 minutes of walking on 2026-11-20." in result.stdout
    assert sicoach("activity", "water_aerobics", "40", "--date", "2026-11-19").exit_code == 0
    before = _export(sicoach)
    assert before["activities"] == [
        {"date": "2026-11-19", "kind": "water_aerobics", "minutes": 40},
        {"date": "2026-11-20", "kind": "walking", "minutes": 25},
    ]
    _refused(
        sicoach("activity", "skydiving", "20"),
        "KIND: 'skydiving' is not one of walking, swimming, water_aerobics, cycling, tai_chi, "
        "other",
    )
    _refused(sicoach("activity", "walking", "0"), "MINUTES: 0 is below the minimum of 1")
    _refused(sicoach("activity", "walking", "1441"), "MINUTES: 1441 is above the maximum of 1440")
    _refused(sicoach("activity", "walking", "half"), "MINUTES: 'half' is not a whole number")
    _refused(
        sicoach("activity", "walking", "10", "--date", "2027-01-01"),
        "--date: 2027-01-01 is in the future",
    )
    assert _export(sicoach) == before


def test_profile_shows_and_sets_fields(sicoach) -> None:  # type: ignore[no-untyped-def]
    shown = sicoach("profile")
    assert shown.exit_code == 0
    assert "Started on" in shown.stdout and "2026-11-20" in shown.stdout
    assert "mon, tue, wed, thu, fri, sat, sun" in shown.stdout
    result = sicoach(
        "profile",
        "--birth-year",
        "1974",
        "--sex",
        "female",
        "--pregnant-due",
        "2027-02-20",
        "--sedentary-job",
        "--history",
        "osteoporosis",
        "--history",
        "cancer",
        "--started-on",
        "2026-11-02",
    )
    assert result.exit_code == 0, result.stderr
    assert "pregnant, due 2027-02-20" in result.stdout
    profile = _export(sicoach)["profile"]
    assert profile["birth_year"] == 1974
    assert profile["pregnancy"] == {"status": "pregnant", "due_date": "2027-02-20"}
    assert profile["sedentary_job"] is True and profile["overweight"] is False
    assert profile["history"] == ["osteoporosis", "cancer"]
    assert profile["started_on"] == "2026-11-02"

    result = sicoach("profile", "--postpartum-delivered", "2026-11-10", "--no-sedentary-job")
    assert result.exit_code == 0
    profile = _export(sicoach)["profile"]
    assert profile["pregnancy"] == {"status": "postpartum", "delivery_date": "2026-11-10"}
    assert profile["sedentary_job"] is False
    assert sicoach("profile", "--not-pregnant", "--clear-history").exit_code == 0
    profile = _export(sicoach)["profile"]
    assert profile["pregnancy"] is None and profile["history"] == []


def test_bad_profile_input_is_refused(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("profile", "--birth-year", "1970").exit_code == 0
    before = _export(sicoach)
    _refused(
        sicoach("profile", "--birth-year", "1850"),
        "--birth-year: 1850 is below the minimum of 1900",
    )
    _refused(
        sicoach("profile", "--birth-year", "2030"),
        "--birth-year: 2030 is above the maximum of 2026",
    )
    _refused(
        sicoach("profile", "--sex", "robot"), "--sex: 'robot' is not one of female, male, other"
    )
    _refused(
        sicoach("profile", "--history", "gout"), '--history: "gout" is not a known history code'
    )
    _refused(
        sicoach("profile", "--pregnant-due", "2028-06-01"),
        "--pregnant-due: 2028-06-01 is more than 44 weeks away",
    )
    _refused(
        sicoach("profile", "--pregnant-due", "2026-10-01"),
        "--pregnant-due: 2026-10-01 is more than 3 weeks ago; if your baby has been born",
    )
    _refused(
        sicoach("profile", "--postpartum-delivered", "2026-12-01"),
        "--postpartum-delivered: 2026-12-01 is in the future",
    )
    _refused(
        sicoach("profile", "--started-on", "2026-12-01"),
        "--started-on: 2026-12-01 is in the future",
    )
    _refused(
        sicoach("profile", "--not-pregnant", "--pregnant-due", "2027-01-01"),
        "--pregnant-due: choose only one",
    )
    assert _export(sicoach) == before


def test_history_lists_recent_days(sicoach) -> None:  # type: ignore[no-untyped-def]
    empty = sicoach("history")
    assert empty.exit_code == 0
    assert "Nothing logged yet" in empty.stdout
    sicoach(
        "checkin",
        "--pain",
        "6",
        "--worst",
        "8",
        "--symptom",
        "pain_buttocks",
        "--date",
        "2026-11-19",
    )
    sicoach("activity", "cycling", "30", "--date", "2026-11-19")
    sicoach("activity", "walking", "15", "--date", "2026-11-19")
    result = sicoach("history", "--days", "3")
    assert result.exit_code == 0
    assert "Your last 3 days" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "Thu 19 Nov" in x)
    assert "6/10" in line and "8/10" in line and "Pain in the buttocks" in line and "45" in line
    assert "Wed 18 Nov" in result.stdout and "Tue 17 Nov" not in result.stdout
    _refused(sicoach("history", "--days", "0"), "--days: 0 is not between 1 and 3650")


@pytest.mark.parametrize("width", [32, 40, 60, 75, 76, 100])
def test_history_never_splits_a_word_at_any_width(sicoach, monkeypatch, width: int) -> None:  # type: ignore[no-untyped-def]
    from sicoach.cli import _common

    sicoach(
        "checkin",
        "--pain",
        "3",
        "--worst",
        "6",
        "--mobility",
        "7",
        "--symptom",
        "pain_worse_sitting",
        "--symptom",
        "pain_buttocks",
    )
    sicoach("activity", "walking", "20")
    monkeypatch.setattr(_common.console, "width", width)
    out = sicoach("history", "--days", "2").stdout
    words = set(out.split())
    for whole in ("Worse", "sitting,", "buttocks", "Worst", "Moving", "Symptoms", "Sessions"):
        if width >= 76 or whole not in ("Worst", "Moving", "Symptoms", "Sessions"):
            assert whole in words or whole.rstrip(",") in words, (width, whole, out)
    assert "20" in out  # the active minutes are never dropped for want of room
    assert all(len(line.rstrip()) <= width for line in out.splitlines())


def test_import_and_export_json_round_trip(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(sample()), encoding="utf-8")
    result = sicoach("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert "Imported 2 check-ins, 2 sessions, 3 activities and 2 function ratings." in result.stdout
    out = tmp_path / "nested" / "out.json"
    assert sicoach("export", "--format", "json", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == sample()


def test_big_import_shows_a_progress_bar(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = sample()
    doc["activities"] = [
        {"date": f"2025-{m:02d}-{d:02d}", "kind": "walking", "minutes": 20}
        for m in range(1, 13)
        for d in range(1, 29)
    ]
    source = tmp_path / "big.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    result = sicoach("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert "Importing" in result.stdout
    assert "336 activities" in result.stdout
    small = sicoach("import", str(tmp_path / "big.json"))  # same days again: refused
    assert small.exit_code == 2


def test_small_import_has_no_progress_bar(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(sample()), encoding="utf-8")
    result = sicoach("import", str(source))
    assert "Importing" not in result.stdout


def test_export_rejects_an_unknown_format(sicoach) -> None:  # type: ignore[no-untyped-def]
    _refused(
        sicoach("export", "--format", "xml"), "--format: 'xml' is not one of json, csv, fhir, ics"
    )
    _refused(sicoach("export", "--format", "csv"), "--out: csv writes several files")


def test_export_other_formats_write_files(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(sample()), encoding="utf-8")
    assert sicoach("import", str(source)).exit_code == 0
    ics = tmp_path / "plan.ics"
    assert sicoach("export", "--format", "ics", "--out", str(ics)).exit_code == 0
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    fhir = tmp_path / "fhir.json"
    assert sicoach("export", "--format", "fhir", "--out", str(fhir)).exit_code == 0
    assert json.loads(fhir.read_text(encoding="utf-8"))["resourceType"] == "Bundle"
    folder = tmp_path / "csv"
    assert sicoach("export", "--format", "csv", "--out", str(folder)).exit_code == 0
    assert any(p.suffix == ".csv" for p in folder.iterdir())


def _real_sicoach(*args: str, env_extra: dict[str, str]):  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("SICOACH_")}
    env.update({"SICOACH_FAKE_NOW": "2026-11-20T08:00:00", "NO_COLOR": "1", **env_extra})
    exe = Path(sys.executable).with_name("sicoach")
    return subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_real_command_creates_its_database_in_the_data_folder(tmp_path: Path) -> None:
    import sqlite3

    data = tmp_path / "not" / "yet" / "there"
    result = _real_sicoach("checkin", "--pain", "4", env_extra={"SICOACH_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    db = data / "sicoach.sqlite3"
    assert db.is_file()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT day, pain FROM checkin").fetchall() == [("2026-11-20", 4)]


def test_a_file_that_is_not_a_database_gives_one_clear_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("my shopping list, not a database\n" * 100, encoding="utf-8")
    before = junk.read_bytes()
    result = _real_sicoach("--db", str(junk), "history", env_extra={})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: cannot use the database at {junk}: file is not a database"
    )
    assert junk.read_bytes() == before


def test_a_later_checkin_keeps_warning_signs_reported_earlier_that_day(sicoach) -> None:  # type: ignore[no-untyped-def]
    first = sicoach(
        "checkin", "--pain", "3", "--symptom", "saddle_numbness", "--symptom", "pain_hips"
    )
    assert first.exit_code == 0
    second = sicoach("checkin", "--pain", "4", "--symptom", "sleep_difficulty")
    assert second.exit_code == 0
    assert "Replaced your earlier check-in" in second.stdout
    assert "We kept the warning signs you reported earlier today (saddle_numbness)" in second.stdout
    (only,) = _export(sicoach)["checkins"]
    assert only["pain"] == 4
    assert only["symptoms"] == ["sleep_difficulty", "saddle_numbness"]  # pain_hips replaced
    assert sicoach("safety", "--json").json()["level"] == "emergency"


def test_a_later_checkin_keeps_the_red_flag_screen_answers(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("screen", input="y\n").exit_code == 0  # yes to the first emergency question
    screened = _export(sicoach)["checkins"][0]["symptoms"]
    assert screened
    assert sicoach("checkin", "--pain", "4").exit_code == 0
    assert _export(sicoach)["checkins"][0]["symptoms"] == screened
    assert sicoach("safety", "--json").json()["level"] == "emergency"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("garbage", "this is not a database URL; use e.g. postgresql+psycopg://user@host/dbname"),
        ("mysql://me@host/db", "only SQLite and PostgreSQL are supported, not mysql"),
    ],
)
def test_a_bad_database_url_gives_one_clear_line(url: str, reason: str) -> None:
    result = _real_sicoach("history", env_extra={"SICOACH_DATABASE_URL": url})
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: cannot use the database at {url}: {reason}"


def test_a_database_error_is_shown_as_typed(tmp_path: Path) -> None:
    junk = tmp_path / "notes [b]bold :x:.txt"
    junk.write_text("not a database\n" * 100, encoding="utf-8")
    result = _real_sicoach("--db", str(junk), "history", env_extra={})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: cannot use the database at {junk}: file is not a database"
    )


def test_the_import_summary_uses_one_for_a_single_record(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = sample()
    for key in ("checkins", "sessions", "activities", "function"):
        doc[key] = doc[key][:1]
    source = tmp_path / "one.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    result = sicoach("import", str(source))
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 check-in, 1 session, 1 activity and 1 function rating." in result.stdout


def test_serve_refuses_a_database_it_cannot_use_before_it_starts(tmp_path: Path) -> None:
    import socket

    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 100, encoding="utf-8")
    with socket.socket() as taken:  # if the check were missing, serve fails fast here
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        for args, env, where in (
            (("serve", "--port", port), {"SICOACH_DATABASE_URL": "garbage"}, "garbage"),
            (("--db", str(junk), "serve", "--port", port), {}, str(junk)),
        ):
            result = _real_sicoach(*args, env_extra=env)
            assert result.returncode == 1, result.stderr
            assert result.stderr.startswith(f"Error: cannot use the database at {where}: ")
            assert len(result.stderr.strip().splitlines()) == 1
            assert "running at" not in result.stdout


def test_a_date_before_1900_is_refused_and_nothing_is_saved(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("checkin", "--pain", "3", "--date", "0001-01-01")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --date: 0001-01-01 is before 1900-01-01; check the year"
    assert _export(sicoach)["checkins"] == []
    assert sicoach("today").exit_code == 0  # a year-1 check-in used to break every later day


def test_export_to_a_folder_or_an_unwritable_place_says_so(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    folder.mkdir()
    result = sicoach("export", "--out", str(folder))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: --out: {folder} is a folder; give a file name, e.g. {folder}/journal.json"
    )
    assert list(tmp_path.iterdir()) == [folder]  # no stray .part file
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    result = sicoach("export", "--format", "csv", "--out", str(a_file))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: --out: {a_file} is a file; csv needs a folder"
    result = sicoach("export", "--out", str(a_file / "x.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: --out: cannot write {a_file / 'x.json'}: ")
    assert a_file.read_text(encoding="utf-8") == "mine"
