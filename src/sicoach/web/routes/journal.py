"""Check-ins, activities and history: pages with plain forms, and the same in the JSON API."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.interchange.journal_json import activity_to_dict, checkin_to_dict
from sicoach.interchange.safety_json import assessment_to_dict
from sicoach.services import cached_reads as reads
from sicoach.services import changes, journal_pages, messages, views
from sicoach.services.checks import check_activity_kind, check_minutes, check_rating
from sicoach.services.commands import DismissNoteSign, LogActivity, LogCheckIn
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.notes import NoteReading, note_reading, ticked, warm_up_reader
from sicoach.services.vocabulary import ACTIVITY_KINDS
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form, api_day, upto_day
from sicoach.web.schemas import (
    ActivityIn,
    ActivityOut,
    ActivitySavedOut,
    CheckinIn,
    CheckinOut,
    CheckinSavedOut,
    NotSoIn,
    NotSoOut,
)
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
    recent = reads.recent_journal(ctx)  # the profile and today's check-in are all it needs
    pregnant = bool(recent.profile and recent.profile.pregnancy)
    today = ctx.clock.today()
    existing = recent.checkin_on(today)
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
            "symptoms": list(ticked(existing)),  # the note is read again on saving
            "note": existing.note,
        }
    else:
        values = {"date": today.isoformat(), "symptoms": []}
    opening = messages.reply_opening(ctx, request.query_params.get("reply", ""))
    if form is None and opening:  # answering a message from the clinician, in the note
        earlier = str(values.get("note") or "")
        values["note"] = f"{earlier}\n{opening}" if earlier else opening
    return render(
        request,
        "checkin.html",
        {
            "values": values,
            "errors": form.errors if form else {},
            "groups": views.symptom_groups(ctx, pregnant),
            "today": today,
            "existing": existing,
        },
        status_code=status,
        active="today",
    )


@pages.get("/checkin")
def checkin_page(request: Request) -> Response:
    warm_up_reader()  # the note reader takes seconds to build: start while the person types
    return _checkin_form(request)


@pages.post("/checkin")
async def checkin_submit(request: Request, ctx: ContextDep) -> Response:
    form = Form(await request.form())
    # Each number is checked as it is read too, so the page lists every field's problem at
    # once; the words are the service's (the same domain checks), the service still decides.
    command = LogCheckIn(
        pain=form.integer("pain", check_rating, required=True),
        worst_pain=form.integer("worst_pain", check_rating),
        mobility=form.integer("mobility", check_rating),
        symptoms=tuple(form.many("symptoms")),
        note=form.text("note"),
        day=form.day("date"),
    )
    saved = None
    before = changes.snapshot(ctx) if form.ok else None
    if form.ok:
        try:
            saved, _replaced = execute(ctx, command)
        except InputError as error:
            form.fail_from(error, "pain")
    if not form.ok:
        return _checkin_form(request, form, status=400)
    if saved is not None and saved.note_symptoms:
        return RedirectResponse(f"/checkin/note?date={saved.date.isoformat()}", status_code=303)
    back = form.text("return_to")
    target = back if back in RETURN_PAGES else "/"
    changed = changes.what_changed(before, changes.snapshot(ctx)) if before else ""
    notice = quote_plus(f"Check-in saved. {changed}".strip())
    return RedirectResponse(f"{target}?saved={notice}", status_code=303)


SURE_ABOVE = 240
"""Minutes above which a saved activity asks "are you sure?" first (a typing slip)."""


def _activity_form(
    request: Request, form: Form | None = None, status: int = 200, confirm: int | None = None
) -> Response:
    ctx = context_of(request)
    today = ctx.clock.today()
    record = reads.recent_journal(ctx)  # the last two weeks, what the list shows
    recent = [a for a in record.activities if (today - a.date).days < reads.RECENT_DAYS]
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
            "confirm": confirm,
            "sure_above": SURE_ABOVE,
        },
        status_code=status,
        active="today",
    )


@pages.get("/activity")
def activity_page(request: Request) -> Response:
    return _activity_form(request)


@pages.post("/activity")
async def activity_submit(request: Request, ctx: ContextDep) -> Response:
    form = Form(await request.form())
    kind = form.checked("kind", form.text("kind"), check_activity_kind)
    minutes = form.integer("minutes", check_minutes, required=True)
    day = form.day("date")
    if form.ok and minutes is not None and minutes > SURE_ABOVE and not form.flag("sure"):
        return _activity_form(request, form, confirm=minutes)
    before = changes.snapshot(ctx) if form.ok else None
    if form.ok:
        try:
            execute(ctx, LogActivity(kind, minutes, day=day))
        except InputError as error:
            form.fail_from(error, "minutes")
    if not form.ok or before is None:
        return _activity_form(request, form, status=400)
    name = ACTIVITY_NAMES[kind].split(" (")[0].lower()
    changed = changes.what_changed(before, changes.snapshot(ctx), walking=True)
    notice = quote_plus(f"Saved: {minutes} minutes of {name}. {changed}")
    return RedirectResponse(f"/activity?saved={notice}", status_code=303)


def _note_page(
    request: Request, day: date | None, noted: str = "", error: str = "", status: int = 200
) -> Response:
    ctx = context_of(request)
    try:
        reading = note_reading(ctx, day)
    except InputError:
        reading = note_reading(ctx, None)
    return render(
        request,
        "checkin_note.html",
        {"reading": reading, "noted": noted, "error": error},
        status_code=status,
        active="today",
    )


@pages.get("/checkin/note")
def checkin_note_page(request: Request) -> Response:
    """Right after saving: the warning signs read from the note, each with "not so"."""
    form = Form(request.query_params)
    return _note_page(request, form.day("date"), noted=form.text("noted"))


@pages.post("/checkin/note/not-so")
async def checkin_note_not_so(request: Request, ctx: ContextDep) -> Response:
    """The person says a sign read from their note is not so; it stops counting."""
    form = Form(await request.form())
    day = form.day("date")
    try:
        reading: NoteReading = execute(ctx, DismissNoteSign(code=form.text("code"), day=day))
    except InputError as error:
        return _note_page(request, day, error=error.message, status=400)
    noted = quote_plus(reading.dismissed[-1]) if reading.dismissed else ""
    return RedirectResponse(
        f"/checkin/note?date={reading.day.isoformat()}&noted={noted}", status_code=303
    )


@pages.get("/history")
def history_page(request: Request, ctx: ContextDep) -> Response:
    """Four weeks at a time, newest first; `?upto=` pages back (read alone: any year)."""
    view = journal_pages.history_page(ctx, upto_day(request))
    context = {"history": view, "names": ACTIVITY_NAMES, "catalog": ctx.catalog}
    return render(request, "history.html", context, active="progress")


# --- API ------------------------------------------------------------------------------------


FROM_HELP = (
    "First day listed (YYYY-MM-DD). Default: 83 days before `to`, so 12 weeks are listed; "
    f"at most {journal_pages.LIST_MAX_DAYS} days from `from` to `to`."
)
TO_HELP = "Last day listed (YYYY-MM-DD). Default: today."


def _days(ctx: ContextDep, first: str | None, last: str | None) -> tuple[date, date]:
    """The days asked (a bad date is a 422 naming `from` or `to`)."""
    return journal_pages.list_range(ctx, api_day(first, "from"), api_day(last, "to"))


@router.get("/api/v1/checkins", tags=["journal"], response_model=list[CheckinOut])
def api_checkins(
    ctx: ContextDep,
    first: Annotated[str | None, Query(alias="from", description=FROM_HELP)] = None,
    last: Annotated[str | None, Query(alias="to", description=TO_HELP)] = None,
) -> list[dict[str, Any]]:
    """The check-ins from `from` to `to`, oldest first: by default the last 12 weeks; ask
    for older ones with `from` and `to` (a year at most at a time; the whole journal is
    `GET /api/v1/journal`). A bad date, `from` after `to` or a longer range is a 422
    naming the field."""
    return [
        checkin_to_dict(c)
        for c in journal_pages.records_between(ctx, *_days(ctx, first, last)).checkins
    ]


@router.post("/api/v1/checkins", status_code=201, tags=["journal"], response_model=CheckinSavedOut)
def api_add_checkin(ctx: ContextDep, body: CheckinIn) -> dict[str, Any]:
    """Save the check-in of a day (replacing that day's one) and return the new safety level."""
    command = LogCheckIn(
        pain=body.pain,
        worst_pain=body.worst_pain,
        mobility=body.mobility,
        symptoms=tuple(body.symptoms),
        note=body.note,
        day=body.date,
    )
    checkin, _replaced = execute(ctx, command)
    safety = assessment_to_dict(reads.current_assessment(ctx))
    return {
        "saved": checkin_to_dict(checkin),
        "note_symptoms": list(checkin.note_symptoms),
        "safety": safety,
    }


@router.post("/api/v1/checkins/{day}/not-so", tags=["journal"], response_model=NotSoOut)
def api_note_not_so(ctx: ContextDep, day: date, body: NotSoIn) -> dict[str, Any]:
    """Say a warning sign read from that day's note is not so; returns the new safety level."""
    reading: NoteReading = execute(ctx, DismissNoteSign(code=body.code, day=day))
    return {
        "note_symptoms": [s.code for s in reading.signs],
        "safety": assessment_to_dict(reading.assessment),
    }


@router.get("/api/v1/activities", tags=["journal"], response_model=list[ActivityOut])
def api_activities(
    ctx: ContextDep,
    first: Annotated[str | None, Query(alias="from", description=FROM_HELP)] = None,
    last: Annotated[str | None, Query(alias="to", description=TO_HELP)] = None,
) -> list[dict[str, Any]]:
    """The activities from `from` to `to`, oldest first: by default the last 12 weeks (as
    `GET /api/v1/checkins`, with the same rules for `from` and `to`)."""
    return [
        activity_to_dict(a)
        for a in journal_pages.records_between(ctx, *_days(ctx, first, last)).activities
    ]


@router.post(
    "/api/v1/activities", status_code=201, tags=["journal"], response_model=ActivitySavedOut
)
def api_add_activity(ctx: ContextDep, body: ActivityIn) -> dict[str, Any]:
    """Log minutes of walking or another gentle activity."""
    command = LogActivity(body.kind, body.minutes, day=body.date, client_id=body.client_id)
    activity = execute(ctx, command)
    return {"saved": activity_to_dict(activity)}


router.include_router(pages)
