"""ASGI middleware that keeps the server responsive under too much input: body size and admission limits.

Too large a body gets 413 before it is read into memory; more requests than the server can work on wait in a
bounded queue, and past its length or waiting time get 503 with ``Retry-After`` instead of hanging.
"""

from __future__ import annotations

import asyncio
import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Checks the declared Content-Length up front and counts the bytes of chunked bodies as they arrive."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return f"요청 본문이 너무 큽니다 (최대 {self.max_bytes:,} 바이트)."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _reply(send, 413, self._message())
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)


class AdmissionLimit:
    """At most ``max_in_flight`` requests under ``paths`` are worked on at once; ``max_queued`` more may wait up
    to ``timeout_s`` for a turn. CPU-bound answering gains nothing from more parallelism on a small machine."""

    def __init__(
        self, app: ASGIApp, paths: tuple[str, ...], max_in_flight: int, max_queued: int, timeout_s: float
    ) -> None:
        self.app = app
        self.paths = paths
        self.max_in_flight = max_in_flight
        self.max_queued = max_queued
        self.timeout_s = timeout_s
        self.waiting = 0
        self._slots: asyncio.Semaphore | None = None  # made in the server's event loop, on first use

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.paths):
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_in_flight)
        if self.waiting >= self.max_queued:
            await _reply(send, 503, "서버가 바쁩니다. 잠시 후 다시 시도해 주세요 (queue full).", retry_after=1)
            return
        self.waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout_s)
        except TimeoutError:
            await _reply(send, 503, "서버가 바쁩니다. 잠시 후 다시 시도해 주세요 (waited too long).", retry_after=1)
            return
        finally:
            self.waiting -= 1
        try:
            await self.app(scope, receive, send)
        finally:
            self._slots.release()


async def _reply(send: Send, status: int, detail: str, retry_after: int | None = None) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
