"""A real `sicoach serve` in a child process on a free port, for tests that need HTTP.

Its own data folder and SQLite file; waits on /healthz (state, not time) before use.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

FAKE_NOW = "2026-11-20T08:00:00"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    def __init__(self, folder: Path, db: Path | None = None) -> None:
        self.folder = folder
        self.db = db or folder / "journal.sqlite3"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "SICOACH_FAKE_NOW": FAKE_NOW,
            "SICOACH_DATA_DIR": str(folder),
            "SICOACH_DB": str(self.db),
        }
        env.pop("SICOACH_DATABASE_URL", None)
        self.log = open(folder / f"server-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sicoach", "serve", "--port", str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 180  # a loaded 2-core machine can take a minute
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.close()
                raise RuntimeError(Path(self.log.name).read_text())
            try:
                if httpx.get(self.base + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start within 180 s")

    def kill(self) -> None:
        """kill -9: no chance to clean up, as in a power cut."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
