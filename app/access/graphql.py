"""GraphQL for access: rules (admin), member sign-in, and `myAccessChanged` (live re-decisions)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.access import members, service
from app.access.decision import LockReason
from app.access.member_graphql import require_member
from app.access.models import AccessRule, Audience, DripAnchor, RuleMode, RuleTarget
from app.access.view import HubAccess, compute_hub_access
from app.core.pubsub import listen, team_channel
from app.graphql.context import Context
from app.graphql.enums import described_enum
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, gids, id_arg, id_input, id_inputs, typed_id_arg
from app.graphql.nodes import NodeType, staff, team_rows
from app.hubs.service import MEMBERSHIP_TOPIC
from app.teams import audit

log = logging.getLogger("memberhub.access")

RuleTargetEnum = described_enum(
    RuleTarget, name="AccessRuleTarget",
    description="What an access rule guards; `targetId` is an id of the matching type.",
    values={
        "HUB_SECTION": "A hub section (a HubSection id): every node filed under it, and their subtrees.",
        "NODE": "A content node (a ContentNode id) and its subtree.",
        "PAGE": "A hub page (a Page id).",
        "SPACE": "A community space (a CommunitySpace id): its posts, comments and who may post there.",
    })
AudienceEnum = described_enum(
    Audience, name="AccessAudience",
    description="Which hub members a rule admits (non-members and banned members are never admitted).",
    values={
        "EVERYONE": "Every member of the hub (the default); use it for a date window or drip alone.",
        "ROLES": "Members whose role is one of `roles` (else ROLE_REQUIRED).",
        "SEGMENTS_ANY": "Members of at least one of `segmentIds` (else NOT_IN_SEGMENT).",
        "SEGMENTS_ALL": "Members of every one of `segmentIds` (else NOT_IN_SEGMENT).",
        "PRODUCTS": ("Members with a live entitlement (active or grace, not ended) to one of `productIds`, "
                     "while it lasts (else NO_ENTITLEMENT, or EXPIRED once it ended)."),
        "CONTACTS": "Exactly the contacts in `contactIds` (else NOT_LISTED).",
    })
RuleModeEnum = described_enum(
    RuleMode, name="AccessRuleMode",
    description=("How a rule combines with the rules above its target (the hub section's rule, then each "
                 "ancestor node's, outermost first)."),
    values={
        "NARROW": "Adds to the rules above: a member must pass them all (the default).",
        "REPLACE": "The rules above no longer apply here and below: only this rule and the ones under it count.",
    })
DripAnchorEnum = described_enum(
    DripAnchor, name="DripAnchor",
    description="What a drip's `dripDays` count from.",
    values={
        "HUB_JOIN": "The member's `joinedAt` in the hub (the default when `dripDays` is set).",
        "ENTITLEMENT_START": ("The start of the member's earliest live entitlement to one of the rule's "
                              "`productIds`; without one it never opens."),
    })
# What can change a member's decisions: segments, entitlements, and their hub role, ban or leaving.
ACCESS_TOPICS = ("segment-membership", "entitlements", MEMBERSHIP_TOPIC)
# The GraphQL type of each kind of rule target, whose global ids `targetId` takes and gives.
TARGET_TYPES = {RuleTarget.HUB_SECTION: "HubSection", RuleTarget.NODE: "ContentNode", RuleTarget.PAGE: "Page",
                RuleTarget.SPACE: "CommunitySpace"}
TARGET_OF_TYPE = {type_name: target for target, type_name in TARGET_TYPES.items()}


@strawberry.type(name="AccessRule", description=(
    "Who may open a hub section, content node or page, and when; one rule per target. A member opens a "
    "node when every effective rule on its chain admits them and every window is open. Needs content:read."))
class AccessRuleType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    target_type: RuleTarget = strawberry.field(description="What kind of thing the rule guards.")
    target_id: strawberry.ID = strawberry.field(description="The guarded HubSection, ContentNode or Page id.")
    mode: RuleMode = strawberry.field(description="Whether it adds to or replaces the rules above it.")
    audience: Audience = strawberry.field(description="Which members it admits.")
    roles: list[str] = strawberry.field(description=(
        "HubRole values (lowercase: `host`) admitted by a ROLES rule; empty otherwise."))
    segment_ids: list[strawberry.ID] = strawberry.field(description="Segment ids of a SEGMENTS_ANY/SEGMENTS_ALL rule.")
    product_ids: list[strawberry.ID] = strawberry.field(description=(
        "Product ids of a PRODUCTS rule, or of an ENTITLEMENT_START drip."))
    contact_ids: list[strawberry.ID] = strawberry.field(description="Contact ids of a CONTACTS rule.")
    available_from: datetime | None = strawberry.field(description=(
        "Opens at this time (NOT_YET_AVAILABLE before); null: no start."))
    available_until: datetime | None = strawberry.field(description=(
        "Closes at this time (EXPIRED after); null: no end."))
    drip_days: int | None = strawberry.field(description=(
        "Opens this many days (0 to 3,650) after `dripAnchor`, per member; null: no drip."))
    drip_anchor: DripAnchor | None = strawberry.field(description="What `dripDays` count from; null without a drip.")

    @classmethod
    def from_model(cls, r: AccessRule) -> AccessRuleType:
        return cls(
            id=r.id, hub_id=encode_id("Hub", r.hub_id), target_type=RuleTarget(r.target_type),
            target_id=encode_id(TARGET_TYPES[RuleTarget(r.target_type)], r.target_id), mode=RuleMode(r.mode),
            audience=Audience(r.audience), roles=list(r.roles), segment_ids=gids("Segment", r.segment_ids),
            product_ids=gids("Product", r.product_ids), contact_ids=gids("Contact", r.contact_ids),
            available_from=r.available_from, available_until=r.available_until,
            drip_days=r.drip_days, drip_anchor=DripAnchor(r.drip_anchor) if r.drip_anchor else None,
        )


def _rules_by_target_loader(team_id: int) -> DataLoader[tuple[str, int], AccessRule | None]:
    async def load(keys: list[tuple[str, int]]) -> list[AccessRule | None]:
        rows = await AccessRule.filter(team_id=team_id, target_id__in=[k[1] for k in keys])
        found = {(str(r.target_type), r.target_id): r for r in rows}
        return [found.get((str(t), i)) for t, i in keys]

    return DataLoader(load_fn=load)


async def rule_for_target(
    info: Info[Context, None], team_id: int, target_type: str, target_id: int
) -> AccessRuleType | None:
    loader = info.context.loader("access:rule_by_target", lambda: _rules_by_target_loader(team_id))
    row = await loader.load((str(target_type), target_id))
    return AccessRuleType.from_model(row) if row else None


@strawberry.input(description="Who may see the target, and when. Drip: available dripDays after the anchor.")
class SetAccessRuleInput:
    target_type: RuleTarget = strawberry.field(description="What kind of thing `targetId` is.")
    target_id: strawberry.ID = strawberry.field(description=(
        "The HubSection, ContentNode or Page id (of `targetType`; INVALID_ID for another type)."))
    mode: RuleMode = strawberry.field(default=RuleMode.NARROW, description="NARROW (default) or REPLACE.")
    audience: Audience = strawberry.field(default=Audience.EVERYONE, description=(
        "Who is admitted (default EVERYONE); the matching list below is required (1 to 500 values)."))
    roles: list[str] | None = strawberry.field(default=None, description=(
        "For ROLES: HubRole values in lowercase (`moderator`)."))
    segment_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "For SEGMENTS_ANY/SEGMENTS_ALL: Segment ids of the team."))
    product_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "For PRODUCTS, or an ENTITLEMENT_START drip: Product ids of the team."))
    contact_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=(
        "For CONTACTS: Contact ids of the team."))
    available_from: datetime | None = strawberry.field(default=None, description="Opens at this time.")
    available_until: datetime | None = strawberry.field(default=None, description=(
        "Closes at this time; must be after `availableFrom` (INVALID_WINDOW)."))
    drip_days: int | None = strawberry.field(default=None, description=(
        "Opens this many days after the anchor, 0 to 3,650."))
    drip_anchor: DripAnchor | None = strawberry.field(default=None, description=(
        "What `dripDays` count from (default HUB_JOIN); needs `dripDays`."))


@strawberry.input(description="The target whose rule to remove.")
class RemoveAccessRuleInput:
    target_type: RuleTarget = strawberry.field(description="What kind of thing `targetId` is.")
    target_id: strawberry.ID = strawberry.field(description="The HubSection, ContentNode or Page id.")


@strawberry.type(description="Result of `setAccessRule`.")
class AccessRulePayload:
    rule: AccessRuleType | None = strawberry.field(default=None, description=(
        "The rule as stored now; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="Result of `removeAccessRule`.")
class RemoveAccessRulePayload:
    removed: bool = strawberry.field(default=False, description=(
        "True if a rule was deleted, false if the target had none."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _target_id(target_type: RuleTarget, target_id: strawberry.ID) -> int:
    return id_input(target_id, TARGET_TYPES[RuleTarget(target_type)], "targetId")


@strawberry.input(description="Who asks for a sign-in code.")
class RequestMemberSignInCodeInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub to sign in to (a Hub id).")
    email: str = strawberry.field(description="The member's email address.")


@strawberry.type(description="Result of `requestMemberSignInCode`.")
class RequestMemberSignInCodePayload:
    sent: bool = strawberry.field(
        default=False, description="True once the hub id is valid: whether the email is a member is not revealed.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A one-time code to exchange for a member token.")
class SignInMemberInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub the code was issued for (a Hub id).")
    email: str = strawberry.field(description="The member's email address.")
    code: str = strawberry.field(description=(
        "The 8-digit code from the email or `issueMemberSignInCode`: valid 15 minutes, 5 tries; INVALID_CODE "
        "otherwise."))


@strawberry.type(description="Result of `signInMember`.")
class SignInMemberPayload:
    token: str | None = strawberry.field(default=None, description=(
        "The member token (`mhm_...`, valid 30 days): send it as `Authorization: Bearer <token>`. Shown only "
        "here; null when `userErrors` is not empty."))
    hub_id: strawberry.ID | None = strawberry.field(default=None, description="The hub the token is for.")
    contact_id: strawberry.ID | None = strawberry.field(default=None, description="The member's Contact id.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Which member to issue a sign-in code for.")
class IssueMemberSignInCodeInput:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id of the caller's team).")
    contact_id: strawberry.ID = strawberry.field(description=(
        "The contact (a Contact id); NOT_A_MEMBER if it is not a member of the hub."))


@strawberry.type(description="Result of `issueMemberSignInCode`.")
class IssueMemberSignInCodePayload:
    code: str | None = strawberry.field(default=None, description="The 8-digit one-time code, valid 15 minutes.")
    magic_link: str | None = strawberry.field(default=None, description=(
        "A link that signs the member in with the code (on the public URL), to deliver yourself."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AccessQuery:
    @strawberry.field(description="Every access rule of a hub, oldest first. Needs content:read.")
    async def access_rules(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The hub (a Hub id)."))],
    ) -> list[AccessRuleType]:
        viewer = info.context.require("content:read")
        rows = await AccessRule.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId")).order_by("id")
        return [AccessRuleType.from_model(r) for r in rows]

    @strawberry.field(description=(
        "The rule guarding one hub section, content node, page or community space (by its id), if any. "
        "Needs content:read."))
    async def access_rule(
        self, info: Info[Context, None],
        target_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "A HubSection, ContentNode, Page or CommunitySpace id (another type is BAD_USER_INPUT)."))],
    ) -> AccessRuleType | None:
        viewer = info.context.require("content:read")
        type_name, pk = typed_id_arg(target_id, tuple(TARGET_TYPES.values()), "targetId")
        return await rule_for_target(info, viewer.team.id, TARGET_OF_TYPE[type_name], pk)


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description=(
        "Create or replace the access rule of a hub section, content node, page or community space. "
        "Needs content:write."))
    @mutation_payload
    async def set_access_rule(
        self, info: Info[Context, None], input: Annotated[SetAccessRuleInput, strawberry.argument(description=(
            "The target and its rule."))],
    ) -> AccessRulePayload:
        viewer = info.context.require("content:write")
        spec = service.RuleSpec(
            mode=input.mode.value, audience=input.audience.value, roles=input.roles,
            segment_ids=id_inputs(input.segment_ids, "Segment", "segmentIds"),
            product_ids=id_inputs(input.product_ids, "Product", "productIds"),
            contact_ids=id_inputs(input.contact_ids, "Contact", "contactIds"), available_from=input.available_from,
            available_until=input.available_until, drip_days=input.drip_days,
            drip_anchor=input.drip_anchor.value if input.drip_anchor else None,
        )
        rule = await service.set_access_rule(viewer.team, input.target_type.value,
                                             _target_id(input.target_type, input.target_id), spec)
        await audit.record(viewer.team.id, viewer, "access_rule.set", input.target_type.value, input.target_id,
                           {"mode": spec.mode, "audience": spec.audience})
        return AccessRulePayload(rule=AccessRuleType.from_model(rule))

    @strawberry.mutation(description=(
        "Remove a target's access rule (then only the rules above it apply). Needs content:write."))
    @mutation_payload
    async def remove_access_rule(
        self, info: Info[Context, None], input: Annotated[RemoveAccessRuleInput, strawberry.argument(description=(
            "The target."))],
    ) -> RemoveAccessRulePayload:
        viewer = info.context.require("content:write")
        removed = await service.remove_access_rule(viewer.team, input.target_type.value,
                                                   _target_id(input.target_type, input.target_id))
        if removed:
            await audit.record(viewer.team.id, viewer, "access_rule.removed", input.target_type.value,
                               input.target_id)
        return RemoveAccessRulePayload(removed=removed)

    @strawberry.mutation(description=(
        "Staff: a one-time sign-in code and magic link for a member, to deliver yourself (no email is sent). "
        "Needs content:write."))
    @mutation_payload
    async def issue_member_sign_in_code(
        self, info: Info[Context, None], input: Annotated[IssueMemberSignInCodeInput, strawberry.argument(description=(
            "The hub and member."))],
    ) -> IssueMemberSignInCodePayload:
        viewer = info.context.require("content:write")
        issued = await members.admin_issue_code(viewer.team.id, id_input(input.hub_id, "Hub", "hubId"),
                                                id_input(input.contact_id, "Contact", "contactId"))
        return IssueMemberSignInCodePayload(code=issued.code, magic_link=issued.magic_link)

    @strawberry.mutation(description=(
        "Public (no credentials): email a member a one-time code and magic link for this hub. Rate-limited "
        "per address and email (RATE_LIMITED with `retryAfter`)."))
    @mutation_payload
    async def request_member_sign_in_code(
        self, info: Info[Context, None],
        input: Annotated[RequestMemberSignInCodeInput, strawberry.argument(description="The hub and email.")],
    ) -> RequestMemberSignInCodePayload:
        await members.request_sign_in_code(id_input(input.hub_id, "Hub", "hubId"), input.email,
                                           info.context.client_address, info.context.settings)
        return RequestMemberSignInCodePayload(sent=True)

    @strawberry.mutation(description=(
        "Public (no credentials): exchange a one-time code for a member token scoped to the hub. Failed "
        "guesses are limited per code and per hub and email."))
    @mutation_payload
    async def sign_in_member(
        self, info: Info[Context, None], input: Annotated[SignInMemberInput, strawberry.argument(description=(
            "The hub, email and code."))],
    ) -> SignInMemberPayload:
        member, token = await members.sign_in_with_code(id_input(input.hub_id, "Hub", "hubId"), input.email,
                                                        input.code, info.context.client_address,
                                                        info.context.settings)
        return SignInMemberPayload(token=token, hub_id=encode_id("Hub", member.hub_id),
                                   contact_id=encode_id("Contact", member.team_contact_id))

    @strawberry.mutation(description=(
        "Revoke the calling member's token (member session required); true once revoked."))
    async def sign_out_member(self, info: Info[Context, None]) -> bool:
        await members.sign_out(require_member(info))
        return True


# ---------------------------------------------------------------- live access changes

@strawberry.type(description="One node whose access decision changed for the member.")
class AccessChange:
    node_id: strawberry.ID = strawberry.field(description="The node (a MemberContentNode id, as in `myHub`).")
    can_access: bool = strawberry.field(description="Whether the member may open it now.")
    locked_reason: LockReason | None = strawberry.field(description="Why not, when locked; null when open.")
    available_at: datetime | None = strawberry.field(description=(
        "When it opens, for NOT_YET_AVAILABLE; null otherwise."))


@strawberry.type(description="Access decisions that changed for the signed-in member, sent by `myAccessChanged`.")
class MyAccessChanged:
    hub_id: strawberry.ID = strawberry.field(description="The member's hub.")
    cause: str = strawberry.field(description=(
        "What changed: `segment` (segment membership), `entitlement` (a purchase, renewal, refund or end) or "
        "`membership` (the member's hub role, a ban or unban, or leaving the hub)."))
    changes: list[AccessChange] = strawberry.field(description="Only the nodes whose decision changed.")


async def _merged(channels: list[str]) -> AsyncGenerator[dict[str, Any], None]:
    """Messages from several pub/sub channels, as one stream."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def pump(channel: str) -> None:
        async for message in listen(channel):
            await queue.put(message)

    tasks = [asyncio.create_task(pump(c)) for c in channels]
    try:
        while True:
            yield await queue.get()
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def _fresh_access(team_id: int, hub_id: int, contact_id: int) -> HubAccess:
    # A websocket's context lives for the whole connection: each event gets new loaders.
    return await compute_hub_access({}, team_id, hub_id, contact_id)


