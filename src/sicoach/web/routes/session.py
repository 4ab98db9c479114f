"""The guided session: red-flag screen and pain first, then the player, then pain and summary.

Pages work as plain forms up to the player; the player (static/player.js) saves each
exercise through the API the moment it ends, so closing the tab loses nothing done.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.interchange.journal_json import result_to_dict
from sicoach.interchange.safety_json import assessment_to_dict
from sicoach.interchange.script_json import script_to_dict
from sicoach.services import cached_reads as reads
from sicoach.services import safety, session, views
from sicoach.services.commands import FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.player import END_SESSION_FROM, STOP_ADVICE
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form
from sicoach.web.schemas import (
    ExerciseResultIn,
    RecordedOut,
    SavedResultOut,
    SessionBeginIn,
    SessionFinishedOut,
    SessionFinishIn,
    SessionStartedOut,
    SessionSummaryOut,
)
from sicoach.web.schemas_out import ScriptOut
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

MAX_SPEED = 100


def _speed(raw: str | None) -> int:
    """The demo speed factor (1 = real time), kept within 1..100."""
    try:
        value = int(raw or "1")
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPEED)


def _start_page(
    request: Request, form: Form | None = None, status: int = 200, note: str = ""
) -> Response:
    ctx = context_of(request)
    values = dict(form.values) if form else {}
    if form:
        values["flag"] = form.many("flag")
    speed = _speed(form.text("speed") if form else request.query_params.get("speed"))
    return render(
        request,
        "session_start.html",
        {
            "values": values,
            "errors": form.errors if form else {},
            "questions": safety.screen_due(ctx),
            "plan": reads.plan_today(ctx),
            "speed": speed,
            "note": note,
        },
        status_code=status,
        active="session",
    )


@pages.get("/session")
def session_start(request: Request) -> Response:
    if not reads.has_profile(context_of(request)):
        return RedirectResponse("/welcome", status_code=303)
    return _start_page(request)


def _answers(ctx: Context, form: Form) -> dict[str, bool] | None:
    """The screen's answers this form gives, for the questions still due today.

    "None of these" answers no to the questions the list showed (`asked`); the full form
    answers every question still due (a box left empty is a no). A yes is always kept.
    """
    due = {q.code for q in safety.screen_due(ctx)}
    flags = set(form.many("flag"))
    if form.text("answer") == "none":
        answers = {code: False for code in set(form.many("asked")) & due}
    else:
        answers = {code: code in flags for code in due}
    answers |= {code: True for code in flags}
    return answers or None


@pages.post("/session")
async def session_begin(request: Request, ctx: ContextDep) -> Response:
    form = Form(await request.form())
    pain = form.integer("pain_before")
    known = {q.code for q in safety.screen_questions(ctx)}
    if any(code not in known for code in form.many("flag")):
        form.errors["flag"] = "one of the answers is not a question of the safety check"
    if not form.ok:
        return _start_page(request, form, status=400)
    try:
        started = execute(ctx, StartSession(pain, screen_answers=_answers(ctx, form)))
    except InputError as error:
        form.fail_from(error, "pain_before")
        return _start_page(request, form, status=400)
    if started.due:
        # The list shown was older than the profile: ask what is still due.
        note = "A few more questions before you start, for your own safety."
        return _start_page(request, form, note=note)
    if started.session_id is None:
        request.state.safety = started.assessment
        context = {"assessment": started.assessment}
        return render(request, "session_stop.html", context, active="session")
    speed = _speed(form.text("speed"))
    suffix = f"&speed={speed}" if speed != 1 else ""
    return RedirectResponse(f"/session/play?id={started.session_id}{suffix}", status_code=303)


@pages.get("/session/play")
def session_play(request: Request, id: int) -> Response:
    ctx = context_of(request)
    script = session.session_script(ctx)
    return render(
        request,
        "session_play.html",
        {
            "session_id": id,
            "speed": _speed(request.query_params.get("speed")),
            "script": script,
            "stop_advice": STOP_ADVICE,
            "stop_advice_from": END_SESSION_FROM,
        },
        active="session",
    )


@pages.post("/session/{session_id}/finish")
async def session_finish_form(request: Request, ctx: ContextDep, session_id: int) -> Response:
    """Finish without the player (no JavaScript): pain after, then back to today."""
    form = Form(await request.form())
    pain = form.integer("pain_after")
    if form.ok:
        command = FinishSession(session_id, pain, ended_early=form.flag("partial"))
        try:
            session.finish_session(ctx, command)
        except InputError as error:
            form.fail_from(error, "pain_after")
    if not form.ok:
        raise HTTPException(status_code=400, detail="; ".join(form.errors.values()))
    return RedirectResponse("/?saved=Session+saved.+Well+done.", status_code=303)


# --- API ------------------------------------------------------------------------------------


@router.get("/api/v1/session/script", tags=["session"], response_model=ScriptOut)
def api_script(ctx: ContextDep) -> dict[str, Any]:
    """Today's session as timed steps (see `sicoach.interchange.script_json`)."""
    return script_to_dict(session.session_script(ctx))


@router.post(
    "/api/v1/sessions",
    status_code=201,
    tags=["session"],
    response_model=SessionStartedOut,
    responses={409: {"description": "The safety check says no exercises today."}},
)
def api_begin(ctx: ContextDep, body: SessionBeginIn) -> SessionStartedOut:
    """Start a session (stored as ended-early until finished). Refused when safety says stop."""
    started = execute(ctx, StartSession(body.pain_before))
    if started.session_id is None:
        detail = {"message": "Safety says stop today.", **assessment_to_dict(started.assessment)}
        raise HTTPException(status_code=409, detail=detail)
    return SessionStartedOut(id=started.session_id)


@router.get("/api/v1/sessions/{session_id}/exercises", tags=["session"], response_model=RecordedOut)
def api_recorded(ctx: ContextDep, session_id: int) -> dict[str, Any]:
    """The exercises already saved in this session, in order: a reloaded player starts after
    them instead of doing (and saving) them again."""
    saved = session.saved_exercises(ctx, session_id)
    return {"exercises": [result_to_dict(r) for r in saved]}


@router.post(
    "/api/v1/sessions/{session_id}/exercises",
    status_code=201,
    tags=["session"],
    response_model=SavedResultOut,
)
def api_record(ctx: ContextDep, session_id: int, body: ExerciseResultIn) -> dict[str, Any]:
    """Save how one exercise ended, straight away; 409 when this session already has it."""
    command = RecordExercise(
        session_id, body.id, body.ending, reps=body.reps, level=body.level, pain=body.pain
    )
    return {"saved": result_to_dict(session.record_exercise(ctx, command))}


@router.post(
    "/api/v1/sessions/{session_id}/finish", tags=["session"], response_model=SessionFinishedOut
)
def api_finish(ctx: ContextDep, session_id: int, body: SessionFinishIn) -> SessionFinishedOut:
    """Close the session with the pain afterwards; returns a summary and the safety level."""
    command = FinishSession(session_id, body.pain_after, ended_early=body.partial)
    session.finish_session(ctx, command)
    return SessionFinishedOut(
        summary=SessionSummaryOut.of(views.session_summary(ctx, session_id)),
        safety=assessment_to_dict(safety.assess(ctx)),
    )


router.include_router(pages)
