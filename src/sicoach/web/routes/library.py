"""The exercise library, one exercise in detail, and the education pages (Learn)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from sicoach.web.templating import context_of, render

router = APIRouter(include_in_schema=False)


@router.get("/exercises")
def exercises_page(request: Request) -> Response:
    catalog = context_of(request).catalog
    return render(
        request,
        "exercises.html",
        {"exercises": sorted(catalog.exercises, key=lambda e: e.order), "aerobic": catalog.aerobic},
        active="exercises",
    )


@router.get("/exercises/{exercise_id}")
def exercise_page(request: Request, exercise_id: str) -> Response:
    catalog = context_of(request).catalog
    if exercise_id == catalog.aerobic.id:
        return render(request, "aerobic.html", {"item": catalog.aerobic}, active="exercises")
    if not catalog.has_exercise(exercise_id):
        raise HTTPException(status_code=404, detail="No exercise has that name.")
    return render(
        request, "exercise.html", {"e": catalog.exercise(exercise_id)}, active="exercises"
    )


@router.get("/learn")
def learn_page(request: Request) -> Response:
    catalog = context_of(request).catalog
    return render(request, "learn.html", {"sections": catalog.education}, active="learn")
