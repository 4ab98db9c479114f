"""One function per user action, grouped by area: the only API the faces call."""
