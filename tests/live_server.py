"""A real `sicoach serve` process on a free port, for tests that need real HTTP.

`LiveServer.start(env)` runs the command line's own `serve` in a child process and returns
once `/healthz` answers (waiting on that state, with a deadline); `LiveServer.in_folder`
does the same with its own data folder, SQLite file and pinned clock. `stop()` ends that
child by its own id; `kill()` ends it with no chance to clean up, as in a power cut.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

START_DEADLINE = 180.0
"""A loaded 2-core machine can take a minute to start Python and import the app."""
FAKE_NOW = "2026-11-20T08:00:00"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base_url, timeout=60.0)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base(self) -> str:
        return self.base_url

    @classmethod
    def in_folder(cls, folder: Path, db: Path | None = None) -> LiveServer:
        """A server with its own data folder and SQLite file (default: journal.sqlite3 in
        the folder), the clock pinned to FAKE_NOW."""
        env = {
            "SICOACH_FAKE_NOW": FAKE_NOW,
            "SICOACH_DATA_DIR": str(folder),
            "SICOACH_DB": str(db or folder / "journal.sqlite3"),
        }
        os_env = {k: v for k, v in os.environ.items() if k != "SICOACH_DATABASE_URL"}
        return cls.start(env, folder / f"server-{free_port()}.log", base_env=os_env)

    @classmethod
    def start(
        cls,
        env: dict[str, str],
        log: Path,
        *args: str,
        base_env: dict[str, str] | None = None,
        serve_args: tuple[str, ...] = (),
    ) -> LiveServer:
        port = free_port()
        full_env = {**(os.environ if base_env is None else base_env), "NO_COLOR": "1", **env}
        handle = log.open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "sicoach", *args, "serve", "--port", str(port), *serve_args],
            env=full_env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        server = cls(port, process, log)
        deadline = time.monotonic() + START_DEADLINE
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve ended early: {log.read_text()}")
            try:
                if server.client.get("/healthz").status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"serve did not answer in time: {log.read_text()}")
            time.sleep(0.05)

    def post_json(self, path: str, body: object) -> httpx.Response:
        return self.client.post(path, json=body)

    def kill(self) -> None:
        """kill -9: no chance to clean up, as in a power cut."""
        self.client.close()
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
