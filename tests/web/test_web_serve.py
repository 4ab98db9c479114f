"""`sicoach serve`: help text, and a refusal to listen on every address at once."""

from __future__ import annotations


def test_serve_help(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("serve", "--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--open"):
        assert option in result.stdout
    assert "127.0.0.1" in result.stdout


def test_serve_refuses_all_addresses(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "--host" in result.stderr


def test_serve_refuses_bad_port(sicoach) -> None:  # type: ignore[no-untyped-def]
    result = sicoach("serve", "--port", "70000")
    assert result.exit_code == 2
