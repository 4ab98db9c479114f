"""The exercise library, one exercise in detail, and the education pages (Learn)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from sicoach.services.figures import find_figure
from sicoach.web.templating import context_of, render

router = APIRouter(include_in_schema=False)


def still_src(exercise_id: str, variant: str | None = None) -> str:
    """The key frame as a still picture: the library shows no looping animation (the
    player alone moves its figure, in time with its own steps)."""
    still = find_figure(exercise_id, variant).still
    return f"/figures/{exercise_id}/{still}.svg" + (f"?variant={variant}" if variant else "")


@router.get("/exercises")
def exercises_page(request: Request) -> Response:
    catalog = context_of(request).catalog
    return render(
        request,
        "exercises.html",
        {
            "exercises": sorted(catalog.exercises, key=lambda e: e.order),
            "aerobic": catalog.aerobic,
            "stills": {e.id: still_src(e.id) for e in catalog.exercises},
        },
        active="exercises",
    )


@router.get("/exercises/{exercise_id}")
def exercise_page(request: Request, exercise_id: str) -> Response:
    catalog = context_of(request).catalog
    if exercise_id == catalog.aerobic.id:
        return render(request, "aerobic.html", {"item": catalog.aerobic}, active="exercises")
    if not catalog.has_exercise(exercise_id):
        raise HTTPException(status_code=404, detail="No exercise has that name.")
    exercise = catalog.exercise(exercise_id)
    stills = {v.key: still_src(exercise_id, v.key) for v in exercise.variants}
    stills[""] = still_src(exercise_id)
    return render(request, "exercise.html", {"e": exercise, "stills": stills}, active="exercises")


@router.get("/learn")
def learn_page(request: Request) -> Response:
    catalog = context_of(request).catalog
    return render(request, "learn.html", {"sections": catalog.education}, active="learn")
