"""The journal's field checks and limits, for a face that marks a field as it is typed.

A form or an option parser refuses a wrong field at once in the journal's own words (the
same sentence as the import and the API); the command's handler still checks every value
when it runs, so nothing is stored unchecked. Each check raises `JournalError` naming the
field it was given.
"""

from __future__ import annotations

from sicoach.domain.field_checks import MAX_DIGITS as MAX_DIGITS
from sicoach.domain.field_checks import check_activity_kind as check_activity_kind
from sicoach.domain.field_checks import check_date as check_date
from sicoach.domain.field_checks import check_minutes as check_minutes
from sicoach.domain.field_checks import check_rating as check_rating
from sicoach.domain.validation import validate_profile as validate_profile
