"""Routes of the settings area."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
