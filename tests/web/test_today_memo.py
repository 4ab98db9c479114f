"""The today page is memoised between writes (per journal version): a clinician's message,
a message marked read and the day's safety screen answered each move the version, so the
very next Today shows them, although none changes the plan's derived state."""

from __future__ import annotations

from sqlalchemy import text

from sicoach.services import cached_reads, journal, messages, safety
from sicoach.services.commands import ReadMessage, SendMessage
from sicoach.services.context import Context
from sicoach.services.read_cache import one_request
from sicoach.store.engine import get_engine
from tests.web.conftest import WebClient

SCREEN_TITLE = "Since yesterday, have you noticed any of these?"


def test_a_message_sent_and_read_shows_then_goes_on_the_next_today(
    person: WebClient, context: Context
) -> None:
    assert "A message from" not in person.get("/").text  # the memo is warm now
    before = journal.journal_version(context)
    sent = messages.send_message(context, SendMessage("Try the walk after lunch."))
    assert journal.journal_version(context) != before
    page = person.get("/").text
    assert "A message from your clinician" in page and "Try the walk after lunch." in page
    assert person.get("/").text.count("Try the walk after lunch.") == 1  # memo hit: same page
    read = journal.journal_version(context)
    messages.read_message(context, ReadMessage(str(sent.id)))
    assert journal.journal_version(context) != read
    assert "Try the walk after lunch." not in person.get("/").text
    unchanged = journal.journal_version(context)
    messages.read_message(context, ReadMessage(str(sent.id)))  # read again: nothing written
    assert journal.journal_version(context) == unchanged


def test_the_screen_answered_leaves_the_next_today(person: WebClient, context: Context) -> None:
    assert SCREEN_TITLE in person.get("/").text  # due once a day before a session
    before = journal.journal_version(context)
    questions = safety.screen_questions(context)
    safety.record_screen(context, {q.code: False for q in questions})
    assert journal.journal_version(context) != before
    assert SCREEN_TITLE not in person.get("/").text


def test_a_message_sent_in_a_request_is_seen_by_that_requests_next_read(
    person: WebClient, context: Context
) -> None:
    with one_request():
        assert cached_reads.unread_messages(context) == ()
        messages.send_message(context, SendMessage("Rest today."))
        assert [m.text for m in cached_reads.unread_messages(context)] == ["Rest today."]


def test_a_journal_without_a_version_is_never_memoised(person: WebClient, context: Context) -> None:
    """An old journal's copy put back has no version row yet: nothing would tell a change."""
    engine = get_engine(context.settings.database_url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM person_state"))
    assert journal.journal_version(context) is None
    assert cached_reads.recent_journal(context).profile.birth_year == 1984  # type: ignore[union-attr]
    with engine.begin() as conn:
        conn.execute(text("UPDATE profile SET birth_year = 1950"))
    assert cached_reads.recent_journal(context).profile.birth_year == 1950  # type: ignore[union-attr]
