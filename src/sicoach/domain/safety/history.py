"""Rules on who the person is: a history that changes what back pain can mean."""

from __future__ import annotations

from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.wording import BOOK_VISIT, SRC_CANCER


@rule("cancer_history", Level.SEE_DOCTOR, SRC_CANCER)
def cancer_history(f: Facts) -> list[Reason]:
    """A `cancer` history in the profile -> `cancer_history`, always.

    Age over 50 with new pain is another cancer flag in the same pathway; we do not raise it
    on its own (most of our users are over 45, and a warning shown to everyone stops being
    read). Their pain is watched by `pain_not_improved` after 4 weeks instead.
    """
    if f.profile is None or "cancer" not in f.profile.history:
        return []
    return [
        Reason(
            "cancer_history",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Because you have had cancer before, new back pain should be checked "
            "by your doctor, even if it feels like an ordinary backache.",
            SRC_CANCER,
        )
    ]
