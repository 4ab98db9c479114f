"""The guided session: red-flag screen and pain first, then the player, then pain and summary.

Pages work as plain forms up to the player; the player (static/player.js) saves each
exercise through the API the moment it ends, so closing the tab loses nothing done.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.domain import validation
from sicoach.domain.hurting import END_SESSION_FROM, STOP_ADVICE
from sicoach.domain.journal import ExerciseResult
from sicoach.interchange.safety_json import assessment_to_dict
from sicoach.interchange.script_json import script_to_dict
from sicoach.services import safety, session
from sicoach.web import services_view
from sicoach.web.forms import Form, input_errors
from sicoach.web.schemas import ExerciseResultIn, SessionBeginIn, SessionFinishIn
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


def _start_page(request: Request, form: Form | None = None, status: int = 200) -> Response:
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
            "questions": safety.screen_questions(ctx),
            "plan": services_view.plan_today(ctx),
            "speed": speed,
        },
        status_code=status,
        active="session",
    )


@pages.get("/session")
def session_start(request: Request) -> Response:
    if not services_view.has_profile(context_of(request)):
        return RedirectResponse("/welcome", status_code=303)
    return _start_page(request)


@pages.post("/session")
async def session_begin(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    pain = form.integer("pain_before", validation.check_rating, required=True)
    known = {q.code for q in safety.screen_questions(ctx)}
    flags = form.many("flag")
    if any(code not in known for code in flags):
        form.errors["flag"] = "one of the answers is not a question of the safety check"
    if not form.ok:
        return _start_page(request, form, status=400)
    try:
        assessment = safety.record_screen(ctx, {code: code in flags for code in known})
        if assessment.stops_exercise:
            request.state.safety = assessment
            return render(
                request, "session_stop.html", {"assessment": assessment}, active="session"
            )
        session_id = session.begin_session(ctx, pain)
    except input_errors() as error:
        form.fail_from(error, "pain_before")
        return _start_page(request, form, status=400)
    speed = _speed(form.text("speed"))
    suffix = f"&speed={speed}" if speed != 1 else ""
    return RedirectResponse(f"/session/play?id={session_id}{suffix}", status_code=303)


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
async def session_finish_form(request: Request, session_id: int) -> Response:
    """Finish without the player (no JavaScript): pain after, then back to today."""
    ctx = context_of(request)
    form = Form(await request.form())
    pain = form.integer("pain_after", validation.check_rating)
    if form.ok:
        try:
            session.finish_session(ctx, session_id, pain, partial=form.flag("partial"))
        except input_errors() as error:
            form.fail_from(error, "pain_after")
    if not form.ok:
        raise HTTPException(status_code=400, detail="; ".join(form.errors.values()))
    return RedirectResponse("/?saved=Session+saved.+Well+done.", status_code=303)


# --- API ------------------------------------------------------------------------------------


def _bad(error: Exception) -> HTTPException:
    """422 for a wrong value; 404 when the session itself does not exist."""
    message = str(error)
    return HTTPException(
        status_code=404 if message.startswith("session_id:") else 422, detail=message
    )


@router.get("/api/v1/session/script", tags=["session"])
def api_script(request: Request) -> dict[str, Any]:
    """Today's session as timed steps (see `sicoach.interchange.script_json`)."""
    return script_to_dict(session.session_script(context_of(request)))


@router.post("/api/v1/sessions", status_code=201, tags=["session"])
def api_begin(request: Request, body: SessionBeginIn) -> dict[str, Any]:
    """Start a session (stored as ended-early until finished). Refused when safety says stop."""
    ctx = context_of(request)
    assessment = safety.assess(ctx)
    if assessment.stops_exercise:
        raise HTTPException(
            status_code=409,
            detail={"message": "Safety says stop today.", **assessment_to_dict(assessment)},
        )
    try:
        session_id = session.begin_session(ctx, body.pain_before)
    except input_errors() as error:
        raise _bad(error) from error
    return {"id": session_id}


def _saved(request: Request, session_id: int) -> tuple[ExerciseResult, ...]:
    try:
        return services_view.session_exercises(context_of(request), session_id)
    except KeyError as error:
        raise HTTPException(status_code=404, detail="No session has that id.") from error


@router.get("/api/v1/sessions/{session_id}/exercises", tags=["session"])
def api_recorded(request: Request, session_id: int) -> dict[str, Any]:
    """The exercises already saved in this session, in order: a reloaded player starts after
    them instead of doing (and saving) them again."""
    return {"exercises": [_result_dict(r) for r in _saved(request, session_id)]}


@router.post("/api/v1/sessions/{session_id}/exercises", status_code=201, tags=["session"])
def api_record(request: Request, session_id: int, body: ExerciseResultIn) -> dict[str, Any]:
    """Save how one exercise went, straight away; 409 when this session already has it."""
    ctx = context_of(request)
    if any(r.id == body.id for r in _saved(request, session_id)):
        raise HTTPException(
            status_code=409, detail=f"id: {body.id} is already saved in this session"
        )
    try:
        result = validation.validate_result(body.model_dump(), "exercise", ctx.catalog.exercise_ids)
        session.record_exercise(ctx, session_id, result)
    except input_errors() as error:
        raise _bad(error) from error
    except LookupError as error:
        raise HTTPException(status_code=404, detail="No session has that id.") from error
    return {"saved": _result_dict(result)}


@router.post("/api/v1/sessions/{session_id}/finish", tags=["session"])
def api_finish(request: Request, session_id: int, body: SessionFinishIn) -> dict[str, Any]:
    """Close the session with the pain afterwards; returns a summary and the safety level."""
    ctx = context_of(request)
    try:
        session.finish_session(ctx, session_id, body.pain_after, partial=body.partial)
    except input_errors() as error:
        raise _bad(error) from error
    except LookupError as error:
        raise HTTPException(status_code=404, detail="No session has that id.") from error
    return {
        "summary": services_view.session_summary(ctx, session_id),
        "safety": assessment_to_dict(safety.assess(ctx)),
    }


def _result_dict(result: ExerciseResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "level": result.level,
        "reps": result.reps,
        "hurt": result.hurt,
        "pain": result.pain,
        "skipped": result.skipped,
    }


router.include_router(pages)
