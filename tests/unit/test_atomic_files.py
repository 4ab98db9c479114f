"""The one file writer: a file appears whole or not at all, and no partial file is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from sicoach.interchange.files import atomic_path, write_atomic


def test_text_and_bytes_are_written_whole(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.txt", "pain 3 — better")
    write_atomic(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "pain 3 — better"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


def test_a_failure_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(out) as partial:
        partial.write_text("half of the new", encoding="utf-8")
        raise RuntimeError("renderer failed")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_missing_folder_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such.json", "{}")
    assert list(tmp_path.iterdir()) == []
