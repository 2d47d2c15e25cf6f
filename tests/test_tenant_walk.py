"""Every operation of schema.graphql that takes an id, called by team A with team B's ids.

Generated from the SDL, so a new query, mutation or subscription is walked without editing this
file. Both teams get one real row of every kind; then, for each id argument (or id inside an
input, lists included) of each operation, A sends B's id there and its own ids everywhere else
(so that very id is the one checked), once with A's owner key and once with a member token of
A's hub. Each call must be refused (an error with a code, or userErrors) or see nothing: no
string of B's rows and none of B's global ids in the answer, and B's rows exactly as before.

The id kind of an argument comes from its name (`hubId` is a Hub), or for `id` from what the
operation returns; KIND_BY_NAME and KIND_OVERRIDES hold the exceptions. An id argument whose
kind cannot be told, or a kind without a row to send, FAILS the test: coverage cannot silently
drop. Operations where another team's id is legitimately usable are listed in PUBLIC with why.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import factories
import websockets
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    build_schema,
    get_named_type,
)
from graphql.pyutils import Undefined
from ids import gid, pk
from tortoise import Tortoise, connections

from app.audiences.models import AudienceLink, AudienceSyncRun
from app.commerce.models import CheckoutSession, Dispute, Entitlement, Order, Payment, Refund, Subscription
from app.community.models import Profile
from app.email.models import CampaignRecipient, DripEnrollment, Suppression
from app.graphql.schema import NODE_REGISTRY
from app.plans.models import Agency, AgencyApiKey, AgencyBrand, AgencyMember, ScheduledRecompute, SegmentGeneration
from app.segments.models import SegmentMembershipChange
from app.teams.models import UserSession

SDL = build_schema((Path(__file__).resolve().parent.parent / "schema.graphql").read_text())
MARK_B = "zulubravo"  # in every string of team B's rows: found in an answer to A, it leaked

# Id argument names (without Id/Ids) whose kind is not the name itself.
KIND_BY_NAME = {
    "exitSegment": "Segment", "excludeSegment": "Segment", "generation": "SegmentGeneration", "drip": "DripCampaign", "destination": "AudienceDestination",
    "addOnPrice": "Price", "template": "EmailTemplate", "parent": "ContentNode", "section": "HubSection",
    "node": "ContentNode", "target": "ContentNode", "cohortSegment": "Segment", "inSegment": "Segment",
    "subscription": "BillingSubscription",
}
# (operation, argument path) -> kind, where neither the name nor the return type says it.
KIND_OVERRIDES = {
    ("startLesson", "input.nodeId"): "MemberContentNode",
    ("completeLesson", "input.nodeId"): "MemberContentNode",
    ("removeHubMember", "input.id"): "HubMembership",
    ("sendCampaignTest", "input.id"): "Campaign",
    ("createPost", "input.spaceId"): "MemberSpace",
    ("createPost", "input.mediaIds"): "MemberMedia",
    ("createComment", "input.postId"): "CommunityPost",
    ("createComment", "input.parentId"): "CommunityComment",
    ("addReaction", "input.targetId"): "CommunityPost",
    ("removeReaction", "input.targetId"): "CommunityPost",
    ("flagContent", "input.targetId"): "CommunityPost",
    ("moderateContent", "input.targetId"): "CommunityPost",
    ("moderateCommunityContent", "input.targetId"): "CommunityPost",
    ("setPostState", "input.postId"): "CommunityPost",
    ("setCommunityPostState", "input.postId"): "CommunityPost",
    ("dismissFlag", "input.flagId"): "CommunityFlag",
    ("dismissCommunityFlag", "input.flagId"): "CommunityFlag",
    ("banMember", "input.memberId"): "MemberProfile",
    ("blockMember", "input.memberId"): "MemberProfile",
    ("startConversation", "input.memberIds"): "MemberProfile",
    ("sendMessage", "input.conversationId"): "MemberConversation",
    ("markConversationRead", "input.conversationId"): "MemberConversation",
    ("renameConversation", "input.conversationId"): "MemberConversation",
    ("rsvpToEvent", "input.postId"): "CommunityPost",
    ("acceptAnswer", "input.postId"): "CommunityPost",
    ("acceptAnswer", "input.commentId"): "CommunityComment",
    ("leaveConversation", "input.conversationId"): "MemberConversation",
    ("myConversationMessages", "conversationId"): "MemberConversation",
    ("mySpaceActivity", "spaceId"): "MemberSpace",
    ("markNotificationsRead", "input.ids"): "CommunityNotification",
    ("updateMyProfile", "input.avatarMediaId"): "MemberMedia",
}
# Values that make an operation reach the check of the id under test: (operation, path) -> values.
REACH = {
    ("addDeliverable", "input.contentNodeIds"): {"input.kind": "CONTENT_ACCESS"},
    ("addDeliverable", "input.hubId"): {"input.kind": "HUB_MEMBERSHIP"},
    ("setAccessRule", "input.segmentIds"): {"input.audience": "SEGMENTS_ANY"},
    ("setAccessRule", "input.productIds"): {"input.audience": "PRODUCTS"},
    ("setAccessRule", "input.contactIds"): {"input.audience": "CONTACTS"},
    ("setAccessRule", "input.targetId"): {"input.targetType": "NODE"},
    ("removeAccessRule", "input.targetId"): {"input.targetType": "NODE"},
    ("createDripCampaign", "input.segmentId"): {"input.trigger": "SEGMENT_JOIN"},
    ("cohortReport", "input.cohortSegmentId"): {"input.cohortBy": "SEGMENT_JOIN_MONTH"},
    ("flagContent", "input.targetId"): {"input.targetType": "POST", "input.reason": "walk"},
    ("moderateContent", "input.targetId"): {"input.targetType": "POST", "input.action": "HIDE"},
    ("moderateCommunityContent", "input.targetId"): {"input.targetType": "POST", "input.action": "HIDE"},
    ("addReaction", "input.targetId"): {"input.targetType": "POST", "input.emoji": "heart"},
    ("removeReaction", "input.targetId"): {"input.targetType": "POST", "input.emoji": "heart"},
}
# Operations that take another team's ids by design.
PUBLIC = {
    "requestMemberSignInCode": "public sign-in: any hub's member asks for a code (reveals nothing)",
    "signInMember": "public sign-in: the code, not the caller, decides",
}
# String arguments that must look right for the operation to get as far as its id checks.
STRINGS = {
    "email": "walker@example.com", "successUrl": "https://example.com/ok", "cancelUrl": "https://example.com/no",
    "url": "https://example.com/x.png", "contentType": "image/png", "dataBase64": "aGk=", "slug": "walk-slug",
    "ruleText": "email ends with '@example.com'", "type": "walked", "code": "WALK10", "accessToken": "tok",
}
# Kinds that are views over other rows: their ids carry the underlying row's key.
VIEW_OF = {
    "MemberContentNode": "ContentNode", "MemberHubView": "Hub", "MemberHubSection": "HubSection",
    "MemberPage": "Page", "MemberPageSection": "PageSection", "MemberMedia": "Media",
    "MemberSpace": "CommunitySpace",
}
# Node kinds no id argument takes and no test row exists for (only `node(id)` could reach them).
NO_ROWS = {"EmailSend", "EvaluationBackfill"}
# Model class names that are not their node kind.
MODEL_KINDS = {
    "TeamContact": "Contact", "CustomPropertyDefinition": "CustomProperty", "Subscription": "BillingSubscription",
    "SegmentMembership": "SegmentMember", "SegmentMembershipChange": "SegmentHistoryEntry",
    "Space": "CommunitySpace", "Post": "CommunityPost", "Comment": "CommunityComment", "Profile": "MemberProfile",
    "Notification": "CommunityNotification", "Conversation": "MemberConversation", "Message": "CommunityMessage",
    "Flag": "CommunityFlag", "ModerationAction": "ModerationLogEntry",
}
ALLOWED_CODES = {"UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND"}


# --- each team's world: one row of every kind, all through the API where the API makes them ---

@dataclass
class World:
    key: str
    team_id: int
    ids: dict[str, list[str]] = field(default_factory=dict)  # kind -> global ids
    member_token: str | None = None


async def build_world(gql: Any, team: Any, label: str) -> World:
    key = team.key

    async def run(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        data = await gql(query, variables, token=key)
        payload = next(iter(data.values()))
        assert not payload.get("userErrors"), (query, payload)
        return payload

    await factories.custom_property(team, f"{label}_score", "number")
    contact = await factories.contact(team, f"{label}@example.com", firstName=label, phone="+16505551212",
                                      customProperties={f"{label}_score": 3})
    hub = await factories.hub(team, f"{label} hub")
    await factories.hub_member(team, hub, contact)
    segment = await factories.segment(team, f"{label} list", kind="static")
    await gql("mutation($i: StaticSegmentMembersInput!) { addToStaticSegment(input: $i) { userErrors { code } } }",
              {"i": {"segmentId": gid("Segment", segment.id), "contactIds": [gid("Contact", contact.id)]}}, token=key)
    product = await factories.product(team, f"{label} course", hub=hub)
    price = await factories.price(team, product, 1000)
    addon_price = await factories.price(team, await factories.product(team, f"{label} extra"), 500, nickname=f"{label} addon")
    hub_id = gid("Hub", hub.id)

    section = (await run("mutation($i: CreateHubSectionInput!) { createHubSection(input: $i) { section { id } userErrors { code } } }",
                         {"i": {"hubId": hub_id, "title": f"{label} section"}}))["section"]["id"]
    media = (await run("mutation($i: UploadMediaInput!) { uploadMedia(input: $i) { media { id } userErrors { code } } }",
                       {"i": {"hubId": hub_id, "filename": f"{label}.png", "contentType": "image/png",
                              "dataBase64": base64.b64encode(label.encode()).decode()}}))["media"]["id"]
    node = (await run("mutation($i: CreateContentNodeInput!) { createContentNode(input: $i) { node { id } userErrors { code } } }",
                      {"i": {"hubId": hub_id, "title": f"{label} lesson", "sectionId": section, "mediaId": media,
                             "status": "PUBLISHED"}}))["node"]["id"]
    page = (await run("mutation($i: CreatePageInput!) { createPage(input: $i) { page { id } userErrors { code } } }",
                      {"i": {"hubId": hub_id, "slug": f"{label}-page", "title": f"{label} page"}}))["page"]["id"]
    await run("mutation($i: SetPageSectionsInput!) { setPageSections(input: $i) { page { id } userErrors { code } } }",
              {"i": {"pageId": page, "sections": [{"title": f"{label} part", "nodeId": node, "mediaId": media}]}})
    await run("mutation($i: SetAccessRuleInput!) { setAccessRule(input: $i) { rule { targetType } userErrors { code } } }",
              {"i": {"targetType": "PAGE", "targetId": page, "audience": "SEGMENTS_ANY",
                     "segmentIds": [gid("Segment", segment.id)]}})
    template = (await run("mutation($i: SaveEmailTemplateInput!) { saveEmailTemplate(input: $i) { template { id } userErrors { code } } }",
                          {"i": {"hubId": hub_id, "key": f"{label}-note", "name": f"{label} note",
                                 "subject": f"{label} hello", "htmlBody": "<p>hi</p>", "textBody": "hi"}}))["template"]["id"]
    await run("mutation($i: CreateDripCampaignInput!) { createDripCampaign(input: $i) { dripCampaign { id } userErrors { code } } }",
                      {"i": {"hubId": hub_id, "name": f"{label} drip", "trigger": "SEGMENT_JOIN",
                             "segmentId": gid("Segment", segment.id),
                             "steps": [{"delayMinutes": 60, "templateId": template}]}})
    campaign_id = (await run("mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { campaign { id } userErrors { code } } }",
                             {"i": {"hubId": hub_id, "name": f"{label} campaign", "templateId": template,
                                    "segmentIds": [gid("Segment", segment.id)]}}))["campaign"]["id"]
    destination = (await run("mutation($i: CreateAudienceDestinationInput!) { createAudienceDestination(input: $i) { destination { id } userErrors { code } } }",
                             {"i": {"platform": "META", "name": f"{label} ads", "accessToken": f"{label}-token", "appSecret": "s",
                                    "adAccountId": "act_1", "audienceId": "2"}}))["destination"]["id"]
    await run("mutation($i: LinkSegmentToAudienceInput!) { linkSegmentToAudience(input: $i) { link { id } userErrors { code } } }",
              {"i": {"segmentId": gid("Segment", segment.id), "destinationId": destination}})
    await run("mutation($i: CreateCouponInput!) { createCoupon(input: $i) { coupon { id } userErrors { code } } }",
              {"i": {"code": f"{label}10".upper(), "kind": "PERCENT", "percentOff": 10}})
    await run("mutation($i: AddProductAddOnInput!) { addProductAddOn(input: $i) { addOn { id } userErrors { code } } }",
              {"i": {"productId": gid("Product", product.id), "priceId": gid("Price", addon_price.id)}})
    await run("mutation($i: AddDeliverableInput!) { addDeliverable(input: $i) { deliverable { id } userErrors { code } } }",
              {"i": {"productId": gid("Product", product.id), "kind": "CONTENT_ACCESS", "contentNodeIds": [node]}})
    await run("mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }",
              {"i": {"name": f"{label} key", "scopes": ["contacts:read"]}})
    await run("mutation($i: ReportExportInput!) { reportExport(input: $i) { export { id } userErrors { code } } }",
              {"i": {"segmentIds": [gid("Segment", segment.id)], "period": {"start": "2026-01-01", "end": "2026-01-31"}}})
    await run("mutation($i: InviteTeamMemberInput!) { inviteTeamMember(input: $i) { acceptUrl userErrors { code } } }",
              {"i": {"email": f"{label}-staff@example.com", "role": "STAFF"}})

    # Rows only Stripe, the worker or email delivery make: written as those would.
    now = datetime.now(UTC)
    link = await AudienceLink.get(team_id=team.id)
    drip_row = await DripEnrollment.filter(team_id=team.id).first()
    await AudienceSyncRun.create(team_id=team.id, link=link, segment_id=segment.id, destination_id=link.destination_id,
                                 trigger="manual")
    if drip_row is None:
        from app.email.models import DripCampaign

        campaign = await DripCampaign.get(team_id=team.id)
        await DripEnrollment.create(team_id=team.id, drip=campaign, team_contact=contact, source=f"{label}",
                                    enrolled_at=now)
    await Suppression.create(team_id=team.id, email=f"{label}-gone@example.com", scope="marketing", reason="unsubscribe")
    await CampaignRecipient.create(team_id=team.id, campaign_id=pk(campaign_id), team_contact=contact,
                                   segment_id=segment.id, state="sent", to_address=contact.email)
    await Entitlement.create(team_id=team.id, team_contact=contact, product=product, starts_at=now)
    await Subscription.create(team_id=team.id, team_contact=contact, product=product, price=price,
                              stripe_subscription_id=f"sub_{label}", stripe_customer_id=f"cus_{label}", status="active")
    await CheckoutSession.create(team_id=team.id, team_contact=contact, price=price, stripe_session_id=f"cs_{label}",
                                 mode="payment")
    order = await Order.create(team_id=team.id, team_contact=contact, total_amount=1000, placed_at=now,
                               external_id=f"{label}-order")
    payment = await Payment.create(team_id=team.id, team_contact=contact, order=order, stripe_ref=f"pi_{label}",
                                   stripe_payment_intent_id=f"pi_{label}", status="succeeded", amount=1000,
                                   paid_at=now)
    await Refund.create(team_id=team.id, payment=payment, stripe_refund_id=f"re_{label}", amount=100)
    await Dispute.create(team_id=team.id, payment=payment, team_contact=contact, stripe_dispute_id=f"dp_{label}",
                         amount=1000, status="needs_response", effect="hold", opened_at=now)
    dynamic = await factories.segment(team, f"{label} dynamic", "country = 'GB'")
    await run("mutation($i: SetRecomputeScheduleInput!) { setRecomputeSchedule(input: $i) { schedule { id } userErrors { code } } }",
              {"i": {"segmentId": gid("Segment", dynamic.id), "cron": "0 6 * * *"}})
    # A generation as generateSegment stores it (a language model wrote the rule), a worker's scheduled run.
    await SegmentGeneration.create(team_id=team.id, prompt=f"{label} people", rule=dynamic.rule,
                                   rule_text=dynamic.rule_text, model=f"{label}-model", segment_id=dynamic.id)
    await ScheduledRecompute.create(team_id=team.id, segment_id=dynamic.id, period=f"{label}-period")
    # An agency on this team with a member and an agency-wide key (createAgency needs a signed-in person).
    agency = await Agency.create(team_id=team.id, name=f"{label} agency")
    await AgencyBrand.create(team_id=team.id, agency=agency)
    await AgencyMember.create(team_id=team.id, agency=agency, user_id=team.owner.id, role="owner")
    await AgencyApiKey.create(team_id=team.id, agency=agency, name=f"{label} agency key", prefix=f"mha_{label}",
                              key_hash=f"{label}-hash", scopes=["segments:read"])
    if not await SegmentMembershipChange.exists(team_id=team.id):
        await SegmentMembershipChange.create(team_id=team.id, segment=segment, team_contact_id=contact.id,
                                             action="join", cause=label)

    await UserSession.create(user_id=team.owner.id, token_hash=f"{label}-session".ljust(64, "0"),
                             expires_at=now + timedelta(days=1))
    issued = await run("mutation($i: IssueMemberSignInCodeInput!) { issueMemberSignInCode(input: $i) { code userErrors { code } } }",
                       {"i": {"hubId": hub_id, "contactId": gid("Contact", contact.id)}})
    signed_in = await gql("mutation($i: SignInMemberInput!) { signInMember(input: $i) { token userErrors { code } } }",
                          {"i": {"hubId": hub_id, "email": f"{label}@example.com", "code": issued["code"]}})
    member_token = signed_in["signInMember"]["token"]
    assert member_token, signed_in

    # Community: a space (staff), a post, a comment and a profile (the member's own).
    space = (await run("mutation($i: CreateCommunitySpaceInput!) { createCommunitySpace(input: $i) { space { id } userErrors { code } } }",
                       {"i": {"hubId": hub_id, "name": f"{label} talk"}}))["space"]["id"]
    post = await gql("mutation($i: CreatePostInput!) { createPost(input: $i) { post { id } userErrors { code } } }",
                     {"i": {"spaceId": gid("MemberSpace", pk(space)), "title": f"{label} post"}}, token=member_token)
    assert post["createPost"]["userErrors"] == [], post
    comment = await gql("mutation($i: CreateCommentInput!) { createComment(input: $i) { comment { id } userErrors { code } } }",
                        {"i": {"postId": post["createPost"]["post"]["id"], "body": f"{label} reply"}}, token=member_token)
    assert comment["createComment"]["userErrors"] == [], comment

    # A second member to message; a flag, a staff action (pin: the audit log) and its outcome (a notification).
    other = await factories.contact(team, f"{label}-friend@example.com", firstName=f"{label}friend")
    await factories.hub_member(team, hub, other)
    friend = await Profile.get(team_id=team.id, team_contact_id=other.id)
    conversation = await gql("mutation($i: StartConversationInput!) { startConversation(input: $i) { conversation { id } userErrors { code } } }",
                             {"i": {"memberIds": [gid("MemberProfile", friend.id)]}}, token=member_token)
    assert conversation["startConversation"]["userErrors"] == [], conversation
    sent = await gql("mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } userErrors { code } } }",
                     {"i": {"conversationId": conversation["startConversation"]["conversation"]["id"],
                            "body": f"{label} hello"}}, token=member_token)
    assert sent["sendMessage"]["userErrors"] == [], sent
    post_id = post["createPost"]["post"]["id"]
    flagged = await gql("mutation($i: FlagContentInput!) { flagContent(input: $i) { flag { id } userErrors { code } } }",
                        {"i": {"targetType": "POST", "targetId": post_id, "reason": "walk"}}, token=member_token)
    assert flagged["flagContent"]["userErrors"] == [], flagged
    await run("mutation($i: SetPostStateInput!) { setCommunityPostState(input: $i) { post { id } userErrors { code } } }",
              {"i": {"postId": post_id, "pinned": True}})
    await run("mutation($i: ModerateContentInput!) { moderateCommunityContent(input: $i) { status userErrors { code } } }",
              {"i": {"targetType": "COMMENT", "targetId": comment["createComment"]["comment"]["id"], "action": "HIDE"}})

    world = World(key=key, team_id=team.id, ids=await ids_of_team(team.id), member_token=member_token)
    return world


def team_models() -> list[Any]:
    return [m for m in Tortoise.apps.get_models_iterable() if "team_id" in m._meta.fields_map
            or "team" in m._meta.fk_fields]


async def ids_of_team(team_id: int) -> dict[str, list[str]]:
    """Global ids of every row of the team, by node kind (views share their rows' keys)."""
    by_table: dict[str, list[int]] = {}
    for model in team_models():
        kind = MODEL_KINDS.get(model.__name__, model.__name__)
        if kind not in NODE_REGISTRY.types:
            continue
        pks = await model.filter(team_id=team_id).order_by("id").values_list("id", flat=True)
        by_table[kind] = list(pks)
    by_table["Team"] = [team_id]
    members = await connections.get("default").execute_query_dict(
        "SELECT user_id FROM team_members WHERE team_id = $1 ORDER BY user_id", [team_id])
    by_table["User"] = [r["user_id"] for r in members]
    sessions = await connections.get("default").execute_query_dict(
        "SELECT s.id FROM user_sessions s JOIN team_members m ON m.user_id = s.user_id WHERE m.team_id = $1 "
        "ORDER BY s.id", [team_id])
    by_table["UserSession"] = [r["id"] for r in sessions]
    ids = {kind: [gid(kind, pk) for pk in pks] for kind, pks in by_table.items() if kind in NODE_REGISTRY.types}
    for view, base in VIEW_OF.items():
        ids[view] = [gid(view, pk) for pk in by_table.get(base, [])]
    return ids


async def snapshot(team_id: int) -> dict[str, str]:
    """A digest of every row of the team, table by table, in one statement."""
    parts = [
        f"SELECT '{m._meta.db_table}' AS t, md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS d "
        f'FROM "{m._meta.db_table}" x WHERE x.team_id = $1'
        for m in team_models()
    ]
    parts.append("SELECT 'teams', md5(x::text) FROM teams x WHERE x.id = $1")
    rows = await connections.get("default").execute_query_dict(" UNION ALL ".join(parts), [team_id])
    return {r["t"]: r["d"] for r in rows}


# --- operations and their id arguments, from the SDL ---

@dataclass
class IdPath:
    path: str  # "input.steps.templateId", "id", "segmentIds"
    kind: str | None


@dataclass
class Operation:
    root: str  # query, mutation, subscription
    name: str
    field: GraphQLField
    id_paths: list[IdPath]


def _unwrap(t: Any) -> Any:
    while isinstance(t, GraphQLNonNull | GraphQLList):
        t = t.of_type
    return t


def _id_leaves(t: Any, prefix: str, seen: tuple[str, ...] = ()) -> list[str]:
    named = _unwrap(t)
    if isinstance(named, GraphQLScalarType) and named.name == "ID":
        return [prefix]
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        return [p for name, f in named.fields.items() for p in _id_leaves(f.type, f"{prefix}.{name}", (*seen, named.name))]
    return []


def _kind_of(op_name: str, root: str, field_def: GraphQLField, path: str) -> str | None:
    if (op_name, path) in KIND_OVERRIDES:
        return KIND_OVERRIDES[(op_name, path)]
    leaf = path.rsplit(".", 1)[-1]
    if leaf not in ("id", "ids"):
        stem = re.sub(r"Ids?$", "", leaf)
        kind = KIND_BY_NAME.get(stem, stem[:1].upper() + stem[1:])
        return kind if kind in NODE_REGISTRY.types else None
    returned = get_named_type(field_def.type)
    if root != "mutation":
        return returned.name if returned.name in NODE_REGISTRY.types else None
    for payload_field in getattr(returned, "fields", {}).values():
        if get_named_type(payload_field.type).name in NODE_REGISTRY.types:
            return get_named_type(payload_field.type).name
    verb = re.match(r"^(update|delete|remove|revoke|recompute|set)([A-Z]\w*)$", op_name)
    return verb.group(2) if verb and verb.group(2) in NODE_REGISTRY.types else None


def operations() -> list[Operation]:
    ops = []
    for root, type_ in (("query", SDL.query_type), ("mutation", SDL.mutation_type),
                        ("subscription", SDL.subscription_type)):
        assert type_ is not None
        for name, field_def in type_.fields.items():
            paths = [p for arg, a in field_def.args.items() for p in _id_leaves(a.type, arg)]
            if paths:
                ops.append(Operation(root, name, field_def,
                                     [IdPath(p, _kind_of(name, root, field_def, p)) for p in paths]))
    return ops


# --- building one call ---

def _value(t: GraphQLInputType, path: str, foreign: str, worlds: tuple[World, World], reach: dict[str, Any],
           ids_sent: list[str], kinds: dict[str, str | None]) -> Any:
    """A value for argument `path`: B's id at `foreign`, A's ids at other id paths, else a plain value."""
    ours, theirs = worlds
    if path in reach:
        return reach[path]
    required = isinstance(t, GraphQLNonNull)
    inner = t.of_type if isinstance(t, GraphQLNonNull) else t
    if isinstance(inner, GraphQLList):
        item = _value(inner.of_type, path, foreign, worlds, reach, ids_sent, kinds)
        return None if item is None else [item]
    if isinstance(inner, GraphQLScalarType) and inner.name == "ID":
        kind = kinds[path]
        assert kind is not None
        if path == foreign:
            sent = theirs.ids[kind][0]
            ids_sent.append(sent)
            return sent
        return ours.ids[kind][0] if ours.ids.get(kind) else None
    if isinstance(inner, GraphQLInputObjectType):
        built = {}
        for name, f in inner.fields.items():
            sub = f"{path}.{name}"
            has_ids = any(p == foreign or p.startswith(sub) for p in _id_leaves(f.type, sub))
            if (isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined) or has_ids or sub in reach:
                value = _value(f.type, sub, foreign, worlds, reach, ids_sent, kinds)
                if value is not None:
                    built[name] = value
        return built
    if not required:
        return None
    if isinstance(inner, GraphQLEnumType):
        return next(iter(inner.values))
    leaf = path.rsplit(".", 1)[-1]
    return {"String": STRINGS.get(leaf, "walk"), "Int": 1, "Float": 1.0, "Boolean": False,
            "DateTime": datetime.now(UTC).isoformat(), "Date": datetime.now(UTC).date().isoformat(),
            "JSON": {}}.get(inner.name, "walk")


def _selection(t: Any, depth: int = 0) -> str:
    named = _unwrap(t)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
        return "{ __typename ... on Node { id } }"
    assert isinstance(named, GraphQLObjectType)
    parts = []
    for name, f in named.fields.items():
        if any(isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined for a in f.args.values()):
            continue
        sub = _unwrap(f.type)
        if isinstance(sub, GraphQLScalarType | GraphQLEnumType):
            parts.append(name)
        elif name == "userErrors":
            parts.append("userErrors { field code message }")
        elif depth < 2:
            inner = _selection(f.type, depth + 1)
            if inner:
                parts.append(f"{name} {inner}")
    return "{ " + " ".join(parts) + " }" if parts else ""


def _document(op: Operation, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    variables = {name: value for name, value in args.items() if value is not None}
    decls = ", ".join(f"${name}: {op.field.args[name].type}" for name in variables)
    call = ", ".join(f"{name}: ${name}" for name in variables)
    return (f"{op.root} {'(' + decls + ')' if decls else ''} {{ {op.name}({call}) {_selection(op.field.type)} }}",
            variables)


# --- judging one answer ---

def _strings(value: Any, skip_user_errors: bool = True) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() if not (skip_user_errors and k == "userErrors") for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def problems(body: dict[str, Any], their_ids: set[str]) -> list[str]:
    found = []
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code not in ALLOWED_CODES:
            found.append(f"error without an expected code: {error}")
    text = json.dumps(body)
    if MARK_B in text.lower():
        found.append("an answer holds team B's data")
    leaked = set(_strings(body.get("data"))) & their_ids
    if leaked:
        found.append(f"data holds team B's ids {sorted(leaked)}")
    return found


async def test_every_operation_refuses_or_hides_another_teams_ids(gql, make_team, live_server):
    ours = await build_world(gql, await make_team("Alpha walk"), "alphawalk")
    theirs = await build_world(gql, await make_team(f"{MARK_B} team"), MARK_B)
    their_ids = {i for ids in theirs.ids.values() for i in ids}
    for kind in set(NODE_REGISTRY.types) - NO_ROWS:
        assert theirs.ids.get(kind) and ours.ids.get(kind), f"no {kind} row in the walk's worlds: build one"
    before = await snapshot(theirs.team_id)

    unreachable: list[str] = []
    failures: list[str] = []
    calls = 0
    for op in operations():
        if op.name in PUBLIC:
            continue
        kinds_of = {p.path: p.kind for p in op.id_paths}
        for id_path in op.id_paths:
            kinds = [id_path.kind] if id_path.kind else []
            if op.name in ("node", "nodes"):
                kinds = sorted(set(NODE_REGISTRY.types) - NO_ROWS)
            if not kinds:
                unreachable.append(f"{op.root} {op.name}({id_path.path}): cannot tell its id kind")
                continue
            for kind in kinds:
                kinds_of[id_path.path] = kind
                reach = REACH.get((op.name, id_path.path), {})
                sent: list[str] = []
                args = {name: _value(a.type, name, id_path.path, (ours, theirs), reach, sent, kinds_of)
                        for name, a in op.field.args.items()}
                if not sent:
                    unreachable.append(f"{op.root} {op.name}({id_path.path}): no value could carry B's {kind} id")
                    continue
                query, variables = _document(op, args)
                for token in (ours.key, ours.member_token):
                    calls += 1
                    body = await call(gql, live_server, op, query, variables, token)
                    for problem in problems(body, their_ids):
                        failures.append(f"{op.name}({id_path.path}={kind}) as {'staff' if token == ours.key else 'member'}: "
                                        f"{problem}\n    {query} {variables}")
                after = await snapshot(theirs.team_id)
                if after != before:
                    changed = sorted(t for t in after if after[t] != before.get(t))
                    failures.append(f"{op.name}({id_path.path}={kind}) changed team B's {changed}")
                    before = after

    assert not unreachable, "operations the walk cannot exercise:\n" + "\n".join(unreachable)
    assert not failures, f"{len(failures)} of {calls} calls:\n" + "\n".join(failures)
    assert calls > 150  # the walk really ran


async def call(gql: Any, live_server: Any, op: Operation, query: str, variables: dict[str, Any],
               token: str | None) -> dict[str, Any]:
    if op.root != "subscription":
        return await gql.raw(query, variables, token=token)
    async with websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), timeout=5))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}}))
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=3))
        except TimeoutError:
            return {"errors": [{"message": "subscription accepted another team's id", "extensions": {}}]}
        if message["type"] == "error":
            return {"errors": message["payload"]}
        return message.get("payload") or {}


