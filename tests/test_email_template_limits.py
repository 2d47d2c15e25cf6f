"""Saving a template renders it to validate: bounded work, off the event loop, a clear userError."""

from __future__ import annotations

import asyncio

from test_email_helpers import CREATE_HUB, SAVE_TEMPLATE

from app.email.models import EmailTemplate

NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}"
# Nothing here is a range or an operator the sandbox counts: only the time limit stops it.
LONG_LIST_LOOPS = "{% set xs = ('a' * 900000)|list %}{% for a in xs %}{% for b in xs %}{% endfor %}{% endfor %}"
DOUBLING = ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
            "{{ ns.s|length }}")


async def hub(gql, team) -> str:
    return (await gql(CREATE_HUB, {"n": "Yoga"}, token=team.key))["createHub"]["hub"]["id"]


async def save(gql, team, hub_id, **fields):
    data = {"hubId": hub_id, "key": "welcome", "name": "Welcome", "subject": "Hi", "htmlBody": "<p>x</p>",
            "textBody": "x", **fields}
    return (await gql(SAVE_TEMPLATE, {"input": data}, token=team.key))["saveEmailTemplate"]


async def test_templates_that_do_too_much_work_are_refused_with_the_reason(gql, team):
    hub_id = await hub(gql, team)
    cases = [
        ("htmlBody", NESTED_LOOPS, "loops go over more than 100000 items"),
        ("textBody", "{{ ('a' * 50000000)|length }}", "a value of more than 1000000 characters"),
        ("textBody", "{{ 'x'|center(50000000) }}", "a value of more than 1000000 characters"),
        ("subject", "{{ 9 ** 99999999 }}", "exponents are at most 100"),
        ("htmlBody", "{% for i in range(2000) %}" + "y" * 1000 + "{% endfor %}", "renders more than 1000000"),
        ("textBody", DOUBLING, "more memory than a render may use"),
    ]
    for field, source, reason in cases:
        result = await save(gql, team, hub_id, **{field: source})
        assert result["template"] is None
        [error] = result["userErrors"]
        assert (error["field"], error["code"]) == (field, "TEMPLATE_LIMIT"), (source, error)
        assert reason in error["message"], (source, error)
    assert await EmailTemplate.filter(team_id=team.id).count() == 0
    # A real template, loops included, still saves.
    fine = await save(gql, team, hub_id, htmlBody="{% for t in contact.tags %}<b>{{ t }}</b>{% endfor %}"
                                                  "{% for i in range(3) %}{{ i }}{% endfor %}")
    assert fine["userErrors"] == [] and fine["template"]["key"] == "welcome"


async def test_a_slow_template_hits_the_time_limit_while_other_requests_are_served(gql, http, team):
    hub_id = await hub(gql, team)
    saving = asyncio.create_task(save(gql, team, hub_id, textBody=LONG_LIST_LOOPS))
    health = asyncio.create_task(http.get("/healthz"))
    done, _ = await asyncio.wait({saving, health}, return_when=asyncio.FIRST_COMPLETED)
    # The render runs in another process: the event loop answers meanwhile.
    assert health in done and saving not in done
    result = await saving
    assert result["template"] is None
    assert result["userErrors"] == [{"field": None, "code": "TEMPLATE_LIMIT", "message":
                                     "the template does too much work: rendering it takes longer than 2 s"}]
    # The render process was replaced: the next save works.
    assert (await save(gql, team, hub_id))["userErrors"] == []
