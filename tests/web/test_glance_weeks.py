"""The page at a glance of a long journal: the progress page's own figures, and two weeks of
notes and sessions at a time with links to the weeks before and after (a bounded read)."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from sicoach.services import reports
from sicoach.services.context import Context
from tests.integration.test_progress_window_store import TODAY, _two_years
from tests.journals import store
from tests.web.conftest import WebClient


def test_the_glance_pages_through_two_weeks_at_a_time(client: WebClient, context: Context) -> None:
    assert context.clock.today() == TODAY
    store(context, _two_years())
    page = client.get("/overview")
    assert page.status_code == 200
    figures = reports.progress(context)  # the whole journal's
    assert escape(figures.adherence.summary, quote=False) in page.text
    assert escape(figures.pain.change.summary, quote=False) in page.text
    assert "7 Nov to 20 Nov 2026" in page.text
    older = (TODAY - timedelta(days=14)).isoformat()
    assert f'href="?upto={older}#notes">Two weeks before' in page.text
    assert "Two weeks after" not in page.text

    before = client.get(f"/overview?upto={older}")
    assert before.status_code == 200
    assert "24 Oct to 6 Nov 2026" in before.text
    assert 'href="?upto=2026-11-20#notes">Two weeks after' in before.text
    assert "Nov 07:00" in before.text  # that fortnight's sessions

    first = client.get("/overview?upto=2024-11-25")  # the program's first fortnight
    assert "Two weeks before" not in first.text

    wrong = client.get("/overview?upto=last-week")
    assert wrong.status_code == 400 and "upto" in wrong.text
    ancient = client.get("/overview?upto=0001-01-03")  # paging back would fall off the calendar
    assert ancient.status_code == 400 and "upto" in ancient.text


def test_the_progress_page_shows_the_whole_journal_figures(
    client: WebClient, context: Context
) -> None:
    store(context, _two_years())
    page = client.get("/progress").text
    figures = reports.progress(context)
    for sentence in figures.summaries:
        assert escape(sentence, quote=False) in page
    for hurt in figures.hurt:
        assert f"{hurt.name}: {hurt.count} time" in page
