"""The clinician's worklist, through the services on SQLite and PostgreSQL: the order by
need, "seen" (audited) and a new alert bringing a patient back up, filters, paging, the
CSV, and who may read it."""

from __future__ import annotations

import csv
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
    from sicoach.services.commands import ChangeExercise, PlanChange, SetTrainingDays
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
    execute(doc_on_pat, SetTrainingDays(("mon", "thu"), "two days to start"))
    assert journal.get_profile(pat).plan.training_days == (0, 3)
    assert views.program_notes(pat)[0] == (
        "Your physio Dr Lee chose your training days on 20 Nov: “two days to start”"
    )
    execute(doc_on_pat, ChangeExercise(PlanChange.ALLOW, "bridge", "ready to move on"))
    assert not plan.physio_choices(pat).held
    assert views.program_notes(pat)[0].startswith("Your physio Dr Lee let Bridge move up again")
