"""Network helpers for tests that start real servers on 127.0.0.1."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on now (the OS picks it; two test runs never share one)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
