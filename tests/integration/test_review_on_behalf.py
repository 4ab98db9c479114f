"""A linked clinician records a review on the patient's behalf, on SQLite and PostgreSQL:
only the linked clinician (never the patient through this door), named as the reviewer,
audited, with the same rules as the patient's own review (the emergency yes), and the
patient's safety message then reads as after a review they recorded themself."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from sicoach.domain.safety import Level
from sicoach.interchange.journal_json import journal_to_dict
from sicoach.services import audit, journal, journal_transfer, reviews, safety
from sicoach.services.commands import LogCheckIn, RecordReviewFor
from sicoach.services.errors import Forbidden, InputError
from sicoach.services.handlers import execute
from sicoach.services.policy import Access
from sicoach.web.app import create_app
from sicoach.web.clinic import session_cookie_name
from tests.integration.clinic_pair import ORIGIN, csrf, linked_pair, signed_in


@pytest.fixture
def clinic(store_url: str, tmp_path: Path) -> dict[str, Any]:
    return linked_pair(store_url, tmp_path)


def test_the_linked_clinician_records_it_in_their_name(clinic: dict[str, Any]) -> None:
    a, doc = clinic["a"], clinic["doc"]
    with pytest.raises(InputError) as nothing_open:
        execute(doc, RecordReviewFor(None, "carry_on"))
    assert nothing_open.value.field == "advice"
    execute(a, LogCheckIn(pain=5, symptoms=("calf_swelling",)))
    assert safety.assess(a).level is Level.URGENT
    for someone in (a, dataclasses.replace(doc, access=Access.READ)):
        with pytest.raises(Forbidden):
            execute(someone, RecordReviewFor(None, "carry_on"))
    with pytest.raises(InputError) as bad:
        execute(doc, RecordReviewFor(None, "rest"))
    assert bad.value.field == "advice" and reviews.review_history(a) == ()

    execute(doc, RecordReviewFor(None, "gently", "no clot found"))
    [saved] = reviews.review_history(a)
    assert saved.recorded_by == "Dr Lee" and saved.advice == "gently"
    assert saved.note == "no clot found" and "calf_swelling" in (saved.settles or ())
    assert reviews.open_signs(a) == []
    assert safety.assess(a).level is not Level.URGENT  # as after the patient's own review
    assert journal_to_dict(journal.load_journal(a))["reviews"][0]["recorded_by"] == "Dr Lee"
    events = [(e.action, e.actor_label) for e in audit.events_about_me(a)]
    assert ("review.record", "Dr Lee") in events

    # The same name read back from a file is marked as the file's word, once however often
    # it is imported: a patient's file cannot pass a review off as their clinician's.
    document = journal_to_dict(journal.load_journal(a))
    for _ in range(2):
        journal_transfer.import_journal(a, json.dumps(document), replace=True)
        [imported] = reviews.review_history(a)
        assert imported.recorded_by == "Dr Lee (named in an imported file)"
        document = journal_to_dict(journal.load_journal(a))


def test_an_emergency_sign_needs_the_clinicians_yes(clinic: dict[str, Any]) -> None:
    a, doc = clinic["a"], clinic["doc"]
    execute(a, LogCheckIn(pain=6, symptoms=("saddle_numbness",)))
    with pytest.raises(InputError) as no_yes:
        execute(doc, RecordReviewFor(None, "carry_on"))
    assert no_yes.value.field == "yes" and "if you checked them for it" in no_yes.value.message
    assert reviews.review_history(a) == ()
    execute(doc, RecordReviewFor(None, "carry_on", emergency_checked=True))
    assert reviews.open_signs(a) == [] and safety.assess(a).level is not Level.EMERGENCY


def test_the_page_records_it_and_the_patients_banner_follows(clinic: dict[str, Any]) -> None:
    execute(clinic["a"], LogCheckIn(pain=5, symptoms=("calf_swelling",)))
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    origin = ORIGIN
    base = f"/patients/{clinic['a_id']}"
    with signed_in(app, clinic["tokens"]["a"]) as client:
        assert "see a doctor today" in client.get("/").text.lower()
        client.cookies.set(session_cookie_name(False), clinic["tokens"]["doc"])
        page = client.get(f"{base}/overview").text
        assert 'action="/patients/' in page and "Record your review" in page
        form = {"csrf_token": csrf(page), "date": "2026-11-20", "advice": "carry_on"}
        done = client.post(
            f"{base}/review/on-behalf", data=form, headers=origin, follow_redirects=False
        )
        assert done.status_code == 303 and "/overview?saved=" in done.headers["location"]
        after = client.get(f"{base}/overview").text
        assert "recorded by Dr Lee" in after and "Record your review" not in after
        again = client.post(f"{base}/review/on-behalf", data=form, headers=origin)
        assert again.status_code == 400 and "no warning sign waiting" in again.text
        client.cookies.set(session_cookie_name(False), clinic["tokens"]["a"])
        assert "see a doctor today" not in client.get("/").text.lower()
        assert "carry on as before, recorded by Dr Lee" in client.get("/review").text
