"""Progress and report pages in Chromium: charts present, no axe violations, PDF download."""

from __future__ import annotations

from sicoach.domain.clock import FixedClock
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url
from tests.browser.conftest import BOTH_SIZES, axe_violations, choose
from tests.unit.test_progress_fortnight import fortnight


def _fill(server) -> None:  # type: ignore[no-untyped-def]
    path = server.folder / "journal.sqlite3"
    ctx = Context(settings=Settings(sqlite_url(path), server.folder), clock=FixedClock())
    with ctx.uow() as uow:
        uow.journal.import_journal(fortnight(), replace=True)
        uow.commit()


def test_progress_page(page, server) -> None:  # type: ignore[no-untyped-def]
    _fill(server)
    page.goto("/progress", timeout=90_000)  # the first chart drawing is slow
    assert page.get_by_role("heading", name="Your progress").is_visible()
    assert page.locator("p.summary", has_text="3 points lower than in your first week").is_visible()
    charts = page.get_by_role("img")
    assert page.locator('svg[role="img"]').count() == 3
    assert charts.first.is_visible()
    page.get_by_text("The numbers: pain").click()
    assert page.get_by_role("table").first.is_visible()
    page.shots("progress")
    assert axe_violations(page) == []
    page.get_by_label("Activity", exact=True).fill("sitting for 30 minutes")
    choose(page, "score", 8)
    page.get_by_role("button", name="Save rating").click()
    page.wait_for_url("**/progress?saved=*")
    assert page.get_by_role("status").inner_text() == "Rating saved."
    assert axe_violations(page) == []


@BOTH_SIZES
def test_report_page_and_pdf_download(page, server) -> None:  # type: ignore[no-untyped-def]
    _fill(server)
    page.goto("/report")
    assert page.get_by_role("heading", name="Report for your doctor").is_visible()
    page.shots("report")
    assert axe_violations(page) == []
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("link", name="Download the PDF").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_pdf_download_shows_a_progress_bar_until_the_file_is_ready(page, server) -> None:  # type: ignore[no-untyped-def]
    """A long report takes seconds to print: the page says so with a progress bar, then saves
    the file under the server's name; a MutationObserver records what was shown meanwhile."""
    _fill(server)
    page.goto("/report")
    page.evaluate(
        """() => {
          window.seen = [];
          const box = document.getElementById("report-status");
          new MutationObserver(() => {
            const bar = box.querySelector("progress");
            window.seen.push([box.hidden, bar.hidden, box.textContent.trim()]);
          }).observe(box, {subtree: true, childList: true, attributes: true, characterData: true});
        }"""
    )
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("link", name="Download the PDF").click()
    download = info.value
    assert download.suggested_filename.startswith("sicoach-report-")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    status = page.get_by_role("status")
    status.filter(has_text="Your PDF is ready").wait_for()
    seen = page.evaluate("window.seen")
    assert any(not box and not bar and "Making your PDF" in text for box, bar, text in seen)
    assert page.locator("#report-status progress").is_hidden()
    assert axe_violations(page) == []
