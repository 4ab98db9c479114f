"""The authorisation matrix: EVERY route of the app, read from its router, against six
people (anonymous, patient A, patient B, A's clinician, another clinician, an admin), on
SQLite and PostgreSQL, in clinic mode.

A route with no entry in `route_needs.NEEDS` fails here, so no route ships without a
decision. Journal routes are tried on A's journal (a patient on their own path, everyone
else through /patients/A/...); what each person may do comes from the policy
(`services.policy.allows`), and the gate's refusals carry `REFUSED_HEADER`, so a route's own
answer (a 400 for an empty form, a 403 for a missing form token) shows it got through.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, signin
from sicoach.services.commands import LogCheckIn, StartSession
from sicoach.services.context import Context
from sicoach.services.handlers import execute
from sicoach.services.policy import Access, Need, Role, allows
from sicoach.settings import CLINIC, Settings
from sicoach.web.app import create_app
from sicoach.web.clinic import REFUSED_HEADER, session_cookie_name
from sicoach.web.route_needs import NEEDS, need_of, routes_of

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "blue kettle morning walk"
JOURNAL_NEEDS = {Need.JOURNAL_READ, Need.JOURNAL_WRITE, Need.PROGRAM, Need.CARE}
PEOPLE = ("anonymous", "patient_a", "patient_b", "clinician", "other_clinician", "admin")


@pytest.fixture
def clinic(store_url: str, tmp_path: Path) -> dict[str, Any]:
    ctx = Context(
        Settings(store_url, tmp_path, mode=CLINIC), clock=FixedClock(datetime(2026, 11, 20, 8))
    )
    made = {
        "admin": accounts.add_account(ctx, "admin@c.example", "admin", "Ada", PASSWORD),
        "clinician": accounts.add_account(ctx, "doc@c.example", "clinician", "Lee", PASSWORD),
        "other_clinician": accounts.add_account(ctx, "roe@c.example", "clinician", "Roe", PASSWORD),
        "patient_a": accounts.add_account(ctx, "a@h.example", "patient", "A", PASSWORD),
        "patient_b": accounts.add_account(ctx, "b@h.example", "patient", "B", PASSWORD),
    }
    accounts.link(ctx, made["clinician"].id, made["patient_a"].id)
    tokens = {name: signin.start_session(ctx, account).token for name, account in made.items()}
    a_ctx = signin.acting_on(ctx, signin.current(ctx, tokens["patient_a"]))  # type: ignore[arg-type]
    execute(a_ctx, LogCheckIn(pain=3))
    session_id = execute(a_ctx, StartSession(pain_before=3, screen_answers={}))
    return {"ctx": ctx, "accounts": made, "tokens": tokens, "session_id": session_id}


def _concrete(path: str, clinic: dict[str, Any]) -> str:
    values = {
        "exercise_id": "bridge",
        "size": "192",
        "frame": "0",
        "token": "not-a-real-token",
        "session_id": str(clinic["session_id"].session_id),
        "day": "2026-11-20",
        "action": "leave_out",
        "message_id": "1",
        "account_id": str(clinic["accounts"]["patient_b"].id),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def _expected(person: str, need: Need) -> bool:
    role = {
        "anonymous": None,
        "patient_a": Role.PATIENT,
        "patient_b": Role.PATIENT,
        "clinician": Role.CLINICIAN,
        "other_clinician": Role.CLINICIAN,
        "admin": Role.ADMIN,
    }[person]
    access = {"patient_a": Access.OWNER, "clinician": Access.PROGRAM}.get(person, Access.NONE)
    return allows(role, access, need)


def test_every_route_has_a_need_and_every_person_gets_what_the_policy_says(
    clinic: dict[str, Any],
) -> None:
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    routes = sorted(set(routes_of(app)))
    missing = [r for r in routes if need_of(*r) is None]
    assert not missing, f"routes with no entry in route_needs.NEEDS: {missing}"
    stale = sorted(set(NEEDS) - set(routes))
    assert not stale, f"entries in route_needs.NEEDS for routes that do not exist: {stale}"
    a_id = clinic["accounts"]["patient_a"].id
    wrong = []
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for method, path in routes:
            need = need_of(method, path)
            assert need is not None
            url = _concrete(path, clinic)
            if method == "*":
                method, url = "GET", "/static/app.css"
            for person in PEOPLE:
                target = url
                if need in JOURNAL_NEEDS and person != "patient_a" and person != "anonymous":
                    target = f"/patients/{a_id}{url}"
                client.cookies.clear()
                if person != "anonymous":
                    client.cookies.set(session_cookie_name(False), clinic["tokens"][person])
                body = {"json": {}} if url.startswith("/api/") and method != "GET" else {}
                response = client.request(method, target, follow_redirects=False, **body)
                refused = REFUSED_HEADER in response.headers
                if refused == _expected(person, need):
                    wrong.append((person, method, target, need.value, response.status_code))
                if refused and person == "anonymous":
                    assert response.status_code in (303, 401), (method, target)
                elif refused:
                    assert response.status_code == 404, (person, method, target)
    assert not wrong, "\n".join(map(str, wrong))


def test_patient_b_cannot_reach_a_by_changing_ids(clinic: dict[str, Any]) -> None:
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    a_id, b_id = clinic["accounts"]["patient_a"].id, clinic["accounts"]["patient_b"].id
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        client.cookies.set(session_cookie_name(False), clinic["tokens"]["patient_b"])
        for path in (
            f"/patients/{a_id}/",
            f"/patients/{a_id}/api/v1/checkins",
            f"/patients/{b_id + 1000}/progress",
            f"/patients/{a_id}/settings/export",
        ):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 404 and "3" not in response.text, path
        session_id = str(clinic["session_id"].session_id)
        own = client.get(f"/api/v1/sessions/{session_id}/exercises")
        assert own.status_code == 404  # A's session id, asked on B's own journal
        assert client.get("/api/v1/checkins").json() == []
