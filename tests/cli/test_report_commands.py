"""`sicoach progress`, `report`, `rate` and the export formats through the real CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sicoach.services.context import Context
from tests.journals import fortnight, store


@pytest.fixture
def filled(context: Context) -> Context:
    store(context, fortnight())
    return context


def test_progress_json_has_the_hand_computed_figures(sicoach, filled) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("progress", "--json", "--date", "2026-11-15")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["date"] == "2026-11-15"
    assert data["pain"]["baseline"] == 6.0
    assert data["pain"]["latest"] == 3.5
    assert data["pain"]["meaning"] == "better"
    assert data["adherence"]["planned_days"] == 6
    assert data["adherence"]["done_days"] == 5
    assert data["adherence"]["current_streak"] == 3
    assert [w["minutes"] for w in data["aerobic"]["weeks"]] == [65, 160]
    assert data["function"]["change"] == 2.0
    assert data["summaries"][0] == (
        "Your pain is 2.5 points lower than in your first week — a meaningful change."
    )


def test_progress_text_shows_summaries_and_small_charts(sicoach, filled) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("progress", "--date", "2026-11-15")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "2.5 points lower than in your first week" in out
    assert "Aerobic minutes by week" in out
    assert "goal reached" in out
    assert any(ch in out for ch in "▁▂▃▄▅▆▇█")
    assert "Warning signs reported" in out


def test_progress_bad_date(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("progress", "--date", "2026-02-30")
    assert result.exit_code == 2
    assert "--date" in result.stderr
    result = sicoach("progress", "--date", "2027-01-01")
    assert result.exit_code == 2
    assert "--date" in result.stderr


def test_report_writes_html_and_pdf(sicoach, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html = tmp_path / "report.html"
    result = sicoach("report", "--out", str(html), "--to", "2026-11-15")
    assert result.exit_code == 0, result.stderr
    assert "2.5 points lower" in html.read_text(encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    result = sicoach("report", "--out", str(pdf), "--from", "2026-11-02", "--to", "2026-11-15")
    assert result.exit_code == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--out", "report.docx"], "--out"),
        (["--out", "report.pdf", "--from", "yesterday"], "--from"),
        (["--out", "report.pdf", "--to", "2026-11-31"], "--to"),
        (["--out", "report.pdf", "--from", "2026-11-15", "--to", "2026-11-10"], "--from"),
        (["--out", "report.pdf", "--to", "2026-12-24"], "--to"),
        (["--out", "no/such/folder/report.pdf"], "--out"),
    ],
)
def test_report_bad_input_names_the_option(sicoach, filled, tmp_path, args, field) -> None:  # type: ignore[no-untyped-def]
    args = [str(tmp_path / a) if a.startswith(("report", "no/")) else a for a in args]
    result = sicoach("report", *args)
    assert result.exit_code == 2
    assert field in result.stderr
    assert not [p for p in tmp_path.iterdir() if "report" in p.name]


def test_rate_then_progress(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("rate", "sitting for 30 minutes", "3", "--date", "2026-11-06").exit_code == 0
    result = sicoach("rate", "sitting for 30 minutes", "6")
    assert result.exit_code == 0, result.stderr
    assert "6 out of 10" in result.stdout
    data = sicoach("progress", "--json").json()
    (activity,) = data["function"]["activities"]
    assert (activity["first_score"], activity["latest_score"], activity["change"]) == (3, 6, 3)
    assert data["function"]["meaning"] == "better"


@pytest.mark.parametrize(
    ("args", "field"),
    [(["sitting", "eleven"], "SCORE"), (["sitting", "11"], "SCORE"), (["   ", "4"], "ACTIVITY")],
)
def test_rate_bad_input(sicoach, args, field) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("rate", *args)
    assert result.exit_code == 2
    assert field in result.stderr


def test_export_formats_through_the_export_command(sicoach, filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    fhir = sicoach("export", "--format", "fhir")
    assert fhir.exit_code == 0, fhir.stderr
    assert json.loads(fhir.stdout)["type"] == "collection"
    ics = sicoach("export", "--format", "ics")
    assert ics.exit_code == 0, ics.stderr
    (event,) = Calendar.from_ical(ics.stdout).walk("VEVENT")
    assert event["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    out = tmp_path / "tables"
    result = sicoach("export", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    with (out / "activities.csv").open(newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 7
