"""A clinician's short message to their patient (from the patient-at-a-glance page), and
the patient's "Mark as read" on Today. The rules are the messages service's."""

from __future__ import annotations

from urllib.parse import quote_plus

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.services.commands import ReadMessage, SendMessage
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.web.deps import ContextDep
from sicoach.web.forms import Form
from sicoach.web.routes.glance import refused
from sicoach.web.security import verify_csrf

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


@router.post("/message")
async def send(request: Request, ctx: ContextDep) -> Response:
    """The clinician's message; back to the patient at a glance."""
    form = Form(await request.form())
    try:
        execute(ctx, SendMessage(form.text("message")))
    except InputError as wrong:
        return refused(request, "message", form, wrong)
    notice = quote_plus("Message sent. The patient sees it on their Today page.")
    return RedirectResponse(f"/overview?saved={notice}", status_code=303)


@router.post("/message/{message_id}/read")
async def mark_read(ctx: ContextDep, message_id: str) -> Response:
    """The patient has read the message: it leaves Today."""
    try:
        execute(ctx, ReadMessage(message_id))
    except InputError as wrong:
        raise HTTPException(400, f"{wrong.field}: {wrong.message}") from None
    return RedirectResponse(f"/?saved={quote_plus('Message marked as read.')}", status_code=303)
