"""`sicoach serve`: the web app on this computer (the main way people use SI Coach)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from sicoach.cli._common import context, fail

if TYPE_CHECKING:
    import socket

    from sicoach.services.context import Context


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("serve")(serve)


WORKERS = typer.Option(
    1,
    "--workers",
    help="App processes sharing the port (for a clinic on PostgreSQL; 1 on a laptop).",
    min=1,
    max=64,
)
CLINIC = typer.Option(
    False,
    "--clinic",
    help=(
        "Clinic mode: many people, each signs in (same as SICOACH_MODE=clinic); --host may "
        "then be any address (0.0.0.0). Set SICOACH_PUBLIC_URL to the address people use."
    ),
)
HOST = typer.Option(
    "127.0.0.1",
    "--host",
    help=(
        "Address to listen on. Keep the default (127.0.0.1) so that only this computer "
        "can reach your data."
    ),
)
PORT = typer.Option(8000, "--port", help="Port to listen on (1-65535).", min=1, max=65535)
OPEN_BROWSER = typer.Option(
    False, "--open", help="Open the app in your web browser once it is running."
)
PHONE = typer.Option(
    False,
    "--phone",
    help=(
        "Also answer your own phone on your Wi-Fi, over HTTPS (port 8443): phones get in by "
        "pairing (a one-time QR code here, then a code you type here or on Settings)."
    ),
)
PHONE_ADDRESS = typer.Option(
    None, "--phone-address", help="The address phones use (default: this computer's on the LAN)."
)
PHONE_PORT = typer.Option(8443, "--phone-port", help="The phone listener's port.", min=1, max=65535)
TLS_CERT = typer.Option(
    None, "--tls-cert", help="With --phone: a certificate you already have (PEM, e.g. Tailscale's)."
)
TLS_KEY = typer.Option(None, "--tls-key", help="With --phone: the private key of --tls-cert (PEM).")
ACCESS_LOG = typer.Option(
    False, "--access-log", help="Log one JSON line per request (route, status, time)."
)


def serve(
    ctx: typer.Context,
    host: str = HOST,
    port: int = PORT,
    open_browser: bool = OPEN_BROWSER,
    workers: int = WORKERS,
    access_log: bool = ACCESS_LOG,
    clinic: bool = CLINIC,
    phone: bool = PHONE,
    phone_address: str | None = PHONE_ADDRESS,
    phone_port: int = PHONE_PORT,
    tls_cert: Path | None = TLS_CERT,
    tls_key: Path | None = TLS_KEY,
) -> None:
    """Start the web app: today's routine, guided sessions, check-ins and more."""
    import uvicorn

    from sicoach.services.operations import keep_connections_open
    from sicoach.web.app import create_app

    services = _with_mode(context(ctx), clinic)
    host = _bound_host(services, host)
    lan = _phone_address(services, phone, workers, phone_address, tls_cert or tls_key)
    _start_logging(access_log)
    keep_connections_open(services.settings)  # before the first use of its database
    services.uow_factory  # noqa: B018 - open (and upgrade) the database now: a bad one fails here
    listener = _listen(host, port)
    if lan is not None:
        _serve_with_phone(services, host, port, listener, lan, phone_port, tls_cert, tls_key)
        return
    web_app = create_app(services, host=host, port=port)
    address = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    typer.echo(f"SI Coach is running at {address} (press Ctrl+C to stop).")
    typer.echo(f"Your journal: {services.settings.display_location}")
    if services.settings.clinic:
        _say_clinic(services)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    if workers > 1:
        _run_workers(services, host, port, workers, listener, access_log)
        return
    config = uvicorn.Config(web_app, host=host, port=port, **SERVER_OPTIONS)
    uvicorn.Server(config).run(sockets=[listener])


def _bound_host(services: Context, host: str) -> str:
    from sicoach.web.binding import BindingError, clinic_address, loopback_address

    try:
        return clinic_address(host) if services.settings.clinic else loopback_address(host)
    except BindingError as error:
        fail(f"--host: {error}")


def _phone_address(
    services: Context, phone: bool, workers: int, address: str | None, tls: Path | None
) -> str | None:
    """The phone listener's address with --phone (checked), else None."""
    from sicoach.cli.phone_serving import lan_address
    from sicoach.web.binding import BindingError, phone_address_of

    if tls and not phone:
        fail("--tls-cert: only with --phone (a clinic's proxy holds its own certificate)")
    if not phone:
        return None
    if services.settings.clinic or workers > 1:
        fail("--phone: for one person on their own computer (not with --clinic or --workers)")
    try:
        return phone_address_of(address or lan_address())
    except BindingError as error:
        fail(f"--phone-address: {error}")


