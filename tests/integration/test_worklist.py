"""The clinician's worklist, through the services on SQLite and PostgreSQL: the order by
need, "seen" (audited) and a new alert bringing a patient back up, filters, paging, the
CSV, and who may read it."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import timedelta

import pytest

from sicoach.services import accounts, audit, journal, signin, worklist
from sicoach.services.context import Context
from sicoach.services.errors import Forbidden, InputError, NotFound
from sicoach.services.worklist import Need

PASSWORD = "blue kettle morning walk"


def _signed(ctx: Context, email: str) -> Context:
    token = signin.sign_in(ctx, email, PASSWORD, "10.0.0.9").token
    who = signin.current(ctx, token)
    assert who is not None
    return signin.acting_on(ctx, who)


def _patient(ctx: Context, doc: Context, email: str, name: str) -> Context:
    invited = accounts.invite_patient(doc, email, name)
    accounts.accept_invitation(ctx, invited.token, PASSWORD, PASSWORD)
    me = _signed(ctx, email)
    journal.update_profile(me, started_on=ctx.clock.today() - timedelta(days=20), birth_year=1990)
    return me


def test_order_seen_and_a_new_alert(store_context: Context) -> None:
    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    doc = _signed(ctx, "doc@clinic.example")
    calm = _patient(ctx, doc, "calm@home.example", "Ann Calm")
    away = _patient(ctx, doc, "away@home.example", "Bea Away")
    sick = _patient(ctx, doc, "sick@home.example", "Cy Sick")
    journal.log_checkin(calm, pain=3)
    journal.log_checkin(away, pain=3, day=ctx.clock.today() - timedelta(days=9))
    journal.log_checkin(sick, pain=4, symptoms=("calf_swelling",))

    rows = worklist.worklist(doc).rows
    assert [r.name for r in rows] == ["Cy Sick", "Bea Away", "Ann Calm"]
    assert rows[0].need is Need.WARNING_SIGN and rows[0].unseen and rows[0].level == "urgent"
    assert rows[0].summary is not None and rows[0].summary.sign_date == ctx.clock.today()
    assert rows[1].need is Need.STOPPED and rows[1].days_away == 9
    assert rows[2].need is Need.LOW_ADHERENCE and rows[2].age == 36  # no session in 2 weeks
    by_need = {
        n: [r.name for r in worklist.worklist(doc, need=n).rows] for n in worklist.NEED_FILTERS
    }
    assert by_need == {
        "warning_sign": ["Cy Sick"],
        "see_doctor": [],
        "stopped": ["Bea Away"],
        "pain_worse": [],
        "low_adherence": ["Ann Calm"],
    }
    assert worklist.worklist(doc, need="stopped", query="ann").total == 0
    with pytest.raises(InputError) as no_need:
        worklist.worklist(doc, need="lonely")
    assert no_need.value.field == "need" and "low_adherence" in no_need.value.message

    assert worklist.mark_seen(doc, rows[0].account_id) is True
    assert worklist.mark_seen(doc, rows[0].account_id) is False  # nothing new
    after = worklist.worklist(doc)
    assert [r.name for r in after.rows] == ["Bea Away", "Ann Calm", "Cy Sick"]
    assert after.needing == 2 and after.rows[2].seen_by == "Dr Lee"
    actions = [(e.action, e.subject_id) for e in audit.all_events(_admin(ctx))]
    assert ("alerts.seen", rows[0].account_id) in actions

    ctx.clock.advance(days=1)  # type: ignore[attr-defined]
    journal.log_checkin(sick, pain=5, symptoms=("saddle_numbness",))
    back = worklist.worklist(doc).rows
    assert back[0].name == "Cy Sick" and back[0].level == "emergency" and back[0].unseen

    assert [r.name for r in worklist.worklist(doc, level="continue").rows] == [
        "Bea Away",
        "Ann Calm",
    ]
    assert [r.name for r in worklist.worklist(doc, query="BEA").rows] == ["Bea Away"]
    paged = worklist.worklist(doc, page=2, per_page=2)
    assert paged.pages == 2 and [r.name for r in paged.rows] == ["Ann Calm"]
    with pytest.raises(InputError):
        worklist.worklist(doc, level="fine")

    table = list(csv.DictReader(io.StringIO(worklist.worklist_csv(doc))))
    assert table[0]["name"] == "Cy Sick" and table[0]["level"] == "emergency"
    assert table[0]["pain_now"] and table[0]["needs"] == "Warning sign"
    assert table[0]["warning_sign"]

    with pytest.raises(Forbidden):
        worklist.worklist(calm)
    with pytest.raises(NotFound):
        worklist.mark_seen(doc, 99999)


def _admin(ctx: Context) -> Context:
    accounts.add_account(ctx, "admin@clinic.example", "admin", "Ada", PASSWORD)
    return _signed(ctx, "admin@clinic.example")


def test_people_refresh_rebuilds_every_row(store_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert store_cli("checkin", "--pain", "4").exit_code == 0
    result = store_cli("people", "refresh")
    assert result.exit_code == 0, result.stderr
    assert "Rebuilt the state of 1 person." in result.stdout


def test_a_clinicians_leave_out_records_who_when_and_why(store_context: Context) -> None:
    from sicoach.services import views
    from sicoach.services.commands import ChangeExercise, PlanChange
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    doc = _signed(ctx, "doc@clinic.example")
    pat = _patient(ctx, doc, "pat@home.example", "Pat")
    token = signin.sign_in(ctx, "doc@clinic.example", PASSWORD, "10.0.0.9").token
    who = signin.current(ctx, token)
    assert who is not None and pat.subject_account is not None
    doc_on_pat = signin.acting_on(ctx, who, pat.subject_account)
    with pytest.raises(InputError) as missing:
        execute(doc_on_pat, ChangeExercise(PlanChange.LEAVE_OUT, "bridge", "  "))
    assert missing.value.field == "reason"
    assert "bridge" not in journal.get_profile(pat).plan.left_out  # nothing half-written
    execute(doc_on_pat, ChangeExercise(PlanChange.LEAVE_OUT, "bridge", "wait until the review"))
    assert "bridge" in journal.get_profile(pat).plan.left_out
    execute(pat, ChangeExercise(PlanChange.LEAVE_OUT, "cat_cow"))  # the patient's own: no note
    notes = views.program_notes(pat)
    assert notes == ("Your physio Dr Lee left out Bridge on 20 Nov: “wait until the review”",)


def test_a_physios_leave_out_is_theirs_to_undo(store_context: Context) -> None:
    """The patient's plan says the physio left it out and offers no way back; the patient's
    own bring-back (or turn back on) is refused and writes nothing; the physio's works."""
    from sicoach.services import plan
    from sicoach.services.commands import ChangeExercise, PlanChange
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    doc = _signed(ctx, "doc@clinic.example")
    pat = _patient(ctx, doc, "pat@home.example", "Pat")
    who = signin.current(ctx, signin.sign_in(ctx, "doc@clinic.example", PASSWORD, "::1").token)
    assert who is not None and pat.subject_account is not None
    doc_on_pat = signin.acting_on(ctx, who, pat.subject_account)
    execute(pat, ChangeExercise(PlanChange.LEAVE_OUT, "cat_cow"))  # the patient's own
    execute(doc_on_pat, ChangeExercise(PlanChange.LEAVE_OUT, "bridge", "wait until the review"))

    by_rule = {e.id: e for e in plan.plan_today(pat).exercises}
    assert by_rule["cat_cow"].rule == "left_out" and by_rule["cat_cow"].action is not None
    bridge = by_rule["bridge"]
    assert bridge.rule == "left_out_by_physio" and bridge.action is None
    assert "physio" in bridge.reason and "You left this out" not in bridge.reason
    for change in (PlanChange.INCLUDE, PlanChange.TURN_BACK_ON):
        with pytest.raises(InputError) as refused:
            execute(pat, ChangeExercise(change, "bridge"))
        assert refused.value.field == "exercise" and "physio" in refused.value.message
        assert "bridge" in journal.get_profile(pat).plan.left_out  # nothing written

    execute(doc_on_pat, ChangeExercise(PlanChange.INCLUDE, "bridge", "ready again"))
    assert "bridge" not in journal.get_profile(pat).plan.left_out
    execute(pat, ChangeExercise(PlanChange.LEAVE_OUT, "bridge"))  # now the patient's own
    assert {e.id: e.rule for e in plan.plan_today(pat).exercises}["bridge"] == "left_out"
    execute(pat, ChangeExercise(PlanChange.INCLUDE, "bridge"))

    from fhir.resources.R4B.bundle import Bundle

    from sicoach.services import reports

    bundle = Bundle.model_validate_json(reports.export_fhir(doc_on_pat))
    kinds = {e.resource.get_resource_type(): e.resource for e in bundle.entry}
    practitioner, care_plan = kinds["Practitioner"], kinds["CarePlan"]
    assert practitioner.name[0].text == "Dr Lee"
    assert care_plan.author.reference == f"urn:uuid:{practitioner.id}"


