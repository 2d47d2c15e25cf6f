"""The response encoder (orjson), and `EncodedJSON`: a JSON scalar value already encoded.

A large JSON value that many requests share (the member tree) is encoded once and kept as bytes;
returned from a resolver as `EncodedJSON`, it is embedded in the response as is, never decoded
and encoded again.
"""

from __future__ import annotations

import json

import orjson


class EncodedJSON:
    """A JSON value as its UTF-8 encoding; immutable, so cached values can be shared."""

    __slots__ = ("encoded",)

    def __init__(self, encoded: bytes) -> None:
        self.encoded = encoded

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EncodedJSON) and other.encoded == self.encoded

    def __hash__(self) -> int:
        return hash(self.encoded)


def _orjson_default(value: object) -> object:
    if isinstance(value, EncodedJSON):
        return orjson.Fragment(value.encoded)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _json_default(value: object) -> object:
    if isinstance(value, EncodedJSON):
        return json.loads(value.encoded)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def encode_response(data: object) -> str:
    """Compact JSON text (websocket messages must be text frames, so not bytes)."""
    try:
        return orjson.dumps(data, default=_orjson_default, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # a value orjson refuses (e.g. an int beyond 64 bits): the standard encoder decides
        return json.dumps(data, separators=(",", ":"), default=_json_default)
