"""Benchmark: Lighthouse performance of Today and the player on the throttled mobile profile.

Starts `sicoach serve` on a free loopback port with a new journal (first use done through
the real form), then runs npm's Lighthouse (tools/lighthouse, in Debian's Chromium) with
its default simulated mobile throttling on Today, the session player and, as the reference
measured in the same run, the Learn page (server-rendered text with no script of its own;
Lighthouse audits only HTML, so /healthz cannot serve). Prints the performance score, first
contentful paint, largest contentful paint and total blocking time of each.

    .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.conftest import Server
from tests.browser.lighthouse import audit

WELCOME = {
    "understood": "on",
    "pain": "4",
    "mobility": "5",
    "birth_year": "1970",
    "sex": "female",
    "pregnancy": "none",
    "training_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
}


def first_use_and_session(base: str) -> str:
    """Fill first use and start a session through the forms; returns the player's path."""
    with httpx.Client(base_url=base, follow_redirects=False) as client:
        page = client.get("/welcome").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token, "no form token on the welcome page"
        answer = client.post("/welcome", data={**WELCOME, "csrf_token": token.group(1)})
        assert answer.status_code == 303, answer.text[:500]
        start = client.post("/session", data={"pain_before": "3", "csrf_token": token.group(1)})
        assert start.status_code == 303, start.text[:500]
        return str(start.headers["location"])


def row(name: str, report: dict) -> str:  # type: ignore[type-arg]
    audits = report["audits"]
    score = report["categories"]["performance"]["score"] * 100
    fcp = audits["first-contentful-paint"]["numericValue"]
    lcp = audits["largest-contentful-paint"]["numericValue"]
    tbt = audits["total-blocking-time"]["numericValue"]
    return f"{name:<22} {score:>5.0f} {fcp:>9.0f} {lcp:>9.0f} {tbt:>8.0f}"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder))
        try:
            player = first_use_and_session(server.base)
            audit(server.base + "/learn", ("performance",), throttled=True)  # warm-up, not shown
            print("Lighthouse, mobile profile with simulated throttling (ms)")
            print(f"{'page':<22} {'score':>5} {'FCP':>9} {'LCP':>9} {'TBT':>8}")
            for name, path in (
                ("Learn (reference)", "/learn"),
                ("Today", "/"),
                ("Player (first load)", player),
            ):
                report = audit(server.base + path, ("performance",), throttled=True)
                print(row(name, report))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
