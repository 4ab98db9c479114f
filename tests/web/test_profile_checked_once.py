"""The profile a form sends is checked once, by the command's handler (first use and the
profile settings used to check it in the form and again in the services)."""

from __future__ import annotations

import pytest

from sicoach.domain import field_checks, validation
from sicoach.services import journal as journal_service
from tests.web.conftest import WELCOME, WebClient


@pytest.fixture
def birth_year_checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every check of a birth year, wherever the journal's field check is called from."""
    seen: list[object] = []
    real = field_checks.check_birth_year

    def counting(value: object, *args: object) -> object:
        seen.append(value)
        return real(value, *args)  # type: ignore[arg-type]

    for module in (field_checks, validation, journal_service):
        monkeypatch.setattr(module, "check_birth_year", counting)
    return seen


def test_first_use_checks_the_profile_once(
    client: WebClient, birth_year_checks: list[object]
) -> None:
    response = client.submit("/welcome", WELCOME)
    assert response.status_code == 303, response.text
    assert birth_year_checks == [1984]


def test_a_profile_change_checks_it_once(
    person: WebClient, birth_year_checks: list[object]
) -> None:
    response = person.submit("/settings/profile", {**WELCOME, "birth_year": "1970"})
    assert response.status_code == 303, response.text
    assert birth_year_checks == [1970]


def test_a_wrong_field_is_named_by_the_one_check(
    client: WebClient, birth_year_checks: list[object]
) -> None:
    response = client.submit("/welcome", {**WELCOME, "birth_year": "2030"})
    assert response.status_code == 400
    assert "2030" in response.text and birth_year_checks == [2030]
