"""The import direction between domains, read from the source: a back edge or a cycle fails.

Every import counts, module-level or inside a function; only `if TYPE_CHECKING:` blocks are left
out (they never run). The allowed direction is written once, here and in docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first: a unit may import only units at its own level or below. The top level (schema
# assembly, wiring, entry points) may import anything.
LAYERS: list[tuple[str, ...]] = [
    ("settings", "embedded", "db", "runtime", "migrate", "core"),
    ("graphql",),  # the conventions: connections, errors, ids, context, encoding (not the assembly)
    ("teams",),
    ("contacts",),
    ("hubs",),
    ("segments",),
    ("events",),  # ingest
    ("commerce",),
    ("content",),
    ("access",),
    ("email",),
    ("audiences",),
    ("community",),
    ("reports",),
    ("plans",),
    ("top",),
]
TOP_MODULES = {"app.graphql.schema", "app.wiring", "app.asgi", "app.cli", "app.demo", "app.doctor", "app.web"}
LEVEL = {unit: level for level, units in enumerate(LAYERS) for unit in units}


def unit_of(module: str) -> str:
    if module.startswith("workers") or any(module == top or module.startswith(top + ".") for top in TOP_MODULES):
        return "top"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "top"


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _is_lazy_type(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and ast.unparse(node.func).endswith("lazy") and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    skipped = _type_checking_lines(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif _is_lazy_type(node):  # strawberry.lazy("app.x.graphql") imports that module at schema build
            found.append((node.lineno, node.args[0].value))
    return [(line, name) for line, name in found if name.split(".")[0] in ("app", "workers")]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return sorted([*ROOT.glob("app/**/*.py"), *ROOT.glob("workers/**/*.py")])


def unit_edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for path in source_files():
        source = unit_of(module_name(path))
        for line, imported in imports_of(path):
            target = unit_of(imported) if imported.startswith("app.") else "top"
            if imported in ("app",) or target == source:
                continue
            edges.setdefault((source, target), []).append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    return edges


def test_every_unit_has_a_level() -> None:
    units = {unit_of(module_name(p)) for p in source_files()}
    assert units <= set(LEVEL), f"units without a place in LAYERS: {sorted(units - set(LEVEL))}"


def test_domains_import_only_downwards() -> None:
    back = [
        where
        for (source, target), places in unit_edges().items()
        if LEVEL.get(target, 99) > LEVEL.get(source, 99)
        for where in places
    ]
    assert not back, "imports that run back up the layers:\n" + "\n".join(sorted(set(back)))


def test_the_check_sees_function_local_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from app.email.service import x\n"
        "def f():\n    from app.email.service import send_welcome_email\n"
        "Ref = Annotated['AccessRuleType', strawberry.lazy('app.access.graphql')]\n"
    )
    assert sorted(name for _, name in imports_of(sample)) == [
        "app.access.graphql", "app.email.service", "app.email.service.send_welcome_email"]


# Modules that speak GraphQL: a domain's graphql.py / *_graphql.py, its dataloaders, the member
# tree's response encoder, the pipeline's status types. Everything else is business logic, which
# serves webhooks, jobs and the CLI as well, so it never imports the GraphQL layer.
GRAPHQL_FACING = ("graphql", "loaders", "tree_json", "status")


def test_business_logic_does_not_import_the_graphql_layer() -> None:
    offending = []
    for path in source_files():
        module = module_name(path)
        unit = unit_of(module)
        if unit in ("top", "graphql") or module.split(".")[-1].endswith(GRAPHQL_FACING):
            continue
        for line, imported in imports_of(path):
            if imported.startswith("app.graphql"):
                offending.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not offending, "business logic importing app.graphql:\n" + "\n".join(sorted(set(offending)))
