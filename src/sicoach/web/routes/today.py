"""The today page: safety first, the routine, the big Start button, aerobic minutes, pain."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.interchange.plan_json import day_plan_to_dict
from sicoach.services import cached_reads as reads
from sicoach.services.commands import (
    ChangeExercise,
    HandBackTrainingDays,
    PlanChange,
    SetAerobicGoal,
    SetDose,
    SetPregnancyForms,
    SetTrainingDays,
)
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.plan import Action
from sicoach.services.policy import Access
from sicoach.web import charts
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form
from sicoach.web.routes.glance import refused
from sicoach.web.schemas_out import DayPlanOut
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _day(request: Request, raw: str | None) -> date | None:
    """A preview day from ?date= (up to tomorrow); None means today."""
    if not raw:
        return None
    ctx = context_of(request)
    try:
        day = date.fromisoformat(raw)
    except ValueError as error:
        raise HTTPException(400, f"date: {raw!r} is not a date; use YYYY-MM-DD") from error
    if day > ctx.clock.today() + timedelta(days=1):
        raise HTTPException(400, f"date: {raw} is too far ahead; plans go up to tomorrow")
    return day


TODAY_FIELDS = (
    "program_notes",
    "today",
    "day",
    "tomorrow",
    "plan",
    "pain_days",
    "pain_points",
    "checked_in_today",
    "today_checkin",
)
"""What the today page's template reads from the `TodayView`."""


@router.get("/", include_in_schema=False)
def today(request: Request, date: str | None = None) -> Response:
    ctx = context_of(request)
    if not reads.has_profile(ctx):
        return RedirectResponse("/welcome", status_code=303)
    view = reads.today_view(ctx, on=_day(request, date))
    page: dict[str, Any] = {name: getattr(view, name) for name in TODAY_FIELDS}
    page |= reads.today_extras(ctx, view)
    page["pain_chart"] = charts.pain_strip(page["pain_points"], page["today"])
    aerobic = page["plan"].aerobic
    page["aerobic_meter"] = charts.minutes_meter(
        aerobic.week_done_minutes, aerobic.week_target_minutes
    )
    page["notice"] = request.query_params.get("saved")
    page["messages"] = reads.unread_messages(ctx) if view.day == view.today else ()
    page["own_page"] = ctx.journal_access >= Access.OWNER
    return render(request, "today.html", page, active="today")


@router.get("/api/v1/plan", tags=["plan"], response_model=DayPlanOut)
@router.get("/api/v1/plan/today", tags=["plan"], response_model=DayPlanOut)
def api_plan(request: Request, date: str | None = None) -> dict[str, Any]:
    """The routine for today (or `date`, up to tomorrow): exercises, dose, status, reasons."""
    ctx = context_of(request)
    return day_plan_to_dict(reads.plan_today(ctx, on=_day(request, date)))


@pages.post("/plan/{action}")
async def plan_action(request: Request, ctx: ContextDep, action: str) -> Response:
    """Turn an exercise back on after it hurt twice, or bring back one left out; a
    clinician's changes (leave out, bring back, hold, allow, training days) with a reason."""
    form = Form(await request.form())
    if action == "days":
        return _training_days(request, ctx, form)
    if action == "days_free":
        return _hand_back_days(request, ctx, form)
    if action == "dose":
        return _set_dose(request, ctx, form)
    if action == "aerobic":
        return _set_aerobic(request, ctx, form)
    if action == "pregnancy":
        return _set_pregnancy_forms(request, ctx, form)
    if action not in PAGE_ACTIONS:
        raise HTTPException(404, "No such change to the plan.")
    exercise_id = form.text("exercise")
    change = PAGE_ACTIONS[action]
    try:
        execute(ctx, ChangeExercise(change, exercise_id, form.text("reason")))
    except InputError as wrong:
        if form.text("back") == "/overview":
            return refused(request, GLANCE_FORMS[change], form, wrong)
        raise HTTPException(400, f"{wrong.field}: {wrong.message}") from None
    name = ctx.catalog.exercise(exercise_id).name
    if change is PlanChange.LEAVE_OUT:
        notice = quote_plus(f"{name} is left out of the routine.")
    elif change is PlanChange.HOLD:
        notice = quote_plus(f"{name} stays at its dose until you allow it to move up.")
    elif change is PlanChange.ALLOW:
        notice = quote_plus(f"{name} moves up again by the usual rules.")
    elif change is PlanChange.CLEAR_DOSE:
        notice = quote_plus(f"{name} follows the usual steps again.")
    else:
        notice = quote_plus(f"{name} is back in the routine, starting at the easiest level.")
    back = "/overview" if form.text("back") == "/overview" else "/"
    return RedirectResponse(f"{back}?saved={notice}", status_code=303)


