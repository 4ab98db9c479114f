"""In-process web tests: the app on a temporary SQLite file with a fixed clock."""

from __future__ import annotations

import re
import warnings

import pytest

from sicoach.services.context import Context

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1:8000"


class WebClient(TestClient):
    """A test client that knows the page's CSRF token and sends it with forms."""

    def token(self, path: str = "/welcome") -> str:
        page = self.get(path)
        match = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def form_token(self, path: str = "/welcome") -> str:
        """The token as the page's forms carry it (a hidden field)."""
        page = self.get(path)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert match, f"no CSRF field on {path}"
        return match.group(1)

    def submit(self, path: str, data: dict[str, object], **kwargs: object):  # type: ignore[no-untyped-def]
        fields = dict(data)
        fields.setdefault("csrf_token", self.form_token())
        return self.post(path, data=fields, follow_redirects=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def app(context: Context):  # type: ignore[no-untyped-def]
    from sicoach.web.app import create_app

    return create_app(context)


@pytest.fixture
def client(app) -> WebClient:  # type: ignore[no-untyped-def]
    with WebClient(app, base_url=BASE) as c:
        yield c


WELCOME = {
    "understood": "on",
    "pain": "5",
    "mobility": "4",
    "birth_year": "1984",
    "sex": "female",
    "pregnancy": "none",
    "sedentary_job": "on",
    "training_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
}


@pytest.fixture
def person(client: WebClient) -> WebClient:
    """A client whose person has finished first use (no red flags)."""
    response = client.submit("/welcome", WELCOME)
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith("/?")
    return client
