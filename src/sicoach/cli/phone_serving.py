"""`sicoach serve --phone`: a second listener on the home network, over HTTPS, for the
person's own phone (the computer's 127.0.0.1 listener stays as it is).

The certificate is the computer's own authority's (made once, in the data folder), or one
the person already has (`--tls-cert/--tls-key`, e.g. from Tailscale). Phones get in by
pairing: a one-time link shown as a QR code here and on the settings page, then the code
the phone shows, typed here or on that page.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from sicoach.cli._common import fail

if TYPE_CHECKING:
    import uvicorn

    from sicoach.services.context import Context
    from sicoach.web.phone_gate import PhoneListener

PHONE_PORT = 8443


def lan_address() -> str:
    """This computer's address on the home network: the one its default route leaves from
    (no packet is sent: a UDP socket only chooses its source)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def phone_names(address: str) -> list[str]:
    """What the certificate names: the address first, then the computer's own names."""
    names = [address]
    host = socket.gethostname()
    for name in (host, f"{host}.local"):
        if name and name not in names and "." not in name.removesuffix(".local"):
            names.append(name)
    return names


def prepare(
    services: Context, address: str, port: int, cert: Path | None, key: Path | None
) -> tuple[PhoneListener, PhoneListener, Any]:
    """The computer's and the LAN's app settings, and the TLS files to load."""
    from sicoach.interchange import local_ca
    from sicoach.services.pairing import PairingDesk
    from sicoach.web.phone_gate import PhoneListener

    if (cert is None) != (key is None):
        fail("--tls-cert and --tls-key go together: give both, or neither")
    names = phone_names(address)
    shown = f"[{address}]" if ":" in address else address
    if cert is not None and key is not None:
        for option, path in (("--tls-cert", cert), ("--tls-key", key)):
            if not path.is_file():
                fail(f"{option}: {path} is not a file")
        files = local_ca.ServerFiles(cert, key, None)
        fingerprint = ""
    else:
        try:
            files = local_ca.server_files(services.settings.data_dir, names, services.clock.now())
        except OSError as error:
            fail(f"--phone: cannot write the certificate in {services.settings.data_dir} ({error})")
        assert files.authority is not None
        fingerprint = local_ca.fingerprint(files.authority.read_bytes())
    desk = PairingDesk(f"https://{shown}:{port}", fingerprint=fingerprint)
    hosts = frozenset(f"{'[' + n + ']' if ':' in n else n}:{port}" for n in names)
    computer = PhoneListener(desk, files.authority)
    lan = PhoneListener(desk, files.authority, hosts=hosts, lan=True)
    return computer, lan, files


def say_pairing(services: Context, listener: PhoneListener) -> None:
    """The terminal's part: the phone address, a QR code of a fresh one-time link."""
    import segno

    link = listener.desk.new_link(services.clock.now())
    typer.echo(f"Phones on your Wi-Fi: {listener.desk.phone_url}/ (after pairing).")
    typer.echo("To pair a phone, scan this code with its camera (the link works once, 10 minutes):")
    segno.make(link, error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(link)
    if listener.desk.fingerprint:
        typer.echo(f"Certificate fingerprint (SHA-256): {listener.desk.fingerprint}")
    typer.echo("Then type the 6 digits the phone shows here and press Enter.")


def approve_from_terminal(services: Context, listener: PhoneListener) -> threading.Thread:
    """Read codes typed in the terminal and approve the phone showing each."""
    from sicoach.services.errors import InputError

    def read() -> None:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                label = listener.desk.approve(line, services.clock.now())
            except InputError as error:
                typer.echo(f"Not approved: {error.message}.")
                continue
            typer.echo(f"Approved: {label} can now use SI Coach.")

    thread = threading.Thread(target=read, name="pairing-codes", daemon=True)
    thread.start()
    return thread


def run_both(servers: list[tuple[uvicorn.Server, socket.socket]]) -> None:
    """Both listeners in one event loop; Ctrl+C stops both (the last server to start takes
    the signal, and hands it on to the other as it stops)."""

    async def main() -> None:
        tasks = [asyncio.create_task(s.serve(sockets=[sock])) for s, sock in servers]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for server, _ in servers:
            server.should_exit = True
        await asyncio.gather(*tasks)

    asyncio.run(main())
