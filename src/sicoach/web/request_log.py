"""Structured logs: one JSON object a line, each carrying the request's id.

Every request gets an id (the proxy's `X-Request-ID` when it sends a sane one, else a new
one), returned in the response's `X-Request-ID` and stamped on every log line written while
it runs (slow queries included), so one request can be followed across processes. A request
line names the route's pattern (`/api/v1/checkins/{day}/not-so`), never the path itself,
the query or the body: no health data ever reaches a log.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sicoach.services.read_cache import one_request

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_FIELDS = ("duration_ms", "statement", "method", "route", "status")
access_log = logging.getLogger("sicoach.access")


class JsonLines(logging.Formatter):
    """A log record as one JSON object: time, level, logger, message, request id, fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": REQUEST_ID.get(),
        }
        line.update({k: getattr(record, k) for k in _FIELDS if hasattr(record, k)})
        if record.exc_info:
            line["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "error"
        return json.dumps(line)


def configure_logging(requests: bool) -> None:
    """JSON lines on stderr for our loggers; `requests` adds one line per request."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root = logging.getLogger("sicoach")
    root.handlers[:] = [handler]
    root.propagate = False
    root.setLevel(logging.WARNING)
    access_log.setLevel(logging.INFO if requests else logging.WARNING)


class RequestLog:
    """ASGI middleware: gives each request its id and logs its pattern, status and time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        began = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            with one_request():
                await self.app(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            access_log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - began) * 1000, 1),
                },
            )
            REQUEST_ID.reset(token)
