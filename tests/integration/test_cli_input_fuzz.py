"""Odd input through the real CLI and SQLite file (hypothesis): surrogates, odd bytes, huge
numbers, duplicate keys. Every answer is exit 0, or exit 2 with one line and nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow
SETTINGS = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
ODD_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["a\ud800", "caf\udce9", "\x00", "7" * 4400, "1e400", "NaN", " 7 ", "-0"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
ODD_VALUE = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["1e400", "NaN", "Infinity", "-0.0", "1E0", '"\\ud800"', '"7"', "true"]),
    ODD_TEXT.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


def stored(db_path: Path) -> str:
    """Every row of the journal file, read straight from SQLite (cheaper than an export)."""
    if not db_path.exists():
        return ""
    with sqlite3.connect(db_path) as conn:
        return "\n".join(conn.iterdump())


def assert_refused_in_one_line_or_done(result, before: str, after: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code in (0, 2), (result.exit_code, result.stdout, result.stderr)
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert after == before  # nothing stored


@seed(14)
@SETTINGS
@given(pain=ODD_TEXT, note=ODD_TEXT, minutes=ODD_TEXT)
def test_odd_cli_arguments(sicoach, db_path: Path, pain: str, note: str, minutes: str) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ("checkin", "--pain", pain, "--note", note),
        ("activity", "walking", minutes),
        ("activity", note, "20"),
    ):
        before = stored(db_path)
        result = sicoach(*args)
        assert_refused_in_one_line_or_done(result, before, stored(db_path))


@seed(14)
@SETTINGS
@given(pain=ODD_VALUE, key=st.sampled_from(["pain", "date", "version", "note"]), data=st.data())
def test_odd_import_files(
    sicoach, db_path: Path, tmp_path: Path, pain: str, key: str, data
) -> None:  # type: ignore[no-untyped-def]
    checkin = f'{{"date": "2026-11-02", "pain": {pain}, "note": "x", "{key}": {pain}}}'
    text = f'{{"format": "sicoach.journal", "version": 1, "checkins": [{checkin}]}}'
    raw = text.encode("utf-8", "surrogatepass")
    if data.draw(st.booleans()):  # an odd byte somewhere
        at = data.draw(st.integers(0, len(raw)))
        raw = (
            raw[:at]
            + data.draw(st.sampled_from([b"\xe9", b"\xff", b"\x00", b"\xed\xa0\x80"]))
            + raw[at:]
        )
    path = tmp_path / "odd.json"
    path.write_bytes(raw)
    before = stored(db_path)
    result = sicoach("import", str(path))
    assert_refused_in_one_line_or_done(result, before, stored(db_path))
