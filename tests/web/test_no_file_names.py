"""Nothing a person sees names a file of ours: pages, the API's documentation and its error
messages speak of the journal, the guide or a source by name, never of our own source,
content or documentation files. The person's own journal file (its place on disk,
shown in Settings) is theirs and may be named."""

from __future__ import annotations

import html
import re

from sicoach.services.context import Context
from sicoach.web.app import AREAS
from tests.web.conftest import WebClient

OUR_FILES = re.compile(
    r"[\w./-]*\.(?:py|pyc|toml|md|j2|html|ini)\b|clinical-notes|design\.md|\bjournal\.json\b"
)
SKIP_PREFIXES = ("/static", "/figures", "/icons", "/export", "/api/v1/report", "/sw.js")


ADDRESSES = re.compile(r'\s(?:href|src|action)="[^"]*"')
"""Links are addresses (`/report.html` is a page), not file names a person reads."""


def _our_file_names(text: str, own: str) -> list[str]:
    return OUR_FILES.findall(html.unescape(ADDRESSES.sub("", text)).replace(own, ""))


def _pages(client: WebClient) -> list[str]:
    """Every GET page of the app that needs no path value, plus each exercise's page."""
    paths = ["/api/v1/openapi.json"]
    for route in (r for area in AREAS for r in area.router.routes):
        methods = getattr(route, "methods", None) or set()
        path = getattr(route, "path", "")
        if "GET" in methods and "{" not in path and not path.startswith(SKIP_PREFIXES):
            paths.append(path)
    ids = [e["id"] for e in client.get("/api/v1/session/script").json()["exercises"]]
    return sorted(set(paths)) + [f"/exercises/{i}" for i in ids]


def test_no_page_or_api_document_names_a_file_of_ours(person: WebClient, context: Context) -> None:
    own = context.settings.display_location
    seen = 0
    for path in _pages(person):
        response = person.get(path)
        kind = response.headers.get("content-type", "")
        if response.status_code >= 400 or not ("text" in kind or "json" in kind):
            continue
        seen += 1
        assert _our_file_names(response.text, own) == [], path
    assert seen >= 15, seen


def test_api_error_messages_name_no_file_of_ours(person: WebClient, context: Context) -> None:
    own = context.settings.display_location
    broken = {"content": b"{not json", "headers": {"content-type": "application/json"}}
    bad = [
        person.post("/api/v1/checkins", json={"date": "2026-11-20", "pain": 11}),
        person.post("/api/v1/checkins", **broken),  # type: ignore[arg-type]
        person.post("/api/v1/activities", json={"kind": "flying", "minutes": -1}),
        person.post("/api/v1/sessions/999/finish", json={"pain_after": 3, "partial": False}),
        person.get("/figures/no_such_move.svg"),
    ]
    for response in bad:
        assert 400 <= response.status_code < 500, response.text
        assert _our_file_names(response.text, own) == [], response.text
