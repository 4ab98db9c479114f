"""`sicoach figure ID --out FILE.svg|FILE.png [--frame N] [--variant pregnancy]`."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image


def test_writes_an_animated_svg(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bridge.svg"
    result = sicoach("figure", "bridge", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert "@keyframes" in text
    assert ET.fromstring(text).get("role") == "img"
    assert "Wrote" in result.stdout


def test_writes_a_still_png_of_one_frame(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cat.png"
    result = sicoach("figure", "cat_cow", "--out", str(out), "--frame", "2", "--width", "400")
    assert result.exit_code == 0, result.stderr
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert image.format == "PNG" and image.width == 400
    shades = sum(1 for count in image.convert("L").histogram() if count)
    assert shades > 10  # not blank


def test_pregnancy_variant(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tilt.svg"
    result = sicoach("figure", "pelvic_tilt", "--variant", "pregnancy", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "wall" in out.read_text()


def test_unknown_id_names_the_field_and_writes_nothing(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.svg"
    result = sicoach("figure", "handstand", "--out", str(out))
    assert result.exit_code == 2
    assert "ID" in result.stderr and "handstand" in result.stderr
    assert not any(p.suffix in (".svg", ".tmp") for p in tmp_path.iterdir())


def test_bad_extension_frame_and_variant_exit_2(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (["bridge", "--out", str(tmp_path / "b.gif")], "--out"),
        (["bridge", "--out", str(tmp_path / "b.svg"), "--frame", "9"], "--frame"),
        (["cat_cow", "--out", str(tmp_path / "c.svg"), "--variant", "pregnancy"], "--variant"),
        (["bridge", "--out", str(tmp_path / "missing" / "b.svg")], "--out"),
    ]
    for args, field in cases:
        result = sicoach("figure", *args)
        assert result.exit_code == 2, args
        assert field in result.stderr, (args, result.stderr)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_help_describes_every_option(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("figure", "--help")
    assert result.exit_code == 0
    for option in ("--out", "--frame", "--variant", "--width"):
        assert option in result.stdout
