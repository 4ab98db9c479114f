"""On your phone: install the app, subscribe to the reminder calendar, allow reminders.

The calendar feed is reached by a private token rather than a sign-in, because a phone's
calendar app fetches it on its own; the .ics carries an alarm at the reminder time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from sicoach.services import reminders, reports
from sicoach.web.security import load_secret
from sicoach.web.templating import context_of, render

router = APIRouter(include_in_schema=False)


def _token(request: Request) -> str:
    ctx = context_of(request)
    return reminders.calendar_token(load_secret(ctx.settings.data_dir), ctx.person)


def feed_urls(request: Request) -> tuple[str, str]:
    """The feed's https/http address and the same as webcal://, for calendar apps."""
    base = str(request.base_url).rstrip("/")
    url = f"{base}/calendar/{_token(request)}.ics"
    return url, "webcal://" + url.split("://", 1)[1]


@cache
def qr_svg(text: str) -> str:
    """A QR code as inline SVG (drawn here, nothing fetched)."""
    import segno

    code = segno.make(text, error="m")
    svg = code.svg_inline(scale=5, dark="#000", light="#fff", border=2)
    assert isinstance(svg, str)
    return svg


@router.get("/settings/phone")
def phone_page(request: Request) -> Response:
    return phone_settings(request)


def phone_settings(
    request: Request, errors: dict[str, str] | None = None, status: int = 200
) -> Response:
    """The phone page (with a form's errors when an approval failed)."""
    from sicoach.web.routes.pairing import computer_side

    url, webcal = feed_urls(request)
    values: dict[str, Any] = {"feed_url": url, "webcal_url": webcal, "feed_qr": qr_svg(webcal)}
    values.update(computer_side(request))
    values["errors"] = errors or {}
    return render(request, "phone.html", values, status_code=status, active="settings")


@router.get("/calendar/{token}.ics")
def calendar_feed(request: Request, token: str) -> Response:
    ctx = context_of(request)
    if not reminders.token_matches(load_secret(ctx.settings.data_dir), ctx.person, token):
        raise HTTPException(404)
    return Response(
        reports.export_ics(ctx),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/pwa/reminder.json")
def reminder_today(request: Request) -> dict[str, Any]:
    """What the open app needs to remind the person today (nothing else)."""
    reminder = reminders.today_reminder(context_of(request))
    at = reminder.at.strftime("%H:%M") if reminder.at is not None else None
    return {"time": at, "training_day": reminder.training_day}
