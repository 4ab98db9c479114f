"""Warning signs read from a check-in's note, through the services and the command line.

A note alone raises the safety level as a ticked box would; "that's not so" lowers it again;
a ticked box stays ticked; a re-saved check-in keeps or re-reads its findings; an imported
journal has its notes read as found. Real medspaCy, real SQLite file.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from sicoach.domain.safety import Level
from sicoach.services.commands import DismissNoteSign
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.journal import log_checkin
from sicoach.services.journal_transfer import export_journal, import_journal
from sicoach.services.notes import note_reading
from sicoach.services.safety import assess, record_screen

TODAY = date(2026, 11, 20)


def test_a_note_alone_raises_the_level_and_is_marked_as_from_the_note(context: Context) -> None:
    saved, _ = log_checkin(context, pain=3, note="now both legs are numb")
    assert saved.symptoms == ("both_legs_symptoms",)
    assert saved.note_symptoms == ("both_legs_symptoms",)
    assert assess(context).level is Level.EMERGENCY
    reading = note_reading(context)
    assert [s.code for s in reading.signs] == ["both_legs_symptoms"]
    assert reading.signs[0].sentence == (
        "Your note mentions numbness, tingling, pain or weakness in both legs: "
        "this needs emergency care now."
    )


def test_not_so_lowers_the_level_and_is_remembered_for_that_note(context: Context) -> None:
    log_checkin(context, pain=3, note="I have a fever")
    assert assess(context).level is Level.URGENT
    reading = execute(context, DismissNoteSign("fever"))
    assert reading.signs == ()
    assert reading.dismissed == ("a fever",)
    assert assess(context).level is Level.CONTINUE
    # Saving the same note again (say, a new pain rating) does not bring it back ...
    again, _ = log_checkin(context, pain=4, note="I have a fever")
    assert "fever" not in again.symptoms and again.note_dismissed == ("fever",)
    # ... but a changed note is read afresh.
    changed, _ = log_checkin(context, pain=4, note="I have a fever again tonight")
    assert changed.note_symptoms == ("fever",) and changed.note_dismissed == ()
    assert assess(context).level is Level.URGENT


def test_a_ticked_box_is_not_marked_as_from_the_note_and_cannot_be_dismissed(
    context: Context,
) -> None:
    saved, _ = log_checkin(context, pain=3, symptoms=["fever"], note="fever since yesterday")
    assert saved.symptoms == ("fever",) and saved.note_symptoms == ()
    with pytest.raises(InputError) as err:
        execute(context, DismissNoteSign("fever"))
    assert err.value.field == "not_so"
    assert assess(context).level is Level.URGENT


def test_dismissing_on_a_day_without_a_check_in_names_the_date(context: Context) -> None:
    with pytest.raises(InputError) as err:
        execute(context, DismissNoteSign("fever", day=date(2026, 11, 1)))
    assert err.value.field == "date"


def test_a_yes_on_the_screen_turns_a_note_sign_into_a_ticked_one(context: Context) -> None:
    log_checkin(context, pain=3, note="I have a fever")
    record_screen(context, {"fever": True})
    with context.uow() as uow:
        day = uow.journal.get_checkin(TODAY)
    assert day is not None and day.symptoms == ("fever",) and day.note_symptoms == ()


def test_a_re_saved_check_in_keeps_a_note_sign_of_earlier_that_day(context: Context) -> None:
    log_checkin(context, pain=3, note="I wet myself")
    later, _ = log_checkin(context, pain=2, note="better now")
    assert later.symptoms == ("bladder_bowel_change",)
    assert later.note_symptoms == ("bladder_bowel_change",)  # still dismissible


def test_import_reads_notes_as_found_and_keeps_the_files_not_so(context: Context) -> None:
    document = {
        "format": "sicoach.journal",
        "version": 1,
        "profile": None,
        "checkins": [
            {"date": "2026-11-18", "pain": 3, "symptoms": [], "note": "I wet myself"},
            {
                "date": "2026-11-19",
                "pain": 3,
                "symptoms": [],
                "note": "a fever, I think",
                "note_dismissed": ["fever"],
            },
        ],
    }
    import_journal(context, json.dumps(document))
    assert assess(context).level is Level.EMERGENCY
    exported = export_journal(context)["checkins"]
    assert exported[0]["symptoms"] == ["bladder_bowel_change"]
    assert exported[0]["note_symptoms"] == ["bladder_bowel_change"]
    assert exported[1]["symptoms"] == [] and exported[1]["note_dismissed"] == ["fever"]
    assert "note_symptoms" not in exported[1]


def test_checkin_note_then_safety_then_not_so(sicoach) -> None:  # type: ignore[no-untyped-def]
    saved = sicoach("checkin", "--pain", "3", "--note", "can't feel the paper when I wipe")
    assert saved.exit_code == 0, saved.stderr
    out = " ".join(saved.stdout.split())
    assert (
        "Your note mentions less feeling when you wipe after the toilet: "
        "this needs emergency care now." in out
    )
    assert "sicoach checkin --not-so wiping_numbness --date 2026-11-20" in out
    assert out.index("Your note mentions") < out.index("What to do now")
    safety = sicoach("safety", "--json")
    assert safety.json()["level"] == "emergency"  # type: ignore[index]
    assert [r["code"] for r in safety.json()["reasons"]] == ["wiping_numbness"]  # type: ignore[index]

    human = " ".join(sicoach("safety").stdout.split())
    assert (
        "From your note of 2026-11-20: less feeling when you wipe after the toilet. Not so? "
        "sicoach checkin --not-so wiping_numbness --date 2026-11-20" in human
    )

    undone = sicoach("checkin", "--not-so", "wiping_numbness")
    assert undone.exit_code == 0, undone.stderr
    assert "does not mean less feeling when you wipe after the toilet" in undone.stdout
    assert sicoach("safety", "--json").json()["level"] == "continue"  # type: ignore[index]


def test_checkin_not_so_mistakes_exit_2_and_change_nothing(sicoach) -> None:  # type: ignore[no-untyped-def]
    assert sicoach("checkin", "--pain", "3", "--note", "I have a fever").exit_code == 0
    wrong = sicoach("checkin", "--not-so", "chest_pain")
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("Error: --not-so:")
    mixed = sicoach("checkin", "--pain", "3", "--not-so", "fever")
    assert mixed.exit_code == 2 and "use it on its own" in mixed.stderr
    no_pain = sicoach("checkin", "--note", "hello")
    assert no_pain.exit_code == 2 and "--pain" in no_pain.stderr
    assert sicoach("safety", "--json").json()["level"] == "urgent"  # type: ignore[index]