def test_hold_allow_and_days_are_the_clinicians_and_said_on_today(store_context: Context) -> None:
    from sicoach.services import plan, views
    from sicoach.services.commands import (
        ChangeExercise,
        ChangeProfile,
        PlanChange,
        SetTrainingDays,
    )
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    doc = _signed(ctx, "doc@clinic.example")
    pat = _patient(ctx, doc, "pat@home.example", "Pat")
    who = signin.current(ctx, signin.sign_in(ctx, "doc@clinic.example", PASSWORD, "::1").token)
    assert who is not None and pat.subject_account is not None
    doc_on_pat = signin.acting_on(ctx, who, pat.subject_account)
    with pytest.raises(InputError) as own:
        execute(pat, ChangeExercise(PlanChange.HOLD, "bridge"))
    assert own.value.field == "change"
    with pytest.raises(InputError) as bare:
        execute(doc_on_pat, ChangeExercise(PlanChange.HOLD, "bridge", ""))
    assert bare.value.field == "reason" and not plan.physio_choices(pat).held

    execute(doc_on_pat, ChangeExercise(PlanChange.HOLD, "bridge", "keep it easy this week"))
    assert plan.physio_choices(pat).held == {"bridge"}
    assert views.program_notes(pat)[0] == (
        "Your physio Dr Lee kept Bridge at the same dose on 20 Nov: “keep it easy this week”"
    )
    with pytest.raises(InputError) as why:
        execute(doc_on_pat, SetTrainingDays(("mon", "thu"), ""))
    assert why.value.field == "reason"
    with pytest.raises(InputError) as day:
        execute(doc_on_pat, SetTrainingDays(("mon", "someday"), "two days to start"))
    assert day.value.field == "days"
    assert journal.get_profile(pat).plan.training_days == (0, 1, 2, 3, 4, 5, 6)  # unchanged
    execute(pat, SetTrainingDays(("mon", "wed", "fri")))  # their own, before the physio's
    execute(doc_on_pat, SetTrainingDays(("mon", "thu"), "two days to start"))
    assert journal.get_profile(pat).plan.training_days == (0, 3)
    # The physio's choice stands over the patient's own: refused, nothing written.
    with pytest.raises(InputError) as own_days:
        execute(pat, SetTrainingDays(("mon", "tue", "thu")))
    assert own_days.value.field == "days" and "your physio Dr Lee chose" in own_days.value.message
    mine = journal.get_profile(pat)
    other = dataclasses.replace(mine.plan, training_days=(1, 2))
    with pytest.raises(InputError) as in_profile:
        execute(pat, ChangeProfile.replacing(dataclasses.replace(mine, plan=other)))
    assert in_profile.value.field == "training_days" and "note" in in_profile.value.message
    assert journal.get_profile(pat).plan.training_days == (0, 3)
    execute(pat, SetTrainingDays(("thu", "mon")))  # the same days: nothing to refuse
    execute(pat, ChangeProfile.replacing(dataclasses.replace(mine, birth_year=1981)))
    assert journal.get_profile(pat).plan.training_days == (0, 3)
    assert views.program_notes(pat)[0] == (
        "Your physio Dr Lee chose your training days on 20 Nov: “two days to start”"
    )
    execute(doc_on_pat, ChangeExercise(PlanChange.ALLOW, "bridge", "ready to move on"))
    assert not plan.physio_choices(pat).held
    assert views.program_notes(pat)[0].startswith("Your physio Dr Lee let Bridge move up again")