def test_the_walk_tables_name_real_operations():
    names = {op.name for op in operations()} | {n for t in (SDL.query_type, SDL.mutation_type) if t for n in t.fields}
    for table in (KIND_OVERRIDES, REACH):
        assert {op for op, _ in table} <= names, table
    assert set(PUBLIC) <= names


async def test_a_partner_key_sees_only_its_segments(gql, make_team, live_server):
    """A reports:read key limited to one segment: every operation that takes a segment id, given
    another segment of the same team, refuses or shows nothing of it."""
    acme = await make_team("Alpha partner")
    ours = await build_world(gql, acme, "alphapartner")
    granted = await factories.segment(acme, "Granted to the partner", kind="static")
    hidden = await factories.segment(acme, f"{MARK_B} hidden from the partner", kind="static")
    created = await gql('mutation { createApiKey(input: {name: "partner", scopes: ["reports:read"]}) { secret '
                        'apiKey { id } } }', token=acme.key)
    partner = created["createApiKey"]["secret"]
    data = await gql("mutation($k: ID!, $s: [ID!]!) { setReportKeySegments(input: {apiKeyId: $k, segmentIds: $s}) "
                     "{ userErrors { code } } }", {"k": created["createApiKey"]["apiKey"]["id"],
                                                  "s": [gid("Segment", granted.id)]}, token=acme.key)
    assert data["setReportKeySegments"]["userErrors"] == []
    visible = World(key=partner, team_id=acme.id, ids={**ours.ids, "Segment": [gid("Segment", granted.id)]})
    invisible = World(key=partner, team_id=acme.id, ids={**ours.ids, "Segment": [gid("Segment", hidden.id)]})
    failures, calls = [], 0
    for op in operations():
        if op.name in PUBLIC or op.name in ("node", "nodes"):
            continue
        kinds_of = {p.path: p.kind for p in op.id_paths}
        for id_path in op.id_paths:
            if id_path.kind != "Segment":
                continue
            sent: list[str] = []
            args = {name: _value(a.type, name, id_path.path, (visible, invisible),
                                 REACH.get((op.name, id_path.path), {}), sent, kinds_of)
                    for name, a in op.field.args.items()}
            query, variables = _document(op, args)
            calls += 1
            body = await call(gql, live_server, op, query, variables, partner)
            failures += [f"{op.name}({id_path.path}): {p}" for p in problems(body, {gid("Segment", hidden.id)})]
    assert not failures, "\n".join(failures)
    assert calls > 20
