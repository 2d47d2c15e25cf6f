"""Table ownership, read from the source: only a table's owning domain writes it.

Each models module (`app/<domain>/models.py`; `app/segments/pipeline/models.py` belongs to
segments) owns the tables of its models. Every other unit that wants a row changed calls the
owner's service (passing its connection, so the change stays in the caller's transaction). The
scan covers app/ and workers/:

- ORM writes on a model imported from another domain: `Model.create/bulk_create/bulk_update/
  get_or_create/update_or_create`, `Model.filter(...).update(...)/.delete()`, and `.save()` /
  `.delete()` on an instance or queryset of such a model (names assigned from the model's query
  methods, loop variables over them, and parameters annotated with the model);
- raw SQL in string literals: `INSERT INTO t`, `UPDATE t ... SET`, `DELETE FROM t`, `COPY t`,
  `TRUNCATE t`, and asyncpg's `copy_records_to_table("t", ...)`, on a table another domain owns.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_MODULES = {"app.graphql.schema", "app.wiring", "app.asgi", "app.cli", "app.demo", "app.doctor", "app.web"}

WRITE_CLASS_METHODS = {"create", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
QUERY_METHODS = {"filter", "exclude", "all", "select_for_update", "select_related", "prefetch_related", "only",
                 "order_by", "limit", "offset", "distinct", "annotate", "using_db"}
INSTANCE_SOURCES = {"get", "get_or_none", "first", "last", "create", "get_or_create", "update_or_create"}
INSTANCE_WRITES = {"save", "delete"}
QUERYSET_WRITES = {"update", "delete"}

_NAME = r"\"?([a-z_][a-z0-9_]*)\"?"
SQL_WRITES = [
    re.compile(rf"\bINSERT\s+INTO\s+{_NAME}", re.IGNORECASE),
    re.compile(rf"\bUPDATE\s+(?:ONLY\s+)?{_NAME}(?:\s+(?:AS\s+)?[a-z_]\w*)?\s+SET\b", re.IGNORECASE),
    re.compile(rf"\bDELETE\s+FROM\s+(?:ONLY\s+)?{_NAME}", re.IGNORECASE),
    re.compile(rf"\bCOPY\s+{_NAME}", re.IGNORECASE),
    re.compile(rf"\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?{_NAME}", re.IGNORECASE),
]
_TRUNCATE_LIST = re.compile(r"\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([\w\",\s]+)", re.IGNORECASE)
SQL_KEYWORDS = {"set", "select", "table", "only", "from", "with"}
COPY_METHODS = {"copy_records_to_table", "copy_to_table"}


@dataclass(frozen=True)
class Owned:
    model: str
    table: str
    owner: str


def unit_of_module(module: str) -> str:
    if module.startswith("workers") or any(module == top or module.startswith(top + ".") for top in TOP_MODULES):
        return "top"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "top"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def models_modules(root: Path = ROOT) -> list[Path]:
    return sorted(root.glob("app/**/models.py"))


def _meta_table(node: ast.ClassDef) -> str | None:
    for item in node.body:
        if isinstance(item, ast.ClassDef) and item.name == "Meta":
            for statement in item.body:
                if (isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "table"
                                                              for t in statement.targets)
                        and isinstance(statement.value, ast.Constant)):
                    return str(statement.value.value)
    return None


def ownership(root: Path = ROOT) -> dict[str, dict[str, Owned]]:
    """{models module: {class name: Owned}} for every model with a table."""
    found: dict[str, dict[str, Owned]] = {}
    for path in models_modules(root):
        module = module_name(path, root)
        owner = unit_of_module(module)
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and (table := _meta_table(node)):
                found.setdefault(module, {})[node.name] = Owned(node.name, table, owner)
    return found


def table_owners(root: Path = ROOT) -> dict[str, str]:
    return {o.table: o.owner for models in ownership(root).values() for o in models.values()}


def _root_name(node: ast.AST) -> tuple[str | None, list[str]]:
    """`A.filter(x).first()` -> ("A", ["filter", "first"]): the chain's root name and its methods."""
    methods: list[str] = []
    while True:
        if isinstance(node, ast.Await):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            methods.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            break
    return (node.id if isinstance(node, ast.Name) else None), list(reversed(methods))