def _doc_on(ctx: Context, pat: Context) -> Context:
    """Dr Lee acting on the patient `pat` (made by `_patient`)."""
    who = signin.current(ctx, signin.sign_in(ctx, "doc@clinic.example", PASSWORD, "::1").token)
    assert who is not None and pat.subject_account is not None
    return signin.acting_on(ctx, who, pat.subject_account)


def test_a_physio_sets_a_dose_inside_the_guides_range(store_context: Context) -> None:
    """Repetitions and hold inside the guide's range, checked field by field with nothing
    written on a bad value; the plan uses that dose over its own steps until the physio
    clears it; Today says it with the physio's name and reason; the CarePlan carries it."""
    from fhir.resources.R4B.bundle import Bundle

    from sicoach.services import plan, reports, views
    from sicoach.services.commands import ChangeExercise, PlanChange, SetDose
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    pat = _patient(ctx, _signed(ctx, "doc@clinic.example"), "pat@home.example", "Pat")
    doc_on_pat = _doc_on(ctx, pat)
    before = {e.id: e for e in plan.plan_today(pat).exercises}["bridge"]
    assert (before.reps, before.hold_seconds) == (8, 5)

    wrong = [
        (SetDose("bridge", 11, 5, "more"), "reps"),  # the guide says 8-10
        (SetDose("bridge", "eight", 5, "more"), "reps"),
        (SetDose("bridge", 9, 7, "more"), "hold_seconds"),  # the guide says 5
        (SetDose("cat_cow", 9, 5, "more"), "hold_seconds"),  # cat-cow has no hold
        (SetDose("bridge", 9, 5, " "), "reason"),
        (SetDose("plank", 9, 5, "more"), "exercise"),
    ]
    for command, field in wrong:
        with pytest.raises(InputError) as refused:
            execute(doc_on_pat, command)
        assert refused.value.field == field, command
    with pytest.raises(InputError) as own:
        execute(pat, SetDose("bridge", 9, 5))
    assert own.value.field == "reps"
    assert not plan.physio_choices(pat).doses and not views.program_notes(pat)  # none written

    execute(doc_on_pat, SetDose("bridge", "10", None, "you are ready for more"))
    execute(doc_on_pat, SetDose("pelvic_tilt", 20, 5, "a longer set"))  # "10 or more": ours 20
    bridge = {e.id: e for e in plan.plan_today(pat).exercises}["bridge"]
    assert (bridge.reps, bridge.hold_seconds, bridge.rule) == (10, 5, "dose_by_physio")
    assert "Your physio set this dose: 10 repetitions of 5 s" in bridge.reason
    assert views.program_notes(pat)[1] == (
        "Your physio Dr Lee set Bridge to 10 repetitions of 5 s on 20 Nov: “you are ready for more”"
    )
    bundle = Bundle.model_validate_json(reports.export_fhir(doc_on_pat))
    care_plan = next(
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "CarePlan"
    )
    details = {a.detail.code.coding[0].code: a.detail for a in care_plan.activity[:-1]}
    assert details["bridge"].quantity.value == 10
    assert details["bridge"].description.startswith("10 times, hold 5 seconds")

    execute(doc_on_pat, ChangeExercise(PlanChange.CLEAR_DOSE, "bridge", "back to the usual"))
    cleared = {e.id: e for e in plan.plan_today(pat).exercises}["bridge"]
    assert (cleared.reps, cleared.rule) == (8, "first_time")
    assert set(plan.physio_choices(pat).doses) == {"pelvic_tilt"}
    assert views.program_notes(pat)[0].startswith(
        "Your physio Dr Lee let Bridge follow the usual steps again"
    )


