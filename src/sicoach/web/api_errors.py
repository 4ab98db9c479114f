"""The API's error bodies, described once: what every 4xx/503 answer looks like, and the
OpenAPI schema that says so (FastAPI's default 422 schema describes a list under `detail`,
which is not what this app sends).

Every error body is `{"detail": <one sentence, or an object for a refusal with context>}`;
a service's refusal adds the `field` it names, and a 422 from the request's shape adds
`errors`: `[{"loc": [...], "msg": ..., "type": ...}]`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_ITEM = {
    "title": "ValidationError",
    "type": "object",
    "required": ["loc", "msg", "type"],
    "properties": {
        "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
        "msg": {"type": "string"},
        "type": {"type": "string"},
    },
}
PROBLEM = {
    "title": "Problem",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"anyOf": [{"type": "string"}, {"type": "object"}]},
        "field": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
    },
}
WHY = {
    "400": "The request could not be read.",
    "404": "No such record (e.g. no session with that id).",
    "409": "It conflicts with what is stored, or safety says stop today.",
    "413": "The body is larger than the limit for every way in.",
    "415": "A write must be sent as application/json.",
    "422": "A field is wrong; `detail` names it, `errors` lists each problem.",
    "503": "The database is busy (see Retry-After), full or read-only; nothing was saved.",
}


def error_items(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pydantic's error list cut to the documented fields (its `input` may not be JSON)."""
    return [
        {
            "loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "invalid")),
            "type": str(e.get("type", "value_error")),
        }
        for e in errors
    ]


def describe_errors(app: FastAPI) -> None:
    """Make `app.openapi()` document the error bodies and codes the API really sends."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["ValidationError"] = ERROR_ITEM
        schemas["HTTPValidationError"] = PROBLEM
        problem = {
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}
            }
        }
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                codes = ["400", "503"]  # 400: e.g. a query with a broken character
                if "{" in path:
                    codes.append("404")
                if method in ("post", "put", "patch"):
                    codes += ["409", "413", "415", "422"]
                responses = operation.setdefault("responses", {})
                for code in codes:
                    responses.setdefault(code, {"description": WHY[code], **problem})
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
