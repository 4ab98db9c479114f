"""Clinic mode's web edges: the public origin (Host, Origin, a Secure `__Host-` cookie), the
account pages absent in personal mode, and which addresses each mode may listen on."""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from pathlib import Path

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings, sqlite_url
from sicoach.web.app import create_app
from sicoach.web.binding import BindingError, clinic_address, loopback_address

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "blue kettle morning walk"


def _clinic(tmp_path: Path, public_url: str | None) -> Context:
    settings = Settings(
        sqlite_url(tmp_path / "clinic.sqlite3"), tmp_path, mode=CLINIC, public_url=public_url
    )
    return Context(settings, clock=FixedClock(datetime(2026, 11, 20, 8)))


def test_behind_tls_the_cookie_is_secure_host_only_and_foreign_origins_are_refused(
    tmp_path: Path,
) -> None:
    ctx = _clinic(tmp_path, "https://clinic.example")
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    app = create_app(ctx, host="0.0.0.0", port=8000)
    with TestClient(app, base_url="https://clinic.example") as client:
        page = client.get("/signin")
        assert page.status_code == 200
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        form = {"email": "doc@clinic.example", "password": PASSWORD, "csrf_token": token.group(1)}
        foreign = client.post(
            "/signin", data=form, headers={"Origin": "https://evil.example"}, follow_redirects=False
        )
        assert foreign.status_code == 403
        signed = client.post(
            "/signin",
            data=form,
            headers={"Origin": "https://clinic.example"},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        cookie = signed.headers["set-cookie"]
        assert cookie.startswith("__Host-sicoach_session=")
        for part in ("Secure", "HttpOnly", "Path=/", "SameSite=lax"):
            assert part in cookie, part
        assert "Max-Age" not in cookie  # no "keep me signed in": gone with the browser
        assert "Domain" not in cookie
    with TestClient(app, base_url="https://another.example") as client:
        assert client.get("/signin").status_code == 403  # Host is not the public one


def test_account_pages_do_not_exist_in_personal_mode(context: Context) -> None:
    with TestClient(create_app(context), base_url="http://127.0.0.1:8000") as client:
        for path in ("/signin", "/account", "/patients", "/admin", "/join/abc", "/account/audit"):
            assert client.get(path, follow_redirects=False).status_code == 404, path
        assert client.get("/").status_code == 200  # no sign-in asked


def test_only_clinic_mode_listens_beyond_this_computer() -> None:
    with pytest.raises(BindingError):
        loopback_address("0.0.0.0")
    assert clinic_address("0.0.0.0") == "0.0.0.0"
    with pytest.raises(BindingError):
        clinic_address("not an address")
