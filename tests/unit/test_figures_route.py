"""GET /figures/...: the web app serves the drawings as cacheable SVG images."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET

import pytest

from sicoach.services.context import Context

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def client(context: Context):  # type: ignore[no-untyped-def]
    from sicoach.web.app import create_app

    with TestClient(create_app(context), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_animated_figure(client: TestClient) -> None:
    response = client.get("/figures/bridge.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "max-age=86400" in response.headers["cache-control"]
    assert "@keyframes" in response.text
    # Opened on its own, the SVG may use its inline style but nothing else.
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script" not in policy
    ET.fromstring(response.text)


def test_still_frames_by_number_and_name_and_variant(client: TestClient) -> None:
    first = client.get("/figures/cat_cow/1.svg")
    assert first.status_code == 200 and "@keyframes" not in first.text
    assert client.get("/figures/cat_cow/cow.svg").text == first.text
    variant = client.get("/figures/bridge/0.svg", params={"variant": "pregnancy"})
    assert variant.status_code == 200
    assert variant.text != client.get("/figures/bridge/0.svg").text


def test_etag_revalidation(client: TestClient) -> None:
    response = client.get("/figures/supine_twist.svg")
    again = client.get(
        "/figures/supine_twist.svg", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/figures/nope.svg",
        "/figures/bridge/7.svg",
        "/figures/bridge/sideways.svg",
        "/figures/cat_cow.svg?variant=pregnancy",
    ],
)
def test_unknown_figures_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_every_exercise_page_figure_exists(client: TestClient) -> None:
    from sicoach.domain.vocabulary import AEROBIC_ID, EXERCISE_IDS

    for exercise_id in (*EXERCISE_IDS, AEROBIC_ID):
        assert client.get(f"/figures/{exercise_id}.svg").status_code == 200


def test_player_cues_and_one_off_moves(client: TestClient) -> None:
    """The player reads which frames each step shows, then asks for one move per step: it
    plays once (not a loop) in the seconds asked and rests in the last frame."""
    cues = client.get("/figures/knee_to_chest/cues.json").json()
    assert cues["start"] == "start"
    assert cues["cues"]["hold_right"] == ["near_knee_up"]
    assert cues["cues"]["hold_left"] == ["far_knee_up"]
    assert cues["cues"]["release"] == ["start"]
    double = client.get("/figures/double_knee_to_chest/cues.json").json()["cues"]
    assert double["hold"] == ["one_up", "both_up"]  # one knee, then the other
    move = client.get("/figures/pelvic_tilt.svg?frames=relaxed,tilted&seconds=1.5")
    assert move.status_code == 200
    assert "1.5s ease-in-out 1 both" in move.text and "infinite" not in move.text
    assert "(tilted)" in move.text  # the title names where it ends
    ET.fromstring(move.text)
    pregnancy = client.get("/figures/pelvic_tilt/cues.json?variant=pregnancy").json()
    assert pregnancy["cues"]["hold"] == ["tilted"]


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [
        ("frames=relaxed,upside_down", 422, "frames"),
        ("frames=relaxed,tilted&seconds=600", 422, "seconds"),
        ("frames=relaxed,tilted&variant=underwater", 404, "variant"),
    ],
)
def test_bad_moves_name_the_field(client: TestClient, query: str, status: int, field: str) -> None:
    response = client.get(f"/figures/pelvic_tilt.svg?{query}")
    assert response.status_code == status
    if status == 422:  # a 404 page is the site's own; a 422 names the field
        assert field in response.text
