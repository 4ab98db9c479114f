"""`?saved=` notices: a page shows only a message this app itself put in the address.

After a form is saved the app redirects to `/page?saved=Check-in+saved.` and the page
shows that sentence. Anyone can write such a link, though ("?saved=Your doctor says stop
the exercises"), and a page would show it as ours. So each redirect's message is signed
(`&note=` HMAC with the install's secret) on its way out, and a `saved` without a valid
signature is dropped from the request before any page sees it.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SIGNATURE = "note"


class SignedNotices:
    def __init__(self, app: ASGIApp, secret: bytes) -> None:
        self.app = app
        self.secret = secret

    def _sign(self, message: str) -> str:
        digest = hmac.new(self.secret, b"saved:" + message.encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        if "saved" in query:
            scope = dict(scope)
            scope["query_string"] = self._checked(query).encode("latin-1")

        async def signing_send(message: Message) -> None:
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                message["headers"] = [
                    (name, self._signed(value) if name.lower() == b"location" else value)
                    for name, value in message.get("headers", [])
                ]
            await send(message)

        await self.app(scope, receive, signing_send)

    def _checked(self, query: str) -> str:
        pairs = parse_qsl(query, keep_blank_values=True)
        saved = [v for k, v in pairs if k == "saved"]
        given = [v for k, v in pairs if k == SIGNATURE]
        valid = (
            len(saved) == 1
            and len(given) == 1
            and hmac.compare_digest(given[0], self._sign(saved[0]))
        )
        kept = [(k, v) for k, v in pairs if k != SIGNATURE and (valid or k != "saved")]
        return urlencode(kept)

    def _signed(self, location: bytes) -> bytes:
        text = location.decode("latin-1")
        parts = urlsplit(text)
        pairs = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != SIGNATURE
        ]
        saved = [v for k, v in pairs if k == "saved"]
        if len(saved) != 1:
            return location
        pairs.append((SIGNATURE, self._sign(saved[0])))
        return urlunsplit(parts._replace(query=urlencode(pairs))).encode("latin-1")
