"""The Locust users of bench/load.py: patients and their clinicians, in realistic proportions.

Patients (9 in 10): Today most often, then progress, a check-in, a guided session saving
each exercise as it ends. Clinicians: the worklist and a patient at a glance. Both hit the
bare /healthz as the reference. Each user signs in with a session bench/load.py made for it
(the file named by SICOACH_BENCH_SESSIONS: clinician and patient tokens, patient account ids).
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

from locust import HttpUser, between, task

EXERCISES = ("pelvic_tilt", "bridge", "cat_cow")


def _sessions() -> dict[str, Any]:
    with open(os.environ["SICOACH_BENCH_SESSIONS"]) as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


SESSIONS = _sessions()


class Patient(HttpUser):
    weight = 9
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.cookies.set(SESSIONS["cookie"], random.choice(SESSIONS["patients"]))

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
        with self.client.post(
            "/api/v1/sessions", json={"pain_before": 2}, name="session start", catch_response=True
        ) as started:
            if started.status_code == 409:  # safety says stop: a patient with a recent sign
                started.success()
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


class Clinician(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.cookies.set(SESSIONS["cookie"], SESSIONS["clinician"])

    @task(3)
    def worklist(self) -> None:
        self.client.get("/patients", name="worklist")

    @task(2)
    def glance(self) -> None:
        patient = random.choice(SESSIONS["patient_ids"])
        self.client.get(f"/patients/{patient}/overview", name="patient at a glance")

    @task(1)
    def bare(self) -> None:
        self.client.get("/healthz", name="bare /healthz")
