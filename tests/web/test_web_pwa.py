"""The installable app, in process: manifest, icons, worker script, offline list, calendar feed."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from icalendar import Calendar
from PIL import Image

from tests.web.conftest import WebClient


def test_manifest_names_the_app_its_icons_and_start_page(client: WebClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] == "SI Coach"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_every_manifest_icon_is_a_png_of_its_stated_size(client: WebClient) -> None:
    for icon in client.get("/manifest.webmanifest").json()["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        if icon["type"] != "image/png":
            continue
        width, height = (int(n) for n in icon["sizes"].split("x"))
        image = Image.open(io.BytesIO(response.content))
        assert image.size == (width, height)
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ()) > 2, "the icon is blank"


def test_an_icon_of_an_unknown_size_is_not_found(client: WebClient) -> None:
    assert client.get("/icons/icon-7.png").status_code == 404


def test_worker_is_served_from_the_root_with_its_version_written_in(client: WebClient) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["cache-control"] == "no-cache"
    assert "__SHELL_VERSION__" not in response.text
    assert re.search(r'const VERSION = "[0-9a-f]{16}";', response.text)


def test_every_page_links_the_manifest_the_worker_script_and_the_offline_marker(
    person: WebClient,
) -> None:
    for path in ("/", "/session", "/exercises", "/settings", "/settings/phone"):
        text = person.get(path).text
        assert '<link rel="manifest" href="/manifest.webmanifest">' in text, path
        assert '<script src="/static/pwa.js" defer></script>' in text, path
        # The worker swaps this marker for the offline line when it serves a stored copy.
        assert "<!--sicoach:offline-line-->" in text, path


def test_everything_kept_offline_can_be_fetched(person: WebClient) -> None:
    listing = person.get("/pwa/precache.json").json()
    assert "/api/v1/session/script" in listing["urls"]
    assert "/figures/bridge.svg" in listing["urls"]
    assert "/static/player.js" in listing["urls"]
    for url in listing["urls"]:
        assert person.get(url).status_code == 200, url


def test_the_calendar_feed_needs_its_private_token(person: WebClient) -> None:
    page = person.get("/settings/phone").text
    match = re.search(r"http://127\.0\.0\.1:8000/calendar/([0-9a-f]{32})\.ics", page)
    assert match, "the phone page shows the feed's address"
    assert "webcal://127.0.0.1:8000/calendar/" in page
    assert "<svg" in page, "the phone page shows a QR code"

    assert person.get("/calendar/" + "0" * 32 + ".ics").status_code == 404
    feed = person.get(f"/calendar/{match.group(1)}.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    alarms = list(events[0].walk("VALARM"))
    assert alarms and alarms[0].decoded("trigger") == timedelta(0)


def test_the_feed_alarm_is_at_the_reminder_time_on_training_days(person: WebClient) -> None:
    saved = person.submit(
        "/settings/plan",
        {"included": ["pelvic_tilt", "bridge"], "reminder_time": "18:45"},
    )
    assert saved.status_code == 303
    token = re.search(r"/calendar/([0-9a-f]{32})\.ics", person.get("/settings/phone").text)
    assert token
    feed = person.get(f"/calendar/{token.group(1)}.ics").text
    (event,) = Calendar.from_ical(feed).walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.hour, start.minute) == (18, 45)
    assert event.decoded("rrule")["FREQ"] == ["WEEKLY"]
    assert person.get("/pwa/reminder.json").json() == {"time": "18:45", "training_day": True}


def test_without_a_reminder_time_the_open_app_has_nothing_to_remind(person: WebClient) -> None:
    assert person.get("/pwa/reminder.json").json() == {"time": None, "training_day": True}
