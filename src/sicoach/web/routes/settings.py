"""Settings: profile, plan choices, download the journal and upload one to import.

The JSON API for the profile and the whole journal lives here too. Import runs the same
validation as `sicoach import`, so the messages are the same.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from sicoach.interchange.journal_json import MAX_FILE_BYTES, profile_to_dict
from sicoach.services import data_care, journal_transfer, plan, profile_reads
from sicoach.services.checks import validate_profile
from sicoach.services.commands import (
    ChangeExercise,
    ChangeProfile,
    ImportJournal,
    PlanChange,
    SetReminder,
)
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.vocabulary import WEEKDAY_NAMES, WEEKDAYS
from sicoach.web.forms import Form, input_errors
from sicoach.web.profile_form import profile_values, read_profile
from sicoach.web.schemas import ProfileIn
from sicoach.web.schemas_out import JOURNAL_DOCUMENT, ImportedOut, ProfileOut
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

MAX_UPLOAD_BYTES = MAX_FILE_BYTES  # one limit for every way in


def _page(
    request: Request,
    profile_form: Form | None = None,
    plan_form: Form | None = None,
    import_form: Form | None = None,
    status: int = 200,
) -> Response:
    ctx = context_of(request)
    stored = profile_reads.profile(ctx)
    if profile_form is not None:
        values = dict(profile_form.values)
        for name in ("history", "training_days"):
            values[name] = profile_form.many(name)
    else:
        values = profile_values(stored)
    choices = plan.get_choices(ctx)
    if plan_form is not None:
        plan_values = {
            "included": plan_form.many("included"),
            "reminder_time": plan_form.text("reminder_time"),
        }
    else:
        plan_values = {
            "included": [i for i in ctx.catalog.exercise_ids if i not in choices.left_out],
            "reminder_time": (
                choices.reminder_time.strftime("%H:%M") if choices.reminder_time else ""
            ),
        }
    return render(
        request,
        "settings.html",
        {
            "values": values,
            "errors": profile_form.errors if profile_form else {},
            "plan_values": plan_values,
            "plan_errors": plan_form.errors if plan_form else {},
            "import_errors": import_form.errors if import_form else {},
            "exercises": sorted(ctx.catalog.exercises, key=lambda e: e.order),
            "history_codes": ctx.catalog.history,
            "weekday_names": WEEKDAY_NAMES,
            "notice": request.query_params.get("saved"),
            "location": ctx.settings.display_location,
            "chosen_days": _chosen_days(ctx),
        },
        status_code=status,
        active="settings",
    )


def _chosen_days(ctx: Context) -> dict[str, Any] | None:
    """The training days a physio chose, for Settings to show instead of the checkboxes."""
    chosen = plan.physio_days(ctx)
    if chosen is None:
        return None
    days = plan.get_choices(ctx).training_days
    return {
        "by": chosen.by,
        "on": f"{chosen.at.day} {chosen.at.strftime('%b')}",
        "reason": chosen.reason,
        "names": ", ".join(WEEKDAY_NAMES[d] for d in days),
        "codes": [WEEKDAYS[d] for d in days],
    }


@pages.get("/settings")
def settings_page(request: Request) -> Response:
    return _page(request)


@pages.post("/settings/profile")
async def settings_profile(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    profile = read_profile(form, ctx.clock.today(), profile_reads.profile(ctx))
    if profile is not None:
        try:
            execute(ctx, ChangeProfile.replacing(profile))
        except input_errors() as error:
            form.fail_from(error, "birth_year")
    if not form.ok or profile is None:
        return _page(request, profile_form=form, status=400)
    return RedirectResponse("/settings?saved=Your+profile+is+saved.", status_code=303)


@pages.post("/settings/plan")
async def settings_plan(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    ids = ctx.catalog.exercise_ids
    included = form.many("included")
    for item in included:
        if item not in ids:
            form.errors["included"] = f"{item!r} is not an exercise"
    if not set(included) & set(ids) and "included" not in form.errors:
        form.errors["included"] = "keep at least one exercise in your routine"
    for item in sorted(plan.left_out_by_physio(ctx) & set(included)):
        name = ctx.catalog.exercise(item).name
        form.errors["included"] = f"your physio left out {name}; ask them if you want it back"
    try:
        reminder = plan.parse_reminder(form.text("reminder_time"), "reminder_time")
    except input_errors() as error:
        form.fail_from(error, "reminder_time")
    if not form.ok:
        return _page(request, plan_form=form, status=400)
    choices = plan.get_choices(ctx)
    for exercise_id in ids:
        if exercise_id in included and exercise_id in choices.left_out:
            execute(ctx, ChangeExercise(PlanChange.INCLUDE, exercise_id))
        elif exercise_id not in included and exercise_id not in choices.left_out:
            execute(ctx, ChangeExercise(PlanChange.LEAVE_OUT, exercise_id))
    execute(ctx, SetReminder(reminder))
    return RedirectResponse("/settings?saved=Your+plan+choices+are+saved.", status_code=303)


def _export(request: Request) -> Response:
    ctx = context_of(request)
    document = journal_transfer.export_journal(ctx)
    filename = f"sicoach-journal-{ctx.clock.today().isoformat()}.json"
    return Response(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _forget_page(request: Request, errors: dict[str, str] | None = None) -> Response:
    ctx = context_of(request)
    return render(
        request,
        "forget.html",
        {
            "what": data_care.everything(ctx).in_words(),
            "location": ctx.settings.display_location,
            "errors": errors or {},
        },
        status_code=400 if errors else 200,
        active="settings",
    )


@pages.get("/settings/forget")
def forget_page(request: Request) -> Response:
    return _forget_page(request)


@pages.post("/settings/forget")
async def forget_submit(request: Request) -> Response:
    form = Form(await request.form())
    if form.text("confirm") != "yes":
        return _forget_page(request, {"confirm": "tick the box to confirm, or go back"})
    gone = data_care.forget(context_of(request))
    return RedirectResponse(
        f"/welcome?saved={quote_plus(f'Deleted {gone.in_words()}.')}", status_code=303
    )


@pages.get("/settings/export")
def settings_export(request: Request) -> Response:
    return _export(request)


@pages.post("/settings/import")
async def settings_import(request: Request) -> Response:
    ctx = context_of(request)
    data = await request.form()
    form = Form(data)
    upload = data.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        form.errors["file"] = "choose a journal file (.json) to upload"
        return _page(request, import_form=form, status=400)
    raw = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        form.errors["file"] = (
            f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
            "this is not a journal file"
        )
        return _page(request, import_form=form, status=413)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        form.errors["file"] = "the file is not text (UTF-8); choose a .json journal file"
        return _page(request, import_form=form, status=400)
    try:
        summary = journal_transfer.import_journal(ctx, text, replace=form.flag("replace"))
    except input_errors() as error:
        form.errors["file"] = journal_transfer.import_problem(error)
        return _page(request, import_form=form, status=422)
    notice = (
        f"Imported {_count(summary.checkins, 'check-in')}, "
        f"{_count(summary.sessions, 'session')} and "
        f"{_count(summary.activities, 'activity', 'activities')}."
    )
    return RedirectResponse(f"/settings?saved={quote_plus(notice)}", status_code=303)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


# --- API ------------------------------------------------------------------------------------


def _profile_dict(ctx: Context) -> dict[str, Any] | None:
    return profile_to_dict(profile_reads.profile(ctx))


@router.get("/api/v1/profile", tags=["profile"], response_model=ProfileOut | None)
def api_profile(request: Request) -> dict[str, Any] | None:
    """The profile as in the journal format (null before first use)."""
    return _profile_dict(context_of(request))


@router.put("/api/v1/profile", tags=["profile"], response_model=ProfileOut | None)
def api_put_profile(request: Request, body: ProfileIn) -> dict[str, Any] | None:
    """Replace the profile (fields left out take their defaults; plan choices are kept)."""
    ctx = context_of(request)
    today = ctx.clock.today()
    document = body.model_dump(mode="json", exclude_none=False)
    current = profile_reads.profile(ctx)
    document["started_on"] = (
        document["started_on"] or (current.started_on if current else today).isoformat()
    )
    if document.get("plan") is None:
        document.pop("plan")
    if document.get("pregnancy") is not None:
        document["pregnancy"] = {k: v for k, v in document["pregnancy"].items() if v is not None}
    try:
        profile = validate_profile(document, "profile", today, ctx.catalog.exercise_ids)
        if profile is not None and "plan" not in document and current is not None:
            profile = profile.with_changes(plan=current.plan)
        assert profile is not None
        execute(ctx, ChangeProfile.replacing(profile))
    except input_errors() as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    return _profile_dict(ctx)


@router.get("/api/v1/journal", tags=["journal"], responses=JOURNAL_DOCUMENT)
def api_export(request: Request) -> Response:
    """The whole journal in the interchange format (the same document Settings downloads)."""
    return JSONResponse(journal_transfer.export_journal(context_of(request)))


@router.post("/api/v1/journal", tags=["journal"], response_model=ImportedOut)
async def api_import(request: Request, replace: bool = False) -> dict[str, Any]:
    """Import a journal document (the request body); all or nothing, like `sicoach import`."""
    ctx = context_of(request)
    raw = await request.body()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("body", "not UTF-8 text") from error
    summary = execute(ctx, ImportJournal(text, replace=replace))
    return {
        "checkins": summary.checkins,
        "sessions": summary.sessions,
        "activities": summary.activities,
        "function": summary.function,
        "profile": summary.profile,
        "replaced": summary.replaced,
    }


router.include_router(pages)
