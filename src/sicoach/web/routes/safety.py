"""The safety page and API: today's triage with every reason, and the red-flag screen."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from sicoach.interchange.safety_json import assessment_to_dict
from sicoach.services import safety
from sicoach.web.forms import input_errors
from sicoach.web.schemas import ScreenIn
from sicoach.web.schemas_out import AssessmentOut, ScreenAnsweredOut, ScreenQuestionOut
from sicoach.web.templating import context_of, render

router = APIRouter()


@router.get("/safety", include_in_schema=False)
def safety_page(request: Request) -> Response:
    assessment = safety.assess(context_of(request))
    return render(request, "safety.html", {"assessment": assessment})


@router.get("/api/v1/safety", tags=["safety"], response_model=AssessmentOut)
def api_safety(request: Request, on: date | None = None) -> dict[str, Any]:
    """The safety level for a day (today by default) with every reason and its source."""
    return assessment_to_dict(safety.assess(context_of(request), on=on))


@router.get("/api/v1/screen", tags=["safety"], response_model=list[ScreenQuestionOut])
def api_screen_questions(request: Request) -> list[dict[str, str]]:
    """The red-flag questions to ask before a session (yes/no each)."""
    return [
        {"code": q.code, "question": q.question, "group": q.group}
        for q in safety.screen_questions(context_of(request))
    ]


@router.post("/api/v1/screen", tags=["safety"], response_model=ScreenAnsweredOut)
def api_screen_answers(request: Request, body: ScreenIn) -> dict[str, Any]:
    """Save the screen's answers; returns the new safety level (stop when urgent or worse)."""
    try:
        result = safety.record_screen(context_of(request), body.answers)
    except input_errors() as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    out = assessment_to_dict(result)
    out["stop"] = result.stops_exercise
    return out
