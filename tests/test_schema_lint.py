"""graphql-schema-linter (npm, pinned in .ci/audit) on schema.graphql with .graphql-schema-linterrc:
every type, field, argument, input field and enum value described, Relay connection shapes, naming."""

import json
from pathlib import Path

from clienttools import node_tool, run_json_lines

ROOT = Path(__file__).resolve().parent.parent
LINT = ("schema-lint.mjs", "graphql-schema-linter")


async def test_schema_graphql_passes_the_linter():
    results = await run_json_lines(node_tool(*LINT), str(ROOT / "schema.graphql"), str(ROOT))
    problems = [f"{r['rule']}: {r['message']} (schema.graphql:{r['line']})" for r in results if "rule" in r]
    assert results[-1] == {"done": True, "errors": len(problems)}
    assert problems == [], "describe these in the code, then `memberhub export-schema`:\n" + "\n".join(problems)


async def test_the_linter_runs_the_repository_rules(tmp_path):
    # A schema with one undescribed field and fields out of alphabetical order: the description rule
    # (on) reports it, the sorting rule (off) does not; so the config file is the one in use.
    sdl = tmp_path / "sample.graphql"
    sdl.write_text('"""Reads."""\ntype Query {\n  """Z."""\n  zebra: String\n  apple: String\n}\n')
    results = await run_json_lines(node_tool(*LINT), str(sdl), str(ROOT))
    rules = {r["rule"] for r in results if "rule" in r}
    assert "fields-have-descriptions" in rules and "type-fields-sorted-alphabetically" not in rules, results
    config = json.loads((ROOT / ".graphql-schema-linterrc").read_text())
    assert "types-have-descriptions" in config["rules"]
    assert "type-fields-sorted-alphabetically" not in config["rules"]
