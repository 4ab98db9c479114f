"""Lighthouse scores 100 for accessibility and best practices on the pages that matter most."""

from __future__ import annotations

import pytest

from tests.browser.conftest import choose, welcomed
from tests.browser.lighthouse import LIGHTHOUSE, audit_pages, failing_audits, scores

CATEGORIES = ("accessibility", "best-practices")


@pytest.fixture(scope="module", autouse=True)
def _lighthouse_installed() -> None:
    if not LIGHTHOUSE.exists():
        pytest.fail(
            f"{LIGHTHOUSE} is missing: `make test` installs it (npm ci in tools/lighthouse)"
        )


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_today_player_and_checkin_score_100(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session")
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    page.wait_for_url("**/session/play?id=*")
    player = page.url.removeprefix(server.base)

    failures = {}
    paths = ("/", player, "/checkin")
    reports = audit_pages([server.base + path for path in paths], CATEGORIES)
    for path, report in zip(paths, reports, strict=True):
        got = scores(report)
        for category in CATEGORIES:
            if got[category] < 1:
                failures[f"{path} {category} {got[category]:.2f}"] = failing_audits(
                    report, category
                )
    assert failures == {}
