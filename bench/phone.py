"""What `serve --phone` costs: making the certificates, and a request over the LAN listener.

- The authority and a server certificate (once per data folder, then on an address change),
  beside loading the stored ones (every start) as the reference.
- A real `sicoach serve --phone` on loopback: GET /static/app.css over the computer's plain
  listener (the reference), over HTTPS on a kept connection, and over HTTPS with a new
  connection each time (the TLS handshake a phone pays after sleeping); then a paired
  phone's GET /api/v1/profile through the phone gate (device session lookup) beside the
  same on the computer's listener.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import httpx
from _timing import timed

from sicoach.interchange import local_ca
from sicoach.services import pairing
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url

NOW = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
RUNS = 200


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def certificates(folder: Path) -> None:
    names = ["192.168.1.20", "study-pc"]
    count = iter(range(10_000))
    timed(
        "authority + server certificate, made (first start)",
        lambda: local_ca.server_files(folder / f"new{next(count)}", names, NOW),
        10,
    )
    local_ca.server_files(folder, names, NOW)
    timed(
        "stored certificates checked (every start, reference)",
        lambda: local_ca.server_files(folder, names, NOW),
        50,
    )


def paired_token(folder: Path) -> str:
    ctx = Context(Settings(sqlite_url(folder / "j.sqlite3"), folder))
    return pairing.pair_device(ctx, "bench phone").token


def requests(folder: Path) -> None:
    port, phone = _port(), _port()
    env = {**os.environ, "SICOACH_DATA_DIR": str(folder), "SICOACH_DB": str(folder / "j.sqlite3")}
    env.pop("SICOACH_DATABASE_URL", None)
    args = ["serve", "--port", str(port), "--phone", "--phone-address", "127.0.0.1"]
    server = subprocess.Popen(
        [sys.executable, "-m", "sicoach", *args, "--phone-port", str(phone)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        plain = httpx.Client(base_url=f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:  # the certificates exist once the computer's listener answers
            try:
                plain.get("/healthz")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        trusted = ssl.create_default_context(cafile=str(folder / "tls" / local_ca.CA_CERT))
        secure = httpx.Client(base_url=f"https://127.0.0.1:{phone}", verify=trusted)
        assert secure.get("/pair").status_code == 200
        timed(
            "GET /static/app.css, computer's listener (reference)",
            lambda: plain.get("/static/app.css"),
            RUNS,
        )
        timed(
            "GET /static/app.css, phone listener, kept connection",
            lambda: secure.get("/static/app.css"),
            RUNS,
        )

        def fresh() -> None:
            with httpx.Client(verify=trusted) as once:
                once.get(f"https://127.0.0.1:{phone}/static/app.css")

        timed("GET /static/app.css, phone listener, new TLS connection", fresh, 50)
        secure.cookies.set("__Host-sicoach_device", paired_token(folder))
        timed(
            "GET /api/v1/profile, computer's listener (reference)",
            lambda: plain.get("/api/v1/profile"),
            RUNS,
        )
        timed(
            "GET /api/v1/profile, paired phone through the gate",
            lambda: secure.get("/api/v1/profile"),
            RUNS,
        )
        assert secure.get("/api/v1/profile").status_code == 200
        plain.close()
        secure.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        certificates(Path(tmp) / "certs")
        requests(Path(tmp))


if __name__ == "__main__":
    main()
