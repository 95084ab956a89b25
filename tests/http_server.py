"""Run an ASGI app with uvicorn in a thread on a free loopback port, for tests that need real HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


KEEP_ALIVE_S = 120


@contextmanager
def running(app, timeout: float = 60.0) -> Iterator[str]:
    """Serve ``app`` until the block ends; yield its base URL."""
    port = free_port()
    # Pooled client connections can sit idle past uvicorn's 5 s keep-alive while a slow add runs; the server then
    # closes one just as the client reuses it ("Server disconnected without sending a response").
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_keep_alive=KEEP_ALIVE_S))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def qa_serve(
    corpus, index, env: dict[str, str] | None = None, timeout: float = 240.0, poll: float = 0.3, quiet: bool = False
) -> Iterator[tuple[str, object]]:
    """Run `qa serve` as a real process on a free port; yield (base URL, process) once it answers ``/health``
    (checked every ``poll`` seconds). Killed at the end if alive.

    Its output is captured for tests to read; ``quiet`` discards it instead (a long benchmark would fill the pipe).
    """
    import os
    import subprocess
    import sys

    import httpx

    port = free_port()
    command = [sys.executable, "-m", "qa.cli", "serve", "--corpus", str(corpus), "--index", str(index),
               "--port", str(port)]
    output = subprocess.DEVNULL if quiet else subprocess.PIPE
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=output,
                               stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            assert process.poll() is None, process.stdout.read() if process.stdout else "qa serve exited"
            try:
                httpx.get(base + "/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "qa serve did not come up"
                time.sleep(poll)
        yield base, process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()
