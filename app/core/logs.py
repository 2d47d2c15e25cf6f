"""Logging: text for people, JSON lines for machines (MEMBERHUB_LOG_FORMAT), with the request's id and team.

The HTTP edge (app/web/observability.py) opens a request context; authentication adds the team; every
record logged while the request runs carries both, whichever logger wrote it.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from app.core import tracing
from app.core.ids import encode_id

# A dict per request, shared (not copied) by the tasks the request starts, so a team bound late is seen.
_request: ContextVar[dict[str, Any] | None] = ContextVar("memberhub_request", default=None)
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def open_request(request_id: str) -> dict[str, Any]:
    context: dict[str, Any] = {"request_id": request_id}
    _request.set(context)
    return context


def bind_team(team_id: int) -> None:
    """Called once the caller is authenticated: the request's logs name its team (as a global id)."""
    context = _request.get()
    if context is not None:
        context["team_id"] = encode_id("Team", team_id)
    tracing.tag_current_span("memberhub.team_id", encode_id("Team", team_id))


def request_fields() -> dict[str, Any]:
    return dict(_request.get() or {})


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, team_id, any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **request_fields(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        fields = request_fields()
        return f"{text} [{' '.join(f'{k}={v}' for k, v in fields.items())}]" if fields else text


def configure_logging(log_format: str, level: str = "INFO") -> None:
    """The root handler for our loggers and uvicorn's (started with log_config=None)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JSONFormatter() if log_format == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
