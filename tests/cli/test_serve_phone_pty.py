"""`sicoach serve --phone` in a real terminal: it shows the pairing link (and its QR code),
a phone opens it over HTTPS trusting the computer's authority, and the code the phone shows,
typed in the terminal, lets the phone in; a wrong code does not."""

from __future__ import annotations

import re
import ssl
import time
from pathlib import Path

import httpx
import pexpect

from sicoach.interchange import local_ca
from tests.cli.pty_session import ENV, SICOACH
from tests.live_server import free_port

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _pair_page(client: httpx.Client, link: str) -> str:
    deadline = time.monotonic() + 60
    while True:  # the listener starts just after the terminal shows the link
        try:
            return client.get(link).text
        except httpx.ConnectError:
            assert time.monotonic() < deadline
            time.sleep(0.1)


def test_a_code_typed_in_the_terminal_lets_the_phone_in(tmp_path: Path) -> None:
    port, phone_port = free_port(), free_port()
    env = {**ENV, "SICOACH_DATA_DIR": str(tmp_path), "NO_COLOR": "1"}
    args = ["--db", str(tmp_path / "j.sqlite3"), "serve", "--port", str(port), "--phone"]
    args += ["--phone-address", "127.0.0.1", "--phone-port", str(phone_port)]
    terminal = pexpect.spawn(
        str(SICOACH), args, env=env, dimensions=(60, 120), encoding="utf-8", timeout=90
    )
    try:
        terminal.expect(r"scan this code with its camera")
        terminal.expect(r"(https://127\.0\.0\.1:\d+/pair/[A-Za-z0-9_-]+)\r?\n")
        link = terminal.match.group(1)
        terminal.expect("type the 6 digits the phone shows here")
        authority = tmp_path / local_ca.FOLDER / local_ca.CA_CERT
        trusted = ssl.create_default_context(cafile=str(authority))
        with httpx.Client(verify=trusted, timeout=30) as phone:
            page = _pair_page(phone, link)
            token = CSRF.search(page).group(1)  # type: ignore[union-attr]
            waiting = phone.post(link, data={"csrf_token": token}, follow_redirects=True)
            code = re.search(r'id="pair-code"[^>]*>(\d{3}) (\d{3})<', waiting.text)
            assert code is not None, waiting.text
            terminal.sendline("000000" if code.group(1) + code.group(2) != "000000" else "111111")
            terminal.expect("Not approved: no phone is waiting with that code")
            assert phone.get(link.rsplit("/pair/", 1)[0] + "/pair/wait").status_code == 200
            terminal.sendline(f"{code.group(1)} {code.group(2)}")
            terminal.expect("Approved: A browser can now use SI Coach")
            home = phone.get(link.rsplit("/pair/", 1)[0] + "/pair/wait")
            assert home.status_code == 303 and home.headers["location"] == "/"
            assert "__Host-sicoach_device" in phone.cookies
            assert phone.get(link.rsplit("/pair/", 1)[0] + "/api/v1/profile").status_code == 200
    finally:
        terminal.sendintr()
        terminal.expect(pexpect.EOF)
        terminal.close()
