"""The Locust users of bench/load.py: a patient's day in the app, in realistic proportions.

Today's page most often, then progress, a check-in, a guided session saving each exercise as
it ends, and the bare /healthz beside them as the reference.
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

EXERCISES = ("pelvic_tilt", "knee_to_chest", "bridge")


class Patient(HttpUser):
    wait_time = between(1, 3)

    @task(6)
    def today(self) -> None:
        self.client.get("/", name="today")

    @task(2)
    def progress(self) -> None:
        self.client.get("/api/v1/progress", name="progress")

    @task(1)
    def check_in(self) -> None:
        body = {"pain": random.randint(1, 3), "mobility": random.randint(6, 8), "symptoms": []}
        self.client.post("/api/v1/checkins", json=body, name="check-in")

    @task(1)
    def session(self) -> None:
        started = self.client.post(
            "/api/v1/sessions", json={"pain_before": 2}, name="session start"
        )
        if started.status_code != 201:
            return
        sid = started.json()["id"]
        for exercise in EXERCISES:
            self.client.post(
                f"/api/v1/sessions/{sid}/exercises",
                json={"id": exercise, "reps": 5, "pain": 1},
                name="exercise save",
            )
        self.client.post(
            f"/api/v1/sessions/{sid}/finish", json={"pain_after": 1}, name="session finish"
        )

    @task(2)
    def bare(self) -> None:
        self.client.get("/healthz", name="bare /healthz")
