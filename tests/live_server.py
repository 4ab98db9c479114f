"""A real `sicoach serve` process on a free port, for tests that need real concurrency.

`LiveServer.start(env)` runs the command line's own `serve` in a child process and returns
once `/healthz` answers (waiting on that state, with a deadline); `stop()` ends that child
by its own id.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

START_DEADLINE = 60.0


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

    @classmethod
    def start(cls, env: dict[str, str], log: Path, *args: str) -> LiveServer:
        port = free_port()
        full_env = {**os.environ, "NO_COLOR": "1", **env}
        handle = log.open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "sicoach", *args, "serve", "--port", str(port)],
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

    def stop(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
