"""One router per area of the app; each module exposes `router`."""
