"""`sicoach people`: the first admin, listing, turning an account off, links, resets."""

from __future__ import annotations

from pathlib import Path

PASSWORD = "blue kettle morning walk"


def test_people_add_list_disable_link(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n")
    empty = sicoach("people", "list")
    assert empty.exit_code == 0 and "No accounts yet" in empty.stdout
    made = sicoach(
        "people",
        "add",
        "--role",
        "admin",
        "--email",
        "Ada@Clinic.example",
        "--password-file",
        str(secret),
    )
    assert made.exit_code == 0, made.stderr
    assert "Added admin ada@clinic.example" in made.stdout and PASSWORD not in made.stdout
    prompted = sicoach(
        "people",
        "add",
        "--role",
        "clinician",
        "--email",
        "doc@clinic.example",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert prompted.exit_code == 0, prompted.stderr
    invited = sicoach("people", "add", "--email", "pat@home.example", "--invite")
    assert invited.exit_code == 0 and "/join/" in invited.stdout
    linked = sicoach(
        "people", "link", "--clinician", "doc@clinic.example", "--patient", "pat@home.example"
    )
    assert linked.exit_code == 0, linked.stderr
    listing = sicoach("people", "list").stdout
    assert "admin" in listing and "invited" in listing and "doc@clinic.example" in listing
    off = sicoach("people", "disable", "--email", "doc@clinic.example")
    assert off.exit_code == 0 and "off" in sicoach("people", "list").stdout
    assert "/join/" in sicoach("people", "reset", "--email", "pat@home.example").stdout


def test_people_refusals_are_one_line_naming_the_option(sicoach, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    weak = tmp_path / "weak.txt"
    weak.write_text("password1234\n")
    cases = (
        (("--email", "nope", "--invite"), "--email: "),
        (("--email", "a@b.example", "--role", "boss", "--invite"), "--role: "),
        (("--email", "a@b.example", "--password-file", str(weak)), "password: "),
    )
    for args, start in cases:
        result = sicoach("people", "add", *args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert start in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sicoach("people", "disable", "--email", "ghost@b.example").exit_code == 2
