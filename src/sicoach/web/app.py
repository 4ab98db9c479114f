"""The web app: FastAPI with server-rendered pages and a JSON API over the services.

`create_app(context)` is called by `sicoach serve` (and by tests with their own context); it
never reads settings itself.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from sicoach import __version__
from sicoach.services.context import Context
from sicoach.services.errors import (
    Conflict,
    Forbidden,
    InputError,
    NotFound,
    ServiceError,
    StoreBusy,
    StoreError,
)
from sicoach.services.operations import signing_key
from sicoach.web.api_errors import describe_errors, error_items
from sicoach.web.body_guard import BodyGuard
from sicoach.web.clinic import ClinicGate, clinic_base, public_hosts, secure_origin
from sicoach.web.notices import SignedNotices
from sicoach.web.phone_gate import PhoneGate, PhoneListener
from sicoach.web.request_log import RequestLog
from sicoach.web.routes import (
    accounts,
    clinic,
    figures,
    glance,
    health,
    journal,
    library,
    messages,
    pairing,
    phone,
    progress,
    pwa,
    review,
    safety,
    session,
    settings,
    today,
    welcome,
    worklist,
)
from sicoach.web.security import CsrfSigner, Guard, allowed_hosts, load_secret
from sicoach.web.templating import STATIC_DIR, render

NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}
"""FastAPI's own OpenTelemetry bridge, off in every part."""

AREAS = (
    health,
    today,
    messages,
    welcome,
    journal,
    session,
    safety,
    review,  # clinician reviews (a way back after the doctor)
    library,
    settings,
    figures,
    progress,
    pwa,  # manifest, icons, service worker
    phone,  # calendar feed, reminders, the phone page
    pairing,  # serve --phone: pairing a phone, its certificate
    accounts,  # clinic mode: sign-in, invitations, your account
    glance,  # a patient at a glance (their clinician's page)
    worklist,  # clinic mode: the clinician's worklist (before the patients pages)
    clinic,  # clinic mode: a clinician's patients, an admin's accounts
)
"""Every area's router, in the order their paths are matched."""


def create_app(
    context: Context,
    host: str = "127.0.0.1",
    port: int = 8000,
    phone: PhoneListener | None = None,
) -> FastAPI:
    """Build the app around one services context; `host`/`port` are the bound address.
    With `phone`, the app of `serve --phone`: the computer's listener gets the pairing
    desk, or (`phone.lan`) the app is the LAN listener itself, behind the phone gate."""
    app = FastAPI(
        title="SI Coach",
        version=__version__,
        description="Local API of SI Coach: check-ins, activities, plan, sessions, safety.",
        docs_url=None,  # Swagger UI loads from a CDN; the schema below is enough
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        # No telemetry, whatever a tracing library or FASTAPI_OTEL_AUTO_CONFIGURE set up:
        # requests carry health data, and nothing of them leaves this server.
        telemetry=NO_TELEMETRY,
    )
    clinic_mode = context.settings.clinic
    # Clinic mode: the app's own context reaches no journal; each request gets its own from
    # the gate (who signed in, whose journal). Personal mode: the one person, as always.
    app.state.context = clinic_base(context) if clinic_mode else context
    secret = signing_key(context) or load_secret(context.settings.data_dir)
    app.state.csrf = CsrfSigner(secret)
    app.state.pairing = phone.desk if phone else None
    app.state.authority_file = phone.authority if phone else None
    if phone is not None and phone.lan:
        app.add_middleware(PhoneGate, context=context)
    if clinic_mode:
        app.add_middleware(ClinicGate, secure=secure_origin(context.settings.public_url))
    app.add_middleware(SignedNotices, secret=secret)
    app.add_middleware(BodyGuard)  # inside Guard: foreign requests are refused first
    hosts, origins = allowed_hosts(host, port), None
    if clinic_mode and context.settings.public_url:
        hosts, origins = public_hosts(context.settings.public_url, hosts)
    if phone is not None and phone.lan:
        hosts, origins = phone.hosts, frozenset(f"https://{h}" for h in phone.hosts)
    app.add_middleware(Guard, hosts=hosts, signer=app.state.csrf, origins=origins)
    app.add_middleware(RequestLog)  # outermost: every answer, refusals included, has an id
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for area in AREAS:
        app.include_router(area.router)
    _add_error_pages(app)
    describe_errors(app)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def service_error_status(error: ServiceError, api: bool) -> int:
    """The HTTP status of a service's refusal, by its type (never by its message)."""
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict):
        return 409
    if isinstance(error, Forbidden):
        return 404  # a journal someone may not see is not confirmed to exist
    if isinstance(error, InputError):
        return 422 if api else 400
    return 400


def _allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (Starlette names only the first route's)."""
    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return ", ".join(allowed)


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        status = service_error_status(exc, api=not _wants_html(request))
        if not _wants_html(request):
            field = getattr(exc, "field", None)
            return JSONResponse({"detail": str(exc), "field": field}, status_code=status)
        try:
            return render(request, "error.html", {"message": str(exc)}, status_code=status)
        except Exception:
            return HTMLResponse(str(exc), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": _allowed_methods(request)}
        if not _wants_html(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=headers)
        message = exc.detail if isinstance(exc.detail, str) else "Something went wrong."
        if exc.status_code == 404:
            message = "We could not find that page."
        try:
            response = render(request, "error.html", {"message": message}, exc.status_code)
        except Exception:
            response = HTMLResponse(message, status_code=exc.status_code)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        """The database is busy, full or read-only: 503 and one plain sentence, never a 500."""
        headers = (
            {"Retry-After": str(exc.retry_after_seconds)} if isinstance(exc, StoreBusy) else {}
        )
        message = f"Nothing was saved: {exc.reason}."
        if not _wants_html(request):
            return JSONResponse({"detail": message}, status_code=503, headers=headers)
        try:
            response = render(request, "error.html", {"message": message}, status_code=503)
        except Exception:
            response = HTMLResponse(message, status_code=503)
        response.headers.update(headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        messages = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
            messages.append(f"{where}: {error.get('msg', 'invalid')}")
        errors = error_items(list(exc.errors()))
        return JSONResponse({"detail": "; ".join(messages), "errors": errors}, 422)
