"""SI Coach: a guided, local-first home exercise companion for SI joint and low-back pain."""

__version__ = "0.1.0"
