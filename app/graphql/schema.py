"""The one Strawberry schema, assembled from each domain's root types."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
    max_aliases,
    query_depth_limiter,
)
from strawberry.tools import merge_types

from app.access import graphql as access_graphql
from app.access import member_graphql
from app.access.graphql import AccessMutation, AccessQuery, AccessSubscription
from app.access.member_graphql import MemberMutation, MemberQuery, PreviewQuery
from app.audiences import graphql as audiences_graphql
from app.audiences.graphql import AudiencesMutation, AudiencesQuery
from app.commerce import billing_graphql, order_graphql
from app.commerce import graphql as commerce_graphql
from app.commerce.billing_graphql import BillingMutation, BillingQuery
from app.commerce.graphql import CommerceMutation, CommerceQuery
from app.commerce.order_graphql import OrdersMutation, OrdersQuery
from app.community import graphql as community_graphql
from app.community import member_graphql as community_member_graphql
from app.community import moderation_graphql as community_moderation_graphql
from app.community import notifications_graphql as community_notifications_graphql
from app.community import social_graphql as community_social_graphql
from app.community.graphql import CommunityMutation, CommunityQuery
from app.community.member_graphql import CommunityMemberMutation, CommunityMemberQuery
from app.community.moderation_graphql import ModerationMutation, ModerationQuery
from app.community.notifications_graphql import CommunitySubscription, NotificationsMutation, NotificationsQuery
from app.community.social_graphql import SocialMutation, SocialQuery, SocialSubscription
from app.contacts import graphql as contacts_graphql
from app.contacts.graphql import ContactsMutation, ContactsQuery, ContactsSubscription
from app.content import graphql as content_graphql
from app.content.graphql import ContentMutation, ContentQuery
from app.email import campaign_graphql
from app.email import graphql as email_graphql
from app.email.campaign_graphql import CampaignMutation, CampaignQuery
from app.email.graphql import EmailMutation, EmailQuery
from app.events.graphql import EventsMutation
from app.graphql.conventions import describe_conventions
from app.graphql.cost import QueryCostLimiter
from app.graphql.db_errors import StatementTimeouts
from app.graphql.inputs import InputGuard
from app.graphql.nodes import NodeRegistry, node_query
from app.graphql.planned import PlannedExecutionContext
from app.hubs import graphql as hubs_graphql
from app.hubs.graphql import HubsMutation, HubsQuery
from app.plans import agency_graphql, ai_graphql, schedules_graphql
from app.plans.agency_graphql import AgencyMutation, AgencyQuery
from app.plans.ai_graphql import AiSegmentsMutation, AiSegmentsQuery
from app.plans.graphql import PlansMutation, PlansQuery
from app.plans.library_graphql import LibraryMutation, LibraryQuery
from app.plans.schedules_graphql import SchedulesMutation, SchedulesQuery
from app.reports import graphql as reports_graphql
from app.reports.graphql import ReportsMutation, ReportsQuery
from app.segments import graphql as segments_graphql
from app.segments.graphql import SegmentsMutation, SegmentsQuery
from app.segments.pipeline import status as evaluation_status
from app.segments.pipeline.graphql import RealtimeSubscription
from app.segments.pipeline.status import EvaluationQuery
from app.settings import Settings, get_settings
from app.teams import graphql as teams_graphql
from app.teams import staff_graphql
from app.teams.graphql import TeamsMutation, TeamsQuery
from app.teams.staff_graphql import StaffMutation, StaffQuery
from app.teams.two_factor_graphql import TwoFactorMutation
from app.web.observability import OperationMetrics
from app.web.persisted import allowlist_of, allowlist_rule

# Every Node type and how `node`/`nodes` fetch it, from each domain's own list.
NODE_REGISTRY = NodeRegistry(
    teams_graphql.NODE_TYPES, contacts_graphql.NODE_TYPES, hubs_graphql.NODE_TYPES, email_graphql.NODE_TYPES,
    audiences_graphql.NODE_TYPES, commerce_graphql.NODE_TYPES, order_graphql.NODE_TYPES, content_graphql.NODE_TYPES,
    member_graphql.NODE_TYPES, access_graphql.NODE_TYPES, segments_graphql.NODE_TYPES, evaluation_status.NODE_TYPES,
    billing_graphql.NODE_TYPES, staff_graphql.NODE_TYPES, campaign_graphql.NODE_TYPES,
    community_graphql.NODE_TYPES, community_member_graphql.NODE_TYPES, community_moderation_graphql.NODE_TYPES,
    community_notifications_graphql.NODE_TYPES, community_social_graphql.NODE_TYPES,
    ai_graphql.NODE_TYPES, schedules_graphql.NODE_TYPES,
    reports_graphql.NODE_TYPES,
    agency_graphql.NODE_TYPES,
)

QUERY_TYPES: tuple[type, ...] = (
    node_query(NODE_REGISTRY),
    TeamsQuery, ContactsQuery, HubsQuery, EmailQuery, AudiencesQuery, CommerceQuery, OrdersQuery, ContentQuery,
    MemberQuery,
    PreviewQuery,
    AccessQuery, SegmentsQuery, EvaluationQuery,
    BillingQuery, StaffQuery, CampaignQuery,
    CommunityQuery, CommunityMemberQuery, NotificationsQuery, SocialQuery, ModerationQuery,
    PlansQuery, LibraryQuery, AiSegmentsQuery, SchedulesQuery,
    ReportsQuery,
    AgencyQuery,
)
MUTATION_TYPES: tuple[type, ...] = (
    TeamsMutation, ContactsMutation, HubsMutation, EmailMutation, AudiencesMutation, EventsMutation, CommerceMutation,
    OrdersMutation,
    ContentMutation, MemberMutation, AccessMutation, SegmentsMutation,
    BillingMutation, StaffMutation, TwoFactorMutation, CampaignMutation,
    CommunityMutation, CommunityMemberMutation, NotificationsMutation, SocialMutation, ModerationMutation,
    PlansMutation, LibraryMutation, AiSegmentsMutation, SchedulesMutation,
    ReportsMutation,
    AgencyMutation,
)
SUBSCRIPTION_TYPES: tuple[type, ...] = (ContactsSubscription, RealtimeSubscription, AccessSubscription,
                                        CommunitySubscription, SocialSubscription)

Query = merge_types("Query", QUERY_TYPES)
Mutation = merge_types("Mutation", MUTATION_TYPES)
Subscription = merge_types("Subscription", SUBSCRIPTION_TYPES)
# merge_types takes no description; the merged definitions are plain dataclasses read at Schema().
Query.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Reads, for staff (an API key or a staff session: each field names the scope it needs) and for hub "
    "members (the `me...` fields, with a member session). Everything is limited to the caller's team.")
Mutation.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Changes. A mutation reports bad input as its payload's `userErrors` (nothing written), and a missing "
    "scope or session as an UNAUTHENTICATED/FORBIDDEN error.")
Subscription.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Live updates over the websocket endpoint (`/graphql`, graphql-transport-ws protocol), for the caller's "
    "team only.")


class MemberHubSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Log only unexpected failures; auth, bad input and validation errors are the caller's."""
        unexpected = [
            e for e in errors
            if e.original_error is not None and not isinstance(e.original_error, GraphQLError)
        ]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or get_settings()
    # The depth and alias rules of `QueryDepthLimiter` / `MaxAliasesLimiter`, built once: those
    # extensions make new rule classes per request, which are part of the ValidationCache key, so
    # every request would miss it and validate again.
    limits: list[type[ASTValidationRule]] = [
        query_depth_limiter.create_validator(settings.max_query_depth, None),
        max_aliases.create_validator(settings.max_aliases),
    ]
    if (allowlist := allowlist_of(settings)) is not None:
        limits.append(allowlist_rule(allowlist))  # production: only the listed documents run
    extensions: list = [
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: QueryCostLimiter(max_cost=settings.max_query_cost),
        InputGuard,  # NUL, lone surrogates, NaN, deep JSON: refused before any resolver runs
        OperationMetrics,
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    if settings.is_production:
        # Unexpected exceptions reach clients as a generic message; GraphQL errors keep theirs.
        extensions.append(lambda: MaskErrors(
            should_mask_error=lambda error: not isinstance(error.original_error, GraphQLError | None)
        ))
    # Last: on the way out it runs first, so MaskErrors never hides a timeout's clear message.
    extensions.append(lambda: StatementTimeouts(timeout_ms=settings.statement_timeout_ms))
    # PlannedExecutionContext: lists that complete themselves in one pass (the member tree, app/graphql/planned.py).
    built = MemberHubSchema(query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions,
                            execution_context_class=PlannedExecutionContext)
    describe_conventions(built._schema)
    return built


# The exported SDL does not depend on settings; this instance serves `strawberry export-schema`.
schema = strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription)
describe_conventions(schema._schema)
