"""`sicoach backup`, `restore` and `forget` on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def test_backup_then_restore_brings_the_journal_back(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("checkin", "--pain", "3").exit_code == 0
    copy = tmp_path / "copy.sqlite3"
    made = sicoach("backup", str(copy))
    assert made.exit_code == 0, made.stderr
    assert copy.exists() and not Path(f"{copy}-wal").exists()
    assert sicoach("checkin", "--pain", "9").exit_code == 0
    back = sicoach("restore", str(copy), "--yes")
    assert back.exit_code == 0, back.stderr
    assert "before" in back.stdout
    exported = sicoach("export").json()
    assert [c["pain"] for c in exported["checkins"]] == [3]  # type: ignore[index]


def test_backup_refuses_an_existing_file(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sicoach("checkin", "--pain", "3")
    taken = tmp_path / "taken.sqlite3"
    taken.write_text("mine")
    result = sicoach("backup", str(taken))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert taken.read_text() == "mine"


def test_restore_refuses_what_is_not_a_sound_journal(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sicoach("checkin", "--pain", "3")
    text = tmp_path / "notes.txt"
    text.write_text("hello " * 2000)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    for bad in (text, other, tmp_path / "missing.sqlite3"):
        result = sicoach("restore", str(bad), "--yes")
        assert result.exit_code == 2, (bad, result.stdout)
        assert len(result.stderr.strip().splitlines()) == 1
        assert str(bad) in result.stderr
    assert [c["pain"] for c in sicoach("export").json()["checkins"]] == [3]  # type: ignore[index]


def test_backup_on_postgresql_points_to_pg_dump_and_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sicoach.cli.app import app

    env = {"SICOACH_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none", "SICOACH_DB": ""}
    result = CliRunner().invoke(app, ["backup", str(tmp_path / "x")], env=env)
    assert result.exit_code == 2
    assert "pg_dump" in result.stderr and "sicoach export" in result.stderr


def test_forget_names_what_it_deletes_and_deletes_it(sicoach, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    sicoach("checkin", "--pain", "3", "--note", "private words")
    sicoach("activity", "walking", "20")
    asked = sicoach("forget", input="n\n")
    assert asked.exit_code == 1
    assert "1 check-in" in asked.stdout and "1 activity" in asked.stdout
    assert len(sicoach("export").json()["checkins"]) == 1  # type: ignore[index]
    done = sicoach("forget", "--yes")
    assert done.exit_code == 0
    assert "Deleted 1 check-in" in done.stdout
    exported = sicoach("export").json()
    assert exported["checkins"] == [] and exported["activities"] == []  # type: ignore[index]
    assert exported.get("profile") is None  # type: ignore[union-attr]
    stored = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"private words" not in stored
