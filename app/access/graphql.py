"""GraphQL for access: rules (admin), member sign-in, and `myAccessChanged` (live re-decisions)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

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
from app.graphql.errors import UserError, forbidden, mutation_payload
from app.graphql.ids import encode_id, gids, id_arg, id_input, id_inputs, typed_id_arg
from app.graphql.nodes import NodeType, staff, team_rows

log = logging.getLogger("memberhub.access")

RuleTargetEnum = strawberry.enum(RuleTarget, name="AccessRuleTarget")
AudienceEnum = strawberry.enum(Audience, name="AccessAudience")
RuleModeEnum = strawberry.enum(RuleMode, name="AccessRuleMode")
DripAnchorEnum = strawberry.enum(DripAnchor, name="DripAnchor")
ACCESS_TOPICS = ("segment-membership", "entitlements")
# The GraphQL type of each kind of rule target, whose global ids `targetId` takes and gives.
TARGET_TYPES = {RuleTarget.HUB_SECTION: "HubSection", RuleTarget.NODE: "ContentNode", RuleTarget.PAGE: "Page",
                RuleTarget.SPACE: "CommunitySpace"}
TARGET_OF_TYPE = {type_name: target for target, type_name in TARGET_TYPES.items()}


@strawberry.type(name="AccessRule")
class AccessRuleType(relay.Node):
    id: relay.NodeID[int]
    hub_id: strawberry.ID
    target_type: RuleTarget
    target_id: strawberry.ID
    mode: RuleMode
    audience: Audience
    roles: list[str]
    segment_ids: list[strawberry.ID]
    product_ids: list[strawberry.ID]
    contact_ids: list[strawberry.ID]
    available_from: datetime | None
    available_until: datetime | None
    drip_days: int | None
    drip_anchor: DripAnchor | None

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
    target_type: RuleTarget
    target_id: strawberry.ID
    mode: RuleMode = RuleMode.NARROW
    audience: Audience = Audience.EVERYONE
    roles: list[str] | None = None
    segment_ids: list[strawberry.ID] | None = None
    product_ids: list[strawberry.ID] | None = None
    contact_ids: list[strawberry.ID] | None = None
    available_from: datetime | None = None
    available_until: datetime | None = None
    drip_days: int | None = None
    drip_anchor: DripAnchor | None = None


@strawberry.input
class RemoveAccessRuleInput:
    target_type: RuleTarget
    target_id: strawberry.ID


@strawberry.type
class AccessRulePayload:
    rule: AccessRuleType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RemoveAccessRulePayload:
    removed: bool = False
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _target_id(target_type: RuleTarget, target_id: strawberry.ID) -> int:
    return id_input(target_id, TARGET_TYPES[RuleTarget(target_type)], "targetId")


@strawberry.input
class RequestMemberSignInCodeInput:
    hub_id: strawberry.ID
    email: str


@strawberry.type
class RequestMemberSignInCodePayload:
    sent: bool = strawberry.field(
        default=False, description="True once the hub id is valid: whether the email is a member is not revealed.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SignInMemberInput:
    hub_id: strawberry.ID
    email: str
    code: str


@strawberry.type
class SignInMemberPayload:
    token: str | None = None
    hub_id: strawberry.ID | None = None
    contact_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class IssueMemberSignInCodeInput:
    hub_id: strawberry.ID
    contact_id: strawberry.ID


@strawberry.type
class IssueMemberSignInCodePayload:
    code: str | None = None
    magic_link: str | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AccessQuery:
    @strawberry.field(description="Every access rule of a hub.")
    async def access_rules(self, info: Info[Context, None], hub_id: strawberry.ID) -> list[AccessRuleType]:
        viewer = info.context.require("content:read")
        rows = await AccessRule.filter(team_id=viewer.team.id, hub_id=id_arg(hub_id, "Hub", "hubId")).order_by("id")
        return [AccessRuleType.from_model(r) for r in rows]

    @strawberry.field(description="The rule guarding one hub section, content node, page or community space "
                                  "(by its id), if any.")
    async def access_rule(self, info: Info[Context, None], target_id: strawberry.ID) -> AccessRuleType | None:
        viewer = info.context.require("content:read")
        type_name, pk = typed_id_arg(target_id, tuple(TARGET_TYPES.values()), "targetId")
        return await rule_for_target(info, viewer.team.id, TARGET_OF_TYPE[type_name], pk)


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description="Create or replace the access rule of a hub section, content node, page or "
                                     "community space.")
    @mutation_payload
    async def set_access_rule(self, info: Info[Context, None], input: SetAccessRuleInput) -> AccessRulePayload:
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
        return AccessRulePayload(rule=AccessRuleType.from_model(rule))

    @strawberry.mutation
    @mutation_payload
    async def remove_access_rule(
        self, info: Info[Context, None], input: RemoveAccessRuleInput
    ) -> RemoveAccessRulePayload:
        viewer = info.context.require("content:write")
        removed = await service.remove_access_rule(viewer.team, input.target_type.value,
                                                   _target_id(input.target_type, input.target_id))
        return RemoveAccessRulePayload(removed=removed)

    @strawberry.mutation(description="Staff: a one-time sign-in code and magic link for a member, to deliver.")
    @mutation_payload
    async def issue_member_sign_in_code(
        self, info: Info[Context, None], input: IssueMemberSignInCodeInput
    ) -> IssueMemberSignInCodePayload:
        viewer = info.context.require("content:write")
        issued = await members.admin_issue_code(viewer.team.id, id_input(input.hub_id, "Hub", "hubId"),
                                                id_input(input.contact_id, "Contact", "contactId"))
        return IssueMemberSignInCodePayload(code=issued.code, magic_link=issued.magic_link)

    @strawberry.mutation(description="Public: email a member a one-time code and magic link for this hub.")
    @mutation_payload
    async def request_member_sign_in_code(
        self, info: Info[Context, None], input: RequestMemberSignInCodeInput
    ) -> RequestMemberSignInCodePayload:
        await members.request_sign_in_code(id_input(input.hub_id, "Hub", "hubId"), input.email,
                                           info.context.client_address, info.context.settings)
        return RequestMemberSignInCodePayload(sent=True)

    @strawberry.mutation(description="Public: exchange a one-time code for a member token scoped to the hub.")
    @mutation_payload
    async def sign_in_member(self, info: Info[Context, None], input: SignInMemberInput) -> SignInMemberPayload:
        member, token = await members.sign_in_with_code(id_input(input.hub_id, "Hub", "hubId"), input.email,
                                                        input.code, info.context.client_address,
                                                        info.context.settings)
        return SignInMemberPayload(token=token, hub_id=encode_id("Hub", member.hub_id),
                                   contact_id=encode_id("Contact", member.team_contact_id))

    @strawberry.mutation(description="Revoke the calling member's token.")
    async def sign_out_member(self, info: Info[Context, None]) -> bool:
        await members.sign_out(require_member(info))
        return True


# ---------------------------------------------------------------- live access changes

@strawberry.type
class AccessChange:
    node_id: strawberry.ID
    can_access: bool
    locked_reason: LockReason | None
    available_at: datetime | None


@strawberry.type
class MyAccessChanged:
    hub_id: strawberry.ID
    cause: str
    changes: list[AccessChange]


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
    @strawberry.subscription(description="Nodes whose access changed for the member (segment or entitlement change).")
    async def my_access_changed(
        self, info: Info[Context, None], hub_id: strawberry.ID
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
                after = await _fresh_access(member.team_id, member.hub_id, member.team_contact_id)
                changed = after.changed_since(before)
                before = after
                if not changed:
                    continue
                cause = "segment" if "segment_id" in message else "entitlement"
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
