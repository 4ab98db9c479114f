"""Clinic mode behind Caddy, as docs/deploy.md sets it up, with `tls internal`: sign-in,
the manifest and the service worker over HTTPS, a Secure `__Host-` cookie, and a secure
page (Wake Lock). Caddy's own authority is the suite's test authority (its root and
signer), which the suite's Chromium trusts."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import time
from datetime import datetime
from pathlib import Path

import httpx

from sicoach.domain.clock import FixedClock
from sicoach.interchange import local_ca
from sicoach.services import accounts
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings, sqlite_url
from tests.browser.conftest import SCREENSHOTS
from tests.live_server import LiveServer, free_port

CADDY = "/usr/bin/caddy"
PASSWORD = "blue kettle morning walk"
CADDYFILE = """{{
	admin off
	auto_https disable_redirects
	skip_install_trust
	storage file_system {folder}/caddy-data
	pki {{
		ca local {{
			root {{
				cert {ca_cert}
				key {ca_key}
			}}
			intermediate {{
				cert {ca_cert}
				key {ca_key}
			}}
		}}
	}}
}}
https://127.0.0.1:{port} {{
	bind 127.0.0.1
	tls internal
	@own_origin header Origin https://127.0.0.1:{port}
	request_header @own_origin Origin http://127.0.0.1:{app}
	reverse_proxy 127.0.0.1:{app} {{
		header_up Host 127.0.0.1:{app}
		header_up X-Request-ID {{http.request.uuid}}
		health_uri /readyz
	}}
}}
"""


def _caddy(folder: Path, authority: Path, port: int, app: int) -> subprocess.Popen[bytes]:
    config = folder / "Caddyfile"
    config.write_text(
        CADDYFILE.format(
            folder=folder,
            ca_cert=authority / local_ca.CA_CERT,
            ca_key=authority / local_ca.CA_KEY,
            port=port,
            app=app,
        )
    )
    env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "xdg")}
    env["XDG_CONFIG_HOME"] = str(folder / "xdg-config")
    log = (folder / "caddy.log").open("wb")
    return subprocess.Popen(
        [CADDY, "run", "--config", str(config), "--adapter", "caddyfile"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def test_clinic_behind_caddy_over_https(browser, tmp_path: Path, test_authority: Path) -> None:  # type: ignore[no-untyped-def]
    assert shutil.which(CADDY), "install Debian's caddy (scripts/system_packages.py)"
    db = tmp_path / "clinic.sqlite3"
    ctx = Context(
        Settings(sqlite_url(db), tmp_path, mode=CLINIC), clock=FixedClock(datetime(2026, 11, 20, 8))
    )
    accounts.add_account(ctx, "pat@home.example", "patient", "Pat", PASSWORD)
    port = free_port()
    public = f"https://127.0.0.1:{port}"
    env = {
        "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
        "SICOACH_DATA_DIR": str(tmp_path),
        "SICOACH_DB": str(db),
        "SICOACH_MODE": CLINIC,
        "SICOACH_PUBLIC_URL": public,
    }
    base_env = {k: v for k, v in os.environ.items() if k != "SICOACH_DATABASE_URL"}
    server = LiveServer.start(env, tmp_path / "server.log", base_env=base_env)
    caddy = _caddy(tmp_path, test_authority, port, server.port)
    context = None
    try:
        trusted = ssl.create_default_context(cafile=str(test_authority / local_ca.CA_CERT))
        deadline = time.monotonic() + 60
        while True:  # Caddy answers once it has issued its certificate
            assert caddy.poll() is None, (tmp_path / "caddy.log").read_text()
            try:
                if httpx.get(public + "/readyz", verify=trusted, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "caddy.log").read_text()
            time.sleep(0.2)
        context = browser.new_context(base_url=public, viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto("/signin")
        page.get_by_label("Email").fill("pat@home.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/signin" not in url)
        cookie = next(c for c in context.cookies() if c["name"] == "__Host-sicoach_session")
        assert cookie["secure"] and cookie["httpOnly"] and cookie["path"] == "/"
        facts = page.evaluate(
            """async () => {
                const manifest = await fetch('/manifest.webmanifest');
                const ready = await navigator.serviceWorker.ready;
                return [manifest.status, (await manifest.json()).display, !!ready.active,
                        window.isSecureContext, 'wakeLock' in navigator];
            }"""
        )
        assert facts == [200, "standalone", True, True, True]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "clinic_behind_caddy-phone.png"))
    finally:
        if context is not None:
            context.close()
        caddy.terminate()
        caddy.wait(timeout=20)
        server.stop()
