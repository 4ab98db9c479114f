"""Routes of the journal area."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
