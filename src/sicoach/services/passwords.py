"""Passwords: Argon2id hashes (through pwdlib) and the rules a new password must meet.

A password is never logged, stored or echoed: only its hash is kept, and refusals name the
field and the rule, never the value. Checking a password against no account still runs one
hash (`verify_or_waste`), so the time taken does not tell whether an email exists.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from sicoach.services.errors import InputError

MIN_LENGTH = 12
MAX_LENGTH = 256


@cache
def _hasher() -> Any:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    # OWASP's first Argon2id setting (19 MiB, 2 passes, 1 lane): about 0.2 s per hash here.
    return PasswordHash((Argon2Hasher(time_cost=2, memory_cost=19456, parallelism=1),))


@cache
def _dummy_hash() -> str:
    return str(_hasher().hash("a password that belongs to no account"))


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("sicoach.content").joinpath("common_passwords.txt").read_text()
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def check_new_password(password: str, email: str = "", field: str = "password") -> None:
    """`InputError` naming `field` when the password is too short, too long or too common."""
    if len(password) < MIN_LENGTH:
        raise InputError(field, f"use at least {MIN_LENGTH} characters (a few words work well)")
    if len(password) > MAX_LENGTH:
        raise InputError(field, f"use at most {MAX_LENGTH} characters")
    lowered = password.lower()
    local = email.split("@", 1)[0].lower()
    if (
        lowered in common_passwords()
        or len(set(lowered)) <= 2
        or (len(local) >= 4 and local in lowered)
    ):
        raise InputError(field, "this password is too easy to guess; choose another")


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify(password: str, hashed: str | None) -> bool:
    """Whether `password` matches `hashed`; with no hash, one wasted hash and False."""
    if hashed is None:
        _hasher().verify(password, _dummy_hash())
        return False
    try:
        return bool(_hasher().verify(password, hashed))
    except Exception:  # an unreadable stored hash: no sign-in, never a crash
        return False
