"""The clinician review form and API: "I was checked by a doctor, physio or midwife on DATE".

A thin face over `sicoach.services.reviews`, which owns the rule (what a review settles and
when the explicit yes is needed). Reached from Today's "Were you checked for X?" and from
the safety page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict

from sicoach.interchange.journal_json import review_to_dict
from sicoach.interchange.safety_json import assessment_to_dict
from sicoach.services import reviews
from sicoach.services.commands import RecordReviewFor
from sicoach.services.handlers import execute
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form, input_errors
from sicoach.web.routes.glance import refused
from sicoach.web.schemas_out import ReviewSavedOut, ReviewsOut
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter()
pages = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _page(request: Request, form: Form | None = None, status: int = 200) -> Response:
    ctx = context_of(request)
    today = ctx.clock.today()
    signs = reviews.open_signs(ctx)
    return render(
        request,
        "review.html",
        {
            "values": dict(form.values) if form else {"date": today.isoformat()},
            "errors": form.errors if form else {},
            "signs": signs,
            "emergency": [s for s in signs if s.emergency],
            "advice": reviews.ADVICE_WORDS,
            "history": reviews.review_history(ctx),
            "today": today,
        },
        status_code=status,
        active="today",
    )


@pages.get("/review")
def review_page(request: Request) -> Response:
    return _page(request)


@pages.post("/review")
async def review_submit(request: Request) -> Response:
    ctx = context_of(request)
    form = Form(await request.form())
    day = form.day("date", required=True)
    advice = form.text("advice")
    if not advice:
        form.errors["advice"] = "please choose what they advised"
    if form.ok:
        try:
            reviews.record_review(
                ctx, day, advice, form.text("note"), emergency_checked=form.flag("yes")
            )
        except input_errors() as error:
            form.fail_from(error, "advice")
    if not form.ok:
        return _page(request, form, status=400)
    words = reviews.ADVICE_WORDS[advice]
    notice = quote_plus(f"Saved: you were checked and advised to {words}.")
    return RedirectResponse(f"/?saved={notice}", status_code=303)


@pages.post("/review/on-behalf")
async def review_on_behalf(request: Request, ctx: ContextDep) -> Response:
    """A linked clinician records their own review of the patient (from the patient at a
    glance); the services check it and name them as the reviewer."""
    form = Form(await request.form())
    day = form.day("date", required=True)
    if not form.ok:
        return refused(request, "review", form)
    command = RecordReviewFor(day, form.text("advice"), form.text("note"), form.flag("yes"))
    try:
        execute(ctx, command)
    except input_errors() as error:
        return refused(request, "review", form, error)
    words = reviews.ADVICE_WORDS[command.advice]
    notice = quote_plus(f"Review recorded in your name: advised to {words}.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


class ReviewIn(BaseModel):
    """A clinician review; `emergency_checked` is the explicit yes for an emergency sign."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = None
    advice: str
    note: str = ""
    emergency_checked: bool = False


@router.get("/api/v1/reviews", tags=["safety"], response_model=ReviewsOut)
def api_reviews(request: Request) -> dict[str, Any]:
    """Every clinician review, oldest first, and the warning signs still waiting for one."""
    ctx = context_of(request)
    return {
        "reviews": [review_to_dict(r) for r in reviews.review_history(ctx)],
        "open_signs": [
            {
                "code": s.code,
                "words": s.words,
                "level": s.level.value,
                "last_reported": s.last_reported.isoformat(),
            }
            for s in reviews.open_signs(ctx)
        ],
    }


@router.post("/api/v1/reviews", status_code=201, tags=["safety"], response_model=ReviewSavedOut)
def api_add_review(request: Request, body: ReviewIn) -> dict[str, Any]:
    """Save a review; returns today's safety. 422 naming the field on bad input."""
    try:
        assessment = reviews.record_review(
            context_of(request),
            body.date,
            body.advice,
            body.note,
            emergency_checked=body.emergency_checked,
        )
    except input_errors() as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    return {"safety": assessment_to_dict(assessment)}


router.include_router(pages)
