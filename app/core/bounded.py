"""A least-recently-used map bounded by the total cost (in bytes) of what it holds: the in-process caches of
encoded member responses (app/access/tree_json.py, app/access/shared_graphql.py, app/community/shared_graphql.py)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


class BoundedLRU(Generic[V]):
    """Values with a cost each; storing past `max_bytes` drops the least recently used first, and a value
    costing more than the whole budget is not kept."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._values: OrderedDict[tuple, tuple[V, int]] = OrderedDict()  # key -> (value, its cost)

    def get(self, key: tuple) -> V | None:
        entry = self._values.get(key)
        if entry is None:
            return None
        self._values.move_to_end(key)
        return entry[0]

    def store(self, key: tuple, value: V, cost: int) -> None:
        old = self._values.pop(key, None)
        if old is not None:
            self.size -= old[1]
        if cost > self.max_bytes:
            return
        while self._values and self.size + cost > self.max_bytes:
            _, (_, evicted) = self._values.popitem(last=False)
            self.size -= evicted
        self._values[key] = (value, cost)
        self.size += cost

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        self._values.clear()
        self.size = 0
