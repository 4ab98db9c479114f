"""A clinician's short message to their patient, on SQLite and PostgreSQL: the rules
(linked clinician only, plain text up to 500 characters, audited), Today showing it until
the patient marks it read (the time recorded), the answer in a check-in note that the
clinician reads on the patient-at-a-glance page, and the pages through the clinic's gate."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from sicoach.services import accounts, audit, messages, signin
from sicoach.services.commands import LogCheckIn, ReadMessage, SendMessage
from sicoach.services.errors import Forbidden, InputError, NotFound
from sicoach.services.handlers import execute
from sicoach.services.policy import Access
from sicoach.web.app import create_app
from tests.integration.clinic_pair import ORIGIN, PASSWORD, csrf, linked_pair, signed_in


@pytest.fixture
def clinic(store_url: str, tmp_path: Path) -> dict[str, Any]:
    """A clinician linked to patient A, patient B, another clinician and an admin."""
    made = linked_pair(store_url, tmp_path)
    ctx = made["ctx"]
    for name, email, role, label in (
        ("other", "roe@c.example", "clinician", "Dr Roe"),
        ("admin", "admin@c.example", "admin", "Ada"),
        ("b", "b@h.example", "patient", "Bo"),
    ):
        account = accounts.add_account(ctx, email, role, label, PASSWORD)
        made["made"][name] = account
        made["tokens"][name] = signin.start_session(ctx, account).token
    for stranger in ("other", "b"):  # not linked: no way onto A's journal at all
        who = signin.current(ctx, made["tokens"][stranger])
        with pytest.raises(Forbidden):
            signin.acting_on(ctx, who, made["a_id"])  # type: ignore[arg-type]
    return made


def test_only_the_linked_clinician_writes_and_the_words_are_checked(clinic: dict[str, Any]) -> None:
    doc, a = clinic["doc"], clinic["a"]
    for someone in (a, dataclasses.replace(doc, access=Access.READ)):
        with pytest.raises(Forbidden):  # the patient themself; a reader without the link
            execute(someone, SendMessage("Keep going"))
    for bad, words in (
        ("   \n ", "write a few words"),
        ("x" * 501, "keep it to 500 characters (it has 501)"),
        ("bell\x07", "plain text"),
        (12, "must be text"),
    ):
        with pytest.raises(InputError) as wrong:
            execute(doc, SendMessage(bad))  # type: ignore[arg-type]
        assert wrong.value.field == "message" and words in wrong.value.message
    assert messages.unread(a) == ()  # nothing half-written
    sent = execute(doc, SendMessage("  Well done this week.\r\n\r\n\r\n\r\nTry  the walk  daily. "))
    assert sent.text == "Well done this week.\n\nTry the walk daily." and sent.by == "Dr Lee"
    assert len(execute(doc, SendMessage("y" * 500)).text) == 500
    events = [(e.action, e.subject_id, e.detail) for e in audit.events_about_me(a)]
    assert events.count(("message.send", clinic["made"]["a"].id, "")) == 2


def test_today_shows_it_until_read_and_the_reply_is_a_note(clinic: dict[str, Any]) -> None:
    doc, a, ctx = clinic["doc"], clinic["a"], clinic["ctx"]
    first = execute(doc, SendMessage("How is the bridge going?"))
    second = execute(doc, SendMessage("Remember the walk."))
    assert [m.id for m in messages.unread(a)] == [second.id, first.id]
    with pytest.raises(Forbidden):
        execute(doc, ReadMessage(first.id))  # the clinician cannot read it for them
    with pytest.raises(NotFound):
        execute(a, ReadMessage(first.id + 100))
    with pytest.raises(InputError):
        execute(a, ReadMessage("first"))
    ctx.clock.advance(minutes=20)
    execute(a, ReadMessage(first.id))
    assert [m.id for m in messages.unread(a)] == [second.id]
    read = {m.id: m.read_at for m in messages.recent(doc)}
    assert read[first.id] is not None and read[second.id] is None
    before = len(audit.events_about_me(a))
    execute(a, ReadMessage(first.id))  # again: kept from the first time, not audited
    assert {m.id: m.read_at for m in messages.recent(doc)}[first.id] == read[first.id]
    assert len(audit.events_about_me(a)) == before
    assert messages.reply_opening(a, str(second.id)) == "Reply to Dr Lee: "
    assert messages.reply_opening(a, "999999") == messages.reply_opening(a, "x") == ""
    execute(a, LogCheckIn(pain=3, note="Reply to Dr Lee: the bridge is fine now"))


def test_the_pages_send_show_answer_and_mark_read(clinic: dict[str, Any]) -> None:
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    a_id = clinic["made"]["a"].id
    origin = ORIGIN
    with signed_in(app, clinic["tokens"]["doc"]) as doc:
        page = doc.get(f"/patients/{a_id}/overview")
        assert page.status_code == 200 and 'id="message-text"' in page.text
        sent = doc.post(
            f"/patients/{a_id}/message",
            data={"csrf_token": csrf(page.text), "message": "<b>Hi</b> & keep going"},
            headers=origin,
            follow_redirects=False,
        )
        assert sent.status_code == 303
        assert sent.headers["location"].startswith(f"/patients/{a_id}/overview?saved=")
        empty = doc.post(
            f"/patients/{a_id}/message",
            data={"csrf_token": csrf(page.text), "message": " "},
            headers=origin,
        )
        assert empty.status_code == 400 and "write a few words" in empty.text
        after = doc.get(f"/patients/{a_id}/overview").text
        assert "&lt;b&gt;Hi&lt;/b&gt; &amp; keep going" in after and "Not read yet" in after
        assert "<b>Hi</b>" not in after
    with signed_in(app, clinic["tokens"]["a"]) as me:
        today = me.get("/").text
        assert "A message from Dr Lee" in today and "&lt;b&gt;Hi&lt;/b&gt;" in today
        message_id = re.search(r'action="/message/(\d+)/read"', today)
        assert message_id is not None
        form = me.get(f"/checkin?reply={message_id.group(1)}").text
        assert re.search(r'<textarea id="note"[^>]*>Reply to Dr Lee: </textarea>', form)
        done = me.post(
            f"/message/{message_id.group(1)}/read",
            data={"csrf_token": csrf(today)},
            headers=origin,
            follow_redirects=False,
        )
        assert done.status_code == 303
        assert "A message from Dr Lee" not in me.get("/").text
        me.post(
            "/checkin",
            data={
                "csrf_token": csrf(form),
                "date": "2026-11-20",
                "pain": "3",
                "note": "Reply to Dr Lee: thanks, all fine",
            },
            headers=origin,
        )
    with signed_in(app, clinic["tokens"]["doc"]) as doc:
        after = doc.get(f"/patients/{a_id}/overview").text
        assert "Read 20 Nov 08:00" in after and "Reply to Dr Lee: thanks, all fine" in after
