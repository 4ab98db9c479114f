"""Pairing a phone (personal mode, `serve --phone`): the pages a phone sees before it is
paired, and the computer's side (make a link, approve a code, unpair).

The phone's pages read no journal (not even the safety level): an unpaired device learns
nothing but how to pair. Every rule is in `sicoach.services.pairing`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from sicoach.services import pairing
from sicoach.services.errors import InputError, NotFound
from sicoach.web.forms import Form
from sicoach.web.phone_gate import DEVICE_COOKIE, WAITING_COOKIE, read_cookie
from sicoach.web.routes.accounts import device_label
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, templates

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def desk_of(request: Request) -> pairing.PairingDesk:
    """The running server's pairing desk (none without --phone: the pages are not found)."""
    desk = getattr(request.app.state, "pairing", None)
    if desk is None:
        raise HTTPException(status_code=404)
    return desk  # type: ignore[no-any-return]


def _page(request: Request, name: str, values: dict[str, Any], status: int = 200) -> Response:
    """A pairing page: no navigation, no safety banner, nothing from the journal."""
    base: dict[str, Any] = {
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "nav": (),
        "who": None,
        "clinic": False,
        "read_only": False,
        "safety": None,
        "active": None,
        "errors": {},
        "values": {},
        "own_certificate": not desk_of(request).fingerprint,
    }
    response = templates.TemplateResponse(request, name, {**base, **values}, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/pair")
def pair_page(request: Request) -> Response:
    desk_of(request)
    return _page(request, "pair.html", {})


@router.get("/pair/certificate")
def certificate_help(request: Request) -> Response:
    return _page(request, "pair_certificate.html", {"fingerprint": desk_of(request).fingerprint})


@router.get("/pair/sicoach-ca.crt")
def certificate_file(request: Request) -> Response:
    """The authority's certificate (never its key), for the phone to trust."""
    desk_of(request)
    path = request.app.state.authority_file
    if path is None:
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="application/x-x509-ca-cert", filename="sicoach-ca.crt")


@router.get("/pair/wait")
def waiting_page(request: Request) -> Response:
    """The phone shows its code until the computer approves it, then gets its session."""
    desk = desk_of(request)
    ctx = context_of(request)
    secret = read_cookie(request.headers.get("cookie", ""), WAITING_COOKIE)
    now = ctx.clock.now()
    code = desk.code_of(secret, now)
    try:
        signed = desk.claim(ctx, secret, now)
    except pairing.PairingRefused as refused:
        return _page(request, "pair.html", {"refused": refused.message}, status=410)
    if signed is None:
        spaced = f"{code[:3]} {code[3:]}" if code else ""
        return _page(request, "pair_wait.html", {"code": spaced})
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        DEVICE_COOKIE,
        signed.token,
        max_age=int(pairing.DEVICE_LIMIT.total_seconds()),
        path="/",
        secure=True,
        httponly=True,
        samesite="lax",
    )
    response.delete_cookie(WAITING_COOKIE, path="/", secure=True, httponly=True)
    return response


@router.get("/pair/{token}")
def link_page(request: Request, token: str) -> Response:
    """Opening the link shows a button (a link preview must not use it up)."""
    usable = desk_of(request).link_usable(token, context_of(request).clock.now())
    if not usable:
        return _page(request, "pair.html", {"refused": pairing.USED_OR_OLD}, status=410)
    return _page(request, "pair_link.html", {"token": token})


@router.post("/pair/{token}")
def use_link(request: Request, token: str) -> Response:
    desk = desk_of(request)
    label = device_label(request.headers.get("user-agent", ""))
    try:
        secret, _code = desk.open_link(token, label, context_of(request).clock.now())
    except pairing.PairingRefused as refused:
        return _page(request, "pair.html", {"refused": refused.message}, status=410)
    response = RedirectResponse("/pair/wait", status_code=303)
    minutes = pairing.WAIT_MINUTES * 60
    response.set_cookie(
        WAITING_COOKIE, secret, max_age=minutes, path="/", secure=True, httponly=True
    )
    return response


# -- the computer's side (its own listener only: the phone gate refuses these) -----------


@router.post("/settings/phone/link")
def make_link(request: Request) -> Response:
    desk_of(request).new_link(context_of(request).clock.now())
    return RedirectResponse("/settings/phone#pair-title", status_code=303)


@router.post("/settings/phone/approve")
async def approve(request: Request) -> Response:
    desk = desk_of(request)
    form = Form(await request.form())
    try:
        desk.approve(form.text("code"), context_of(request).clock.now())
    except InputError as error:
        from sicoach.web.routes.phone import phone_settings

        return phone_settings(request, errors={"code": error.message}, status=400)
    return RedirectResponse("/settings/phone?approved=1#pair-title", status_code=303)


@router.post("/settings/phone/unpair/{session_id}")
def unpair(request: Request, session_id: int) -> Response:
    desk_of(request)
    try:
        pairing.unpair(context_of(request), session_id)
    except NotFound as error:
        raise HTTPException(status_code=404) from error
    return RedirectResponse("/settings/phone#pair-title", status_code=303)


def computer_side(request: Request) -> dict[str, Any]:
    """What the settings page shows about pairing (empty without --phone)."""
    desk = getattr(request.app.state, "pairing", None)
    if desk is None:
        return {"pairing": None}
    from sicoach.web.routes.phone import qr_svg

    ctx = context_of(request)
    now = ctx.clock.now()
    link = desk.shown_link(now)
    return {
        "pairing": desk,
        "pair_link": link,
        "pair_qr": qr_svg(link) if link else "",
        "waiting_phones": desk.waiting(now),
        "paired_phones": pairing.paired_devices(ctx),
        "approved": request.query_params.get("approved") == "1",
    }
