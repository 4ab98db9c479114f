"""API fuzzing: schemathesis drives a live `sicoach serve` from its own OpenAPI document.

Valid and invalid requests for every operation, a bounded number of each (seeded, so a
failure can be replayed): no answer may be a server error, and every answer must be
documented — its status code, content type, headers and body as the schema says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.live_server import LiveServer

pytestmark = pytest.mark.slow
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer.in_folder(Path(tmp_path_factory.mktemp("api-fuzz")))
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_is_documented_and_none_is_a_server_error(
    live: LiveServer, mode: GenerationMode
) -> None:
    schema = schemathesis.openapi.from_url(f"{live.base}/api/v1/openapi.json")
    cases = schema.as_strategy(generation_mode=mode)

    @seed(14)
    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, _=st.just(None))
    def call(case, _) -> None:  # type: ignore[no-untyped-def]
        case.call_and_validate(base_url=live.base, checks=CHECKS, timeout=30)

    call()
