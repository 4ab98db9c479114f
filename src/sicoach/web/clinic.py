"""Clinic mode's composition root: who acts, on whose journal, for each request.

`ClinicGate` (ASGI, added only in clinic mode) reads the sign-in cookie, asks the services
who that is (`signin.current`) and what they may do to the journal asked for
(`signin.acting_on`, the policy), and hands the routes a `Context` for this request through
`request.state.context`. A clinician reaches a patient's pages under `/patients/ID/...`:
the prefix is taken off, so the same routes serve both. The route's `Need`
(`route_needs.NEEDS`) is checked with the policy before the route runs; a journal or page
someone may not see is "not found", and anyone not signed in is sent to the sign-in page.
Personal mode never builds any of this.
"""

from __future__ import annotations

import re
from typing import Any

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sicoach.services import signin
from sicoach.services.context import Context
from sicoach.services.errors import Forbidden, NotFound
from sicoach.services.policy import Access, Need, Role, allows
from sicoach.web.route_needs import leaf_routes, need_of

REFUSED_HEADER = "x-sicoach-refused"
"""Set on the gate's own refusals (the same for a journal that is not there and one you may
not see, so it tells nothing), so tests can tell them from a route's own answers."""
PATIENT_PREFIX = re.compile(r"^/patients/([0-9]{1,9})(/.*)?$")
PREFIX_STATE = "patient_prefix"
"""`request.state` key holding "/patients/ID" while a clinician reads a patient's pages."""
OWN_PATHS = re.compile(
    r"/(?!patients\b|static/|account\b|signout\b|signin\b|admin\b|icons/|manifest|sw\.js"
    r"|figures/|exercises\b|learn\b|/)"
)
"""Paths that belong inside a patient's pages (not the clinician's own, nor shared files)."""
_LINK = re.compile(r'\b(href|action|formaction)="(' + OWN_PATHS.pattern + r'[^"]*)"')
SECURE_COOKIE = "__Host-sicoach_session"
PLAIN_COOKIE = "sicoach_session"


def session_cookie_name(secure: bool) -> str:
    """`__Host-` only over TLS: browsers refuse that prefix without the Secure flag."""
    return SECURE_COOKIE if secure else PLAIN_COOKIE


def secure_origin(public_url: str | None) -> bool:
    """Whether people reach the clinic over TLS (the cookie is then Secure and `__Host-`)."""
    return bool(public_url and public_url.lower().startswith("https://"))


