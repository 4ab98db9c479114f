"""`sicoach safety` (human and JSON) and the red-flag `sicoach screen`, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from sicoach.services.context import Context

NOW = "2026-11-20T08:00:00"


def words(text: str) -> str:
    """Rich wraps long lines; compare text with whitespace collapsed."""
    return " ".join(text.split())


def write_journal(tmp_path: Path, profile: dict[str, object], checkins: list[dict]) -> Path:  # type: ignore[type-arg]
    base = {
        "started_on": "2026-11-01",
        "birth_year": 1975,
        "sex": "female",
        "pregnancy": None,
        "sedentary_job": False,
        "overweight": False,
        "frequent_lifting": False,
        "history": [],
    }
    doc = {
        "format": "sicoach.journal",
        "version": 1,
        "profile": {**base, **profile},
        "checkins": checkins,
        "sessions": [],
        "activities": [],
    }
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(doc))
    return path


def test_safety_on_an_empty_journal_is_all_clear(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("safety")
    assert result.exit_code == 0
    assert "[ok] ALL CLEAR" in result.stdout
    body = sicoach("safety", "--json").json()
    assert body == {"date": "2026-11-20", "level": "continue", "reasons": []}


def test_safety_human_output_names_level_action_reasons_and_sources(sicoach, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_journal(
        tmp_path,
        {"history": ["cancer"]},
        [{"date": "2026-11-18", "pain": 5, "symptoms": ["saddle_numbness", "fever"]}],
    )
    assert sicoach("import", str(path)).exit_code == 0
    result = sicoach("safety")
    assert result.exit_code == 0  # exit 0 whatever the level
    out = words(result.stdout)
    assert "[!!!] EMERGENCY: get emergency care now" in out
    assert "What to do now: Call your local emergency number now (911 in the US, 999" in out
    assert "[!!!] Emergency: Numbness or tingling around your genitals" in out
    assert "[!!] Urgent: A high temperature" in out
    assert "[i] See a doctor: Because you have had cancer before" in out
    assert "Source: NHS back-pain advice, urgent tier" in out
    assert out.index("Emergency:") < out.index("Urgent:") < out.index("See a doctor:")


def test_safety_date_sees_the_journal_as_it_stood(sicoach, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_journal(
        tmp_path,
        {},
        [
            {"date": "2026-11-02", "pain": 4, "symptoms": []},
            {"date": "2026-11-10", "pain": 4, "symptoms": ["chest_pain"]},
        ],
    )
    assert sicoach("import", str(path)).exit_code == 0
    assert sicoach("safety", "--json", "--date", "2026-11-09").json()["level"] == "continue"
    assert sicoach("safety", "--json", "--date", "2026-11-10").json()["level"] == "emergency"
    # 10 days later the flag is still in the latest check-in, so it still counts
    assert sicoach("safety", "--json").json()["level"] == "emergency"


def test_safety_rejects_bad_and_future_dates(sicoach) -> None:  # type: ignore[no-untyped-def]
    bad = sicoach("safety", "--date", "20-11-2026")
    assert bad.exit_code == 2
    assert "--date" in bad.stderr
    future = sicoach("safety", "--json", "--date", "2026-11-21")
    assert future.exit_code == 2
    assert "future" in future.stderr
    assert future.stdout == ""


def test_screen_all_no_saves_a_checkin_and_says_so(sicoach, context: Context) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("screen", input="n\n" * 16)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("[y/n]") == 16
    assert "none of these warning signs" in result.stdout
    with context.uow() as uow:
        saved = uow.journal.load().checkin_on(context.clock.today())
    assert saved is not None and saved.symptoms == ()


def test_screen_bad_answer_asks_again(sicoach) -> None:  # type: ignore[no-untyped-def]
    answers = "maybe\n\nYES\n"  # first question: two bad answers, then yes
    result = sicoach("screen", input=answers)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Please answer y for yes or n for no.") == 2
    # a yes to the first (emergency) question stops the questions at once
    assert result.stdout.count("[y/n]") == 3
    assert "EMERGENCY" in result.stdout
    assert "Call your local emergency number now" in words(result.stdout)
    body = sicoach("safety", "--json").json()
    assert body["level"] == "emergency"
    assert [r["code"] for r in body["reasons"]] == ["saddle_numbness"]


def test_screen_yes_to_urgent_flag_keeps_the_days_pain(sicoach, tmp_path, context) -> None:  # type: ignore[no-untyped-def]
    path = write_journal(
        tmp_path,
        {},
        [
            {
                "date": "2026-11-20",
                "pain": 5,
                "mobility": 6,
                "symptoms": ["pain_hips"],
                "note": "stiff",
            }
        ],
    )
    assert sicoach("import", str(path)).exit_code == 0
    # 6 emergency questions no, then fever yes, then 9 more no
    result = sicoach("screen", input="n\n" * 6 + "y\n" + "n\n" * 9)
    assert result.exit_code == 0, result.stderr
    out = words(result.stdout)
    assert "[!!] URGENT: see a doctor today" in out
    assert "What to do now: Stop your exercises for now and see a doctor today" in out
    with context.uow() as uow:
        saved = uow.journal.load().checkin_on(context.clock.today())
    assert saved is not None
    assert (saved.pain, saved.mobility, saved.note) == (5, 6, "stiff")
    assert set(saved.symptoms) == {"pain_hips", "fever"}


def test_screen_asks_pregnancy_signs_only_when_pregnant(sicoach, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_journal(
        tmp_path, {"pregnancy": {"status": "pregnant", "due_date": "2027-03-01"}}, []
    )
    assert sicoach("import", str(path)).exit_code == 0
    # 16 questions for everyone, then the 9 pregnancy signs: the 4th is the baby moving.
    result = sicoach("screen", input="n\n" * 16 + "n\n" * 3 + "y\n" + "n\n" * 5)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("[y/n]") == 25
    assert "Is your baby moving less than usual?" in result.stdout
    out = words(result.stdout)
    assert "What to do now: Stop exercising and call your maternity unit or midwife now" in out
    body = sicoach("safety", "--json").json()
    assert body["level"] == "emergency"
    assert [r["code"] for r in body["reasons"]] == ["reduced_baby_movement"]


def test_screen_asks_about_small_falls_with_osteoporosis(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert (
        sicoach("profile", "--started-on", "2026-11-01", "--history", "osteoporosis").exit_code == 0
    )
    result = sicoach("screen", input="n\n" * 16)
    assert "even a small one" in result.stdout
    assert "Since your last check-in, have you fallen or had a knock?" in result.stdout


def test_screen_without_answers_saves_nothing(sicoach, context) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("screen", input="n\nn\n")
    assert result.exit_code == 2
    assert "nothing was saved" in result.stderr
    with context.uow() as uow:
        assert uow.journal.load().checkins == ()


def test_checkin_prints_the_level_when_raised(sicoach) -> None:  # type: ignore[no-untyped-def]
    quiet = sicoach("checkin", "--pain", "3")
    assert quiet.exit_code == 0
    assert "ALL CLEAR" not in quiet.stdout and "URGENT" not in quiet.stdout
    raised = sicoach("checkin", "--pain", "4", "--symptom", "night_pain")
    assert raised.exit_code == 0
    assert "[!!] URGENT: see a doctor today" in words(raised.stdout)


def test_safety_help_explains_every_option(sicoach) -> None:  # type: ignore[no-untyped-def]
    for command in ("safety", "screen"):
        result = sicoach(command, "--help")
        assert result.exit_code == 0
        assert "--date" in result.stdout
    assert "--json" in sicoach("safety", "--help").stdout
