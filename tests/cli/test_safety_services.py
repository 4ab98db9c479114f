"""The safety services on a real SQLite file: assess, the screen's questions, saving answers."""

from __future__ import annotations

from datetime import date

import pytest

from sicoach.domain.journal import Pregnancy
from sicoach.domain.safety import Level
from sicoach.domain.vocabulary import EMERGENCY_FLAGS, PREGNANCY_WARNINGS, URGENT_FLAGS
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.journal import log_checkin, update_profile
from sicoach.services.safety import (
    AFTER_BIRTH_SIGNS,
    SCREEN_EMERGENCY,
    SCREEN_PREGNANT,
    SCREEN_URGENT,
    assess,
    record_screen,
    screen_questions,
)


def checkin_today(context: Context):  # type: ignore[no-untyped-def]
    with context.uow() as uow:
        return uow.journal.load().checkin_on(context.clock.today())


def test_assess_on_an_empty_journal(context: Context) -> None:
    a = assess(context)
    assert a.level is Level.CONTINUE
    assert a.date == date(2026, 11, 20)


def test_assess_uses_the_given_date(context: Context) -> None:
    log_checkin(context, pain=4, symptoms=["fever"], day=date(2026, 11, 1))
    log_checkin(context, pain=4, day=date(2026, 11, 5))
    assert assess(context, date(2026, 11, 8)).level is Level.URGENT  # 7 days old
    # 8 days old: out of the window; an unreviewed urgent sign is asked about for 4 weeks
    later = assess(context, date(2026, 11, 9))
    assert later.level is Level.SEE_DOCTOR
    assert [r.code for r in later.reasons] == ["checked_for_fever"]
    # on 11-04 the fever day is the latest check-in: it counts whatever its age
    assert assess(context, date(2026, 11, 4)).level is Level.URGENT
    assert assess(context, date(2026, 10, 31)).level is Level.CONTINUE  # before it


def test_screen_questions_without_pregnancy(context: Context) -> None:
    qs = screen_questions(context)
    assert [q.code for q in qs] == [*SCREEN_EMERGENCY, *SCREEN_URGENT, "fall_or_knock"]
    assert {q.group for q in qs} == {"emergency", "urgent", "routine"}
    # every emergency and urgent sign is asked, or (wiping) folded into the saddle question
    asked = {q.code for q in qs} | {"wiping_numbness"}
    assert set(EMERGENCY_FLAGS) | set(URGENT_FLAGS) | {"calf_swelling"} <= asked
    saddle = next(q for q in qs if q.code == "saddle_numbness")
    assert "wipe" in saddle.question
    for q in qs:
        assert q.question.endswith("?")
        assert len(q.question) < 110  # short, plain questions


def test_screen_questions_when_pregnant_add_the_warning_signs(context: Context) -> None:
    update_profile(context, pregnancy=Pregnancy("pregnant", date(2027, 3, 1)))
    qs = screen_questions(context)
    assert [q.code for q in qs if q.group == "pregnancy"] == list(SCREEN_PREGNANT)
    # calf pain is asked of everyone; a bad smell is an after-birth sign
    assert set(PREGNANCY_WARNINGS) - set(SCREEN_PREGNANT) == {"calf_swelling", "bleeding_bad_smell"}
    assert len(qs) == 25


def test_screen_questions_within_six_weeks_of_birth_ask_the_signs_that_still_apply(
    context: Context,
) -> None:
    update_profile(context, pregnancy=Pregnancy("postpartum", None, date(2026, 11, 1)))
    codes = [q.code for q in screen_questions(context) if q.group == "pregnancy"]
    # some bleeding is normal for 6 weeks after birth: heavy bleeding and a bad smell are not
    assert codes == list(AFTER_BIRTH_SIGNS)
    assert "vaginal_bleeding" not in codes and "heavy_bleeding" in codes


def test_screen_questions_later_after_birth_have_no_pregnancy_signs(context: Context) -> None:
    # the clock says 2026-11-20: 43 days after this birth, past the 6-week window
    update_profile(context, pregnancy=Pregnancy("postpartum", None, date(2026, 10, 8)))
    assert {q.group for q in screen_questions(context)} == {"emergency", "urgent", "routine"}


def test_small_falls_matter_with_steroids(context: Context) -> None:
    update_profile(context, history=("steroid_use",))
    q = next(q for q in screen_questions(context) if q.code == "recent_trauma")
    assert "even a small one" in q.question


def test_record_screen_merges_yes_answers_and_keeps_the_day(context: Context) -> None:
    log_checkin(context, pain=6, worst_pain=7, mobility=3, symptoms=["night_pain"], note="bad")
    answers = {q.code: False for q in screen_questions(context)}
    answers["back_lump"] = True
    a = record_screen(context, answers)
    assert a.level is Level.URGENT
    assert [r.code for r in a.reasons] == ["back_lump", "night_pain"]
    saved = checkin_today(context)
    assert (saved.pain, saved.worst_pain, saved.mobility, saved.note) == (6, 7, 3, "bad")
    # a "no" never removes what was reported earlier that day
    assert set(saved.symptoms) == {"night_pain", "back_lump"}


def test_record_screen_all_no_still_records_the_check(context: Context) -> None:
    a = record_screen(context, {"chest_pain": False, "fever": False})
    assert a.level is Level.CONTINUE
    assert checkin_today(context) is not None


def test_record_screen_for_an_earlier_day(context: Context) -> None:
    a = record_screen(context, {"chest_pain": True}, on=date(2026, 11, 18))
    assert a.date == date(2026, 11, 18)
    assert a.level is Level.EMERGENCY
    assert checkin_today(context) is None


@pytest.mark.parametrize(
    ("answers", "on", "field"),
    [
        ({"vaginal_bleeding": True}, None, "answers.vaginal_bleeding"),  # not pregnant
        ({"not_a_sign": True}, None, "answers.not_a_sign"),
        ({"fever": "yes"}, None, "answers.fever"),
        ({"fever": True}, date(2026, 11, 21), "date"),
    ],
)
def test_record_screen_rejects_bad_answers_and_writes_nothing(
    context: Context,
    answers: dict,
    on: date | None,
    field: str,  # type: ignore[type-arg]
) -> None:
    with pytest.raises(InputError) as caught:
        record_screen(context, answers, on=on)
    assert caught.value.field == field
    with context.uow() as uow:
        assert uow.journal.load().checkins == ()
