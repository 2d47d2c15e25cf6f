"""AI-generated segments through the real `openai` client, pointed at a fake OpenAI-compatible
server on 127.0.0.1 that checks every request it receives (path, key, model, response_format, and a
prompt that carries the team's catalog) and answers from a script."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import factories
import httpx
import pytest
from ids import gid, pk

from app.asgi import create_app
from app.plans import service as plans
from app.plans.models import AiSettings, SegmentGeneration
from app.segments.models import Segment
from app.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
MODEL = "rule-writer-1"
KEY = "sk-test-123"


class FakeModel:
    """Answers chat completions with the scripted contents, in order; records and checks requests."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answers: list[str] = []
        self.status = 200
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                fake.requests.append({"path": self.path, "authorization": self.headers.get("Authorization"),
                                      "body": body})
                if fake.status != 200:
                    self.send_response(fake.status)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "overloaded", "type": "server_error"}}')
                    return
                content = fake.answers.pop(0) if fake.answers else "{}"
                reply = {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model"),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": content}}]}
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def answer(self, rule: Any, explanation: str = "Big spenders who have gone quiet.") -> None:
        self.answers.append(json.dumps({"rule": rule, "explanation": explanation}))


@pytest.fixture
def fake_model() -> Iterator[FakeModel]:
    fake = FakeModel()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()


SETTINGS = """mutation($i: SetAiSegmentSettingsInput!) {
  setAiSegmentSettings(input: $i) { settings { source baseUrl model } userErrors { field code } } }"""
GENERATE = """mutation($i: GenerateSegmentInput!) {
  generateSegment(input: $i) {
    generation { id prompt ruleText rule explanation model attempts segment { id } }
    preview { count sample { email } ruleText }
    userErrors { field message code } } }"""
SAVE = """mutation($i: SaveGeneratedSegmentInput!) {
  saveGeneratedSegment(input: $i) { segment { id name kind ruleText description tags memberCount }
    generation { id prompt segment { id name } } userErrors { field message code } } }"""
QUIET_BIG_SPENDERS = {"and": [{"field": "totalSpent", "op": ">=", "value": 500},
                              {"field": "lastActivityAt", "op": "not within", "value": {"amount": 14, "unit": "days"}}]}
DESCRIPTION = "loyal high-value customers who've gone quiet for two weeks"


async def _configured(gql: Any, team: Any, fake: FakeModel) -> None:
    await plans.set_plan(team.team, "pro", "test")
    done = await gql(SETTINGS, {"i": {"baseUrl": fake.url, "model": MODEL, "apiKey": KEY}}, token=team.key)
    assert done["setAiSegmentSettings"] == {"settings": {"source": "team", "baseUrl": fake.url, "model": MODEL},
                                            "userErrors": []}


def _check_request(request: dict[str, Any]) -> None:
    """What every request to the model must carry."""
    assert request["path"] == "/v1/chat/completions"
    assert request["authorization"] == f"Bearer {KEY}"
    body = request["body"]
    assert body["model"] == MODEL
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "segment_rule"
    schema = fmt["json_schema"]["schema"]
    assert schema["required"] == ["rule", "explanation"] and "node" in schema["$defs"]
    system = body["messages"][0]
    assert system["role"] == "system"
    assert "totalSpent (money; operators:" in system["content"]  # the field catalog
    assert "custom.vip_level (enum; options: gold, silver)" in system["content"]  # custom properties
    assert "cart_abandoned" in system["content"]  # the team's event types


async def _team_data(gql: Any, team: Any) -> None:
    await factories.custom_property(team, "vip_level", "enum", options=["gold", "silver"])
    await factories.contact(team, "quiet@example.com")
    tracked = await gql("""mutation($e: [TrackEventInput!]!) { trackEvents(input: {events: $e}) {
        accepted { index } rejected { code } } }""",
                        {"e": [{"email": "busy@example.com", "type": "cart_abandoned"}]}, token=team.key)
    assert tracked["trackEvents"]["rejected"] == []


