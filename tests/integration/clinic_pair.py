"""A clinician and their linked patient, signed in, for the clinic's integration tests:
the one way those tests set up a clinic, and a signed-in page client."""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, journal, signin
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings
from sicoach.web.clinic import session_cookie_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "blue kettle morning walk"
NOW = datetime(2026, 11, 20, 8)
ORIGIN = {"Origin": "http://127.0.0.1:8000"}


def linked_pair(store_url: str, tmp_path: Path) -> dict[str, Any]:
    """Dr Lee linked to Ann (ten days into the program): the context, the accounts made,
    their session tokens, Ann acting on her journal ("a") and Dr Lee acting on it ("doc")."""
    ctx = Context(Settings(store_url, tmp_path, mode=CLINIC), clock=FixedClock(NOW))
    made = {
        "doc": accounts.add_account(ctx, "doc@c.example", "clinician", "Dr Lee", PASSWORD),
        "a": accounts.add_account(ctx, "a@h.example", "patient", "Ann", PASSWORD),
    }
    accounts.link(ctx, made["doc"].id, made["a"].id)
    tokens = {name: signin.start_session(ctx, acc).token for name, acc in made.items()}
    a = signin.acting_on(ctx, signin.current(ctx, tokens["a"]))  # type: ignore[arg-type]
    doc = signin.acting_on(ctx, signin.current(ctx, tokens["doc"]), made["a"].id)  # type: ignore[arg-type]
    journal.update_profile(a, started_on=NOW.date() - timedelta(days=10), birth_year=1980)
    return {"ctx": ctx, "made": made, "tokens": tokens, "a": a, "doc": doc, "a_id": made["a"].id}


def signed_in(app: Any, token: str) -> Any:
    """A page client carrying the session cookie of `token` (plain http on 127.0.0.1)."""
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    client.cookies.set(session_cookie_name(False), token)
    return client


def csrf(html: str) -> str:
    """The CSRF token a page's form carries."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, "the page has no form token"
    return found.group(1)
