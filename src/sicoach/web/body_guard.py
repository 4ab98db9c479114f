"""Request bodies: one size limit for every way in, and one strict JSON reader for the API.

- Size: a declared Content-Length over the limit is refused at once, and the bytes are
  counted while they stream in, so a body without a length (chunked) is cut off at the
  limit too; either way 413 and nothing is kept in memory beyond the limit. The limit is
  the import's (`MAX_FILE_BYTES`): a form, an upload and an API body are never larger.
- JSON: an API body is read with `sicoach.interchange.strict_json` (no duplicate keys, NaN,
  1e400, huge integers or broken characters) before the route sees it; a refusal is a 422
  naming the field, shaped like every other 422 of the API.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sicoach.interchange.journal_json import MAX_FILE_BYTES
from sicoach.interchange.strict_json import loads
from sicoach.services.errors import JournalError

TOO_LARGE = f"the request is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, our limit"


class BodyTooLarge(Exception):
    """Raised from `receive` once more bytes came in than the limit allows."""


def problem(status: int, detail: str, field: str | None = None) -> tuple[int, bytes]:
    """A JSON error body as the API's schema describes it (`detail`, maybe `errors`)."""
    body: dict[str, Any] = {"detail": detail}
    if field is not None:
        body["errors"] = [
            {"loc": ["body", *field.split(".")], "msg": detail, "type": "value_error"}
        ]
    return status, json.dumps(body).encode()


class BodyGuard:
    def __init__(self, app: ASGIApp, limit: int = MAX_FILE_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, send)
            return
        is_api_json = scope["path"].startswith("/api/") and headers.get("content-type", "").split(
            ";"
        )[0].strip().endswith("json")
        if is_api_json and not scope["path"].startswith("/api/v1/journal"):
            await self._strict_json(scope, receive, send)
            return
        await self._counted(scope, receive, send)

    async def _counted(self, scope: Scope, receive: Receive, send: Send) -> None:
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(scope, send)

    async def _strict_json(self, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.limit:
                await _too_large(scope, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body:
            try:
                loads(body.decode("utf-8"), where="body")
            except UnicodeDecodeError:
                await _answer(send, *problem(422, "body: is not UTF-8 text", "body"))
                return
            except JournalError as error:
                await _answer(send, *problem(422, str(error), error.path))
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, send: Send) -> None:
    if scope["path"].startswith("/api/"):
        await _answer(send, *problem(413, TOO_LARGE))
    else:
        text = f"Nothing was saved: {TOO_LARGE}. Go back and send less."
        await _answer(send, 413, text.encode(), b"text/plain; charset=utf-8")


async def _answer(send: Send, status: int, body: bytes, kind: bytes = b"application/json") -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
