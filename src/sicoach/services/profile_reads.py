"""The profile alone, kept between writes like `cached_reads` (settings, first use and the
profile API need nothing else of the journal, so they never read it)."""

from __future__ import annotations

from sicoach.domain.journal import Profile
from sicoach.services.context import Context
from sicoach.services.read_cache import cache_for


def profile(ctx: Context) -> Profile | None:
    """The person's profile (None before first use): the today page's memo of the last two
    weeks holds it when it is current, else one row is read."""
    cache = cache_for(ctx)
    recent = cache.peek("recent")  # `cached_reads.recent_journal`
    if recent is not None:
        return recent.profile  # type: ignore[no-any-return]

    def read() -> Profile | None:
        with ctx.uow(read_only=True) as uow:
            return uow.journal.get_profile()

    return cache.get("profile", read)
