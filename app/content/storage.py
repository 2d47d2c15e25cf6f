"""Where uploaded media bytes live. Local disk under the data dir today; the interface is what
the rest of the code uses, so an object store can replace it without touching callers."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path
from typing import Protocol

from app.settings import Settings


class MediaStorage(Protocol):
    async def save(self, hub_id: int, filename: str, data: bytes) -> str: ...
    async def read(self, key: str) -> bytes | None: ...
    async def delete(self, key: str) -> None: ...


class LocalDiskStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("storage key escapes the storage root")
        return path

    async def save(self, hub_id: int, filename: str, data: bytes) -> str:
        suffix = Path(filename).suffix.lower()[:16]
        if not suffix[1:].isalnum():
            suffix = ""
        key = f"hub-{hub_id}/{secrets.token_urlsafe(16)}{suffix}"
        path = self._path(key)

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

        await asyncio.to_thread(write)
        return key

    async def read(self, key: str) -> bytes | None:
        path = self._path(key)
        return await asyncio.to_thread(lambda: path.read_bytes() if path.is_file() else None)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await asyncio.to_thread(lambda: path.unlink(missing_ok=True))


def get_storage(settings: Settings) -> MediaStorage:
    return LocalDiskStorage(settings.data_dir / "media")
