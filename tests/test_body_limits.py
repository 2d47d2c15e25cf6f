"""Oversized request bodies get 413 before they are read: by Content-Length, and while streaming."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from urllib.parse import urlparse

import httpx
from ids import gid

from app.asgi import create_app
from app.settings import get_settings


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    body = await reader.readexactly(int(headers["content-length"]))
    return int(lines[0].split()[1]), json.loads(body)


async def raw_request(url: str, head: str, chunks: list[bytes]) -> tuple[int, dict]:
    """Send a request by hand (headers, then body chunks until the server answers) and read the
    answer as it comes: the server must answer without waiting for the rest of a body it refuses."""
    parsed = urlparse(url)
    reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
    answer = asyncio.create_task(_read_response(reader))
    try:
        writer.write(head.encode())
        for chunk in chunks:
            if answer.done():
                break
            try:  # write() itself raises when the socket's send buffer is empty and the peer reset it
                writer.write(chunk)
                await writer.drain()
            except ConnectionError:  # the server answered and closed: stop sending
                break
        return await asyncio.wait_for(answer, timeout=30)
    finally:
        writer.close()


async def test_a_declared_200_mb_body_is_refused_before_it_is_sent(live_server):
    head = ("POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            f"Content-Length: {200 * 1024 * 1024}\r\n\r\n")
    # Only the first 64 KiB are ever sent: the answer comes without the other 199.9 MB.
    status, body = await raw_request(live_server.url, head, [b"{" + b" " * 65535])
    assert status == 413
    assert body == {"errors": [{"message": "the request body is over 1048576 bytes",
                                "extensions": {"code": "PAYLOAD_TOO_LARGE"}}]}


async def test_a_chunked_body_is_stopped_once_it_passes_the_limit(live_server):
    head = "POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    piece = b" " * 65536
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    status, body = await raw_request(live_server.url, head, [chunk] * 64)  # 4 MiB offered, never ended
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_each_endpoint_has_its_own_limit_and_bodies_under_it_work(team):
    settings = replace(get_settings(), max_events_body_bytes=2000, max_webhook_body_bytes=1000,
                       max_anonymous_graphql_body_bytes=500, max_graphql_body_bytes=5000)
    transport = httpx.ASGITransport(app=create_app(settings, manage_orm=False))
    auth = {"Authorization": f"Bearer {team.key}"}
    padding = " " * 1500
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        events = f"/api/v1/teams/{gid('Team', team.id)}/events"
        small = [{"email": "a@example.com", "type": "page_view"}]
        assert (await client.post(events, json=small, headers=auth)).status_code == 200
        big = await client.post(events, content=json.dumps(small * 80).encode(), headers=auth)
        assert big.status_code == 413
        assert big.json() == {"error": {"code": "PAYLOAD_TOO_LARGE", "message": "the request body is over 2000 bytes"}}
        hook = await client.post(f"/webhooks/stripe/{gid('Team', team.id)}", content=b"{" + b" " * 2000 + b"}",
                                 headers={"Stripe-Signature": "t=1,v1=x"})
        assert hook.status_code == 413
        # GraphQL: an Authorization header allows more (uploads travel as base64).
        query = {"query": "{ team { id } }" + padding}
        anonymous = await client.post("/graphql", json=query)
        assert anonymous.status_code == 413
        allowed = await client.post("/graphql", json=query, headers=auth)
        assert allowed.status_code == 200 and allowed.json()["data"]["team"]["id"] == gid("Team", team.id)
        bad_length = await client.post("/graphql", content=b"{}", headers={"Content-Length": "-5"})
        assert bad_length.status_code == 400
