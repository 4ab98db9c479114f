"""Probes for a process manager or proxy: alive, and ready to serve (also the benchmark's
bare endpoint)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

router = APIRouter()


@router.get("/healthz", response_class=PlainTextResponse, include_in_schema=False)
def healthz() -> str:
    """The process is alive (touches nothing else)."""
    return "ok"


@router.get("/readyz", response_class=PlainTextResponse, include_in_schema=False)
def readyz(request: Request) -> PlainTextResponse:
    """The database answers and its schema is current: send this process traffic."""
    from sicoach.services.operations import readiness

    problem = readiness(request.app.state.context)
    if problem is None:
        return PlainTextResponse("ready")
    return PlainTextResponse(f"not ready: {problem}", status_code=503)
