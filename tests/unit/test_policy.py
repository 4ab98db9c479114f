"""The authorisation policy, whole: every role against every kind of request."""

from __future__ import annotations

import pytest

from sicoach.domain.accounts import Role
from sicoach.services.policy import Access, Need, Principal, allows, journal_access

PATIENT_A = Principal(1, Role.PATIENT, "a")
CLINICIAN = Principal(3, Role.CLINICIAN, "c")
ADMIN = Principal(5, Role.ADMIN, "admin")


def test_journal_access_by_role_and_link() -> None:
    assert journal_access(PATIENT_A, 1, linked=False) is Access.OWNER
    assert journal_access(PATIENT_A, 2, linked=False) is Access.NONE
    assert journal_access(PATIENT_A, 2, linked=True) is Access.NONE  # patients never link
    assert journal_access(CLINICIAN, 1, linked=True) is Access.PROGRAM
    assert journal_access(CLINICIAN, 1, linked=False) is Access.NONE
    assert journal_access(CLINICIAN, 3, linked=False) is Access.NONE  # has no diary
    assert journal_access(ADMIN, 1, linked=False) is Access.NONE
    assert journal_access(ADMIN, 1, linked=True) is Access.PROGRAM


EXPECTED = {
    # need: (anonymous, owner patient, other patient, linked clinician, other clinician, admin)
    Need.PUBLIC: (True, True, True, True, True, True),
    Need.SIGNED_IN: (False, True, True, True, True, True),
    Need.JOURNAL_READ: (False, True, False, True, False, False),
    Need.JOURNAL_WRITE: (False, True, False, False, False, False),
    Need.PROGRAM: (False, True, False, True, False, False),
    Need.CARE: (False, False, False, True, False, False),  # the linked clinician alone
    Need.CLINICIAN: (False, False, False, True, True, False),
    Need.ADMIN: (False, False, False, False, False, True),
}


@pytest.mark.parametrize("need", list(Need))
def test_every_need_against_every_kind_of_person(need: Need) -> None:
    people = (
        (None, Access.NONE),
        (Role.PATIENT, Access.OWNER),
        (Role.PATIENT, Access.NONE),
        (Role.CLINICIAN, Access.PROGRAM),
        (Role.CLINICIAN, Access.NONE),
        (Role.ADMIN, Access.NONE),
    )
    got = tuple(allows(role, access, need) for role, access in people)
    assert got == EXPECTED[need]