async def test_an_english_description_becomes_a_validated_saved_segment(gql, team, fake_model):
    await _configured(gql, team, fake_model)
    await _team_data(gql, team)
    fake_model.answer({"and": [{"field": "totalSpent", "op": ">=", "value": 0},
                               {"field": "lastActivityAt", "op": "not within",
                                "value": {"amount": 14, "unit": "days"}}]})
    done = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    assert done["userErrors"] == []
    generation = done["generation"]
    assert generation["prompt"] == DESCRIPTION
    assert generation["ruleText"] == "totalSpent >= 0 AND lastActivityAt not within 14 days"
    assert (generation["explanation"], generation["model"], generation["attempts"]) == (
        "Big spenders who have gone quiet.", MODEL, 1)
    assert done["preview"]["count"] == 1 and done["preview"]["sample"] == [{"email": "quiet@example.com"}]
    [request] = fake_model.requests
    _check_request(request)
    assert request["body"]["messages"][1] == {"role": "user", "content": DESCRIPTION}
    stored = await AiSettings.get(team_id=team.id)
    assert KEY not in stored.api_key_encrypted  # the key is stored encrypted
    saved = (await gql(SAVE, {"i": {"generationId": generation["id"], "name": "Quiet spenders"}},
                       token=team.key))["saveGeneratedSegment"]
    assert saved["userErrors"] == []
    segment = saved["segment"]
    assert (segment["kind"], segment["ruleText"], segment["description"], segment["tags"], segment["memberCount"]) == (
        "DYNAMIC", generation["ruleText"], DESCRIPTION, ["ai"], 1)
    assert saved["generation"]["segment"] == {"id": segment["id"], "name": "Quiet spenders"}
    listed = await gql("{ segmentGenerations { nodes { prompt segment { name } } } }", token=team.key)
    assert listed["segmentGenerations"]["nodes"] == [{"prompt": DESCRIPTION, "segment": {"name": "Quiet spenders"}}]
    again = (await gql(SAVE, {"i": {"generationId": generation["id"], "name": "Twice"}},
                       token=team.key))["saveGeneratedSegment"]
    assert [e["code"] for e in again["userErrors"]] == ["ALREADY_SAVED"]


async def test_an_invalid_rule_gets_one_repair_round_with_the_validators_message(gql, team, fake_model):
    await _configured(gql, team, fake_model)
    await _team_data(gql, team)
    fake_model.answer({"field": "lifetimeValue", "op": ">=", "value": 500})
    fake_model.answer(QUIET_BIG_SPENDERS)
    done = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    assert done["userErrors"] == []
    assert done["generation"]["attempts"] == 2
    assert done["generation"]["ruleText"] == "totalSpent >= 500 AND lastActivityAt not within 14 days"
    first, repair = fake_model.requests
    _check_request(repair)
    assert repair["body"]["messages"][:2] == first["body"]["messages"]
    assert repair["body"]["messages"][2]["role"] == "assistant"
    assert "lifetimeValue" in repair["body"]["messages"][2]["content"]
    feedback = repair["body"]["messages"][3]["content"]
    assert feedback.startswith("That rule is not valid. The validator says:\n- rule: unknown field 'lifetimeValue'")


async def test_a_second_invalid_answer_is_a_clear_error_and_nothing_is_stored(gql, team, fake_model):
    await _configured(gql, team, fake_model)
    await _team_data(gql, team)
    fake_model.answers.append("I am sorry, I cannot help with that.")  # not JSON at all
    fake_model.answer({"field": "totalSpent", "op": "contains", "value": "lots"})
    done = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    [error] = done["userErrors"]
    assert (error["field"], error["code"]) == ("description", "AI_INVALID_RULE")
    assert "even after a repair round" in error["message"] and "operator 'contains'" in error["message"]
    assert done["generation"] is None
    assert len(fake_model.requests) == 2
    assert await SegmentGeneration.filter(team_id=team.id).count() == 0


async def test_the_edited_rule_is_validated_again_when_saved(gql, team, other_team, fake_model):
    await _configured(gql, team, fake_model)
    await _team_data(gql, team)
    fake_model.answer(QUIET_BIG_SPENDERS)
    generation = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))
    generation_id = generation["generateSegment"]["generation"]["id"]
    bad = (await gql(SAVE, {"i": {"generationId": generation_id, "name": "X", "ruleText": "totalSpnt > 5"}},
                     token=team.key))["saveGeneratedSegment"]
    assert [e["code"] for e in bad["userErrors"]] == ["UNKNOWN_FIELD"]
    assert await Segment.filter(team_id=team.id).count() == 0
    foreign = (await gql(SAVE, {"i": {"generationId": generation_id, "name": "X"}},
                         token=other_team.key))["saveGeneratedSegment"]
    assert [e["code"] for e in foreign["userErrors"]] == ["NOT_FOUND"]
    wrong_kind = (await gql(SAVE, {"i": {"generationId": gid("Segment", pk(generation_id)), "name": "X"}},
                            token=team.key))["saveGeneratedSegment"]
    assert [e["code"] for e in wrong_kind["userErrors"]] == ["INVALID_ID"]
    edited = (await gql(SAVE, {"i": {"generationId": generation_id, "name": "Quiet VIPs",
                                     "ruleText": "totalSpent >= 1000 AND custom.vip_level = gold"}},
                        token=team.key))["saveGeneratedSegment"]
    assert edited["userErrors"] == []
    assert edited["segment"]["ruleText"] == "totalSpent >= 1000 AND custom.vip_level = 'gold'"
    assert edited["generation"]["prompt"] == DESCRIPTION


