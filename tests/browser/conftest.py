"""Browser tests: a real `sicoach serve` on a free port and a temporary SQLite file, driven by
Debian's Chromium through Playwright. Every request the page makes must stay on 127.0.0.1.

Screenshots go to artifacts/screenshots/ (not committed) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.forked_serve import ServeProcess

CHROMIUM = "/usr/bin/chromium"
FAKE_NOW = "2026-11-20T08:00:00"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--autoplay-policy=no-user-gesture-required",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything in this folder drives Chromium: mark it so (`-m "not browser"` skips it)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A running `sicoach serve` in a child process, with its own data folder (and more
    options for `serve`, e.g. --phone, in `extra`)."""

    def __init__(self, folder: Path, extra: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.client = httpx.Client(base_url=self.base, timeout=60.0)  # patient under load
        env = {
            **os.environ,
            "SICOACH_FAKE_NOW": FAKE_NOW,
            "SICOACH_DATA_DIR": str(folder),
            "SICOACH_DB": str(folder / "journal.sqlite3"),
        }
        env.pop("SICOACH_DATABASE_URL", None)
        # `sicoach serve` forked from a process that has already imported the app (the
        # imports alone took 2.5 s of CPU per test): see tests/forked_serve.py.
        self.process = ServeProcess(
            ["serve", "--port", str(self.port), *extra], env, folder / "server.log"
        )
        deadline = time.monotonic() + 90  # a loaded machine starts Python slowly
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = folder / "server.log"
                said = log.read_text() if log.exists() else "(it wrote no log)"
                raise RuntimeError(f"serve ended with {self.process.poll()}: {said}")
            try:
                if httpx.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start within 90 s")

    def stop(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def test_authority(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding a local certificate authority made by SI Coach, which the
    suite's Chromium trusts (as a person's phone does once they add it): `serve --phone`
    servers copy it in, so their certificates chain to it."""
    import datetime as dt

    from sicoach.interchange import local_ca

    folder = tmp_path_factory.mktemp("authority")
    local_ca.authority(folder, dt.datetime.now(dt.UTC))
    return folder / local_ca.FOLDER


@pytest.fixture(scope="session")
def browser(test_authority: Path):  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    from sicoach.interchange import local_ca

    # Chromium's allow-list of public keys: a chain holding the authority's key is trusted.
    spki = local_ca.spki_sha256((test_authority / local_ca.CA_CERT).read_bytes())
    args = [*LAUNCH_ARGS, f"--ignore-certificate-errors-spki-list={spki}"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        yield launched
        launched.close()


@pytest.fixture(params=["phone"], ids=["phone"])
def viewport(request: pytest.FixtureRequest) -> str:
    """Phone size (390x844, our user's screen) unless a test asks for both sizes."""
    return str(request.param)


BOTH_SIZES = pytest.mark.parametrize("viewport", list(VIEWPORTS))
"""For the tests that also run on a laptop: at least one per page layout (the wide layout
moves the navigation to the top and widens the player; app.css changes only layout with
the width). A test of behaviour alone runs at phone size."""


class Shots:
    """Saves full-page screenshots named after the test, the viewport and the step."""

    def __init__(self, page, test: str, viewport: str) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.prefix = f"{re.sub(r'[^a-z0-9]+', '_', test.lower()).strip('_')}-{viewport}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def __call__(self, step: str) -> Path:
        path = SCREENSHOTS / f"{self.prefix}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def page(browser, server: Server, viewport: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A fresh browser tab on the server; fails the test if any request leaves 127.0.0.1.

    The service worker is blocked here (each new tab would otherwise fill its offline cache
    first); test_web_pwa.py runs the app with it.
    """
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        base_url=server.base,
        accept_downloads=True,
        service_workers="block",
    )
    outside: list[str] = []
    context.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlsplit(r.url).scheme not in ("data", "blob")
            and urlsplit(r.url).hostname != "127.0.0.1"
            else None
        ),
    )
    tab = context.new_page()
    tab.set_default_timeout(30_000)  # a loaded 2-core machine renders slowly
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} for {r.url}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    tab.shots = Shots(tab, request.node.originalname, viewport)
    yield tab
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"script errors or missing files on the page: {errors}"


def first_use(page, pain: int = 5, flags: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    """Fill the short first-use page with ordinary answers (it lands on Today). With
    `flags`, then answer yes to those signs on the session's safety questions."""
    page.goto("/")
    page.wait_for_url("**/welcome")
    page.get_by_label("I understand that SI Coach does not replace my doctor.").check()
    page.get_by_label("Year you were born").fill("1984")
    choose(page, "pain", pain)
    page.get_by_role("button", name="See today's routine").click()
    if flags:
        page.wait_for_url("**/?saved=*")
        page.goto("/session")
        for code in flags:
            page.locator(f'input[name="flag"][value="{code}"]').check()
        page.get_by_role("button", name="Start session").click()
        page.goto("/safety")


def welcomed(server: Server, pain: int = 5) -> None:
    """The answers `first_use` gives, sent to the first-use page's own handler before a tab
    opens, as the page's form sends them (its hidden fields included): for the tests that
    start from a made profile. test_web_first_use.py fills in the page in the browser."""
    form = server.client.get("/welcome")
    fields: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.text):
        fields.setdefault(name, []).append(value)
    answers = {"understood": "on", "birth_year": "1984", "pregnancy": "none", "pain": str(pain)}
    sent = server.client.post(
        "/welcome", data={**fields, "due_date": "", "delivery_date": "", **answers}
    )
    assert sent.status_code == 303, sent.text  # on to Today, as `first_use` waits for
    assert sent.headers["location"].startswith("/?saved="), sent.headers["location"]


def choose(page, name: str, value: int) -> None:  # type: ignore[no-untyped-def]
    """Pick a value on a 0-10 scale by clicking its big button."""
    page.locator(f'label.scale-option:has(input[name="{name}"][value="{value}"])').click()


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def have_chromium() -> bool:
    return shutil.which(CHROMIUM) is not None


def wait_until(page, expression: str, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until a JavaScript expression is true, asking the page every 100 ms.

    Playwright's `wait_for_function` re-evaluates a string inside the page, which our
    Content-Security-Policy (no 'unsafe-eval') refuses now and then; `evaluate` goes through
    the DevTools protocol, which the policy does not govern.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(100)


def wait_for_saved_exercises(server: Server, count: int, timeout: float = 30.0) -> None:
    """Wait on the server's state (not on the network going quiet) until the latest session
    holds at least `count` saved exercises."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sessions = server.client.get("/api/v1/journal").json()["sessions"]
        if sessions and len(sessions[-1]["exercises"]) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} exercises saved after {timeout} s")