def test_a_physio_sets_the_walking_goal_and_the_shortest_walk(store_context: Context) -> None:
    """A weekly goal above 0 and at most 150 and a shortest walk in 5-minute steps, checked
    field by field with nothing written on a bad value; this week's target and today's walk
    follow them; Today and the CarePlan say so."""
    from fhir.resources.R4B.bundle import Bundle

    from sicoach.services import plan, reports, views
    from sicoach.services.commands import SetAerobicGoal
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    pat = _patient(ctx, _signed(ctx, "doc@clinic.example"), "pat@home.example", "Pat")
    doc_on_pat = _doc_on(ctx, pat)
    guide = plan.plan_today(pat).aerobic
    assert guide.weekly_goal_minutes == 150 and guide.week_target_minutes > 40

    wrong = [
        (SetAerobicGoal(0, None, "less"), "week_minutes"),
        (SetAerobicGoal(155, None, "more"), "week_minutes"),
        (SetAerobicGoal(42, None, "odd"), "week_minutes"),
        (SetAerobicGoal("lots", None, "odd"), "week_minutes"),
        (SetAerobicGoal(60, 7, "odd"), "walk_minutes"),
        (SetAerobicGoal(60, 35, "long"), "walk_minutes"),
        (SetAerobicGoal(60, 10, ""), "reason"),
    ]
    for command, field in wrong:
        with pytest.raises(InputError) as refused:
            execute(doc_on_pat, command)
        assert refused.value.field == field, command
    with pytest.raises(InputError) as own:
        execute(pat, SetAerobicGoal(60, 10))
    assert own.value.field == "week_minutes"
    assert plan.physio_choices(pat).aerobic is None and not views.program_notes(pat)
    assert reports.progress(pat).aerobic.goal == 150

    execute(doc_on_pat, SetAerobicGoal("40", "", "build up slowly"))
    capped = plan.plan_today(pat).aerobic
    assert (capped.weekly_goal_minutes, capped.week_target_minutes) == (40, 40)
    shown = reports.progress(pat).aerobic  # the progress page's goal line is the plan's
    assert shown.goal == 40 and shown.weeks and all(w.target <= 40 for w in shown.weeks)
    assert shown.weeks[-1].target == capped.week_target_minutes
    assert "Your physio set your goal: 40 minutes a week." in capped.why_this_number
    assert views.program_notes(pat)[0] == (
        "Your physio Dr Lee set your walking goal to 40 minutes a week on 20 Nov: “build up slowly”"
    )
    execute(doc_on_pat, SetAerobicGoal(150, 25, "you walk well already"))
    longer = plan.plan_today(pat).aerobic
    assert longer.week_target_minutes == 125 and longer.today_minutes >= 25
    assert views.program_notes(pat)[0].startswith(
        "Your physio Dr Lee set your walking goal to 150 minutes a week, walks of at least "
        "25 minutes on 20 Nov"
    )
    bundle = Bundle.model_validate_json(reports.export_fhir(doc_on_pat))
    kinds = {e.resource.get_resource_type(): e.resource for e in bundle.entry}
    walking = kinds["CarePlan"].activity[-1].detail
    assert walking.quantity.value == 150 and "target is 125 minutes" in walking.description


