"""Clinic mode's own pages: sign in, accept an invitation, your account (devices, password,
"who looked at my diary", delete), sign out.

Pages only translate: every rule is in `sicoach.services.signin` / `accounts` / `audit`. In
personal mode there are no accounts, and these pages answer "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sicoach.services import accounts, audit, signin
from sicoach.services.context import Context
from sicoach.services.errors import InputError, NotFound
from sicoach.web.clinic import clear_cookie, set_session_cookie, who_of
from sicoach.web.forms import Form
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

USED_LINK = "This link has been used or has expired. Ask your clinician for a new one."

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _clinic_only(request: Request) -> None:
    if not context_of(request).settings.clinic:
        raise HTTPException(status_code=404)


def _typed(form: Form, name: str) -> str:
    """A password field exactly as typed (spaces are part of a password)."""
    return str(form.data.get(name) or "")


def _who(request: Request) -> signin.Current:
    _clinic_only(request)
    who = who_of(request)
    if who is None:
        raise HTTPException(status_code=404)
    return who


def device_label(user_agent: str) -> str:
    """ "Chrome on Android" from a User-Agent, for the devices page (never the whole string)."""
    browsers = (
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    )
    systems = (
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("Linux", "Linux"),
    )
    browser = next((name for key, name in browsers if key in user_agent), "A browser")
    system = next((name for key, name in systems if key in user_agent), "")
    return f"{browser} on {system}" if system else browser


def _signin_page(
    request: Request,
    errors: dict[str, str] | None = None,
    status: int = 200,
    values: dict[str, Any] | None = None,
) -> Response:
    return render(
        request, "signin.html", {"errors": errors or {}, "values": values or {}}, status_code=status
    )


@router.get("/signin")
def signin_page(request: Request) -> Response:
    _clinic_only(request)
    if who_of(request) is not None:
        return RedirectResponse("/", status_code=303)
    return _signin_page(request)


@router.post("/signin")
async def signin_submit(request: Request) -> Response:
    _clinic_only(request)
    form = Form(await request.form())
    email, keep = form.text("email"), form.text("keep") == "yes"
    password = _typed(form, "password")
    address = request.client.host if request.client else "unknown"
    try:
        signed = signin.sign_in(
            context_of(request),
            email,
            password,
            address,
            keep=keep,
            device_label=device_label(request.headers.get("user-agent", "")),
        )
    except signin.Throttled as slow:
        response = _signin_page(request, {"email": slow.message}, 429, {"email": email})
        response.headers["Retry-After"] = str(slow.retry_after)
        return response
    except InputError as wrong:
        return _signin_page(request, {"password": wrong.message}, 400, {"email": email})
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, signed.token, signed.cookie_seconds)
    return response


@router.post("/signout")
def signout(request: Request) -> Response:
    who = _who(request)
    signin.sign_out(context_of(request), who)
    response = RedirectResponse("/signin", status_code=303)
    clear_cookie(request, response)
    return response


def _join_page(
    request: Request, token: str, errors: dict[str, str] | None = None, status: int = 200
) -> Response:
    try:
        account = accounts.invitation_account(context_of(request), token)
    except NotFound:
        return render(
            request,
            "error.html",
            {"message": USED_LINK},
            status_code=404,
        )
    return render(
        request,
        "join.html",
        {"account": account, "token": token, "errors": errors or {}},
        status_code=status,
    )


@router.get("/join/{token}")
def join_page(request: Request, token: str) -> Response:
    _clinic_only(request)
    return _join_page(request, token)


@router.post("/join/{token}")
async def join_submit(request: Request, token: str) -> Response:
    _clinic_only(request)
    form = Form(await request.form())
    ctx = context_of(request)
    try:
        account = accounts.accept_invitation(
            ctx, token, _typed(form, "password"), _typed(form, "confirm")
        )
    except InputError as wrong:
        return _join_page(request, token, {wrong.field: wrong.message}, 400)
    except NotFound:
        return _join_page(request, token)
    signed = signin.start_session(
        ctx, account, device_label=device_label(request.headers.get("user-agent", ""))
    )
    first = "/welcome" if account.role.value == "patient" else "/"
    response = RedirectResponse(first, status_code=303)
    set_session_cookie(request, response, signed.token, signed.cookie_seconds)
    return response


def _account_page(
    request: Request, errors: dict[str, str] | None = None, status: int = 200, saved: str = ""
) -> Response:
    who = _who(request)
    sessions = signin.my_sessions(context_of(request), who)
    return render(
        request,
        "account.html",
        {
            "who": who,
            "sessions": sessions,
            "this_session": who.session.id,
            "errors": errors or {},
            "saved": saved,
        },
        status_code=status,
        active="settings",
    )


@router.get("/account")
def account_page(request: Request) -> Response:
    return _account_page(request, saved=request.query_params.get("saved", "")[:200])


@router.post("/account/signout-everywhere")
def signout_everywhere(request: Request) -> Response:
    who = _who(request)
    signin.sign_out(context_of(request), who, everywhere=True)
    response = RedirectResponse("/signin", status_code=303)
    clear_cookie(request, response)
    return response


Reauthenticated = Callable[[Context, signin.Current, Form], object]
"""An account change that asks for the password again (the service checks it)."""


async def _reauthenticated(
    request: Request, change: Reauthenticated, prefix: str = ""
) -> Response | None:
    """Run `change` with the signed-in account and the form; refused, the account page with
    the mistake under its field (`prefix` + the field the service names), else None."""
    who = _who(request)
    form = Form(await request.form())
    try:
        change(context_of(request), who, form)
    except InputError as wrong:
        return _account_page(request, {prefix + wrong.field: wrong.message}, 400)
    return None


@router.post("/account/password")
async def change_password(request: Request) -> Response:
    refused = await _reauthenticated(
        request,
        lambda ctx, who, form: signin.change_password(
            ctx,
            who,
            _typed(form, "current_password"),
            _typed(form, "new_password"),
            _typed(form, "confirm"),
        ),
    )
    return refused or RedirectResponse("/account?saved=Your+password+is+changed.", status_code=303)


@router.post("/account/email")
async def change_email(request: Request) -> Response:
    refused = await _reauthenticated(
        request,
        lambda ctx, who, form: signin.change_email(
            ctx, who, _typed(form, "email_password"), form.text("new_email")
        ),
    )
    return refused or RedirectResponse("/account?saved=Your+email+is+changed.", status_code=303)


@router.get("/account/audit")
def my_audit(request: Request) -> Response:
    _who(request)
    events = audit.events_about_me(context_of(request))
    return render(
        request,
        "audit.html",
        {"events": events, "words": audit.ACTION_WORDS, "everyone": False},
        active="settings",
    )


@router.post("/account/delete")
async def delete_account(request: Request) -> Response:
    refused = await _reauthenticated(
        request,
        lambda ctx, who, form: accounts.delete_own_account(
            ctx, who.account.id, _typed(form, "password"), form.text("confirm") == "yes"
        ),
        prefix="delete_",
    )
    if refused is not None:
        return refused
    response = RedirectResponse("/signin", status_code=303)
    clear_cookie(request, response)
    return response
