"""The gate of the phone listener (`serve --phone`): the network sees only the pairing page.

Every request on the LAN address must carry a paired phone's device cookie, else it gets
the pairing pages (and the authority's certificate with how to trust it) and nothing else.
Approving a phone or making a link is for the computer's own listener only, so a paired
phone cannot let another one in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sicoach.services import pairing
from sicoach.services.context import Context

DEVICE_COOKIE = "__Host-sicoach_device"
WAITING_COOKIE = "__Host-sicoach_pairing"
COMPUTER_ONLY = ("/settings/phone/",)
"""Paths under these answer on the computer's own listener only (making links, approving,
unpairing)."""


@dataclass(frozen=True)
class PhoneListener:
    """What `serve --phone` gives each of its two apps."""

    desk: pairing.PairingDesk
    authority: Path | None
    """The authority's certificate phones download (None: the person's own certificate)."""
    hosts: frozenset[str] = frozenset()
    """Host header values of the LAN listener (address:port and name:port)."""
    lan: bool = False
    """True for the LAN listener's app (behind the gate), False for the computer's."""


def open_to_anyone(path: str) -> bool:
    return path == "/pair" or path.startswith("/pair/") or path.startswith("/static/")


def read_cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


class PhoneGate:
    def __init__(self, app: ASGIApp, context: Context) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope["path"])
        if path.startswith(COMPUTER_ONLY):
            await PlainTextResponse("We could not find that page.", 404)(scope, receive, send)
            return
        if open_to_anyone(path):
            await self.app(scope, receive, send)
            return
        token = read_cookie(Headers(scope=scope).get("cookie", ""), DEVICE_COOKIE)
        who = await anyio.to_thread.run_sync(pairing.device, self.context, token)
        if who is None:
            await _pair_first(scope)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _pair_first(scope: Scope) -> Response:
    if scope["method"] in ("GET", "HEAD") and not str(scope["path"]).startswith("/api/"):
        return RedirectResponse("/pair", status_code=303)
    return PlainTextResponse("Pair this phone first: open /pair.", 401)
