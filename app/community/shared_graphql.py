"""Feed and thread pages, encoded once per community version and shared by members, with each member's own
parts applied on top.

A member frontend asks the same feed page (`mySpace(id) { posts(first: 20) { … } }`) and thread page
(`communityPost(id) { comments(first: 50) { … } }`) again and again, and almost every value in the answer is
the same for every member: the posts, their authors' names, reaction counts. What differs per member:

- whether the space is open to them (their access decision) and whether they moderate the hub: both part
  of the key, so members with equal decisions share;
- `reactedByMe`: the shared page is kept as encoded bytes cut at each `reactedByMe` value, and a member's
  own reactions on the page's posts and comments (one statement) fill the cuts;
- members they blocked, and their own pending post or comments (shown to them alone): a member with any
  block in the hub, or with pending content in that thread, is not served from here (the page runs for
  them as usual).

The key: the hub, the document, the operation, the variables (canonical JSON; long ones never keyed), the
moderator flag, and the access decision to the space; an entry holds the hub's community version it was
made at (the sum of the hub's `CommunityVersion` rows, kept by statement triggers on spaces, posts, comments,
reactions and profiles in the same transaction as any change), so a new post, comment, reaction, edit,
moderation or profile rename changes the answer in the next request. The version, the member's block and
pending flags, the post's space (for a thread) and their reactions on the cached page are one statement per
request, besides the session's. Only results without errors or extensions are kept; a document that does not
parse, validate or run cleanly never comes from here.

Which documents: a query of one `mySpace(id:)` or `communityPost(id:)` whose fields are all in
`SHARED_FIELDS` (no attachments, avatars, bios, revisions or events: signed URLs, the viewer's own view of
a profile, the viewer's RSVP), with no directive but @include/@skip, no fragment on another type, and no
`posts(upcoming:)` (it depends on the clock). Each post or comment whose `reactions { reactedByMe }` is
selected must select its `id` and the reaction's `emoji` too, or the page runs for each member.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import orjson
from graphql import (
    BooleanValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
)
from strawberry.types import ExecutionResult
from tortoise import connections

from app.access.members import MemberViewer
from app.access.shared_graphql import argument_id, canonical_variables, parsed_query, reads_only
from app.access.view import HubAccess, hub_access
from app.community.service import is_moderator
from app.core.bounded import BoundedLRU
from app.core.ids import InvalidId, decode_global_id
from app.core.metrics import COMMUNITY_SHARED_PAGES, GRAPHQL_DURATION, GRAPHQL_OPERATIONS
from app.graphql.encoding import EncodedJSON

MAX_CACHED_BYTES = 32 * 1024 * 1024  # per process; the least recently used pages go first
MAX_QUERY_CHARS = 8_000  # a feed or thread document is a few hundred characters
MAX_VARIABLES_CHARS = 2_000  # an id, a page size, a cursor
KEY_OVERHEAD = 256

_CONNECTION: dict[str, str | None] = {"__typename": None, "totalCount": None}
_PAGE_INFO: dict[str, str | None] = {
    name: None for name in ("__typename", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor")}
# Per type, the fields whose values are the same for every member with an equal key (None: a leaf), but
# `reactedByMe`, which each member's own reactions fill in.
SHARED_FIELDS: dict[str, dict[str, str | None]] = {
    "Query": {"__typename": None, "mySpace": "MemberSpace", "communityPost": "CommunityPost"},
    "MemberSpace": {
        **{name: None for name in ("__typename", "id", "slug", "name", "description", "kind", "position",
                                   "canAccess", "lockedReason", "availableAt", "canPost", "readOnly")},
        "posts": "CommunityPostConnection", "pinnedPosts": "CommunityPost",
    },
    "CommunityPostConnection": {**_CONNECTION, "edges": "CommunityPostEdge", "nodes": "CommunityPost",
                                "pageInfo": "PageInfo"},
    "CommunityPostEdge": {"__typename": None, "cursor": None, "node": "CommunityPost"},
    "CommunityCommentConnection": {**_CONNECTION, "edges": "CommunityCommentEdge", "nodes": "CommunityComment",
                                   "pageInfo": "PageInfo"},
    "CommunityCommentEdge": {"__typename": None, "cursor": None, "node": "CommunityComment"},
    "PageInfo": _PAGE_INFO,
    "CommunityPost": {
        **{name: None for name in ("__typename", "id", "spaceId", "title", "body", "bodyHtml", "status", "pinned",
                                   "locked", "commentCount", "createdAt", "editedAt", "lastActivityAt",
                                   "acceptedAnswerId")},
        "author": "MemberProfile", "reactions": "ReactionCount", "comments": "CommunityCommentConnection",
    },
    "CommunityComment": {
        **{name: None for name in ("__typename", "id", "postId", "parentId", "depth", "status", "body", "bodyHtml",
                                   "createdAt", "editedAt", "isAcceptedAnswer")},
        "author": "MemberProfile", "reactions": "ReactionCount",
    },
    "MemberProfile": {name: None for name in ("__typename", "id", "handle", "displayName")},
    "ReactionCount": {name: None for name in ("__typename", "emoji", "count", "reactedByMe")},
}
_REFUSED_ARGUMENTS = frozenset({"upcoming"})  # posts(upcoming:) depends on the clock
_TARGET_KINDS = {"CommunityPost": "post", "CommunityComment": "comment"}
_ROOTS = {"mySpace": "MemberSpace", "communityPost": "CommunityPost"}


@dataclass(frozen=True)
class SharedDocument:
    """A feed or thread document: its one root field (`mySpace` or `communityPost`), the `id` argument's value
    node, and what walking the result needs."""

    root: str
    id_value: ValueNode
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]


@lru_cache(maxsize=256)
def shared_document(query: str, operation_name: str | None) -> SharedDocument | None:
    parsed = parsed_query(query, operation_name, MAX_QUERY_CHARS)
    if parsed is None:
        return None
    operation, fragments = parsed
    roots: list[FieldNode] = []
    if not reads_only(SHARED_FIELDS, operation.selection_set, "Query", fragments, "Query", roots, _REFUSED_ARGUMENTS):
        return None
    fields = [f for f in roots if f.name.value in _ROOTS]
    if len(fields) != 1:
        return None
    id_value = next((a.value for a in fields[0].arguments or () if a.name.value == "id"), None)
    if id_value is None:
        return None
    return SharedDocument(fields[0].name.value, id_value, operation, fragments)


def is_shared_document(query: str, operation_name: str | None) -> bool:
    return shared_document(query, operation_name) is not None


# ---------------------------------------------------------------- the shared pages


@dataclass
class Template:
    """An encoded page cut at its `reactedByMe` values: parts[0], slot 0, parts[1], …; each slot is
    `kind:id:emoji`, true when the member gave that reaction."""

    parts: list[bytes]
    slots: list[str]
    posts: frozenset[int]
    comments: frozenset[int]

    @property
    def cost(self) -> int:
        return sum(len(p) for p in self.parts) + 64 * len(self.slots) + 8 * (len(self.posts) + len(self.comments))

    def answer(self, mine: set[str]) -> bytes:
        pieces = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            pieces.append(b"true" if slot in mine else b"false")
            pieces.append(part)
        return b"".join(pieces)


@dataclass
class Entry:
    """The pages of one key at one community version, per access decision to the space."""

    version: int
    key_bytes: int
    templates: dict[tuple, Template] = field(default_factory=dict)

    @property
    def cost(self) -> int:
        return self.key_bytes + sum(t.cost for t in self.templates.values())

    def targets(self) -> tuple[list[int], list[int]]:
        posts: set[int] = set()
        comments: set[int] = set()
        for t in self.templates.values():
            posts |= t.posts
            comments |= t.comments
        return sorted(posts), sorted(comments)


shared_pages: BoundedLRU[Entry] = BoundedLRU(MAX_CACHED_BYTES)

# The member's own reactions on the given posts ($5) and comments ($6): `kind:id:emoji` each.
_MINE = """ARRAY(SELECT target_type || ':' || target_id || ':' || emoji FROM community_reactions
        WHERE team_id = $1 AND team_contact_id = $3
          AND ((target_type = 'post' AND target_id = ANY($5::bigint[]))
               OR (target_type = 'comment' AND target_id = ANY($6::bigint[]))))"""
# The member's part, in one statement: the hub's community version, whether they blocked anyone in the hub,
# the post's space (a thread), whether they have a pending post or comment there, and their reactions on
# the cached page's posts and comments.
VIEWER_SQL = f"""
SELECT
  (SELECT sum(version) FROM community_versions WHERE team_id = $1 AND hub_id = $2) AS version,
  EXISTS (SELECT 1 FROM community_blocks WHERE team_id = $1 AND hub_id = $2 AND blocker_id = $3) AS blocks,
  (SELECT space_id FROM community_posts WHERE team_id = $1 AND hub_id = $2 AND id = $4) AS post_space,
  (EXISTS (SELECT 1 FROM community_posts WHERE team_id = $1 AND id = $4 AND author_id = $3 AND status = 'pending')
   OR EXISTS (SELECT 1 FROM community_comments
              WHERE team_id = $1 AND post_id = $4 AND author_id = $3 AND status = 'pending')) AS own_pending,
  {_MINE} AS mine
