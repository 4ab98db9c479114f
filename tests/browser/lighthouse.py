"""Runs npm's Lighthouse (tools/lighthouse) against pages, in Debian's Chromium.

Used by the Lighthouse test and by bench/lighthouse.py. tools/lighthouse/audit_pages.mjs
starts its own Chromium (CHROME_PATH) once for all the pages asked, and Lighthouse resets
each page's storage and caches before it loads it, so every page is seen as a first visit.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
AUDIT_PAGES = ROOT / "tools" / "lighthouse" / "audit_pages.mjs"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync --disable-default-apps"
)


def audit_pages(
    urls: list[str], categories: tuple[str, ...], throttled: bool = False
) -> list[dict[str, Any]]:
    """The Lighthouse reports (as dicts) of the pages, in order, on the mobile profile."""
    throttling = "throttled" if throttled else "provided"
    command = ["node", str(AUDIT_PAGES), ",".join(categories), throttling, *urls]
    env = {
        **os.environ,
        "CHROME_PATH": "/usr/bin/chromium",
        "LIGHTHOUSE_CHROME_FLAGS": CHROME_FLAGS,
    }
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120 + 120 * len(urls)
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {urls}: {done.stderr[-2000:]}")
    reports: list[dict[str, Any]] = json.loads(done.stdout)
    return reports


def audit(url: str, categories: tuple[str, ...], throttled: bool = False) -> dict[str, Any]:
    """The Lighthouse report (as a dict) of one page on the mobile profile."""
    return audit_pages([url], categories, throttled)[0]


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
