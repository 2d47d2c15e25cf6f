"""schema.graphql is the exported SDL of the code; it must not drift."""

import subprocess
import sys
from pathlib import Path

from app.graphql.schema import schema

ROOT = Path(__file__).resolve().parent.parent


def test_checked_in_schema_matches_code():
    checked_in = (ROOT / "schema.graphql").read_text()
    assert checked_in == schema.as_str() + "\n", "schema.graphql drifted: run `memberhub export-schema`"


def test_export_schema_command_writes_the_sdl(tmp_path):
    target = tmp_path / "out.graphql"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "export-schema", "--output", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_text() == (ROOT / "schema.graphql").read_text()


def test_every_object_with_an_id_is_a_node_that_node_can_fetch():
    from graphql import GraphQLObjectType

    from app.graphql.schema import NODE_REGISTRY

    objects = {name: t for name, t in schema._schema.type_map.items()
               if isinstance(t, GraphQLObjectType) and not name.startswith("__")}
    with_id = {name for name, t in objects.items() if "id" in t.fields}
    nodes = {name for name, t in objects.items() if any(i.name == "Node" for i in t.interfaces)}
    assert with_id - nodes == set(), "give these types `relay.Node` and `id: relay.NodeID[int]`"
    assert nodes == set(NODE_REGISTRY.types), "list each Node type in its domain's NODE_TYPES"


def test_every_mutation_with_user_errors_reports_them_through_mutation_payload():
    from app.graphql.schema import Mutation

    unwrapped = [
        f.python_name for f in Mutation.__strawberry_definition__.fields
        if "user_errors" in getattr(f.type, "__dataclass_fields__", {})
        and not hasattr(f.base_resolver.wrapped_func, "__wrapped__")
    ]
    assert unwrapped == [], "decorate these with @mutation_payload (app/graphql/errors.py)"
