"""`serve --phone` in Chromium: a phone pairs over HTTPS with the computer's own authority
trusted (as a person adds it once), gets a secure page (Wake Lock, service worker), and
nothing else on the network gets past the pairing page."""

from __future__ import annotations

import shutil
import ssl
import time
from pathlib import Path

import httpx

from sicoach.interchange import local_ca
from tests.browser.conftest import SCREENSHOTS, VIEWPORTS, Server, _free_port

PHONE = {**VIEWPORTS["phone"]}


def _phone_server(folder: Path, authority: Path) -> tuple[Server, str, ssl.SSLContext]:
    """A server with --phone on 127.0.0.1 (standing in for the LAN address), its
    certificate made from the authority the browser trusts; waits until HTTPS answers."""
    shutil.copytree(authority, folder / local_ca.FOLDER)
    port = _free_port()
    args = ("--phone", "--phone-address", "127.0.0.1", "--phone-port", str(port))
    server = Server(folder, extra=args)
    base = f"https://127.0.0.1:{port}"
    trusted = ssl.create_default_context(cafile=str(authority / local_ca.CA_CERT))
    deadline = time.monotonic() + 60
    while True:
        try:  # the chain checked by Python's own TLS with the authority as the only root
            answer = httpx.get(base + "/pair", verify=trusted, timeout=5)
            break
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.1)
    assert answer.status_code == 200
    return server, base, trusted


def test_a_phone_pairs_over_https_and_strangers_see_only_the_pairing_page(
    browser, tmp_path: Path, test_authority: Path
) -> None:  # type: ignore[no-untyped-def]
    server, phone_base, trusted = _phone_server(tmp_path, test_authority)
    computer = browser.new_context(base_url=server.base, viewport=VIEWPORTS["laptop"])
    phone = browser.new_context(base_url=phone_base, viewport=PHONE, is_mobile=True)
    stranger = browser.new_context(base_url=phone_base, viewport=PHONE)
    try:
        desk = computer.new_page()
        desk.goto("/settings/phone")
        shown = desk.locator("#pair-link").inner_text().strip()  # the terminal's link
        desk.get_by_role("button", name="Make a new pairing link").click()
        desk.wait_for_url("**/settings/phone#pair-title")
        link = desk.locator("#pair-link").inner_text().strip()
        assert link != shown
        assert link.startswith(phone_base + "/pair/")

        hand = phone.new_page()
        hand.goto("/")  # not paired yet: the pairing page and nothing else
        assert hand.url == phone_base + "/pair"
        hand.goto(link)
        hand.get_by_role("button", name="Pair this phone").click()
        hand.wait_for_url("**/pair/wait")
        code = hand.locator("#pair-code").inner_text().replace(" ", "")
        hand.screenshot(path=str(SCREENSHOTS / "phone_pairing-phone-code.png"))
        assert len(code) == 6 and code.isdigit()

        desk.get_by_label("A phone is waiting? Type the six digits it shows").fill(code)
        desk.get_by_role("button", name="Let this phone in").click()
        assert "the phone is let in" in desk.locator("#pair-approved").inner_text()
        # The waiting page reloads itself every 3 s and opens SI Coach once approved.
        hand.wait_for_url("**/welcome", timeout=60_000)  # paired: first use
        secure = hand.evaluate(
            "async () => [window.isSecureContext, 'wakeLock' in navigator,"
            " !!(await navigator.serviceWorker.ready).active]"
        )
        assert secure == [True, True, True]
        # The computer's own side is not reachable from the phone, even paired.
        status = hand.evaluate(
            "async () => (await fetch('/settings/phone/link', {method: 'POST'})).status"
        )
        assert status == 404
        # Removed on the computer: the phone is back to the pairing page.
        desk.goto("/settings/phone")
        desk.get_by_role("button", name="Remove").click()
        desk.wait_for_url("**/settings/phone#pair-title")
        assert desk.get_by_role("button", name="Remove").count() == 0
        hand.goto("/")
        assert hand.url == phone_base + "/pair"

        other = stranger.new_page()
        for path in ("/", "/settings", "/session/play", "/history"):
            other.goto(path)
            assert other.url == phone_base + "/pair", path
        for used in (link, shown):  # used up; replaced by a newer one
            assert other.goto(used).status == 410
            assert "used already or is too old" in other.content()
        other.goto("/pair/certificate")
        assert other.locator("svg.phone-picture").count() >= 6
        other.screenshot(
            path=str(SCREENSHOTS / "phone_pairing-certificate-help.png"), full_page=True
        )
        with httpx.Client(base_url=phone_base, verify=trusted) as plain:
            assert plain.get("/api/v1/journal").status_code == 401
            assert (
                plain.get("/pair/sicoach-ca.crt").content
                == (test_authority / local_ca.CA_CERT).read_bytes()
            )
            assert plain.get("/pair/wait").status_code == 410  # no waiting phone here
    finally:
        computer.close()
        phone.close()
        stranger.close()
        server.stop()
