"""Global ids in tests: `gid("Segment", pk)` for a row made outside the API, `pk(id)` to find its row."""

from __future__ import annotations

import base64


def gid(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def pk(global_id: str) -> int:
    type_name, _, raw = base64.b64decode(global_id).decode().partition(":")
    assert type_name and raw.isascii() and raw.isdigit(), global_id
    return int(raw)


def type_of(global_id: str) -> str:
    return base64.b64decode(global_id).decode().partition(":")[0]
