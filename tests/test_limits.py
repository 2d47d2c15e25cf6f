"""Query depth, alias and token limits refuse abusive documents before they run."""

from dataclasses import replace

import httpx

from app.asgi import create_app
from app.settings import get_settings


async def test_deep_queries_are_refused(team):
    # Our schema has no cycles deep enough for the production limit, so lower it here.
    settings = replace(get_settings(), max_query_depth=5)
    transport = httpx.ASGITransport(app=create_app(settings, manage_orm=False))
    deep = "{ hubs { edges { node { members { edges { node { contact { id } } } } } } } }"
    shallow = "{ hubs { edges { node { id } } } }"
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        headers = {"Authorization": f"Bearer {team.key}"}
        refused = (await client.post("/graphql", json={"query": deep}, headers=headers)).json()
        allowed = (await client.post("/graphql", json={"query": shallow}, headers=headers)).json()
    assert "exceeds maximum operation depth" in refused["errors"][0]["message"]
    assert "errors" not in allowed


async def test_too_many_aliases_are_refused(gql, team):
    aliases = " ".join(f"a{i}: team {{ id }}" for i in range(40))
    body = await gql.raw("{ " + aliases + " }", token=team.key)
    assert "aliases" in body["errors"][0]["message"].lower()


async def test_huge_documents_are_refused(gql, team):
    fields = " ".join("id" for _ in range(5000))
    body = await gql.raw("{ team { " + fields + " } }", token=team.key)
    assert "token" in body["errors"][0]["message"].lower()


async def test_a_repeated_document_is_validated_once_and_still_limited(gql, team, monkeypatch):
    """The limits' rules are built once per schema, so the validation cache can hit."""
    import strawberry.schema.schema as strawberry_schema

    calls = []
    validate = strawberry_schema.validate

    def counting(*args, **kwargs):
        calls.append(args[1])
        return validate(*args, **kwargs)

    monkeypatch.setattr(strawberry_schema, "validate", counting)
    query = "query RepeatedOnce { team { id } }"
    for _ in range(3):
        await gql(query, token=team.key)
    assert len(calls) == 1
    aliases = " ".join(f"a{i}: team {{ id }}" for i in range(40))
    for _ in range(2):
        body = await gql.raw("query RepeatedAliases { " + aliases + " }", token=team.key)
        assert "aliases" in body["errors"][0]["message"].lower()
