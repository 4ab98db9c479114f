"""The clinician's home: the worklist (who needs attention first), "seen", and its CSV.
Pages only translate; `sicoach.services.worklist` decides the order and what is new."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.services import worklist
from sicoach.services.errors import InputError, NotFound
from sicoach.web.clinic import who_of
from sicoach.web.forms import Form
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def worklist_values(request: Request) -> dict[str, Any]:
    """The worklist for the patients page, from its query (level, q, page); a bad filter
    shows every level with the reason under the filter."""
    params = request.query_params
    raw_page = params.get("page", "1")
    page = int(raw_page) if raw_page.isdigit() and len(raw_page) < 7 else 1
    ctx = context_of(request)
    query = params.get("q", "")[:100]
    level, need = params.get("level", ""), params.get("need", "")
    errors: dict[str, str] = {}
    for field in ("level", "need"):  # a bad filter is dropped, with its reason under it
        try:
            worklist.check_filter(field, level if field == "level" else need)
        except InputError as wrong:
            errors[wrong.field] = wrong.message
    found = worklist.worklist(
        ctx,
        "" if "level" in errors else level,
        query,
        max(page, 1),
        need="" if "need" in errors else need,
    )
    needs = {key: words for key, (_, words) in worklist.NEED_FILTERS.items()}
    return {
        "worklist": found,
        "levels": worklist.LEVEL_WORDS,
        "needs": needs,
        "filter_error": errors.get("level", ""),
        "need_error": errors.get("need", ""),
    }


@router.post("/patients/seen")
async def mark_seen(request: Request) -> Response:
    if who_of(request) is None:
        raise HTTPException(status_code=404)
    form = Form(await request.form())
    raw = form.text("patient")
    if not raw.isdigit() or len(raw) > 9:
        raise HTTPException(status_code=404)
    try:
        worklist.mark_seen(context_of(request), int(raw))
    except NotFound:
        raise HTTPException(status_code=404) from None
    back = form.text("back")
    return RedirectResponse(back if back.startswith("/patients") else "/patients", 303)


@router.get("/patients/worklist.csv")
def worklist_csv(request: Request) -> Response:
    if who_of(request) is None:
        raise HTTPException(status_code=404)
    body = worklist.worklist_csv(context_of(request))
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="sicoach-worklist.csv"'},
    )