"""
MINE_SQL = "SELECT " + _MINE.replace("$3", "$2").replace("$5", "$3").replace("$6", "$4") + " AS mine"

# Pages being run in this process, per key, version and decision: a request that misses while the same page
# runs waits for it instead of running it too (after a write, every client's next request misses at once).
_running: dict[tuple, asyncio.Future[Template | None]] = {}


@dataclass
class SharedPage:
    """One request's place among the shared pages: answered from an entry (`cached`), from the same page another
    request is running (`joined`), or run and kept (`keep`, then `release`)."""

    key: tuple
    document: SharedDocument
    variables: dict[str, Any]
    version: int
    decision: tuple
    template: Template | None
    mine: set[str]
    fetched: tuple[frozenset[int], frozenset[int]]  # the posts and comments whose reactions `mine` covers
    viewer: tuple[int, int]  # team, contact
    key_bytes: int
    running: asyncio.Future[Template | None] | None = None

    def _covered(self, template: Template) -> bool:
        return template.posts <= self.fetched[0] and template.comments <= self.fetched[1]

    def _answer(self, template: Template, started: float) -> ExecutionResult:
        COMMUNITY_SHARED_PAGES.labels("hit").inc()
        GRAPHQL_OPERATIONS.labels("query", "ok").inc()
        GRAPHQL_DURATION.labels("query").observe(time.perf_counter() - started)
        return ExecutionResult(data=EncodedJSON(template.answer(self.mine)), errors=None)  # type: ignore[arg-type]

    def cached(self, started: float) -> ExecutionResult | None:
        if self.template is None or not self._covered(self.template):
            return None
        return self._answer(self.template, started)

    async def joined(self, started: float) -> ExecutionResult | None:
        """The page another request of this process is running now, once it ran cleanly; None: run it (and
        `release` after)."""
        flight = (self.key, self.version, self.decision)
        running = _running.get(flight)
        if running is not None:
            template = await asyncio.shield(running)
        else:  # none running: one may have been kept since this request looked
            entry = shared_pages.get(self.key)
            template = entry.templates.get(self.decision) if entry is not None and entry.version == self.version \
                else None
            if template is None:
                COMMUNITY_SHARED_PAGES.labels("miss").inc()
                self.running = _running[flight] = asyncio.get_running_loop().create_future()
                return None
        if template is None:  # it failed: run it as usual
            COMMUNITY_SHARED_PAGES.labels("miss").inc()
            return None
        if not self._covered(template):  # it shows posts or comments `mine` was not read for
            posts, comments = sorted(template.posts), sorted(template.comments)
            rows = await connections.get("default").execute_query_dict(MINE_SQL, [*self.viewer, posts, comments])
            self.mine = set(rows[0]["mine"] or ())
            self.fetched = (template.posts, template.comments)
        return self._answer(template, started)

    def keep(self, result: ExecutionResult) -> None:
        """Store a result that ran cleanly (no errors, no extensions), cut at its `reactedByMe` values."""
        if result.errors or result.extensions or not isinstance(result.data, dict):
            return
        template = make_template(result.data, self.document, self.variables)
        if template is None:
            return
        entry = shared_pages.get(self.key)
        if entry is None or entry.version != self.version:
            entry = Entry(self.version, self.key_bytes)
        entry.templates[self.decision] = template
        shared_pages.store(self.key, entry, entry.cost)
        if self.running is not None and not self.running.done():
            self.running.set_result(template)

    def release(self) -> None:
        """The run is over (kept, failed or cancelled): whoever waits gets the page, or runs it themselves."""
        if self.running is None:
            return
        if not self.running.done():
            self.running.set_result(None)
        flight = (self.key, self.version, self.decision)
        if _running.get(flight) is self.running:
            del _running[flight]
        self.running = None


def _root_id(document: SharedDocument, variables: dict[str, Any]) -> int | None:
    return argument_id(document.id_value, variables, _ROOTS[document.root])


def _decision(access: HubAccess, space_id: int | None) -> tuple:
    if space_id is None:
        return ("none",)
    decision = access.space(space_id)
    return (decision.allowed, decision.reason, decision.available_at)


async def shared_page(member: MemberViewer, loaders: dict[str, Any], query: str | None, operation_name: str | None,
                      variables: dict[str, Any] | None) -> SharedPage | None:
    """This request's place among the shared pages, or None when it must run on its own (not such a document,
    a member with blocks or pending content there, variables too long)."""
    if not query or member.hub is None:
        return None
    document = shared_document(query, operation_name)
    if document is None:
        return None
    canonical = canonical_variables(variables)
    if canonical is None or len(canonical) > MAX_VARIABLES_CHARS:
        return None
    root_id = _root_id(document, variables or {})
    if root_id is None:
        return None
    try:
        access = await hub_access(loaders, member.team_id, member.hub_id, member.team_contact_id)
    except Exception:  # the resolver meets the same failure and reports it as it should
        return None
    moderator = is_moderator(access)
    key = (member.team_id, member.hub_id, query, operation_name, canonical, moderator)
    entry = shared_pages.get(key)
    posts, comments = entry.targets() if entry is not None else ([], [])
    post_id = root_id if document.root == "communityPost" else 0
    rows = await connections.get("default").execute_query_dict(
        VIEWER_SQL, [member.team_id, member.hub_id, member.team_contact_id, post_id, posts, comments])
    row = rows[0]
    if row["blocks"] or (row["own_pending"] and not moderator):
        return None
    version = int(row["version"] or 0)  # no row: the hub never had a community write
    space_id = root_id if document.root == "mySpace" else row["post_space"]
    decision = _decision(access, space_id)
    template = None
    if entry is not None and entry.version == version:
        template = entry.templates.get(decision)
    return SharedPage(key, document, variables or {}, version, decision, template, set(row["mine"] or ()),
                      (frozenset(posts), frozenset(comments)), (member.team_id, member.team_contact_id),
                      len(query) + len(canonical) + KEY_OVERHEAD)


# ---------------------------------------------------------------- cutting a result at its reactedByMe values


class _Cut:
    """Where a `reactedByMe` value was: encoded as a NUL byte, which JSON text never holds raw."""

    __slots__ = ()


_CUT = _Cut()


def _default(value: object) -> object:
    if value is _CUT:
        return orjson.Fragment(b"\x00")
    if isinstance(value, EncodedJSON):
        return orjson.Fragment(value.encoded)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


Fields = dict[str, tuple[str, list[SelectionSetNode]]]  # response key -> (field name, sub-selections)


class _NotShared(Exception):
    pass


def _included(node: Any, variables: dict[str, Any]) -> bool:
    for directive in node.directives or ():
        argument = next((a.value for a in directive.arguments or () if a.name.value == "if"), None)
        if isinstance(argument, BooleanValueNode):
            value = argument.value
        elif isinstance(argument, VariableNode) and isinstance(variables.get(argument.name.value), bool):
            value = variables[argument.name.value]
        else:  # a default value or something odd: not worth following
            raise _NotShared
        if value is (directive.name.value == "skip"):
            return False
    return True


def _collect(selection_sets: list[SelectionSetNode], fragments: dict[str, FragmentDefinitionNode],
             variables: dict[str, Any], into: Fields | None = None) -> Fields:
    fields: Fields = {} if into is None else into
    for selection_set in selection_sets:
        for selection in selection_set.selections:
            if not _included(selection, variables):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                _, subs = fields.setdefault(key, (selection.name.value, []))
                if selection.selection_set is not None:
                    subs.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                _collect([selection.selection_set], fragments, variables, fields)
            elif isinstance(selection, FragmentSpreadNode):
                _collect([fragments[selection.name.value].selection_set], fragments, variables, fields)
    return fields


class _Cutter:
    def __init__(self, document: SharedDocument, variables: dict[str, Any]) -> None:
        self.fragments = document.fragments
        self.variables = variables
        self.slots: list[str] = []
        self.undo: list[tuple[dict[str, Any], str, Any]] = []
        self.posts: set[int] = set()
        self.comments: set[int] = set()

    def walk(self, data: Any, type_name: str, selection_sets: list[SelectionSetNode]) -> None:
        if data is None:
            return
        if isinstance(data, list):
            for item in data:
                self.walk(item, type_name, selection_sets)
            return
        if not isinstance(data, dict):
            raise _NotShared
        fields = _collect(selection_sets, self.fragments, self.variables)
        target = self._target(data, type_name, fields)
        for key, (name, subs) in fields.items():
            child = SHARED_FIELDS[type_name][name]
            if child is None:
                continue
            if child == "ReactionCount":
                self._reactions(data.get(key), subs, target)
            else:
                self.walk(data.get(key), child, subs)

    def _target(self, data: dict[str, Any], type_name: str, fields: Fields) -> str | None:
        kind = _TARGET_KINDS.get(type_name)
        if kind is None:
            return None
        id_key = next((k for k, (name, _) in fields.items() if name == "id"), None)
        if id_key is None:
            return None
        try:
            found, pk = decode_global_id(data.get(id_key))
        except InvalidId:
            return None
        if found != type_name:
            return None
        (self.posts if kind == "post" else self.comments).add(pk)
        return f"{kind}:{pk}"

    def _reactions(self, items: Any, subs: list[SelectionSetNode], target: str | None) -> None:
        if not items:
            return
        fields = _collect(subs, self.fragments, self.variables)
        mine = [k for k, (name, _) in fields.items() if name == "reactedByMe"]
        if not mine:
            return
        emoji = next((k for k, (name, _) in fields.items() if name == "emoji"), None)
        if target is None or emoji is None:
            raise _NotShared
        for item in items:
            for key in mine:
                self.slots.append(f"{target}:{item[emoji]}")
                self.undo.append((item, key, item[key]))
                item[key] = _CUT


def make_template(data: dict[str, Any], document: SharedDocument, variables: dict[str, Any]) -> Template | None:
    """The result's data encoded and cut at each `reactedByMe` value (the data is left as it was)."""
    cutter = _Cutter(document, variables)
    try:
        cutter.walk(data, "Query", [document.operation.selection_set])
        encoded = orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS)
    except (_NotShared, KeyError, TypeError):
        return None
    finally:
        for item, key, value in cutter.undo:
            item[key] = value
    parts = encoded.split(b"\x00")
    if len(parts) != len(cutter.slots) + 1:
        return None
    return Template(parts, cutter.slots, frozenset(cutter.posts), frozenset(cutter.comments))
