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


ALL_INTERFACES = ("0", "0x0", "000.000.000.000", "*", "::0", "0:0:0:0:0:0:0:0", "[::]", "")
OTHER_COMPUTERS = ("192.168.1.20", "10.0.0.5", "::ffff:192.168.1.20", "fe80::1", "example.org")


def test_serve_refuses_every_spelling_of_every_address(sicoach) -> None:  # type: ignore[no-untyped-def]
    for host in ALL_INTERFACES + OTHER_COMPUTERS:
        result = sicoach("serve", "--host", host)
        assert result.exit_code == 2, (host, result.stdout)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: --host:"), (host, lines)
        assert "127.0.0.1" in lines[0]
        assert "running" not in result.stdout


def test_loopback_addresses_and_localhost_are_accepted() -> None:
    from sicoach.web.binding import loopback_address

    assert loopback_address("127.0.0.1") == "127.0.0.1"
    assert loopback_address("127.0.0.2") == "127.0.0.2"
    assert loopback_address("[::1]") == "::1"
    assert loopback_address("localhost") in ("127.0.0.1", "::1")


def test_a_port_in_use_is_one_line_and_exit_1(sicoach) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = sicoach("serve", "--port", str(port))
    assert result.exit_code == 1
    assert "running" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--port" in lines[0] and str(port) in lines[0], lines


def test_phone_options_are_refused_where_they_cannot_work(sicoach, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cert = tmp_path / "c.pem"
    cert.write_text("x")
    for args, named in (
        (("--tls-cert", str(cert), "--tls-key", str(cert)), "--tls-cert"),
        (("--phone", "--clinic"), "--phone"),
        (("--phone", "--workers", "2"), "--phone"),
        (("--phone", "--phone-address", "0.0.0.0"), "--phone-address"),
        (("--phone", "--phone-address", "127.0.0.1", "--tls-cert", str(cert)), "--tls-key"),
    ):
        result = sicoach("serve", "--port", "8", *args)
        assert result.exit_code == 2, (args, result.stdout)
        assert result.stderr.startswith(f"Error: {named}") or named in result.stderr, args
        assert "running" not in result.stdout


def test_the_listener_turns_nagle_off_for_every_connection() -> None:
    """Each accepted connection has TCP_NODELAY (inherited from the listener, which also
    says it is TCP so asyncio sets it too): with Nagle on, every response after the first
    on a kept-alive connection waited for the client's delayed ACK (about 40 ms)."""
    import socket

    from sicoach.cli.serve_commands import _listen

    listener = _listen("127.0.0.1", 0)
    with listener, socket.create_connection(listener.getsockname()[:2]) as client:
        accepted, _ = listener.accept()
        with accepted:
            assert listener.proto == socket.IPPROTO_TCP
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            assert client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # the default