def _training_days(request: Request, ctx: Any, form: Form) -> Response:
    """A clinician's choice of training days, from the patient-at-a-glance page."""
    try:
        execute(ctx, SetTrainingDays(tuple(form.many("days")), form.text("reason")))
    except InputError as wrong:
        return refused(request, "days", form, wrong)
    notice = quote_plus("The training days are saved.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


def _hand_back_days(request: Request, ctx: Any, form: Form) -> Response:
    """A clinician lets the patient choose their training days again (the glance page)."""
    try:
        execute(ctx, HandBackTrainingDays(form.text("reason")))
    except InputError as wrong:
        return refused(request, "days_free", form, wrong)
    notice = quote_plus("The patient chooses their own training days again.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


def _set_dose(request: Request, ctx: Any, form: Form) -> Response:
    """A clinician's repetitions and hold for one exercise, from the patient-at-a-glance
    page (the service checks them against the guide's range)."""
    exercise_id = form.text("exercise")
    command = SetDose(
        exercise_id, form.text("reps"), form.text("hold_seconds"), form.text("reason")
    )
    try:
        execute(ctx, command)
    except InputError as wrong:
        return refused(request, "dose", form, wrong)
    name = ctx.catalog.exercise(exercise_id).name
    notice = quote_plus(f"{name} now follows the dose you set.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


def _set_aerobic(request: Request, ctx: Any, form: Form) -> Response:
    """A clinician's weekly aerobic goal and shortest walk, from the patient-at-a-glance page."""
    command = SetAerobicGoal(
        form.text("week_minutes"), form.text("walk_minutes"), form.text("reason")
    )
    try:
        execute(ctx, command)
    except InputError as wrong:
        return refused(request, "aerobic", form, wrong)
    notice = quote_plus("The walking goal is saved.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


def _set_pregnancy_forms(request: Request, ctx: Any, form: Form) -> Response:
    """A clinician's "use the pregnancy forms" (on or off), from the patient-at-a-glance page."""
    try:
        execute(ctx, SetPregnancyForms(form.text("forms"), form.text("reason")))
    except InputError as wrong:
        return refused(request, "pregnancy", form, wrong)
    notice = quote_plus("The choice of exercise forms is saved.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


PAGE_ACTIONS = {
    "leave_out": PlanChange.LEAVE_OUT,
    "hold": PlanChange.HOLD,
    "allow": PlanChange.ALLOW,
    "clear_dose": PlanChange.CLEAR_DOSE,
    Action.INCLUDE.value: PlanChange.INCLUDE,
    Action.TURN_BACK_ON.value: PlanChange.TURN_BACK_ON,
    "enable": PlanChange.TURN_BACK_ON,  # the address pages used before actions were tokens
}
"""The plan's actions a page can post, and the change each one makes."""

GLANCE_FORMS = {
    PlanChange.LEAVE_OUT: "leave_out",
    PlanChange.INCLUDE: "include",
    PlanChange.TURN_BACK_ON: "include",
    PlanChange.HOLD: "hold",
    PlanChange.ALLOW: "hold",
    PlanChange.CLEAR_DOSE: "dose",
}
"""Which form on the patient-at-a-glance page sends each change (for a refusal)."""


router.include_router(pages)