async def test_ai_segments_need_a_pro_plan_and_a_configured_model(gql, team, fake_model):
    await plans.set_plan(team.team, "starter", "test")
    refused = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    [error] = refused["userErrors"]
    assert (error["code"], error["message"]) == (
        "PLAN_LIMIT", "AI-generated segments are not in the Starter plan: Pro includes them")
    await plans.set_plan(team.team, "pro", "test")
    unset = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    assert [e["code"] for e in unset["userErrors"]] == ["AI_NOT_CONFIGURED"]
    empty = (await gql(GENERATE, {"i": {"description": "  "}}, token=team.key))["generateSegment"]
    assert [e["code"] for e in empty["userErrors"]] == ["REQUIRED"]
    assert fake_model.requests == []
    for bad, field in (({"baseUrl": "ftp://example.com", "model": MODEL, "apiKey": KEY}, "baseUrl"),
                       ({"baseUrl": "http://10.0.0.5/v1", "model": MODEL, "apiKey": KEY}, "baseUrl"),
                       ({"baseUrl": fake_model.url, "model": "", "apiKey": KEY}, "model"),
                       ({"baseUrl": fake_model.url, "model": MODEL}, "apiKey")):
        result = await gql(SETTINGS, {"i": bad}, token=team.key)
        assert field in [e["field"] for e in result["setAiSegmentSettings"]["userErrors"]], bad
    assert await AiSettings.filter(team_id=team.id).count() == 0


async def test_an_unavailable_model_is_a_user_error_not_a_crash(gql, team, fake_model):
    await _configured(gql, team, fake_model)
    fake_model.status = 503
    done = (await gql(GENERATE, {"i": {"description": DESCRIPTION}}, token=team.key))["generateSegment"]
    [error] = done["userErrors"]
    assert error["code"] == "AI_UNAVAILABLE" and "InternalServerError" in error["message"]
    assert await SegmentGeneration.filter(team_id=team.id).count() == 0


@pytest.fixture
async def deployment_client(fake_model: FakeModel) -> AsyncIterator[httpx.AsyncClient]:
    settings = dataclasses.replace(get_settings(), ai_base_url=fake_model.url, ai_model=MODEL, ai_api_key=KEY)
    app = create_app(settings, manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


async def test_a_team_without_settings_uses_the_deployments_model(deployment_client, team, fake_model, gql):
    await plans.set_plan(team.team, "pro", "test")
    await _team_data(gql, team)
    fake_model.answer(QUIET_BIG_SPENDERS)
    response = await deployment_client.post("/graphql", json={"query": GENERATE, "variables": {
        "i": {"description": DESCRIPTION}}}, headers={"Authorization": f"Bearer {team.key}"})
    body = response.json()["data"]["generateSegment"]
    assert body["userErrors"] == [] and body["generation"]["model"] == MODEL
    _check_request(fake_model.requests[0])
    settings = await deployment_client.post("/graphql", json={"query": "{ aiSegmentSettings { source model } }"},
                                            headers={"Authorization": f"Bearer {team.key}"})
    assert settings.json()["data"]["aiSegmentSettings"] == {"source": "deployment", "model": MODEL}


def _eval(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEMBERHUB_AI_")}
    return subprocess.run([sys.executable, "bench/ai_segments_eval.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_the_eval_script_exits_cleanly_without_a_provider():
    result = _eval({})
    assert result.returncode == 0, result.stderr
    assert "no language model configured" in result.stdout


def test_the_eval_script_counts_intended_rules(fake_model):
    fake_model.answer({"field": "createdAt", "op": "within", "value": {"amount": 30, "unit": "days"}})
    fake_model.answer({"field": "totalSpent", "op": ">=", "value": 500})  # close: the same field, not the rule
    result = _eval({"MEMBERHUB_AI_BASE_URL": fake_model.url, "MEMBERHUB_AI_MODEL": MODEL,
                    "MEMBERHUB_AI_API_KEY": KEY}, "--limit", "2")
    assert result.returncode == 0, result.stderr
    assert f"{MODEL}: 1/2 produced the intended rule, 1 more read the same fields" in result.stdout
    assert len(fake_model.requests) == 2
