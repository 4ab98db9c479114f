"""Check-ins, activities and history: pages with plain forms, and the same in the JSON API."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.domain import validation
from sicoach.domain.vocabulary import ACTIVITY_KINDS
from sicoach.services import views
from sicoach.web import services_view
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form, input_errors
from sicoach.web.schemas import ActivityIn, CheckinIn
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

ACTIVITY_NAMES = {
    "walking": "Walking",
    "swimming": "Swimming",
    "water_aerobics": "Water aerobics",
    "cycling": "Cycling (stationary bike, low resistance)",
    "tai_chi": "Tai chi",
    "other": "Something else",
}
RETURN_PAGES = {"/", "/checkin"}


def _checkin_form(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    profile = services_view.load(ctx).profile
    pregnant = bool(profile and profile.pregnancy)
    today = ctx.clock.today()
    existing = services_view.load(ctx).checkin_on(today)
    values: dict[str, Any]
    if form is not None:
        values = dict(form.values)
        values["symptoms"] = form.many("symptoms")
    elif existing is not None:
        values = {
            "date": today.isoformat(),
            "pain": existing.pain,
            "worst_pain": existing.worst_pain,
            "mobility": existing.mobility,
            "symptoms": list(existing.symptoms),
            "note": existing.note,
        }
    else:
        values = {"date": today.isoformat(), "symptoms": []}
    return render(
        request,
        "checkin.html",
        {
            "values": values,
            "errors": form.errors if form else {},
            "groups": services_view.symptom_groups(ctx, pregnant),
            "today": today,
            "existing": existing,
        },
        status_code=status,
        active="today",
    )


@pages.get("/checkin")
def checkin_page(request: Request) -> Response:
    return _checkin_form(request)


@pages.post("/checkin")
async def checkin_submit(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    today = ctx.clock.today()
    day = form.day("date") or today
    document = {
        "date": day.isoformat(),
        "pain": form.integer("pain", validation.check_rating, required=True),
        "worst_pain": form.integer("worst_pain", validation.check_rating),
        "mobility": form.integer("mobility", validation.check_rating),
        "symptoms": form.many("symptoms"),
        "note": form.text("note"),
    }
    if form.ok:
        try:
            checkin = validation.validate_checkin(document, "checkin", today)
            services_view.save_checkin(ctx, checkin)
        except input_errors() as error:
            form.fail_from(error, "pain")
    if not form.ok:
        return _checkin_form(request, form, status=400)
    back = form.text("return_to")
    target = back if back in RETURN_PAGES else "/"
    return RedirectResponse(f"{target}?saved=Check-in+saved.", status_code=303)


def _activity_form(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    today = ctx.clock.today()
    record = services_view.load(ctx)
    recent = [a for a in record.activities if (today - a.date).days < 14]
    return render(
        request,
        "activity.html",
        {
            "values": dict(form.values) if form else {"date": today.isoformat(), "kind": "walking"},
            "errors": form.errors if form else {},
            "kinds": [(k, ACTIVITY_NAMES.get(k, k)) for k in ACTIVITY_KINDS],
            "names": ACTIVITY_NAMES,
            "recent": list(reversed(recent)),
            "today": today,
            "notice": request.query_params.get("saved"),
        },
        status_code=status,
        active="today",
    )


@pages.get("/activity")
def activity_page(request: Request) -> Response:
    return _activity_form(request)


@pages.post("/activity")
async def activity_submit(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    today = ctx.clock.today()
    day = form.day("date") or today
    kind = form.checked("kind", form.text("kind"), validation.check_activity_kind)
    minutes = form.integer("minutes", validation.check_minutes, required=True)
    if form.ok:
        try:
            activity = validation.validate_activity(
                {"date": day.isoformat(), "kind": kind, "minutes": minutes}, "activity", today
            )
            services_view.save_activity(ctx, activity)
        except input_errors() as error:
            form.fail_from(error, "minutes")
    if not form.ok:
        return _activity_form(request, form, status=400)
    name = ACTIVITY_NAMES[kind].split(" (")[0].lower()
    notice = quote_plus(f"Saved: {minutes} minutes of {name}.")
    return RedirectResponse(f"/activity?saved={notice}", status_code=303)


@pages.get("/history")
def history_page(request: Request, ctx: ContextDep) -> Response:
    view = views.history(ctx, journal=services_view.load(ctx))
    context = {"history": view, "names": ACTIVITY_NAMES, "catalog": ctx.catalog}
    return render(request, "history.html", context, active="progress")


# --- API ------------------------------------------------------------------------------------


def _bad(error: Exception) -> HTTPException:
    return HTTPException(status_code=422, detail=str(error))


@router.get("/api/v1/checkins", tags=["journal"])
def api_checkins(request: Request) -> list[dict[str, Any]]:
    """Every check-in, oldest first."""
    record = services_view.load(context_of(request))
    return [
        {
            "date": c.date.isoformat(),
            "pain": c.pain,
            "worst_pain": c.worst_pain,
            "mobility": c.mobility,
            "symptoms": list(c.symptoms),
            "note": c.note,
        }
        for c in record.checkins
    ]


@router.post("/api/v1/checkins", status_code=201, tags=["journal"])
def api_add_checkin(request: Request, body: CheckinIn) -> dict[str, Any]:
    """Save the check-in of a day (replacing that day's one) and return the new safety level."""
    ctx = context_of(request)
    today = ctx.clock.today()
    document = body.model_dump(mode="json")
    document["date"] = document["date"] or today.isoformat()
    try:
        checkin = validation.validate_checkin(document, "checkin", today)
        services_view.save_checkin(ctx, checkin)
    except input_errors() as error:
        raise _bad(error) from error
    from sicoach.interchange.safety_json import assessment_to_dict

    return {"saved": document, "safety": assessment_to_dict(services_view.current_assessment(ctx))}


@router.get("/api/v1/activities", tags=["journal"])
def api_activities(request: Request) -> list[dict[str, Any]]:
    """Every activity, oldest first."""
    record = services_view.load(context_of(request))
    return [
        {"date": a.date.isoformat(), "kind": a.kind, "minutes": a.minutes}
        for a in record.activities
    ]


@router.post("/api/v1/activities", status_code=201, tags=["journal"])
def api_add_activity(request: Request, body: ActivityIn) -> dict[str, Any]:
    """Log minutes of walking or another gentle activity."""
    ctx = context_of(request)
    today = ctx.clock.today()
    document = body.model_dump(mode="json")
    document["date"] = document["date"] or today.isoformat()
    try:
        activity = validation.validate_activity(document, "activity", today)
        services_view.save_activity(ctx, activity)
    except input_errors() as error:
        raise _bad(error) from error
    return {"saved": document}


router.include_router(pages)
