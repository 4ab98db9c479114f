"""No telemetry: FastAPI's own OpenTelemetry bridge stays off even when the process has a
tracer, meter and logger provider set up and the environment asks it to configure itself
(run in a fresh interpreter, since a provider is set once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys, warnings
from pathlib import Path
from opentelemetry import _logs, metrics, trace

asked = []

class Tracers(trace.TracerProvider):
    def get_tracer(self, *args, **kwargs):
        asked.append("tracer")
        return trace.NoOpTracer()

class Meters(metrics.MeterProvider):
    def get_meter(self, *args, **kwargs):
        asked.append("meter")
        return metrics.NoOpMeter("probe")

class Loggers(_logs.LoggerProvider):
    def get_logger(self, *args, **kwargs):
        asked.append("logger")
        return _logs.NoOpLogger("probe")

trace.set_tracer_provider(Tracers())
metrics.set_meter_provider(Meters())
_logs.set_logger_provider(Loggers())

from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url
from sicoach.web.app import create_app
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

folder = Path(sys.argv[1])
app = create_app(Context(Settings(sqlite_url(folder / "t.sqlite3"), folder)))
with TestClient(app, base_url="http://127.0.0.1:8000") as client:
    statuses = [client.get(path).status_code for path in ("/healthz", "/", "/api/v1/plan")]
print(json.dumps({"asked": asked, "statuses": statuses}))
"""


def test_no_tracer_meter_or_logger_is_ever_asked_for(tmp_path: Path) -> None:
    env = {**os.environ, "FASTAPI_OTEL_AUTO_CONFIGURE": "true", "SICOACH_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["statuses"][0] == 200  # the app answered
    assert said["asked"] == []
