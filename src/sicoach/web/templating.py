"""One place that renders pages, so every page gets the same header, safety banner and token.

Routers of other areas (progress, report) render through `render(request, "x.html", {...})`
and their templates `{% extends "base.html" %}`, filling `title` and `content` blocks, and
optionally `head` (an extra stylesheet), `scripts` (a /static/*.js file; no inline script),
`body_class`, or `safety` (to show the banner differently).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from sicoach.web.deps import get_context

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.auto_reload = False  # installed with the package: no file check per page

NAV: tuple[tuple[str, str, str], ...] = (
    ("today", "/", "Today"),
    ("session", "/session", "Session"),
    ("exercises", "/exercises", "Exercises"),
    ("progress", "/progress", "Progress"),
    ("learn", "/learn", "Learn"),
    ("settings", "/settings", "Settings"),
)
templates.env.globals["NAV"] = NAV

STAFF_NAV: dict[str, tuple[tuple[str, str, str], ...]] = {
    "clinician": (
        ("today", "/patients", "Patients"),
        ("learn", "/learn", "Learn"),
        ("settings", "/account", "Account"),
    ),
    "admin": (
        ("today", "/admin", "Accounts"),
        ("progress", "/admin/audit", "Audit log"),
        ("settings", "/account", "Account"),
    ),
}
"""Clinic mode: what clinicians and admins see in the bar (they keep no diary of their own)."""


def dose_text(item: Any) -> str:
    """ "Hold 5 seconds, 10 times" in words, from anything with hold_seconds/reps/per_side."""
    parts = []
    hold = getattr(item, "hold_seconds", None)
    if hold:
        parts.append(f"hold {hold} second{'s' if hold != 1 else ''}")
    reps = getattr(item, "reps", 0) or 0
    if reps:
        times = f"{reps} time{'s' if reps != 1 else ''}"
        if getattr(item, "per_side", False):
            times += " on each side"
        elif getattr(item, "alternating", False):
            times += ", switching sides"
        parts.append(times)
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


templates.env.filters["dose"] = dose_text

templates.env.globals["action_words"] = {
    "include": "Bring it back",
    "turn_back_on": "Turn it back on",
}
"""The button each plan action (`sicoach.domain.plan.Action`) becomes on a page."""


context_of = get_context
"""The services' context the app was built with (routes take `deps.ContextDep` instead)."""


def safety_banner(request: Request) -> Any:
    """Today's safety assessment for the banner, or None when nothing needs saying."""
    cached = getattr(request.state, "safety", None)
    if cached is not None:
        return cached
    from sicoach.services.policy import Access

    if context_of(request).journal_access < Access.READ:
        return None  # clinic mode: no journal on this page (signed out, or staff's own pages)
    from sicoach.services import cached_reads as reads

    assessment = reads.current_assessment(context_of(request))
    request.state.safety = assessment
    return assessment


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
    active: str | None = None,
) -> HTMLResponse:
    """Render a page with what base.html needs: the banner, the CSRF token, the nav."""
    from sicoach.services.data_care import is_read_only

    values: dict[str, Any] = {
        "read_only": is_read_only(context_of(request)),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "safety": safety_banner(request),
        "active": active,
        "errors": {},
        "values": {},
        **_signed_in_values(request),
    }
    values.update(context or {})
    response = templates.TemplateResponse(request, name, values, status_code=status_code)
    from sicoach.web.clinic import patient_prefix, prefixed_links

    prefix = patient_prefix(request)
    if prefix is None:
        return response
    body = prefixed_links(bytes(response.body).decode("utf-8"), prefix)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return HTMLResponse(body, status_code=status_code, headers=headers)


def _signed_in_values(request: Request) -> dict[str, Any]:
    """Clinic mode: who is signed in, their bar, and whose journal a clinician is reading."""
    who = getattr(request.state, "who", None)
    clinic = context_of(request).settings.clinic
    if who is None:
        return {"who": None, "nav": () if clinic else NAV, "viewing": None, "clinic": clinic}
    ctx = context_of(request)
    viewing = None
    if ctx.subject_account is not None and ctx.subject_account != who.account.id:
        from sicoach.services import accounts

        viewing = accounts.get_account(ctx, ctx.subject_account)
    nav = STAFF_NAV.get(who.account.role.value, NAV)
    return {"who": who, "nav": nav, "viewing": viewing, "clinic": clinic}
