"""The computer's own certificate authority (`serve --phone`): facts a phone checks, read
back with `cryptography`, and the one-time pairing desk's rules on a pinned clock."""

from __future__ import annotations

import datetime as dt
import ipaddress
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from sicoach.interchange import local_ca
from sicoach.services.errors import InputError
from sicoach.services.pairing import LINK_MINUTES, PairingDesk, PairingRefused

NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
NAMES = ["192.168.1.20", "study-pc", "study-pc.local"]


def _certs(path: Path) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(path.read_bytes())


def test_server_certificate_names_the_lan_address_and_serves_tls_only(tmp_path: Path) -> None:
    files = local_ca.server_files(tmp_path, NAMES, NOW)
    server, authority = _certs(files.cert_chain)
    assert files.authority is not None
    assert _certs(files.authority) == [authority]
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("192.168.1.20")]
    assert san.get_values_for_type(x509.DNSName) == ["study-pc", "study-pc.local"]
    usage = server.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.key_cert_sign
    eku = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert server.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    lifetime = server.not_valid_after_utc - server.not_valid_before_utc
    assert lifetime <= dt.timedelta(days=398)  # phones refuse longer server certificates
    assert server.not_valid_before_utc <= NOW < server.not_valid_after_utc
    server.verify_directly_issued_by(authority)  # signed by the authority, signature checked


def test_authority_may_sign_end_certificates_only(tmp_path: Path) -> None:
    local_ca.server_files(tmp_path, NAMES, NOW)
    (authority,) = _certs(tmp_path / "tls" / local_ca.CA_CERT)
    constraints = authority.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca and constraints.value.path_length == 0
    usage = authority.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign and not usage.digital_signature
    assert authority.subject == authority.issuer
    assert authority.not_valid_after_utc - NOW > dt.timedelta(days=3000)


def test_private_keys_are_the_owners_alone_and_the_authority_is_made_once(tmp_path: Path) -> None:
    local_ca.server_files(tmp_path, NAMES, NOW)
    folder = tmp_path / "tls"
    for name in (local_ca.CA_KEY, local_ca.SERVER_KEY):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    first_ca = (folder / local_ca.CA_CERT).read_bytes()
    first_server = (folder / local_ca.SERVER_CERT).read_bytes()
    local_ca.server_files(tmp_path, NAMES, NOW + dt.timedelta(days=1))
    assert (folder / local_ca.SERVER_CERT).read_bytes() == first_server  # still good: kept
    local_ca.server_files(tmp_path, ["192.168.1.31", "study-pc"], NOW + dt.timedelta(days=2))
    assert (folder / local_ca.CA_CERT).read_bytes() == first_ca  # the phone keeps trusting it
    moved, _ = _certs(folder / local_ca.SERVER_CERT)
    san = moved.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("192.168.1.31")]
    local_ca.server_files(tmp_path, ["192.168.1.31", "study-pc"], NOW + dt.timedelta(days=380))
    renewed, _ = _certs(folder / local_ca.SERVER_CERT)
    assert renewed.not_valid_after_utc > moved.not_valid_after_utc  # renewed near its end


def test_a_pairing_link_works_once_and_for_ten_minutes() -> None:
    desk = PairingDesk("https://192.168.1.20:8443")
    token = desk.new_link(NOW).rsplit("/", 1)[1]
    late = NOW + dt.timedelta(minutes=LINK_MINUTES)
    assert desk.link_usable(token, NOW) and not desk.link_usable(token, late)
    with pytest.raises(PairingRefused):
        desk.open_link(token, "Chrome on Android", late)
    token = desk.new_link(NOW).rsplit("/", 1)[1]
    older = desk.new_link(NOW).rsplit("/", 1)[1]
    with pytest.raises(PairingRefused):  # a newer link replaces an unused older one
        desk.open_link(token, "Chrome on Android", NOW)
    secret, code = desk.open_link(older, "Chrome on Android", NOW)
    with pytest.raises(PairingRefused):  # used: never twice
        desk.open_link(older, "Chrome on Android", NOW)
    assert desk.code_of(secret, NOW) == code and len(code) == 6
    assert [w.code for w in desk.waiting(NOW)] == [code]
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    with pytest.raises(InputError, match="no phone is waiting"):
        desk.approve(wrong, NOW)
    with pytest.raises(InputError, match="6 digits"):
        desk.approve("12", NOW)
    assert desk.approve(f"{code[:3]} {code[3:]}", NOW) == "Chrome on Android"
    assert desk.waiting(NOW) == []