def _string_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in parts:
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else " x " for v in node.values)
            found.append((node.lineno, text))
    return found


def sql_tables_written(text: str) -> list[str]:
    tables = [m.group(1).lower() for pattern in SQL_WRITES for m in pattern.finditer(text)]
    for m in _TRUNCATE_LIST.finditer(text):
        tables += [t.strip().strip('"').lower() for t in m.group(1).split(",") if t.strip()]
    return [t for t in dict.fromkeys(tables) if t not in SQL_KEYWORDS]


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, unit: str, foreign: dict[str, Owned]) -> None:
        self.path, self.unit, self.foreign = path, unit, foreign
        self.instances: dict[str, Owned] = {}  # local names known to hold a foreign instance or queryset
        self.violations: list[str] = []

    def _flag(self, node: ast.AST, owned: Owned, what: str) -> None:
        self.violations.append(f"{self.path}:{node.lineno}: {what} writes {owned.table} "
                               f"(owned by {owned.owner}, written from {self.unit})")

    def _model_of(self, expression: ast.AST) -> tuple[Owned | None, list[str]]:
        root, methods = _root_name(expression)
        if root in self.foreign:
            return self.foreign[root], methods
        if root in self.instances:
            return self.instances[root], ["<instance>", *methods]
        return None, methods

    def _track(self, target: ast.AST, value: ast.AST) -> None:
        owned, methods = self._model_of(value)
        if owned is None or not isinstance(target, ast.Name):
            if isinstance(target, ast.Tuple) and owned is not None and methods and methods[-1] in (
                    "get_or_create", "update_or_create") and target.elts and isinstance(target.elts[0], ast.Name):
                self.instances[target.elts[0].id] = owned
            return
        if methods and (methods[0] == "<instance>" or methods[-1] in INSTANCE_SOURCES | QUERY_METHODS):
            self.instances[target.id] = owned

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        saved = dict(self.instances)
        for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            for name, owned in self.foreign.items():
                if re.search(rf"\b{re.escape(name)}\b", annotation):
                    self.instances[arg.arg] = owned
        self.generic_visit(node)
        self.instances = saved

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._track(target, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._track(node.target, node.value)
        self.generic_visit(node)

    def _loop(self, node: ast.For | ast.AsyncFor | ast.comprehension) -> None:
        owned, methods = self._model_of(node.iter)
        if owned is not None and isinstance(node.target, ast.Name) and not (set(methods) & {"values_list", "values"}):
            self.instances[node.target.id] = owned

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self._loop(node)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._loop(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Attribute):
            method = node.func.attr
            owned, methods = self._model_of(node.func.value)
            if owned is not None:
                chain = [*methods, method]
                is_instance = chain[0] == "<instance>"
                if not is_instance and len(chain) == 1 and method in WRITE_CLASS_METHODS:
                    self._flag(node, owned, f"{owned.model}.{method}()")
                elif method in QUERYSET_WRITES and not is_instance and len(chain) > 1:
                    self._flag(node, owned, f"{owned.model}.{'.'.join(chain[:-1])}(...).{method}()")
                elif method in INSTANCE_WRITES and is_instance:
                    self._flag(node, owned, f"a {owned.model}'s .{method}()")
                elif is_instance and method in QUERYSET_WRITES:
                    self._flag(node, owned, f"a {owned.model} queryset's .{method}()")
            if method in COPY_METHODS and node.args and isinstance(node.args[0], ast.Constant):
                self.copy_targets.append((node.lineno, str(node.args[0].value)))
        self.generic_visit(node)

    copy_targets: list[tuple[int, str]]


def scan_file(path: Path, root: Path = ROOT, owned_by_module: dict[str, dict[str, Owned]] | None = None,
              owners: dict[str, str] | None = None) -> list[str]:
    owned_by_module = owned_by_module if owned_by_module is not None else ownership(root)
    owners = owners if owners is not None else table_owners(root)
    unit = unit_of_module(module_name(path, root))
    relative = str(path.relative_to(root))
    tree = ast.parse(path.read_text(), filename=relative)
    foreign: dict[str, Owned] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in owned_by_module:
            for alias in node.names:
                owned = owned_by_module[node.module].get(alias.name)
                if owned is not None and owned.owner != unit:
                    foreign[alias.asname or alias.name] = owned
    scanner = _Scanner(relative, unit, foreign)
    scanner.copy_targets = []
    scanner.visit(tree)
    violations = list(scanner.violations)
    statements = [(line, text) for line, text in _string_literals(tree)]
    statements += [(line, f"COPY {table}") for line, table in scanner.copy_targets]
    for line, text in statements:
        for table in sql_tables_written(text):
            owner = owners.get(table)
            if owner is not None and owner != unit:
                violations.append(f"{relative}:{line}: SQL writes {table} (owned by {owner}, written from {unit})")
    return violations


def source_files(root: Path = ROOT) -> list[Path]:
    return sorted([*root.glob("app/**/*.py"), *root.glob("workers/**/*.py")])


def all_violations(root: Path = ROOT) -> list[str]:
    owned_by_module, owners = ownership(root), table_owners(root)
    return [v for path in source_files(root) for v in scan_file(path, root, owned_by_module, owners)]


def test_every_table_has_one_owner() -> None:
    seen: dict[str, list[str]] = {}
    for module, models in ownership().items():
        for owned in models.values():
            seen.setdefault(owned.table, []).append(f"{module}.{owned.model}")
    assert {"segments", "pending_evaluations", "hub_memberships", "team_contacts", "events"} <= set(seen)
    assert table_owners()["pending_evaluations"] == "segments"
    assert table_owners()["events"] == "contacts"
    assert not {t: m for t, m in seen.items() if len(m) > 1}


def test_only_the_owning_domain_writes_a_table() -> None:
    violations = all_violations()
    assert not violations, "writes to another domain's table (call the owner's service):\n" + "\n".join(violations)


def test_the_scan_catches_planted_writes(tmp_path: Path) -> None:
    (tmp_path / "app" / "hubs").mkdir(parents=True)
    (tmp_path / "app" / "commerce").mkdir(parents=True)
    (tmp_path / "app" / "segments" / "pipeline").mkdir(parents=True)
    (tmp_path / "app" / "hubs" / "models.py").write_text(
        "class HubMembership(Model):\n    class Meta:\n        table = 'hub_memberships'\n")
    (tmp_path / "app" / "segments" / "pipeline" / "models.py").write_text(
        "class PendingEvaluation(Model):\n    class Meta:\n        table = 'pending_evaluations'\n")
    (tmp_path / "app" / "commerce" / "models.py").write_text(
        "class Order(Model):\n    class Meta:\n        table = 'orders'\n")
    planted = tmp_path / "app" / "commerce" / "planted.py"
    planted.write_text(
        "from app.hubs.models import HubMembership as HM\n"
        "from app.commerce.models import Order\n"
        "async def grant(x: int, row: HM) -> None:\n"
        "    await HM.create(hub_id=1)\n"                                         # 4
        "    await HM.filter(id=x).delete()\n"                                    # 5
        "    m = await HM.get_or_none(id=x)\n"
        "    await m.save()\n"                                                    # 7
        "    for other in await HM.filter(hub_id=1):\n"
        "        await other.delete()\n"                                          # 9
        "    await row.save(update_fields=['role'])\n"                            # 10
        "    await HM.filter(id=x).select_for_update().update(role='host')\n"     # 11
        "    await Order.create(total_amount=1)\n"                                # 12: own table
        "    await conn.execute('UPDATE hub_memberships hm SET banned = true')\n"  # 13
        "    await conn.execute(f'DELETE FROM pending_evaluations WHERE id = {x}')\n"  # 14
        "    await conn.execute('INSERT INTO orders (id) VALUES (1)')\n"           # 15: own table
        "    await conn.execute('SELECT 1 FROM hub_memberships FOR UPDATE SKIP LOCKED')\n"  # 16: a read
        "    await conn.execute('INSERT INTO x (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2')\n"  # 17
        "    await conn.copy_records_to_table('hub_memberships', records=[])\n"    # 18
        "    await conn.execute('TRUNCATE orders, pending_evaluations')\n"         # 19
    )
    lines = sorted(int(v.split(":")[1]) for v in scan_file(planted, tmp_path))
    assert lines == [4, 5, 7, 9, 10, 11, 13, 14, 18, 19], scan_file(planted, tmp_path)
    assert any("pending_evaluations (owned by segments" in v for v in scan_file(planted, tmp_path))
