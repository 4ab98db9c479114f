"""The forms on the patient-at-a-glance page refuse bad input as the patient's own forms do,
on SQLite and PostgreSQL: the page again (400) with the message under the field in error
(tied to it, the only field marked invalid, so the page's script brings it into view), the
clinician's words kept, and nothing written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sicoach.services import messages, plan, reviews
from sicoach.services.commands import (
    ChangeExercise,
    HandBackTrainingDays,
    LogCheckIn,
    PlanChange,
    SetTrainingDays,
)
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.web.app import create_app
from tests.integration.clinic_pair import ORIGIN, csrf, linked_pair, signed_in


@pytest.fixture
def clinic(store_url: str, tmp_path: Path) -> dict[str, Any]:
    """Dr Lee linked to Ann, who reported an urgent sign and has Bridge left out (so the
    review and bring-back forms are on the page)."""
    made = linked_pair(store_url, tmp_path)
    execute(made["a"], LogCheckIn(pain=4, symptoms=("calf_swelling",)))
    execute(made["doc"], ChangeExercise(PlanChange.LEAVE_OUT, "bridge", "wait for the review"))
    return made


CASES = [
    # (form's address, what is sent, the field's id, words of its message, a kept value)
    ("message", {"message": "x" * 501}, "message-text", "keep it to 500", "x" * 501),
    ("review/on-behalf", {"date": "", "note": "seen"}, "review-date", "give a date", "seen"),
    (
        "review/on-behalf",
        {"date": "2026-11-20", "advice": "rest", "note": "n1"},
        "review-advice",
        "advice",
        "n1",
    ),
    (
        "plan/leave_out",
        {"exercise": "pelvic_tilt", "reason": " ", "back": "/overview"},
        "leave-reason",
        "say in a few words why",
        'value="pelvic_tilt" selected',
    ),
    (
        "plan/include",
        {"exercise": "bridge", "reason": "", "back": "/overview"},
        "back-reason",
        "say in a few words why",
        'value="bridge" selected',
    ),
    (
        "plan/hold",
        {"exercise": "nope", "reason": "r2", "back": "/overview"},
        "dose-exercise",
        "is not an exercise",
        'value="r2"',
    ),
    (
        "plan/dose",
        {"exercise": "pelvic_tilt", "reps": "99", "reason": "r3", "back": "/overview"},
        "amount-reps",
        "outside the guide",
        'value="99"',
    ),
    (
        "plan/aerobic",
        {"week_minutes": "200", "walk_minutes": "10", "reason": "r4"},
        "walk-week",
        "in steps of 5",
        'value="200"',
    ),
    (
        "plan/pregnancy",
        {"forms": "maybe", "reason": "r5"},
        "forms-on",
        "not a choice",
        'value="r5"',
    ),
    ("plan/days", {"reason": "r6"}, "days-mon", "choose at least one day", 'value="r6"'),
]


def _state(clinic: dict[str, Any]) -> tuple[Any, ...]:
    """What any of the forms could write."""
    a, doc = clinic["a"], clinic["doc"]
    return (
        plan.physio_choices(doc),
        plan.get_choices(a),
        reviews.review_history(a),
        messages.recent(doc),
    )


def test_every_form_comes_back_with_its_message_under_the_field(clinic: dict[str, Any]) -> None:
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    base = f"/patients/{clinic['a_id']}"
    client = signed_in(app, clinic["tokens"]["doc"])
    origin = ORIGIN
    before = _state(clinic)
    with client:
        page = client.get(f"{base}/overview").text
        token = csrf(page)
        assert "aria-invalid" not in page
        for address, data, field, words, kept in CASES:
            sent = client.post(
                f"{base}/{address}", data={"csrf_token": token, **data}, headers=origin
            )
            assert sent.status_code == 400, (address, sent.text[:300])
            html = sent.text
            shown = re.search(rf'<p class="field-error" id="{field}-error">(.*?)</p>', html)
            assert shown is not None and words in shown.group(1), (address, field)
            assert f'aria-describedby="{field}-error" aria-invalid="true"' in html
            assert html.count('aria-invalid="true"') == 1, address  # the one to focus
            assert html.count('class="field-error"') == 1, address
            assert kept in html, (address, kept)
            assert "form_errors.js" in html and "at a glance" in html
            assert _state(clinic) == before, address  # nothing written


def test_the_patients_settings_show_the_days_the_physio_chose(clinic: dict[str, Any]) -> None:
    """The physio's training days stand: Settings says who chose them, when and why, and
    offers the note to ask, with no checkboxes to change them."""
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    execute(clinic["doc"], SetTrainingDays(("mon", "thu"), "two days to start"))
    client = signed_in(app, clinic["tokens"]["a"])
    with client:
        page = client.get("/settings").text
    said = "Your physio Dr Lee chose them on 20 Nov: <strong>Monday, Thursday</strong>."
    assert said in page and "“two days to start”" in page and 'href="/checkin"' in page
    assert 'type="checkbox" name="training_days"' not in page
    kept = re.findall(r'<input type="hidden" name="training_days" value="(\w+)">', page)
    assert kept == ["mon", "thu"]


def test_the_physio_hands_the_days_back_and_the_patient_chooses_again(
    clinic: dict[str, Any],
) -> None:
    """A physio's choice of days can be handed back (with a reason the patient reads):
    then the patient's own change goes through; a patient cannot hand back, and nothing
    is handed back twice."""
    a, doc = clinic["a"], clinic["doc"]
    with pytest.raises(InputError) as nothing_to_free:
        execute(doc, HandBackTrainingDays("your call"))
    assert nothing_to_free.value.field == "days"
    execute(doc, SetTrainingDays(("mon", "thu"), "two days to start"))
    with pytest.raises(InputError):
        execute(a, SetTrainingDays(("tue",)))
    with pytest.raises(InputError) as not_yours:
        execute(a, HandBackTrainingDays("mine"))
    assert "only your physio" in str(not_yours.value)
    app = create_app(clinic["ctx"], host="127.0.0.1", port=8000)
    base = f"/patients/{clinic['a_id']}"
    with signed_in(app, clinic["tokens"]["doc"]) as client:
        page = client.get(f"{base}/overview").text
        assert 'action="/patients/' in page and "Let the patient choose their days" in page
        form = {"csrf_token": csrf(page), "reason": " "}
        empty = client.post(f"{base}/plan/days_free", data=form, headers=ORIGIN)
        assert empty.status_code == 400 and 'id="free-reason-error"' in empty.text
        assert plan.physio_days(a) is not None  # nothing written
        form["reason"] = "pick what suits your week"
        done = client.post(
            f"{base}/plan/days_free", data=form, headers=ORIGIN, follow_redirects=False
        )
        assert done.status_code == 303
        assert "Let the patient choose their days" not in client.get(f"{base}/overview").text
        twice = client.post(f"{base}/plan/days_free", data=form, headers=ORIGIN)
        shown = re.search(r'<p class="field-error" id="free-reason-error">(.*?)</p>', twice.text)
        assert twice.status_code == 400 and shown is not None
        assert "already chooses their own training days" in shown.group(1)
    assert plan.physio_days(a) is None
    assert plan.get_choices(a).training_days == (0, 3)  # the days stay until she changes them
    execute(a, SetTrainingDays(("tue", "fri")))
    assert plan.get_choices(a).training_days == (1, 4)
    with signed_in(app, clinic["tokens"]["a"]) as client:
        today = client.get("/").text
        settings = client.get("/settings").text
    assert "let you choose your training days again" in today
    assert "“pick what suits your week”" in today
    assert 'type="checkbox" name="training_days"' in settings
