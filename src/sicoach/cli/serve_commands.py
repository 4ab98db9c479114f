"""`sicoach serve`: the web app on this computer (the main way people use SI Coach)."""

from __future__ import annotations

import threading
import webbrowser

import typer

from sicoach.cli._common import context, fail


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help=(
            "Address to listen on. Keep the default (127.0.0.1) so that only this computer "
            "can reach your data."
        ),
    ),
    port: int = typer.Option(8000, "--port", help="Port to listen on (1-65535).", min=1, max=65535),
    open_browser: bool = typer.Option(
        False, "--open", help="Open the app in your web browser once it is running."
    ),
) -> None:
    """Start the web app: today's routine, guided sessions, check-ins and more."""
    import uvicorn

    from sicoach.web.app import create_app

    if host in ("0.0.0.0", "::", "[::]", ""):
        fail(
            f"--host: {host!r} means every address, but the app only answers requests sent to "
            "the address it is bound to (this protects your data); give one address, "
            "e.g. 127.0.0.1"
        )
    services = context(ctx)
    services.uow_factory  # noqa: B018 - open (and upgrade) the database now: a bad one fails here
    web_app = create_app(services, host=host, port=port)
    address = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    typer.echo(f"SI Coach is running at {address} (press Ctrl+C to stop).")
    typer.echo(f"Your journal: {services.settings.display_location}")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    try:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)
    except OSError as error:
        fail(f"--port: cannot listen on {host}:{port} ({error.strerror or error})")
