"""Request guards: the write token, security headers, a request-size limit, one error shape."""

from __future__ import annotations

import hmac
import os
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_ENV = "QUOTEGRAPH_TOKEN"

# Everything the pages use is served from the package: no inline script, no other origin.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def load_token(token_file: str | None = None) -> str | None:
    """The write token: from ``token_file`` when given, else the QUOTEGRAPH_TOKEN variable."""
    if token_file:
        return Path(token_file).read_text(encoding="utf-8").strip() or None
    return os.environ.get(TOKEN_ENV, "").strip() or None


def token_matches(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


class Guard:
    """ASGI middleware: adds the security headers to every response and refuses request bodies
    over ``max_body`` bytes (by Content-Length, and by counting when the body is streamed)."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _too_large(send_with_headers, self.max_body)
            return
        if length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # no Content-Length: read the body here, up to the limit, then hand it on
            body = await _read_limited(receive, self.max_body)
            if body is None:
                await _too_large(send_with_headers, self.max_body)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)


async def _read_limited(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > limit:
            return None
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _too_large(send: Send, limit: int) -> None:
    from .errors import error_body

    body = error_body(413, f"the request body is over the limit of {limit} bytes")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
