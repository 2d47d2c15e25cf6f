"""Role x operation: for each staff role, every query and mutation of schema.graphql is allowed or
refused exactly as the one role table says (app/teams/service.py ROLE_SCOPES, docs/teams.md).

Generated, like tests/test_tenant_walk.py: the operations come from the SDL, and the scope each
needs is read from its resolver's first `info.context.require(...)` in the source, so a new
operation is walked without editing this file. Each role is a real user: the owner `create-team`
made (signed in with `login`), the others members who accepted an invitation; each call carries
type-correct placeholder arguments (authorization comes first in every resolver, so the
placeholders never get as far as being used), selects only `__typename`
(field-level scopes are another test's), and must answer FORBIDDEN exactly when the role lacks
the scope. Operations that need no scope (sign-in, the member API, `viewer`) are listed and
counted, never silently dropped.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    build_schema,
    get_named_type,
)
from graphql.pyutils import Undefined

from app.teams.models import TeamRole
from app.teams.service import ADMIN_SCOPE, ROLE_SCOPE_PATTERNS, ROLE_SCOPES

ROOT = Path(__file__).resolve().parent.parent
SDL = build_schema((ROOT / "schema.graphql").read_text())
# Resolvers that ask for no scope: any signed-in caller (or none) may call them.
# The scope is picked at run time by a shared helper (community moderation): not walked here.
DYNAMIC = {"moderateCommunityContent", "setCommunityPostState", "dismissCommunityFlag", "banCommunityMember"}
# Public: anyone may call them (the member sign-in flow; its own tests cover it).
PUBLIC = {"requestMemberSignInCode", "signInMember"}
UNSCOPED = {"viewer", "team", "node", "nodes", "login", "logout", "sessions", "revokeSession", "acceptTeamInvitation"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level string constants, `READ, WRITE = "a", "b"` included."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                found[target.id] = node.value.value
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                for name, value in zip(target.elts, node.value.elts, strict=False):
                    if isinstance(name, ast.Name) and isinstance(value, ast.Constant):
                        found[name.id] = value.value
    return found


def _scope_of(call: ast.Call, constants: dict[str, str]) -> str | None:
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.Name):
        return ADMIN_SCOPE if arg.id == "ADMIN_SCOPE" else constants.get(arg.id, f"?{arg.id}")
    if isinstance(arg, ast.Attribute) and arg.attr == "ADMIN_SCOPE":
        return ADMIN_SCOPE
    return f"?{ast.dump(arg)}"


MEMBER = "member"  # the member API (member tokens) and platform admins: no staff role applies


def _first_require(fn: ast.AST, constants: dict[str, str], helpers: dict[str, str | None]) -> tuple[bool, str | None]:
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id in ("require_member", "require_member_or_preview",
                                                                "member_access"):
            return True, MEMBER
        if isinstance(node.func, ast.Attribute) and node.func.attr == "require_platform_admin":
            return True, MEMBER  # the platform's operators, not a team's staff
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "require"
                and "context" in ast.unparse(node.func.value)):
            return True, _scope_of(node, constants)
        if isinstance(node.func, ast.Name) and node.func.id in helpers:  # a module helper that checks
            return True, helpers[node.func.id]
    return False, None


def resolver_scopes() -> dict[str, str | None]:
    """GraphQL field name -> the scope its resolver requires first (None: `require()` with none)."""
    scopes: dict[str, str | None] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text())
        constants = _constants(tree)
        helpers: dict[str, str | None] = {}
        for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
            found, scope = _first_require(fn, constants, {})
            if found:
                helpers[fn.name] = scope
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
                if not any("strawberry" in ast.unparse(d) for d in fn.decorator_list):
                    continue
                found, scope = _first_require(fn, constants, helpers)
                if found:
                    scopes.setdefault(_camel(fn.name), scope)
    return scopes


def _placeholder(t: Any) -> Any:
    if isinstance(t, GraphQLNonNull):
        return _placeholder(t.of_type)
    if isinstance(t, GraphQLList):
        return [_placeholder(t.of_type)]
    if isinstance(t, GraphQLEnumType):
        return next(iter(t.values))
    if isinstance(t, GraphQLInputObjectType):
        return {name: _placeholder(f.type) for name, f in t.fields.items()
                if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined}
    assert isinstance(t, GraphQLScalarType)
    return {"Int": 1, "Float": 1.0, "Boolean": False, "DateTime": "2026-01-01T00:00:00+00:00", "Date": "2026-01-01",
            "JSON": {}, "ID": "UGxhY2Vob2xkZXI6MQ"}.get(t.name, "x")


def calls() -> list[tuple[str, str, str, dict[str, Any]]]:
    """(root, name, document, variables) for every query and mutation."""
    out = []
    for root, type_ in (("query", SDL.query_type), ("mutation", SDL.mutation_type)):
        assert type_ is not None
        for name, field in type_.fields.items():
            required = {a: arg for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
            variables = {a: _placeholder(arg.type) for a, arg in required.items()}
            decls = ", ".join(f"${a}: {arg.type}" for a, arg in required.items())
            args = ", ".join(f"{a}: ${a}" for a in required)
            leaf = isinstance(get_named_type(field.type), GraphQLScalarType | GraphQLEnumType)
            selection = "" if leaf else "{ __typename }"
            document = f"{root}{'(' + decls + ')' if decls else ''} {{ {name}{'(' + args + ')' if args else ''} {selection} }}"
            out.append((root, name, document, variables))
    return out


def allowed(role: TeamRole, scope: str) -> bool:
    scopes = ROLE_SCOPES[role]
    return ADMIN_SCOPE in scopes or scope in scopes


def test_the_role_table_is_what_the_docs_show() -> None:
    """docs/teams.md shows ROLE_SCOPE_PATTERNS row by row (patterns, so a new scope needs no doc edit)."""
    docs = (ROOT / "docs" / "teams.md").read_text()
    for role, patterns in ROLE_SCOPE_PATTERNS.items():
        row = re.search(rf"^\| `{role.value}` \| (.*?) \|", docs, re.M)
        assert row, f"docs/teams.md has no row for {role.value}"
        assert re.findall(r"`([^`]+)`", row.group(1)) == list(patterns), role


def test_every_operation_has_a_known_scope() -> None:
    scopes = resolver_scopes()
    unknown = [name for _, name, _, _ in calls() if name not in scopes and name not in UNSCOPED
               and name not in PUBLIC]
    assert unknown == [], f"operations whose resolver requires nothing the walk can read: {unknown}"
    odd = {name: s for name, s in scopes.items() if s is not None and s.startswith("?") and name not in DYNAMIC}
    assert odd == {}, odd


LOGIN = "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token userErrors { code } } }"


async def signed_in_as(gql: Any, make_team: Any, role: TeamRole) -> str:
    """A session of a real user in `role`: the owner `create-team` made, or a member who accepted an invitation."""
    from test_staff import join

    password = "correct horse battery"
    team = await make_team("Walked", password=password)
    if role == TeamRole.OWNER:
        signed = await gql(LOGIN, {"e": team.owner.email, "p": password})
        assert signed["login"]["userErrors"] == []
        return str(signed["login"]["token"])
    session, _ = await join(gql, team, f"{role.value}@example.com", role.name)
    return session


@pytest.mark.parametrize("role", list(TeamRole))  # every role, the owner included
async def test_each_role_may_call_exactly_what_its_scopes_allow(gql, make_team, role) -> None:
    session = await signed_in_as(gql, make_team, role)
    scopes = resolver_scopes()
    mismatches, walked, unscoped = [], 0, []
    for root, name, document, variables in calls():
        scope = scopes.get(name)
        if scope is None or scope == MEMBER or name in DYNAMIC:
            unscoped.append(name)
            continue
        body = await gql.raw(document, variables, token=session)
        codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors") or []}
        refused = "FORBIDDEN" in codes
        walked += 1
        if refused == allowed(role, scope):
            mismatches.append(f"{root} {name} (needs {scope}): {'refused' if refused else 'allowed'}, {body}")
    assert mismatches == [], "\n".join(mismatches[:20])
    assert walked > 100 and len(unscoped) < 80, (walked, unscoped)  # the member API grows with community
