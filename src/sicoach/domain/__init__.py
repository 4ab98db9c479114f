"""Pure domain: standard library only, no I/O, the clock passed in."""
