"""Which address `sicoach serve` may listen on.

In personal mode (no sign-in) anyone who can reach the server can read and change the
journal, so only loopback addresses are accepted. The text is parsed with `ipaddress`, never
compared as a string: "0", "0x0", "000.000.000.000", "*", "::0" all mean "every address" to
the socket layer, and a LAN address reaches the whole network. "localhost" is resolved and
must name loopback addresses only.
"""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK_HINT = "use 127.0.0.1 (the default), ::1 or localhost"


class BindingError(ValueError):
    """The address cannot be used; the message says why in plain words."""


def loopback_address(host: str) -> str:
    """The loopback address to listen on for `host`, else `BindingError`."""
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if text.lower() == "localhost":
        return _resolve_localhost()
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise BindingError(
            f"{host!r} is not an IP address written in full; {LOOPBACK_HINT}"
        ) from None
    if address.is_unspecified:
        raise BindingError(
            f"{host!r} means every address of this computer, so anyone on your network could "
            f"read and change your journal; {LOOPBACK_HINT}"
        )
    if not address.is_loopback:
        raise BindingError(
            f"{host!r} can be reached from other computers, and SI Coach has no sign-in to "
            f"protect your journal there; {LOOPBACK_HINT}"
        )
    return str(address)


def _resolve_localhost() -> str:
    try:
        found = socket.getaddrinfo("localhost", None, proto=socket.IPPROTO_TCP)
    except OSError:
        raise BindingError(f"'localhost' cannot be resolved here; {LOOPBACK_HINT}") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    if not addresses or not all(a.is_loopback for a in addresses):
        raise BindingError(
            "'localhost' points at an address other computers can reach on this machine; "
            "use 127.0.0.1"
        )
    return str(addresses[0])


def clinic_address(host: str) -> str:
    """Clinic mode (everyone signs in): any address of this computer, 0.0.0.0 included,
    written as an IP address."""
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if text.lower() == "localhost":
        return _resolve_localhost()
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise BindingError(f"{host!r} is not an IP address written in full") from None


def phone_address_of(host: str) -> str:
    """The one address the phone listener takes (an IP written in full; never "every
    address": the certificate names exactly the address phones use)."""
    text = host.strip().strip("[]")
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise BindingError(f"{host!r} is not an IP address written in full") from None
    if address.is_unspecified:
        raise BindingError(f"{host!r} means every address; give the one your phone uses")
    return str(address)
