"""Network helpers for tests that start real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 120  # a loaded machine takes over 10 s to import the app and migrate-check


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on now (the OS picks it; two test runs never share one)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ApiProcess:
    """A real MemberHub process started by a test, answering on `url`."""

    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.asynccontextmanager
async def api_process(env: Mapping[str, str] | None = None, command: Sequence[str] = ("serve",),
                      ) -> AsyncIterator[ApiProcess]:
    """`python -m app.cli <command> --port P`, yielded once /healthz answers; stopped on exit.

    A process that dies while starting fails the test at once with what it printed, rather than
    after the whole wait.
    """
    port = free_port()
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty server can never block on it
        process = subprocess.Popen(  # noqa: ASYNC220 - a real API process beside the test's event loop
            [sys.executable, "-m", "app.cli", *command, "--port", str(port)], cwd=ROOT,
            env=dict(os.environ if env is None else env), stdout=log, stderr=subprocess.STDOUT)
        server = ApiProcess(port, process)
        try:
            await _until_healthy(server, log)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


async def _until_healthy(server: ApiProcess, log: IO[bytes]) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=5) as client:
        for _ in range(START_SECONDS * 10):
            if server.process.poll() is not None:
                log.seek(0)
                raise AssertionError(f"the process on port {server.port} exited with {server.process.returncode}:\n"
                                     + log.read().decode(errors="replace")[-4000:])
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"the process on port {server.port} did not answer /healthz within {START_SECONDS} s")