def _serve_with_phone(
    services: Context,
    host: str,
    port: int,
    listener: socket.socket,
    address: str,
    phone_port: int,
    cert: Path | None,
    key: Path | None,
) -> None:
    import uvicorn

    from sicoach.cli import phone_serving
    from sicoach.web.app import create_app

    computer, lan, files = phone_serving.prepare(services, address, phone_port, cert, key)
    lan_listener = _listen(address, phone_port, option="--phone-port")
    typer.echo(f"SI Coach is running at http://{host}:{port}/ (press Ctrl+C to stop).")
    typer.echo(f"Your journal: {services.settings.display_location}")
    phone_serving.say_pairing(services, lan)
    phone_serving.approve_from_terminal(services, lan)
    at_home = uvicorn.Config(
        create_app(services, host=host, port=port, phone=computer),
        host=host,
        port=port,
        **SERVER_OPTIONS,
    )
    on_wifi = uvicorn.Config(
        create_app(services, host=address, port=phone_port, phone=lan),
        host=address,
        port=phone_port,
        ssl_certfile=str(files.cert_chain),
        ssl_keyfile=str(files.key),
        **{**SERVER_OPTIONS, "timeout_graceful_shutdown": PHONE_GRACE_SECONDS},
    )
    phone_serving.run_both(
        [(uvicorn.Server(on_wifi), lan_listener), (uvicorn.Server(at_home), listener)]
    )


def _with_mode(services: Context, clinic: bool) -> Context:
    """The context in clinic mode when --clinic asks for it (else as the settings say)."""
    if not clinic or services.settings.clinic:
        return services
    import dataclasses

    from sicoach.settings import CLINIC as CLINIC_MODE

    settings = dataclasses.replace(services.settings, mode=CLINIC_MODE)
    return dataclasses.replace(services, settings=settings)


def _say_clinic(services: Context) -> None:
    from sicoach.services import accounts

    typer.echo("Clinic mode: everyone signs in.")
    if not accounts.list_accounts(services):
        typer.echo("No accounts yet: add the first admin with sicoach people add --role admin")


def _start_logging(access_log: bool) -> None:
    from sicoach.web.request_log import configure_logging

    configure_logging(requests=access_log)


SERVER_OPTIONS: dict[str, Any] = {
    "log_level": "warning",
    "access_log": False,
    "timeout_graceful_shutdown": 30,
}
"""On SIGTERM or Ctrl+C: stop taking new requests, finish those in flight (up to 30 s)."""


PHONE_GRACE_SECONDS = 5
"""The phone listener's wait on Ctrl+C: a phone's idle HTTPS connection is closed with a TLS
goodbye the phone may never answer, so it is not waited on for the usual 30 s."""


def _run_workers(
    services: Context,
    host: str,
    port: int,
    workers: int,
    listener: socket.socket,
    access_log: bool,
) -> None:
    """`workers` processes on one listening socket, each building the app from the same
    settings (passed in the environment; the schema is already upgraded by this one)."""
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ["SICOACH_DATABASE_URL"] = services.settings.database_url
    os.environ["SICOACH_DATA_DIR"] = str(services.settings.data_dir)
    os.environ["SICOACH_SERVE_ADDRESS"] = f"{host} {port}"
    os.environ["SICOACH_ACCESS_LOG"] = "1" if access_log else ""
    os.environ["SICOACH_MODE"] = services.settings.mode
    config = uvicorn.Config(
        "sicoach.web.serving:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **SERVER_OPTIONS,
    )
    Multiprocess(config, sockets=[listener]).run()


def _listen(host: str, port: int, option: str = "--port") -> socket.socket:
    """A socket already listening on host:port, so a port in use is one line and exit 1
    before anything says the app is running."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, and TCP_NODELAY set (accepted sockets inherit it): asyncio turns
    # Nagle off only on sockets whose protocol says TCP, and with Nagle on, a response
    # sent in two writes waited for the client's delayed ACK, 40 ms on every request of a
    # kept-alive connection.
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as error:
        listener.close()
        reason = "another program is using it" if error.errno == 98 else error.strerror
        fail(
            f"{option}: cannot listen on {host}:{port} ({reason or error}); "
            f"stop the other program or choose another port with {option}",
            code=1,
        )
    listener.set_inheritable(True)
    return listener
