"""What people and roles cost: the sign-in hash, and the sign-in gate on every request.

- Argon2id: hashing a new password and checking one (what a sign-in waits for), beside a
  SHA-256 of the same text as a reference.
- Per request, on a temporary SQLite file through the real app (in-process client): a bare
  endpoint (/healthz) in personal mode as the reference, the same endpoint in clinic mode
  signed in (the gate: session lookup, the policy, the request's context), and a journal
  page (/api/v1/checkins) both ways. The difference between the pairs is the gate's cost.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import warnings
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import timed

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, passwords, signin
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings, sqlite_url
from sicoach.web.app import create_app
from sicoach.web.clinic import session_cookie_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "blue kettle morning walk"
RUNS = 200


def main() -> None:
    text = PASSWORD.encode()
    timed("sha256 of the password (reference)", lambda: hashlib.sha256(text).hexdigest(), 50)
    hashed = passwords.hash_password(PASSWORD)
    timed("Argon2id hash (a new password)", lambda: passwords.hash_password(PASSWORD), 10)
    timed("Argon2id verify (a sign-in)", lambda: passwords.verify(PASSWORD, hashed), 10)

    folder = Path(tempfile.mkdtemp(prefix="sicoach-bench-accounts-"))
    clock = FixedClock(datetime(2026, 11, 20, 8))
    personal = Context(Settings(sqlite_url(folder / "personal.sqlite3"), folder), clock=clock)
    clinic = replace(
        personal, settings=Settings(sqlite_url(folder / "clinic.sqlite3"), folder, mode=CLINIC)
    )
    patient = accounts.add_account(clinic, "a@home.example", "patient", "A", PASSWORD)
    token = signin.start_session(clinic, patient).token
    base = "http://127.0.0.1:8000"
    with (
        TestClient(create_app(personal), base_url=base) as plain,
        TestClient(create_app(clinic), base_url=base) as gated,
    ):
        gated.cookies.set(session_cookie_name(False), token)
        for client in (plain, gated):
            assert client.get("/healthz").status_code == 200
            assert client.get("/api/v1/checkins").status_code == 200
        timed("GET /healthz, personal mode (bare reference)", lambda: plain.get("/healthz"), RUNS)
        timed("GET /healthz, clinic mode, signed in", lambda: gated.get("/healthz"), RUNS)
        timed("GET /api/v1/checkins, personal mode", lambda: plain.get("/api/v1/checkins"), RUNS)
        timed(
            "GET /api/v1/checkins, clinic mode (gate+policy)",
            lambda: gated.get("/api/v1/checkins"),
            RUNS,
        )
    timed(
        "the gate's decision alone (session + policy)",
        lambda: signin.acting_on(clinic, signin.current(clinic, token)),  # type: ignore[arg-type]
        RUNS,
    )


if __name__ == "__main__":
    main()
