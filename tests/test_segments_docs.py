"""Every example in docs/segments.md runs: its rule blocks, each text/tree table row, the property
filters, the missing-value table (against a contact with no data) and the teaching errors."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from test_segments_rules import contacts, events

DOC = Path(__file__).resolve().parent.parent / "docs" / "segments.md"
PREVIEW = """query($t: String, $r: JSON) { previewSegment(ruleText: $t, rule: $r) { count rule ruleText
  errors { field message code } } }"""
DEFINE = "mutation($i: DefineCustomPropertyInput!) { defineCustomProperty(input: $i) { userErrors { message } } }"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(), re.S)


def _tables() -> list[tuple[list[str], list[list[str]]]]:
    """(header, rows) of every markdown table; cells stripped."""
    tables, current = [], None
    for line in DOC.read_text().splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if current is None:
                current = (cells, [])
                tables.append(current)
            elif not all(set(c) <= {"-", ":"} for c in cells):
                current[1].append(cells)
        else:
            current = None
    return tables


def _code(cell: str) -> str:
    """The first `...` span of a cell (the example)."""
    match = re.search(r"`([^`]+)`", cell)
    assert match, cell
    return match.group(1)


def _rows(*columns: str) -> list[dict[str, str]]:
    found = []
    for header, rows in _tables():
        if all(c in header for c in columns):
            found.extend(dict(zip(header, row, strict=True)) for row in rows)
    return found


async def _team_with_fields(gql, team):
    for key, kind in (("score", "NUMBER"), ("plan", "STRING")):
        data = await gql(DEFINE, {"i": {"key": key, "type": kind}}, token=team.key)
        assert data["defineCustomProperty"]["userErrors"] == []


async def _previews(gql, team, items):
    """Many previews, 20 to a request (aliases), in order."""
    results = []
    for start in range(0, len(items), 20):
        chunk = items[start:start + 20]
        variables = ", ".join(f"$t{i}: String, $r{i}: JSON" for i in range(len(chunk)))
        fields = " ".join(f"p{i}: previewSegment(ruleText: $t{i}, rule: $r{i}) {{ ...preview }}"
                          for i in range(len(chunk)))
        query = (f"query({variables}) {{ {fields} }} fragment preview on SegmentPreview {{ count rule ruleText "
                 "errors { field message code } }")
        values = {k: v for i, (t, r) in enumerate(chunk) for k, v in ((f"t{i}", t), (f"r{i}", r))}
        data = await gql(query, values, token=team.key)
        results.extend(data[f"p{i}"] for i in range(len(chunk)))
    return results


async def test_every_rule_block_and_text_tree_row_of_the_docs_is_accepted_and_they_agree(gql, team):
    await _team_with_fields(gql, team)
    texts = _blocks("text")
    trees = [json.loads(b) for b in _blocks("json")]
    assert texts and trees
    blocks = await _previews(gql, team, [(t, None) for t in texts] + [(None, t) for t in trees])
    for example, result in zip(texts + trees, blocks, strict=True):
        assert result["errors"] == [], example
    rows = _rows("text", "tree")
    assert len(rows) > 30
    pairs = [(_code(row["text"]), json.loads(_code(row["tree"]))) for row in rows]
    results = await _previews(gql, team, [item for text, tree in pairs for item in ((text, None), (None, tree))])
    for index, (text, tree) in enumerate(pairs):
        from_text, from_tree = results[2 * index], results[2 * index + 1]
        assert from_text["errors"] == [] and from_tree["errors"] == [], (text, from_text, from_tree)
        assert from_text["rule"] == from_tree["rule"] == tree, text
        assert from_text["ruleText"] == from_tree["ruleText"]


async def test_every_property_filter_of_the_docs_parses_to_its_tree(gql, team):
    rows = _rows("filter", "tree")
    assert len(rows) >= 10
    texts = [f"any event of type 'purchase' {_code(row['filter'])}" for row in rows]
    for row, text, result in zip(rows, texts, await _previews(gql, team, [(t, None) for t in texts]), strict=True):
        assert result["errors"] == [], text
        assert result["rule"]["where"] == [json.loads(_code(row["tree"]))], text


async def test_the_missing_value_table_holds_for_a_contact_without_data(gql, team):
    await _team_with_fields(gql, team)
    ids = await contacts(gql, team, {"email": "bare@x.com"})
    await events(team, (ids["bare@x.com"], "visit", timedelta(hours=1), {}))
    rows = _rows("condition, value missing", "result")
    assert len(rows) >= 20
    texts = [_code(row["condition, value missing"]) for row in rows]
    for row, text, result in zip(rows, texts, await _previews(gql, team, [(t, None) for t in texts]), strict=True):
        expected = row["result"]
        assert result["errors"] == [], text
        assert result["count"] == (1 if expected == "true" else 0), (text, expected)


async def test_every_teaching_error_of_the_docs_is_given(gql, team):
    rows = _rows("you write", "the message ends with")
    assert len(rows) >= 8
    texts = [_code(row["you write"]) for row in rows]
    for row, text, result in zip(rows, texts, await _previews(gql, team, [(t, None) for t in texts]), strict=True):
        hint = row["the message ends with"].replace("`", "")
        [error] = result["errors"]
        assert hint in error["message"].replace("`", ""), (text, error["message"])
