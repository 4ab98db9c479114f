"""What every route of the web app needs, for clinic mode's gate (`sicoach.web.clinic`).

One explicit entry per method and path: a route missing here is refused in clinic mode,
and the authorisation matrix test (which lists every route from the router) fails, so a new
route cannot ship without a decision. The policy itself (who meets a need) is
`sicoach.services.policy`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sicoach.services.policy import Need

P, S, R, W, G, K, C, A = (
    Need.PUBLIC,
    Need.SIGNED_IN,
    Need.JOURNAL_READ,
    Need.JOURNAL_WRITE,
    Need.PROGRAM,
    Need.CARE,
    Need.CLINICIAN,
    Need.ADMIN,
)

NEEDS: dict[tuple[str, str], Need] = {
    # Open to anyone: the shell of the app, content that holds no one's data, signing in.
    ("GET", "/api/v1/openapi.json"): P,
    ("*", "/static"): P,
    ("GET", "/healthz"): P,
    ("GET", "/readyz"): P,
    ("GET", "/manifest.webmanifest"): P,
    ("GET", "/icons/icon-{size}.png"): P,
    ("GET", "/icons/maskable-512.png"): P,
    ("GET", "/sw.js"): P,
    ("GET", "/pwa/precache.json"): P,
    ("GET", "/exercises"): P,
    ("GET", "/exercises/{exercise_id}"): P,
    ("GET", "/learn"): P,
    ("GET", "/figures/{exercise_id}.svg"): P,
    ("GET", "/figures/{exercise_id}/cues.json"): P,
    ("GET", "/figures/{exercise_id}/{frame}.svg"): P,
    ("GET", "/signin"): P,
    ("POST", "/signin"): P,
    ("GET", "/join/{token}"): P,
    ("POST", "/join/{token}"): P,
    # serve --phone: what a phone sees before it is paired (the phone gate lets in nothing
    # else), and the computer's side of pairing (the computer's listener only).
    ("GET", "/pair"): P,
    ("GET", "/pair/certificate"): P,
    ("GET", "/pair/sicoach-ca.crt"): P,
    ("GET", "/pair/wait"): P,
    ("GET", "/pair/{token}"): P,
    ("POST", "/pair/{token}"): P,
    # A person's own account.
    ("POST", "/signout"): S,
    ("GET", "/account"): S,
    ("POST", "/account/signout-everywhere"): S,
    ("POST", "/account/password"): S,
    ("POST", "/account/email"): S,
    ("GET", "/account/audit"): S,
    ("POST", "/account/delete"): W,
    # Reading a journal (its owner, or a linked clinician).
    ("GET", "/"): R,
    ("GET", "/api/v1/plan/today"): R,
    ("GET", "/api/v1/plan"): R,
    ("GET", "/api/v1/checkins"): R,
    ("GET", "/api/v1/activities"): R,
    ("GET", "/checkin/note"): R,
    ("GET", "/history"): R,
    ("GET", "/api/v1/session/script"): R,
    ("GET", "/api/v1/sessions/{session_id}/exercises"): R,
    ("GET", "/safety"): R,
    ("GET", "/api/v1/safety"): R,
    ("GET", "/api/v1/screen"): R,
    ("GET", "/api/v1/reviews"): R,
    ("GET", "/api/v1/profile"): R,
    ("GET", "/api/v1/journal"): R,
    ("GET", "/settings"): R,
    ("GET", "/settings/export"): R,
    ("GET", "/progress"): R,
    ("GET", "/api/v1/progress"): R,
    ("GET", "/report"): R,
    ("GET", "/overview"): R,
    ("GET", "/report.html"): R,
    ("GET", "/report.pdf"): R,
    ("GET", "/export/sicoach-fhir.json"): R,
    ("GET", "/export/sicoach-reminders.ics"): R,
    ("GET", "/export/sicoach-csv.zip"): R,
    ("GET", "/settings/phone"): R,
    ("GET", "/calendar/{token}.ics"): R,
    ("GET", "/pwa/reminder.json"): R,
    # Pages that exist to write (their form is the owner's).
    ("GET", "/welcome"): W,
    ("GET", "/checkin"): W,
    ("GET", "/activity"): W,
    ("GET", "/session"): W,
    ("GET", "/session/play"): W,
    ("GET", "/review"): W,
    ("GET", "/settings/forget"): W,
    # Changing a journal: its owner only.
    ("POST", "/welcome"): W,
    ("POST", "/api/v1/checkins"): W,
    ("POST", "/api/v1/checkins/{day}/not-so"): W,
    ("POST", "/api/v1/activities"): W,
    ("POST", "/checkin"): W,
    ("POST", "/activity"): W,
    ("POST", "/checkin/note/not-so"): W,
    ("POST", "/api/v1/sessions"): W,
    ("POST", "/api/v1/sessions/{session_id}/exercises"): W,
    ("POST", "/api/v1/sessions/{session_id}/finish"): W,
    ("POST", "/session"): W,
    ("POST", "/session/{session_id}/finish"): W,
    ("POST", "/api/v1/screen"): W,
    ("POST", "/api/v1/reviews"): W,
    ("POST", "/review"): W,
    ("PUT", "/api/v1/profile"): W,
    ("POST", "/api/v1/journal"): W,
    ("POST", "/settings/profile"): W,
    ("POST", "/settings/forget"): W,
    ("POST", "/settings/phone/link"): W,
    ("POST", "/settings/phone/approve"): W,
    ("POST", "/settings/phone/unpair/{session_id}"): W,
    ("POST", "/settings/import"): W,
    ("POST", "/progress/rate"): W,
    ("POST", "/message/{message_id}/read"): W,
    # The program: its owner, or a linked clinician (the services allow program commands).
    ("POST", "/plan/{action}"): G,
    ("POST", "/settings/plan"): G,
    # A linked clinician's own word on the patient's record (never its owner).
    ("POST", "/message"): K,
    ("POST", "/review/on-behalf"): K,
    # A clinician's own work.
    ("GET", "/patients"): C,
    ("POST", "/patients/invite"): C,
    ("POST", "/patients/import"): C,
    ("POST", "/patients/seen"): C,
    ("GET", "/patients/worklist.csv"): C,
    # Accounts and links.
    ("GET", "/admin"): A,
    ("POST", "/admin/accounts"): A,
    ("POST", "/admin/accounts/{account_id}/disable"): A,
    ("POST", "/admin/accounts/{account_id}/reset"): A,
    ("POST", "/admin/links"): A,
    ("GET", "/admin/audit"): A,
}


def need_of(method: str, path: str) -> Need | None:
    """The need of a route (HEAD as GET); None when the route has no entry."""
    method = "GET" if method == "HEAD" else method
    return NEEDS.get((method, path)) or NEEDS.get(("*", path))


def leaf_routes(app: Any) -> list[tuple[str, Any]]:
    """Every route (with its full path) inside the app's included routers, in match order;
    worked out once per app."""
    cached = getattr(app.state, "leaf_routes", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]

    def walk(routes: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI's included router
                yield from walk(route.original_router.routes, prefix + route.include_context.prefix)
            else:
                yield prefix + getattr(route, "path", ""), route

    found = list(walk(app.router.routes, ""))
    app.state.leaf_routes = found
    return found


def routes_of(app: Any) -> Iterator[tuple[str, str]]:
    """Every (method, path) the app serves, read from its router (HEAD left out)."""
    for path, route in leaf_routes(app):
        methods = getattr(route, "methods", None) or {"*"}
        for method in sorted(set(methods) - {"HEAD"}):
            yield method, path
