"""Every written vignette, evaluated as a user would: `sicoach import` then `safety --json`.

Each `tests/vignettes/NN_name.json` is a journal in the docs/design.md §4 format; its expected level
and reason codes sit in `tests/vignettes/expectations.json` (import rejects unknown fields).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

VIGNETTES = Path(__file__).resolve().parent.parent / "vignettes"
EXPECTATIONS: dict[str, dict[str, object]] = json.loads(
    (VIGNETTES / "expectations.json").read_text()
)


def test_there_are_enough_vignettes_covering_every_level() -> None:
    files = sorted(p.name for p in VIGNETTES.glob("*.json") if p.name != "expectations.json")
    assert files == sorted(EXPECTATIONS)
    assert len(files) >= 30
    levels = {e["level"] for e in EXPECTATIONS.values()}
    assert levels == {"continue", "see_doctor", "urgent", "emergency"}
    names = " ".join(files)
    for topic in ("pregnant", "postpartum", "history", "mixed", "days_old"):
        assert topic in names


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_vignette(sicoach, name: str) -> None:  # type: ignore[no-untyped-def]
    expected = EXPECTATIONS[name]
    imported = sicoach("import", str(VIGNETTES / name))
    assert imported.exit_code == 0, imported.stderr
    result = sicoach("safety", "--json", "--date", str(expected["date"]))
    assert result.exit_code == 0, result.stderr
    body = result.json()
    assert isinstance(body, dict)
    assert body["date"] == expected["date"]
    assert body["level"] == expected["level"], (expected["about"], body["reasons"])
    assert sorted(r["code"] for r in body["reasons"]) == expected["codes"]
    for reason in body["reasons"]:
        assert set(reason) == {"code", "level", "message", "source"}
        assert reason["message"] and reason["source"]