def test_a_physio_chooses_the_pregnancy_forms(store_context: Context) -> None:
    """On: the plan uses the pregnancy versions whatever the profile says (the profile has no
    pregnancy here); off: back to the patient's own answer. Said on Today with the reason."""
    from sicoach.services import plan, views
    from sicoach.services.commands import SetPregnancyForms
    from sicoach.services.handlers import execute

    ctx = store_context
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    pat = _patient(ctx, _signed(ctx, "doc@clinic.example"), "pat@home.example", "Pat")
    doc_on_pat = _doc_on(ctx, pat)
    assert journal.get_profile(pat).pregnancy is None
    assert not any(e.variant for e in plan.plan_today(pat).exercises)

    for command, field in [
        (SetPregnancyForms("maybe", "after the birth"), "forms"),
        (SetPregnancyForms("on", " "), "reason"),
    ]:
        with pytest.raises(InputError) as refused:
            execute(doc_on_pat, command)
        assert refused.value.field == field
    with pytest.raises(InputError) as own:
        execute(pat, SetPregnancyForms(True))
    assert own.value.field == "forms" and not views.program_notes(pat)

    execute(doc_on_pat, SetPregnancyForms("on", "pelvic girdle pain after the birth"))
    by_id = {e.id: e for e in plan.plan_today(pat).exercises}
    bridge = by_id["bridge"]
    assert bridge.variant == "pregnancy" and bridge.name == "Standing buttock squeeze"
    assert bridge.rule.endswith("+pregnancy_variant_by_physio")
    assert "Your physio chose the pregnancy version" in bridge.reason
    assert views.program_notes(pat)[0] == (
        "Your physio Dr Lee chose the pregnancy versions of your exercises on 20 Nov: "
        "“pelvic girdle pain after the birth”"
    )
    changes = [e.detail for e in audit.all_events(_admin(ctx)) if e.action == "program.change"]
    assert changes and set(changes) == {"SetPregnancyForms"}  # not the reason, not on/off
    execute(doc_on_pat, SetPregnancyForms("off", "back to the usual"))
    assert not any(e.variant for e in plan.plan_today(pat).exercises)
    assert views.program_notes(pat)[0].startswith("Your physio Dr Lee went back to the usual")
