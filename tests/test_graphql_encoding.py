"""Responses are encoded by orjson; a pre-encoded value (`EncodedJSON`) is embedded as is."""

from __future__ import annotations

import json

from app.graphql.encoding import EncodedJSON, encode_response


def test_an_encoded_value_is_embedded_as_is():
    value = EncodedJSON(b'[{"id":"1","title":"caf\xc3\xa9"}]')
    text = encode_response({"data": {"myHub": {"contentTreeJson": value, "n": 2}}})
    assert json.loads(text) == {"data": {"myHub": {"contentTreeJson": [{"id": "1", "title": "café"}], "n": 2}}}
    assert isinstance(text, str)  # websocket messages go out as text frames


def test_values_orjson_refuses_fall_back_to_the_standard_encoder():
    value = EncodedJSON(b'{"a":1}')
    text = encode_response({"data": {"big": 2**70, "tree": value, "keys": {1: "one"}}})
    assert json.loads(text) == {"data": {"big": 2**70, "tree": {"a": 1}, "keys": {"1": "one"}}}
