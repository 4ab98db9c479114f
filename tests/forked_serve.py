"""`sicoach serve` in a process forked from one that has already imported the app.

Each browser test starts its own server (its own data folder, SQLite file and port), so the
tests stay independent; but a fresh `python -m sicoach serve` spends about 2.5 s of CPU
importing FastAPI, SQLAlchemy, Alembic, uvicorn and the app before it answers, and the
suite starts about 80 of them. Python's fork server (multiprocessing's "forkserver" start
method) imports those modules once per test worker; each server is then a fork of it that
runs the very command line `python -m sicoach serve ...` runs (`sicoach.cli.app.main`) with
its own environment, arguments and log file: a real, separate process on its own port.

Nothing the app reads from the environment is read at import time (settings, the pinned
clock and the mode are read when `serve` runs), so a fork sees only its own environment.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

PRELOAD = [
    "sicoach.cli.app",
    "sicoach.cli.serve_commands",
    "sicoach.cli.phone_serving",
    "sicoach.web.app",
    "sicoach.web.binding",
    "sicoach.web.serving",
    "sicoach.services.person_state",
    "sicoach.services.plan_state",
    "sicoach.store.engine",
    "sicoach.store.people",
    "sicoach.store.unit_of_work",
    "sicoach.store.window_reads",
    "sicoach.content",
    "sqlalchemy.dialects.sqlite",
    "alembic.command",
    "alembic.config",
    "uvicorn",
    "uvicorn.lifespan.on",
    "uvicorn.loops.auto",
    "uvicorn.loops.uvloop",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.httptools_impl",
    "uvicorn.protocols.websockets.auto",
    "uvicorn.protocols.websockets.websockets_impl",
]
"""What `serve` imports before it answers (read off `python -X importtime -m sicoach serve`);
a module missing here is simply imported by the fork, as a fresh process would."""

_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(PRELOAD)


def _serve(args: list[str], env: dict[str, str], log: str) -> None:
    """In the fork: this server's environment and log, then the console script's own entry."""
    os.environ.clear()
    os.environ.update(env)
    out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.close(out)
    sys.argv = ["sicoach", *args]
    from sicoach.cli.app import main

    main()


class ServeProcess:
    """A forked `sicoach serve`, answering the few questions tests ask of subprocess.Popen."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self._process = _FORKS.Process(target=_serve, args=(args, env, str(log)), name="serve")
        self._process.start()
        self.pid = self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return None if self._process.is_alive() else self._process.exitcode

    def terminate(self) -> None:
        self._process.terminate()

    def kill(self) -> None:
        self._process.kill()

    def wait(self, timeout: float | None = None) -> int:
        """The exit code; like Popen.wait, subprocess.TimeoutExpired if still running."""
        import subprocess

        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(["sicoach", "serve"], timeout or 0)
        return self._process.exitcode
