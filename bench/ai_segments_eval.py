"""How often a real language model turns an English description into the intended rule.

30 descriptions, each with the rule a person would write (canonical text). Each goes through the
same path as `generateSegment`: the prompt with the catalog (`app.plans.ai.messages_for`), the
`openai` client, the real validator and its one repair round (`app.plans.ai_segments.ask_for_rule`).
An answer counts as intended when its canonical rule text equals the expected one, or as "close"
when it reads the same fields and event types. No database is needed: the catalog is built here.

Configure the provider as a deployment would, then run:

    MEMBERHUB_AI_BASE_URL=https://api.openai.com/v1 MEMBERHUB_AI_MODEL=gpt-4.1-mini MEMBERHUB_AI_API_KEY=sk-... \\
        .venv/bin/python bench/ai_segments_eval.py [--limit 30]

Without MEMBERHUB_AI_BASE_URL and MEMBERHUB_AI_MODEL it says so and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (description, the intended rule in canonical text)
CASES: list[tuple[str, str]] = [
    ("contacts who joined in the last 30 days", "createdAt within 30 days"),
    ("people who have spent more than 500", "totalSpent > 500"),
    ("customers with exactly one paid order", "orderCount = 1"),
    ("customers with exactly two orders", "orderCount = 2"),
    ("anyone who has never bought anything", "orderCount = 0"),
    ("contacts tagged vip", "tags contains 'vip'"),
    ("people in the United Kingdom", "country = 'GB'"),
    ("contacts with no activity in the last 30 days", "lastActivityAt not within 30 days"),
    ("active in the last 7 days", "lastActivityAt within 7 days"),
    ("people who abandoned a cart in the last 24 hours and have not purchased since",
     "last event of type 'cart_abandoned' within 24 hours AND no event of type 'purchase' since that cart_abandoned"),
    ("contacts who opted in to WhatsApp", "custom.whatsapp_opt_in = true"),
    ("contacts acquired through instagram", "custom.acquisition_channel = 'instagram'"),
    ("gold VIP level members", "custom.vip_level = 'gold'"),
    ("subscribers currently in a trial", "isTrial = true"),
    ("subscribers whose payment is past due", "isPastDue = true"),
    ("people paying more than 100 a month", "mrr > 100"),
    ("annual subscribers", "plan.interval = 'year'"),
    ("customers whose last order was within the last 30 days", "lastOrderAt within 30 days"),
    ("customers who bought before but not in the last 90 days",
     "orderCount >= 1 AND lastOrderAt not within 90 days"),
    ("people with at least 3 orders in the last 90 days", "count of orders within 90 days >= 3"),
    ("customers whose average order is at least 100", "avg of orders.total >= 100"),
    ("contacts who completed at least 5 lessons", "contentConsumed >= 5"),
    ("people who searched at least 10 times", "searchCount >= 10"),
    ("contacts who viewed a page in the last 14 days", "any event of type 'page_view' within 14 days"),
    ("contacts who never logged in", "no event of type 'login'"),
    ("loyal customers: lifecycle stage loyal", "lifecycleStage = 'loyal'"),
    ("leads or subscribers", "lifecycleStage in (subscriber, lead)"),
    ("contacts without a phone number", "phone is not set"),
    ("people who spent between 100 and 500", "totalSpent between 100 and 500"),
    ("contacts created during last month", "createdAt during last month"),
]
EVENT_TYPES = ["cart_abandoned", "purchase", "page_view", "login", "lesson_completed", "search", "first_touch"]


def _signature(node: Any) -> set[str]:
    """Fields and event types a rule reads, for the 'close' count."""
    from app.segments import rules

    found: set[str] = set()
    for leaf in rules.leaves(node):
        for attribute in ("field", "event_type", "source", "name"):
            value = getattr(leaf, attribute, None)
            if isinstance(value, str):
                found.add(value)
    return found


async def main(limit: int) -> int:
    from app.core.errors import ValidationFailed
    from app.plans import ai, ai_segments
    from app.segments.catalog import CatalogContext
    from app.segments.validate import parse_rule
    from app.settings import get_settings
    from app.wiring import wire

    settings = get_settings()
    if not (settings.ai_base_url and settings.ai_model):
        print("no language model configured (MEMBERHUB_AI_BASE_URL and MEMBERHUB_AI_MODEL): nothing to evaluate")
        return 0
    wire()  # the catalog's billing fields are registered at start-up
    endpoint = ai.Endpoint(settings.ai_base_url, settings.ai_model, settings.ai_api_key or "none", "deployment")
    ctx = CatalogContext(team_id=1, tz=ZoneInfo("Europe/London"))
    ctx.custom.update({"whatsapp_opt_in": ("boolean", ()), "acquisition_channel": ("string", ()),
                       "vip_level": ("enum", ("gold", "silver"))})

    async def check(rule: Any) -> Any:
        from app.segments.service import ParsedRule

        return ParsedRule(await asyncio.to_thread(parse_rule, None, rule, ctx, None), ctx)

    exact = close = invalid = failed = repaired = 0
    started = time.perf_counter()
    for description, expected in CASES[:limit]:
        wanted = parse_rule(expected, None, ctx, None)
        try:
            parsed, _, attempts = await ai_segments.ask_for_rule(
                endpoint, ai.messages_for(description, ctx, EVENT_TYPES), check)
        except ValidationFailed as exc:
            code = exc.errors[0].code
            invalid += code == "AI_INVALID_RULE"
            failed += code != "AI_INVALID_RULE"
            print(f"  no rule   {description!r}: {exc.errors[0].message.splitlines()[0]}")
            continue
        repaired += attempts == 2
        if parsed.text == dsl_text(wanted):
            exact += 1
            mark = "intended"
        elif _signature(parsed.node) == _signature(wanted):
            close += 1
            mark = "close   "
        else:
            mark = "other   "
        print(f"  {mark}  {description!r}: {parsed.text}" + (" (after a repair)" if attempts == 2 else ""))
    total = min(limit, len(CASES))
    print(f"{endpoint.model}: {exact}/{total} produced the intended rule, {close} more read the same fields, "
          f"{invalid} stayed invalid after the repair round, {failed} could not be asked; {repaired} needed a repair "
          f"({time.perf_counter() - started:.0f} s)")
    return 0


def dsl_text(node: Any) -> str:
    from app.segments import dsl

    return dsl.render(node)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=len(CASES))
    raise SystemExit(asyncio.run(main(parser.parse_args().limit)))
