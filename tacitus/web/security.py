"""What stands between a request and the API: host check, body size limit, security headers,
the token, and rate limits on the one expensive endpoint.

Why an ASGI middleware for the first three: they must hold for every route, the dashboard's and
the API's, before any of our code reads the request.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Our pages load only our own script and stylesheet; nothing inline, nothing from elsewhere. Even if
# some text were ever written into the page as markup, the browser would not run it.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Guard:
    """ASGI middleware: refuse unknown Host headers (400) and bodies over `max_bytes` (413), and
    add the security headers to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int, allowed_hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if not self._host_ok(headers.get(b"host", b"").decode("latin-1")):
            await _refuse(send, 400, "unknown Host header; this server answers only its own address")
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _refuse(send, 413, f"request body over the limit of {self.max_bytes} bytes")
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body = await _read_body(receive, self.max_bytes)
            if body is None:
                await _refuse(send, 413, f"request body over the limit of {self.max_bytes} bytes")
                return
            receive = _replay(body)
        await self.app(scope, receive, send)

    def _host_ok(self, host: str) -> bool:
        if self.allowed_hosts is None:
            return True
        return _strip_port(host).lower() in self.allowed_hosts


def _strip_port(host: str) -> str:
    """"127.0.0.1:8000" -> "127.0.0.1"; "[::1]:8000" -> "::1"."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _read_body(receive: Receive, limit: int) -> list[Message] | None:
    """Read the whole body (chunked or not); None as soon as it passes `limit` bytes."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message]) -> Receive:
    queue = deque(messages)

    async def receive() -> Message:
        if queue:
            return queue.popleft()
        return {"type": "http.disconnect"}

    return receive


def _with_headers(send: Send) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
        await send(message)

    return sender


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})


def token_ok(expected: str | None, authorization: str | None) -> bool:
    """True when no token is configured, or the request carries `Bearer <token>`."""
    if expected is None:
        return True
    if not authorization or not authorization.startswith("Bearer "):
        return False
    return hmac.compare_digest(authorization[len("Bearer "):].encode(), expected.encode())


class RateLimit:
    """At most `per_minute` calls per client address in any 60-second window."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float:
        """0 when the call may go ahead (and counts it); else seconds until it may."""
        now = self._clock()
        with self._lock:
            calls = self._calls.setdefault(client, deque())
            while calls and now - calls[0] >= 60:
                calls.popleft()
            if len(calls) >= self.per_minute:
                return 60 - (now - calls[0])
            calls.append(now)
            if len(self._calls) > 10_000:  # forget idle clients so the table stays small
                self._calls = {k: v for k, v in self._calls.items() if v and now - v[-1] < 60}
            return 0.0
