"""Protections for a server that only this computer should talk to.

- Host must be the bound host:port: a foreign domain re-pointed at 127.0.0.1 (DNS rebinding)
  is refused.
- Origin, when a browser sends one, must be this server: a page elsewhere cannot post here.
  (`Origin: null`, which no-referrer makes browsers send on their own POSTs, is accepted only
  with `Sec-Fetch-Site: same-origin`.)
- Forms carry a signed double-submit token (cookie + field, HMAC with a per-install secret).
- API writes must be JSON, which a foreign page cannot send without a CORS preflight.
- Every response gets a strict Content-Security-Policy and no-referrer.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "sicoach_csrf"
CSRF_FIELD = "csrf_token"
SECRET_FILE = "web-secret.key"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def load_secret(data_dir: Path) -> bytes:
    """The per-install signing key, created on first use and readable by the owner only.

    Several app processes may start at once on one data folder: the key is written to a
    private file and linked into place, so exactly one key wins and every process reads it.
    """
    path = data_dir / SECRET_FILE
    try:
        return bytes.fromhex(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        pass
    key = secrets.token_bytes(32)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = data_dir / f".{SECRET_FILE}.{os.getpid()}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key.hex())
        try:
            os.link(draft, path)
        except FileExistsError:
            key = bytes.fromhex(path.read_text().strip())  # another process won the race
        finally:
            draft.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # a read-only or full disk: this run's key only (open forms expire on restart)
    return key


class CsrfSigner:
    """Makes and checks tokens of the form `nonce.signature`."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def new_token(self) -> str:
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        if not token or "." not in token:
            return False
        nonce, _, signature = token.partition(".")
        return hmac.compare_digest(signature, self._sign(nonce))


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values this server answers to: the bound address, and localhost's aliases."""
    names = {host}
    if host in ("127.0.0.1", "localhost", "::1", "[::1]"):
        names |= {"127.0.0.1", "localhost", "[::1]"}
    values = {f"{name}:{port}" for name in names}
    if port == 80:
        values |= names
    return frozenset(values)


class Guard:
    """ASGI middleware: refuse foreign Host/Origin, hand out the CSRF cookie, add headers.

    Written as plain ASGI (not BaseHTTPMiddleware) so every request stays cheap.
    """

    def __init__(
        self,
        app: ASGIApp,
        hosts: frozenset[str],
        signer: CsrfSigner,
        origins: frozenset[str] | None = None,
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.origins = origins or frozenset(f"http://{h}" for h in hosts)
        self.signer = signer
        self.extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _with_headers(refusal)(scope, receive, send)
            return
        cookie = _cookie(headers.get("cookie", ""))
        fresh = not self.signer.valid(cookie)
        token = self.signer.new_token() if fresh else str(cookie)
        scope.setdefault("state", {})["csrf_token"] = token
        extra = list(self.extra)
        if fresh:
            extra.append(
                (
                    b"set-cookie",
                    f"{CSRF_COOKIE}={token}; HttpOnly; Max-Age=31536000; Path=/; "
                    "SameSite=strict".encode(),
                )
            )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *[(k, v) for k, v in extra if k == b"set-cookie" or k not in present],
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: Headers) -> Response | None:
        if headers.get("host", "") not in self.hosts:
            return PlainTextResponse("This server only answers on its own address.", 403)
        origin = headers.get("origin")
        site = headers.get("sec-fetch-site")
        # With Referrer-Policy no-referrer, browsers send `Origin: null` on their own POSTs;
        # Sec-Fetch-Site (set by the browser, not by pages) then says where it came from.
        same_site_null = origin == "null" and site == "same-origin"
        if origin is not None and origin not in self.origins and not same_site_null:
            return PlainTextResponse("Requests from other websites are not accepted.", 403)
        method = scope["method"]
        if site in ("cross-site", "same-site") and method in UNSAFE_METHODS:
            return PlainTextResponse("Requests from other websites are not accepted.", 403)
        if method in UNSAFE_METHODS and scope["path"].startswith("/api/"):
            kind = headers.get("content-type", "").split(";")[0].strip()
            if kind != "application/json":
                # the API's documented error body (api_errors), like every other API answer
                return JSONResponse({"detail": "Send the request body as application/json."}, 415)
        return None


def _cookie(header: str) -> str | None:
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == CSRF_COOKIE:
            return value
    return None


def _with_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def verify_csrf(request: Request) -> None:
    """Dependency for form routes: the form's token must match the signed cookie."""
    if request.method not in UNSAFE_METHODS:
        return
    signer: CsrfSigner = request.app.state.csrf
    cookie = request.cookies.get(CSRF_COOKIE)
    form = await request.form()
    field = form.get(CSRF_FIELD)
    if (
        not isinstance(field, str)
        or not signer.valid(cookie)
        or not hmac.compare_digest(field, str(cookie))
    ):
        raise HTTPException(
            status_code=403,
            detail="This form has expired. Go back, reload the page and try again.",
        )