def public_hosts(public_url: str, bound: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Host and Origin values to accept: the public origin's, and the bound address's (for
    the proxy's own health checks)."""
    from urllib.parse import urlsplit

    parts = urlsplit(public_url)
    hosts = set(bound) | {parts.netloc}
    origins = {f"http://{h}" for h in bound} | {f"{parts.scheme}://{parts.netloc}"}
    return frozenset(hosts), frozenset(origins)


def clinic_base(context: Context) -> Context:
    """The app's own context in clinic mode: it reaches no journal until a request's sign-in
    says whose (so a public page never shows anyone's data)."""
    from dataclasses import replace

    return replace(context, access=Access.NONE)


def _secure(request: Any) -> bool:
    return secure_origin(request.app.state.context.settings.public_url)


def set_session_cookie(request: Any, response: Response, token: str, seconds: int | None) -> None:
    """The sign-in cookie: HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` over TLS;
    it lives `seconds` ("keep me signed in"), else until the browser closes."""
    secure = _secure(request)
    response.set_cookie(
        session_cookie_name(secure),
        token,
        max_age=seconds,
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


def clear_cookie(request: Any, response: Response) -> None:
    secure = _secure(request)
    response.delete_cookie(
        session_cookie_name(secure), path="/", secure=secure, httponly=True, samesite="lax"
    )


class ClinicGate:
    def __init__(self, app: ASGIApp, secure: bool) -> None:
        self.app = app
        self.cookie = session_cookie_name(secure)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        subject: int | None = None
        found = PATIENT_PREFIX.match(scope["path"])
        if found:
            subject = int(found.group(1))
            rest = found.group(2) or "/"
            scope = {**scope, "path": rest, "raw_path": rest.encode()}
        need = self._need(scope)
        response = await anyio.to_thread.run_sync(self._decide, scope, need, subject)
        if response is not None:
            await response(scope, receive, send)
            return
        if subject is None:
            await self.app(scope, receive, send)
            return
        prefix = f"/patients/{subject}"
        scope["state"][PREFIX_STATE] = prefix

        async def send_prefixed(message: Message) -> None:
            # A redirect inside a patient's pages stays inside them (never the clinician's own).
            if message["type"] == "http.response.start":
                message = {**message, "headers": _prefixed_location(message["headers"], prefix)}
            await send(message)

        await self.app(scope, receive, send_prefixed)

    def _need(self, scope: Scope) -> Need | None:
        """The matched route's need (None: a route with no entry, refused); PUBLIC when no
        route matches, so the app itself answers 404 or 405."""
        for path, route in leaf_routes(scope["app"]):
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return need_of(scope["method"], path)
        return Need.PUBLIC

    def _decide(self, scope: Scope, need: Need | None, subject: int | None) -> Response | None:
        """None to let the request through (with `state.context` set), else the answer."""
        base = scope["app"].state.context
        state = scope.setdefault("state", {})
        token = _cookie(Headers(scope=scope).get("cookie", ""), self.cookie)
        who = signin.current(base, token)
        if who is None:
            if need is Need.PUBLIC and subject is None:
                return None
            return _sign_in_first(scope)
        try:
            ctx = signin.acting_on(base, who, subject)
        except (Forbidden, NotFound):
            return _not_found(scope)
        state["who"] = who
        state["context"] = ctx
        if subject is None and scope["path"] == "/" and who.principal.role is not Role.PATIENT:
            home = "/admin" if who.principal.role is Role.ADMIN else "/patients"
            return RedirectResponse(home, status_code=303)
        if need is None or not allows(who.principal.role, ctx.journal_access, need):
            return _not_found(scope)
        if subject is not None and ctx.journal_access < Access.READ:
            return _not_found(scope)
        return None


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _is_api(scope: Scope) -> bool:
    return str(scope["path"]).startswith("/api/")


def _sign_in_first(scope: Scope) -> Response:
    headers = {REFUSED_HEADER: "signin"}
    if _is_api(scope):
        return JSONResponse({"detail": "Sign in first."}, 401, headers=headers)
    if scope["method"] in ("GET", "HEAD"):
        return RedirectResponse("/signin", status_code=303, headers=headers)
    return PlainTextResponse("Sign in first.", 401, headers=headers)


def _not_found(scope: Scope) -> Response:
    headers = {REFUSED_HEADER: "policy"}
    if _is_api(scope):
        return JSONResponse({"detail": "Not found"}, 404, headers=headers)
    return PlainTextResponse("We could not find that page.", 404, headers=headers)


def _prefixed_location(headers: Any, prefix: str) -> list[tuple[bytes, bytes]]:
    out = []
    for key, value in headers:
        if key.lower() == b"location" and OWN_PATHS.match(value.decode("latin-1")):
            value = prefix.encode() + value
        out.append((key, value))
    return out


def prefixed_links(html: str, prefix: str) -> str:
    """The page's links and forms that lead to the patient's own pages, under `prefix`."""
    return _LINK.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)


def patient_prefix(request: Any) -> str | None:
    """ "/patients/ID" while a clinician reads a patient's pages, else None."""
    return getattr(request.state, PREFIX_STATE, None)


def who_of(request: Any) -> signin.Current | None:
    """The signed-in person of a request (None in personal mode or when signed out)."""
    return getattr(request.state, "who", None)
