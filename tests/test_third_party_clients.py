"""Clients people already use, run for real against a live MemberHub: Apollo Client's persisted-query
link (npm @apollo/client) and a page on another origin in headless Chromium (playwright-core driving
the system's /usr/bin/chromium)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import shutil
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from clienttools import node_tool, run_json_lines
from conftest import serve_app
from ids import gid
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from test_realtime import make_segment, track

from app.segments.pipeline.worker import evaluate_pending
from app.settings import get_settings


@pytest.mark.parametrize("mode", ["post", "get"])
async def test_apollo_persisted_query_link_sends_hashes_and_registers_unknown_ones(live_server, team, mode):
    [run] = await run_json_lines(node_tool("apollo-apq.mjs", "@apollo/client"), f"{live_server.url}/graphql",
                                 team.key, mode)
    answer = {"viewer": {"__typename": "Viewer", "team": {"__typename": "Team", "name": "Acme Studio"}}}
    assert [r["data"] for r in run["results"]] == [answer] * 3  # Apollo asks for __typename itself
    requests = run["requests"]
    digest = requests[0]["sha256Hash"]
    assert digest and all(r["sha256Hash"] == digest for r in requests)
    # First run: the hash alone (unknown) → PersistedQueryNotFound → the link retries with the text.
    hashed_method = "GET" if mode == "get" else "POST"
    assert [(r["method"], r["sentQuery"], r["status"]) for r in requests] == [
        (hashed_method, False, 200), ("POST", True, 200),  # the registration goes as POST either way
        (hashed_method, False, 200),                       # the same client again: the hash is known
        (hashed_method, False, 200),                       # a fresh client: known to the server, not the client
    ]


SPA_PAGE = Path(__file__).resolve().parent / "browser" / "spa.html"


def page_app() -> Starlette:
    """A static site on its own origin serving the dashboard-like page."""
    async def page(request: Request) -> Response:
        return Response(SPA_PAGE.read_bytes(), media_type="text/html")

    return Starlette(routes=[Route("/", page)])


async def open_in_chromium(url: str, on_step: Callable[[dict[str, Any]], Awaitable[None]]) -> list[dict[str, Any]]:
    """Run the page to its end in headless Chromium, calling on_step for every step as it happens."""
    command = node_tool("browser.mjs", "playwright-core")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("MEMBERHUB_REQUIRE_AUDIT"):
            pytest.fail("Chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    process = await asyncio.create_subprocess_exec(*command, url, chromium, stdout=subprocess.PIPE,
                                                   stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    steps: list[dict[str, Any]] = []
    async with asyncio.timeout(120):
        async for line in process.stdout:
            steps.append(json.loads(line))
            await on_step(steps[-1])
        stderr = await process.stderr.read()
        assert await process.wait() == 0, stderr.decode()
    return steps


async def test_a_page_on_an_allowed_origin_queries_and_subscribes_from_chromium(gql, team):
    from app.asgi import create_app

    searchers = await make_segment(gql, team.key, "Searchers", "any event of type 'search' within 7 days")
    async with serve_app(page_app()) as allowed_site, serve_app(page_app()) as other_site:
        api = create_app(dataclasses.replace(get_settings(), cors_origins=(allowed_site.url,)), manage_orm=False)
        async with serve_app(api) as server:
            fragment = urlencode({"api": f"{server.url}/graphql", "key": team.key,
                                  "segment": gid("Segment", searchers)})
            joined: list[str] = []

            async def when_subscribed_join(step: dict[str, Any]) -> None:
                if step["step"] == "subscribed":
                    await asyncio.sleep(0.3)  # the server registers the subscription after the message
                    accepted = await track(gql, team.key, [{"email": "browser@example.com", "type": "search"}])
                    await evaluate_pending(None)
                    joined.append(accepted[0]["contactId"])

            steps = await open_in_chromium(f"{allowed_site.url}/#{fragment}", when_subscribed_join)
            assert steps == [
                {"step": "query", "status": 200, "body": {"data": {"viewer": {"team": {"name": "Acme Studio"}}}}},
                {"step": "subscribed"},
                {"step": "next", "payload": {"data": {"segmentMembershipChanged": {"action": "JOIN",
                                                                                    "cause": "event"}}}},
                {"step": "closed", "code": 1000},
            ]
            assert len(joined) == 1

            async def nothing(step: dict[str, Any]) -> None:
                return None

            refused = await open_in_chromium(f"{other_site.url}/#{fragment}", nothing)
            # The browser withholds the answer from a page the server did not allow, and the websocket
            # upgrade from that origin is refused (a browser reports a failed handshake as 1006).
            assert [s["step"] for s in refused] == ["query", "closed"]
            assert "Failed to fetch" in refused[0]["error"] and refused[1]["code"] == 1006
