"""The app as each of `serve --workers N`'s processes builds it: from the environment the
parent set (settings, the clock, the bound address), so every process is the same."""

from __future__ import annotations

import os

from fastapi import FastAPI

from sicoach.services.context import build_context
from sicoach.services.operations import keep_connections_open
from sicoach.web.app import create_app
from sicoach.web.request_log import configure_logging


def app_from_environment() -> FastAPI:
    configure_logging(requests=os.environ.get("SICOACH_ACCESS_LOG") == "1")
    host, port = os.environ.get("SICOACH_SERVE_ADDRESS", "127.0.0.1 8000").split()
    services = build_context()
    keep_connections_open(services.settings)  # before the first use of its database
    return create_app(services, host=host, port=int(port))