@strawberry.type
class AccessSubscription:
    @strawberry.subscription(description=(
        "Nodes whose access changed for the member (a segment or entitlement change, their hub role or a ban). "
        "Member session "
        "required; only its own hub (FORBIDDEN otherwise)."))
    async def my_access_changed(
        self, info: Info[Context, None], hub_id: Annotated[strawberry.ID, strawberry.argument(description=(
            "The member's hub (a Hub id)."))],
    ) -> AsyncGenerator[MyAccessChanged, None]:
        member = require_member(info)
        if id_arg(hub_id, "Hub", "hubId") != member.hub_id:
            raise forbidden("a member token only follows its own hub")
        channels = [team_channel(member.team_id, topic) for topic in ACCESS_TOPICS]
        stream = _merged(channels)
        try:
            before = await _fresh_access(member.team_id, member.hub_id, member.team_contact_id)
            async for message in stream:
                if str(message.get("team_contact_id")) != str(member.team_contact_id):
                    continue
                if "change" in message and message.get("hub_id") != member.hub_id:
                    continue  # the member's role or ban in another hub
                after = await _fresh_access(member.team_id, member.hub_id, member.team_contact_id)
                changed = after.changed_since(before)
                before = after
                if not changed:
                    continue
                cause = "segment" if "segment_id" in message else "membership" if "change" in message \
                    else "entitlement"
                yield MyAccessChanged(
                    hub_id=encode_id("Hub", member.hub_id), cause=cause,
                    changes=[
                        AccessChange(
                            node_id=encode_id("MemberContentNode", i), can_access=after.decisions[i].allowed,
                            locked_reason=after.decisions[i].reason, available_at=after.decisions[i].available_at,
                        )
                        for i in changed
                    ],
                )
        finally:
            await stream.aclose()


NODE_TYPES = (NodeType("AccessRule", staff("content:read"), team_rows(AccessRule, AccessRuleType.from_model)),)
