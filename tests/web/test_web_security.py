"""The server only talks to itself: Host, Origin, CSRF, JSON-only API writes, headers."""

from __future__ import annotations

from tests.web.conftest import WELCOME, WebClient


def test_security_headers_on_every_response(client: WebClient) -> None:
    for path in ("/healthz", "/welcome", "/static/app.css", "/api/v1/safety", "/nowhere"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "img-src 'self' data:" in csp and "style-src 'self'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_foreign_host_refused(client: WebClient) -> None:
    """DNS rebinding: a foreign name pointed at 127.0.0.1 gets nothing."""
    for host in ("evil.example", "evil.example:8000", "127.0.0.1:9999", "192.168.1.5:8000"):
        response = client.get("/healthz", headers={"host": host})
        assert response.status_code == 403, host
    assert client.get("/healthz", headers={"host": "localhost:8000"}).status_code == 200


def test_foreign_origin_refused(client: WebClient) -> None:
    token = client.form_token()
    data = {**WELCOME, "csrf_token": token}
    for origin in ("http://evil.example", "https://127.0.0.1:8000", "http://127.0.0.1:9999"):
        response = client.post(
            "/welcome", data=data, headers={"origin": origin}, follow_redirects=False
        )
        assert response.status_code == 403, origin
    response = client.post(
        "/api/v1/activities",
        json={"kind": "walking", "minutes": 20},
        headers={"origin": "http://evil.example"},
    )
    assert response.status_code == 403
    assert client.get("/api/v1/activities").json() == []


def test_origin_null_only_from_the_same_site(client: WebClient) -> None:
    token = client.form_token()
    data = {**WELCOME, "csrf_token": token}
    cross = client.post(
        "/welcome",
        data=data,
        headers={"origin": "null", "sec-fetch-site": "cross-site"},
        follow_redirects=False,
    )
    assert cross.status_code == 403
    same = client.post(
        "/welcome",
        data=data,
        headers={"origin": "null", "sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert same.status_code == 303


def test_form_without_csrf_token_refused(client: WebClient) -> None:
    client.get("/welcome")
    response = client.post("/welcome", data=WELCOME, follow_redirects=False)
    assert response.status_code == 403
    assert "expired" in response.text
    forged = client.post(
        "/welcome", data={**WELCOME, "csrf_token": "abc.def"}, follow_redirects=False
    )
    assert forged.status_code == 403
    assert client.get("/", follow_redirects=False).headers["location"] == "/welcome"


def test_csrf_token_must_match_the_cookie(client: WebClient) -> None:
    token = client.form_token()
    client.cookies.clear()
    response = client.post(
        "/welcome", data={**WELCOME, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 403


def test_api_writes_must_be_json(client: WebClient) -> None:
    response = client.post("/api/v1/activities", data={"kind": "walking", "minutes": "20"})
    assert response.status_code == 415


def test_csrf_secret_is_kept_per_install(context, client: WebClient) -> None:  # type: ignore[no-untyped-def]
    key = context.settings.data_dir / "web-secret.key"
    assert key.exists()
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_no_page_refers_to_another_host(person: WebClient) -> None:
    for path in ("/", "/checkin", "/activity", "/session", "/exercises", "/learn", "/settings"):
        text = person.get(path).text
        assert "http://" not in text and "https://" not in text, path
        assert "<script>" not in text and " style=" not in text, path


def test_no_docs_page_that_would_load_a_cdn(client: WebClient) -> None:
    assert client.get("/api/docs").status_code == 404
    assert client.get("/docs").status_code == 404
    assert client.get("/api/v1/openapi.json").status_code == 200
