"""Exports and the report, read back by real libraries: fhir.resources (R4B models),
icalendar, the csv module, pypdf and pdftoppm. Data go through the real SQLite store."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from sicoach.domain.journal import Journal
from sicoach.services import reports
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from tests.journals import MOBILITY, PAIN, fortnight, store


@pytest.fixture
def filled(context: Context) -> Context:
    """The hand-computed fortnight (tests/unit/test_progress_fortnight.py), on Nov 15 evening."""
    journal = fortnight()
    assert journal.profile is not None
    profile = replace(journal.profile, birth_year=1974, sex="female")
    store(context, replace(journal, profile=profile))
    context.clock.current = datetime(2026, 11, 15, 20, 0)  # type: ignore[attr-defined]
    return context


# ---------------------------------------------------------------------------------------
# FHIR


def test_fhir_bundle_is_valid_r4_and_holds_every_score(filled: Context) -> None:
    from fhir.resources.R4B import get_fhir_model_class
    from fhir.resources.R4B.bundle import Bundle

    text = reports.export_fhir(filled)
    data = json.loads(text)
    bundle = Bundle.model_validate(data)
    assert bundle.type == "collection"
    resources = [e.resource for e in bundle.entry]
    for raw in data["entry"]:  # each resource through its own model class as well
        get_fhir_model_class(raw["resource"]["resourceType"]).model_validate(raw["resource"])

    patients = [r for r in resources if r.get_resource_type() == "Patient"]
    assert len(patients) == 1
    care_plans = [r for r in resources if r.get_resource_type() == "CarePlan"]
    assert len(care_plans) == 1 and care_plans[0].subject.reference == f"urn:uuid:{patients[0].id}"
    activities = care_plans[0].activity
    assert len(activities) == len(filled.catalog.exercises) + 1  # each exercise, then walking
    assert activities[0].detail.quantity.unit == "repetitions"
    assert activities[-1].detail.quantity.code == "min" and activities[-1].detail.quantity.value
    assert not [r for r in resources if r.get_resource_type() == "Practitioner"]  # personal
    patient = patients[0]
    assert patient.gender == "female"
    assert str(patient.birthDate) == "1974"
    assert not patient.name
    ref = f"urn:uuid:{patient.id}"

    observations = [r for r in resources if r.get_resource_type() == "Observation"]
    assert all(o.status == "final" and o.subject.reference == ref for o in observations)

    def coded(system: str, code: str) -> list:  # type: ignore[type-arg]
        return [
            o
            for o in observations
            if (o.code.coding[0].system, o.code.coding[0].code) == (system, code)
        ]

    pain = coded("http://loinc.org", "72514-3")
    assert {str(o.effectiveDateTime): o.valueInteger for o in pain} == {
        f"2026-11-{d:02d}": v for d, v in PAIN.items()
    }
    mobility = coded("urn:sicoach:codes", "mobility")
    assert {str(o.effectiveDateTime): o.valueQuantity.value for o in mobility} == {
        f"2026-11-{d:02d}": v for d, v in MOBILITY.items()
    }
    minutes = coded("http://loinc.org", "55411-3")
    assert sorted(int(o.valueQuantity.value) for o in minutes) == [15, 20, 30, 30, 30, 40, 60]
    assert {o.valueQuantity.code for o in minutes} == {"min"}
    sessions = coded("urn:sicoach:codes", "exercise-session")
    assert len(sessions) == 7
    function = coded("urn:sicoach:codes", "patient-specific-activity")
    assert sorted(o.valueInteger for o in function) == [2, 3, 4, 5, 6, 7]
    flags = [o for o in coded("urn:sicoach:codes", "symptom") if o.interpretation]
    assert [o.valueCodeableConcept.coding[0].code for o in flags] == ["night_pain"]
    # The same journal gives the same document (name-based ids).
    assert reports.export_fhir(filled) == text


def test_the_fhir_models_really_reject_a_broken_observation(filled: Context) -> None:
    from fhir.resources.R4B.bundle import Bundle

    data = json.loads(reports.export_fhir(filled))
    data["entry"][1]["resource"]["valueInteger"] = "seven"
    with pytest.raises(ValueError):
        Bundle.model_validate(data)


def test_fhir_of_an_empty_journal_is_a_bare_patient(context: Context) -> None:
    from fhir.resources.R4B.bundle import Bundle

    bundle = Bundle.model_validate(json.loads(reports.export_fhir(context)))
    assert [e.resource.get_resource_type() for e in bundle.entry] == ["Patient"]
    assert bundle.entry[0].resource.birthDate is None


# ---------------------------------------------------------------------------------------
# iCalendar


def _event(text: str):  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_ics_repeats_weekly_on_the_training_days_at_the_default_time(filled: Context) -> None:
    event = _event(reports.export_ics(filled))
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO", "WE", "FR"]
    # Sunday evening the 15th: the next training day is Monday the 16th, at 07:30 (our default).
    assert event.decoded("DTSTART") == datetime(2026, 11, 16, 7, 30)
    assert "sicoach" in str(event["DESCRIPTION"])
    assert list(event.walk("VALARM"))


def test_ics_uses_the_chosen_time_and_days(filled: Context) -> None:
    with filled.uow() as uow:
        profile = uow.journal.get_profile()
        assert profile is not None
        plan = replace(profile.plan, training_days=(1, 3, 5), reminder_time=time(18, 15))
        uow.journal.save_profile(replace(profile, plan=plan))
        uow.commit()
    filled.clock.current = datetime(2026, 11, 17, 18, 30)  # type: ignore[attr-defined]
    event = _event(reports.export_ics(filled))
    assert event["RRULE"]["BYDAY"] == ["TU", "TH", "SA"]
    # Tuesday 18:30 is past today's 18:15, so the first one is Thursday.
    assert event.decoded("DTSTART") == datetime(2026, 11, 19, 18, 15)


# ---------------------------------------------------------------------------------------
# CSV


def test_csv_reads_back_one_row_per_record(filled: Context, tmp_path: Path) -> None:
    paths = reports.export_csv(filled, tmp_path / "out")
    assert [p.name for p in paths] == [
        "checkins.csv",
        "sessions.csv",
        "session_exercises.csv",
        "activities.csv",
        "function.csv",
        "profile.csv",
        "reviews.csv",
    ]

    def rows(name: str) -> list[dict[str, str]]:
        with (tmp_path / "out" / name).open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    journal = fortnight()
    checkins = rows("checkins.csv")
    assert len(checkins) == len(journal.checkins)
    assert {r["date"]: r["pain"] for r in checkins if r["pain"]} == {
        f"2026-11-{d:02d}": str(v) for d, v in PAIN.items()
    }
    assert next(r for r in checkins if r["date"] == "2026-11-12")["symptoms"] == "night_pain"
    assert len(rows("sessions.csv")) == len(journal.sessions)
    exercises = rows("session_exercises.csv")
    assert len(exercises) == sum(len(s.exercises) for s in journal.sessions)
    assert sum(r["hurt"] == "true" for r in exercises) == 3
    activities = rows("activities.csv")
    assert sum(int(r["minutes"]) for r in activities) == 225
    assert len(rows("function.csv")) == 6
    (profile,) = rows("profile.csv")
    assert profile["started_on"] == "2026-11-02"
    assert profile["birth_year"] == "1974"
    assert profile["training_days"] == "0;2;4"


# ---------------------------------------------------------------------------------------
# "My activities"


def test_rate_activity_keeps_at_most_five(context: Context) -> None:
    for i, name in enumerate(["sitting", "standing up", "sleeping", "walking", "lifting"]):
        reports.rate_activity(context, name, i, on=date(2026, 11, 13))
    # The same activity in other letters is the same one.
    again = reports.rate_activity(context, "  Sitting ", 6)
    assert again.activity == "sitting"
    with pytest.raises(InputError) as err:
        reports.rate_activity(context, "driving", 4)
    assert err.value.field == "activity"
    with pytest.raises(InputError) as err:
        reports.rate_activity(context, "sitting", 11)
    assert err.value.field == "score"
    with pytest.raises(InputError) as err:
        reports.rate_activity(context, "sitting", 5, on=date(2026, 12, 1))
    assert err.value.field == "date"
    p = reports.progress(context)
    assert len(p.function.activities) == 5
    assert next(a for a in p.function.activities if a.activity == "sitting").change == 6


# ---------------------------------------------------------------------------------------
# The report


def test_report_html_is_self_contained_and_accessible(filled: Context) -> None:
    html = reports.render_report_html(filled)
    assert "All data are self-reported" in html
    assert "Your pain is 2.5 points lower than in your first week" in html
    assert html.count('role="img"') == 3
    assert html.count("<title id=") == 3 and html.count("<desc id=") == 3
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<link" not in html and "<script" not in html
    assert ' style="' not in html  # charts carry presentation attributes, not inline styles
    assert "Pain at night or at rest" in html  # the red flag, with its date
    assert "2026-11-12" in html


def test_report_pdf_has_the_key_figures_and_renders(filled: Context, tmp_path: Path) -> None:
    from pypdf import PdfReader

    steps: list[str] = []
    out = reports.render_report_pdf(
        filled, tmp_path / "report.pdf", progress_cb=lambda t, d, n: steps.append(t)
    )
    assert "Printing the PDF" in steps
    reader = PdfReader(str(out))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    for expected in (
        "SI Coach progress report",
        "self-reported",
        "2026-11-02 to 2026-11-15",
        "2.5 points lower",
        "5 of 6 planned training days",
        "Side-lying",
        "2026-11-12",
        "sitting for 30 minutes",
    ):
        assert expected in text, expected
    assert 1 <= len(reader.pages) <= 2  # "one or two pages a clinician can read in a minute"
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed"
    subprocess.run([pdftoppm, "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == len(reader.pages)
    assert all(p.stat().st_size > 2000 for p in pngs)


def test_report_period_checks(filled: Context) -> None:
    with pytest.raises(InputError) as err:
        reports.build_report(filled, start=date(2026, 11, 10), end=date(2026, 11, 9))
    assert err.value.field == "from"
    with pytest.raises(InputError) as err:
        reports.build_report(filled, end=date(2026, 12, 1))
    assert err.value.field == "to"
    report = reports.build_report(filled, start=date(2026, 11, 9))
    assert (report.start, report.end) == (date(2026, 11, 9), date(2026, 11, 15))
    assert [w.label for w in report.rows] == ["2026-W46"]
    assert not report.monthly
    assert (report.period_adherence.planned_days, report.period_adherence.done_days) == (3, 3)
    # The baseline stays the program's first week whatever the period.
    assert report.progress.pain.change.baseline == pytest.approx(6.0)


def test_report_lists_the_safety_advice_of_the_period_with_dates(filled: Context) -> None:
    report = reports.build_report(filled, start=date(2026, 11, 2), end=date(2026, 11, 15))
    assert report.safety is not None and report.safety.level == "urgent"
    raised = {r.reason.code: (r.reason.level, r.first, r.last, r.days) for r in report.raised}
    # Night pain (reported on the 12th) counts for the 7 days after it; tingling from the 10th.
    assert raised["night_pain"] == ("urgent", date(2026, 11, 12), date(2026, 11, 15), 4)
    assert raised["leg_symptoms"][1:3] == (date(2026, 11, 10), date(2026, 11, 15))
    assert report.raised[0].reason.code == "night_pain"  # most serious first
    html = reports.render_report_html(filled, start=date(2026, 11, 2), end=date(2026, 11, 15))
    assert "Advice the app gave during this period" in html
    assert "Sources of this advice" in html


def test_report_progress_only_moves_forward(filled: Context, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    reports.render_report_pdf(filled, tmp_path / "r.pdf", progress_cb=lambda *a: seen.append(a))
    totals = {n for _, _, n in seen}
    assert totals == {8}
    steps = [d for _, d, _ in seen]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == 8


def test_fhir_has_one_loinc_pain_score_a_day(context: Context) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from sicoach.domain.journal import CheckIn, Profile

    day = date(2026, 11, 19)
    store(context, Journal(Profile(started_on=day), (CheckIn(day, pain=4, worst_pain=7),)))
    bundle = Bundle.model_validate(json.loads(reports.export_fhir(context)))
    observations = [
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Observation"
    ]
    codes = {(c.system, c.code): o.valueInteger for o in observations for c in o.code.coding}
    assert codes == {("http://loinc.org", "72514-3"): 4, ("urn:sicoach:codes", "worst-pain"): 7}


def test_report_of_an_empty_journal_still_renders(context: Context, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = reports.render_report_pdf(context, tmp_path / "empty.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert "self-reported" in text
    assert "There are no pain scores yet." in text


def test_long_report_dates_red_flag_advice_from_the_day_it_was_reported(context: Context) -> None:
    """Over 42 days the advice is replayed weekly; the day of a red flag is always checked too,
    so the report dates the urgent advice from the check-in, not from the next weekly check."""
    from datetime import timedelta

    from sicoach.domain.journal import CheckIn, Profile

    start = date(2026, 8, 31)
    days = [start + timedelta(days=n) for n in range(0, 77, 3)]
    checkins = [CheckIn(d, pain=4) for d in days if d != date(2026, 10, 5)]
    checkins.append(CheckIn(date(2026, 10, 5), pain=4, symptoms=("fever",)))
    journal = Journal(Profile(started_on=start), tuple(sorted(checkins, key=lambda c: c.date)))
    store(context, journal)
    context.clock.current = datetime(2026, 11, 15, 20, 0)  # type: ignore[attr-defined]
    report = reports.build_report(context, start=start, end=date(2026, 11, 15))
    assert report.raised_step_days == 7
    fever = next(r for r in report.raised if r.reason.code == "fever")
    assert fever.reason.level == "urgent"
    assert fever.first == date(2026, 10, 5)
    html = reports.render_report_html(context, start=start, end=date(2026, 11, 15))
    assert "on each day a warning sign was reported" in html
    assert "goal of 150 reached in 0 of them" in html


ROUTINE = (
    "knee_to_chest",
    "double_knee_to_chest",
    "inner_thigh_squeeze",
    "figure_four",
    "supine_twist",
    "side_lying_quad_stretch",
    "cat_cow",
    "triangle_pose",
)
"""The routine's exercises besides the pelvic tilt and the bridge (a whole table's worth)."""


def _twelve_weeks() -> Journal:
    """A realistic default-period record: 12 weeks of daily check-ins (pain 6 -> 3), mobility
    twice a week, sessions Mon/Wed/Fri with two that hurt, walks, weekly activity ratings,
    symptoms early on, a fever once and three notes."""
    from datetime import timedelta

    from sicoach.domain.journal import (
        Activity,
        CheckIn,
        ExerciseResult,
        FunctionRating,
        PlanChoices,
        Profile,
        Session,
    )

    start = date(2026, 8, 24)
    notes = {9: "Long drive yesterday, stiff.", 42: "Fever, called my GP.", 70: "Walked to work."}
    checkins, sessions, walks, ratings = [], [], [], []
    for n in range(84):
        d = start + timedelta(days=n)
        pain = 6 - (3 * n) // 83 + (1 if n % 9 == 4 else 0)
        symptoms: tuple[str, ...] = ("pain_worse_sitting", "pain_buttocks") if n < 40 else ()
        if n == 42:
            symptoms = ("fever",)
        mobility = 4 + (3 * n) // 83 if d.weekday() in (0, 3) else None
        checkins.append(CheckIn(d, pain, pain + 2, mobility, symptoms, notes.get(n, "")))
        if d.weekday() in (0, 2, 4) and n % 11 != 3:
            hurt = ExerciseResult("bridge", hurt=True, pain=5) if n in (16, 30) else None
            level = 1 if n > 50 else 0
            results = (
                ExerciseResult("pelvic_tilt", level=level, reps=10),
                *(ExerciseResult(e, reps=3) for e in ROUTINE),
                hurt or ExerciseResult("bridge"),
            )
            sessions.append(
                Session(datetime(d.year, d.month, d.day, 7, 30), pain, pain - 1, results)
            )
        if d.weekday() in (1, 3, 5, 6):
            walks.append(Activity(d, "walking", 15 + n // 4))
        if d.weekday() == 6:
            ratings += [
                FunctionRating(d, "sitting for 30 minutes", 3 + n // 21),
                FunctionRating(d, "getting up from a chair", 4 + n // 21),
            ]
    profile = Profile(
        started_on=start,
        birth_year=1984,
        sex="female",
        sedentary_job=True,
        plan=PlanChoices(training_days=(0, 2, 4), reminder_time=time(7, 30)),
    )
    return Journal(profile, tuple(checkins), tuple(sessions), tuple(walks), tuple(ratings))


def _routine_names(context: Context) -> list[str]:
    return [context.catalog.exercise(e).name for e in ROUTINE]


def test_report_names_the_patient_when_their_account_does(context: Context) -> None:
    import dataclasses

    from sicoach.services import accounts

    store(context, _twelve_weeks())
    assert "progress report:" not in reports.render_report_html(context)  # no name: none made up
    patient = accounts.add_account(context, "ana@example.org", "patient", "Ana Silva")
    named = dataclasses.replace(context, subject_account=patient.id)
    assert reports.build_report(named).patient_name == "Ana Silva"
    assert "<h1>SI Coach progress report: Ana Silva</h1>" in reports.render_report_html(named)


def test_report_of_twelve_realistic_weeks_fits_on_two_pages(
    context: Context, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    store(context, _twelve_weeks())
    context.clock.current = datetime(2026, 11, 15, 20, 0)  # type: ignore[attr-defined]
    reader = PdfReader(str(reports.render_report_pdf(context, tmp_path / "r.pdf")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("self-reported", "2026-08-24 to 2026-11-15", "Fever", "2026-10-05", "Bridge"):
        assert expected in text, expected
    assert len(reader.pages) == 2
    # the physio's minute: a table of every exercise, and the pain around the sessions
    second = " ".join(reader.pages[1].extract_text().split())
    assert "Exercises in this period" in second
    assert "5.1 before, 4.1 after (33 sessions with both ratings)" in second
    assert "Pelvic tilt 1 of 1 33 0" in second  # level reached, sessions done, times it hurt
    assert "Bridge basic 31 2" in second
    assert all(catalog_name in second for catalog_name in _routine_names(context))
    html = reports.render_report_html(context)
    assert "Week by week" in html  # the numbers behind the charts stay in the web page


def test_fhir_holds_each_review_as_an_encounter_with_its_advice(filled: Context) -> None:
    from fhir.resources.R4B import get_fhir_model_class
    from fhir.resources.R4B.bundle import Bundle

    from sicoach.services.reviews import record_review

    record_review(filled, date(2026, 11, 10), "gently", "Physio: easy does it.")
    record_review(filled, date(2026, 11, 14), "carry_on")
    data = json.loads(reports.export_fhir(filled))
    Bundle.model_validate(data)
    for raw in data["entry"]:
        get_fhir_model_class(raw["resource"]["resourceType"]).model_validate(raw["resource"])
    resources = {e["fullUrl"]: e["resource"] for e in data["entry"]}
    encounters = [r for r in resources.values() if r["resourceType"] == "Encounter"]
    assert [e["period"]["start"] for e in encounters] == ["2026-11-10", "2026-11-14"]
    assert {e["status"] for e in encounters} == {"finished"}
    advice = [
        r
        for r in resources.values()
        if r["resourceType"] == "Observation"
        and r["code"]["coding"][0]["code"] == "clinician-advice"
    ]
    assert [a["valueCodeableConcept"]["coding"][0]["code"] for a in advice] == [
        "gently",
        "carry_on",
    ]
    assert advice[0]["note"] == [{"text": "Physio: easy does it."}]
    for a in advice:  # each advice points at its own visit
        assert resources[a["encounter"]["reference"]]["resourceType"] == "Encounter"


def test_report_lists_the_visits_and_the_advice_asked_for(context: Context) -> None:
    from sicoach.services.journal import log_checkin
    from sicoach.services.reviews import record_review

    log_checkin(context, pain=4, symptoms=["fever"], day=date(2026, 11, 2))
    log_checkin(context, pain=3, day=date(2026, 11, 12))
    record_review(context, date(2026, 11, 13), "stop", "GP: rest for now.")
    html = reports.render_report_html(context, start=date(2026, 11, 1), end=date(2026, 11, 20))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Checks by a doctor, physio or midwife" in text
    assert "2026-11-13 stop until told otherwise no GP: rest for now." in text
    # the advice history shows the question asked before the visit and the stop after it
    assert "Were you checked for a high temperature" in text
    assert "No exercises for now" in text
