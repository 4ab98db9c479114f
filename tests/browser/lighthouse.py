"""Runs npm's Lighthouse (tools/lighthouse) against a page, in Debian's Chromium.

Used by the accessibility test and by bench/lighthouse.py. Lighthouse starts its own
Chromium (CHROME_PATH), so the page is seen as a first visit by a new browser.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync --disable-default-apps"
)


def audit(url: str, categories: tuple[str, ...], throttled: bool = False) -> dict[str, Any]:
    """The Lighthouse report (as a dict) of one page on the mobile profile."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if not throttled:
        command.append("--throttling-method=provided")
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def scores(report: dict[str, Any]) -> dict[str, float]:
    return {key: float(c["score"]) for key, c in report["categories"].items()}


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """Audits of a category that did not pass, with their titles, for a readable failure."""
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
    ]
