"""The one place where domains are bound to the ones above them, called at every startup.

Late binding runs upwards only through here: the segment engine's queue into the contract lower
domains use, field families into the catalog, ingest hooks, hooks on hub joins, and the finders
that say where a segment is used. The API app, the worker and the CLI call `wire()`; nothing
registers itself on import.
"""

from __future__ import annotations

_wired = False


def wire() -> None:
    """Idempotent: a second call changes nothing."""
    global _wired
    if _wired:
        return
    from app.access.member_graphql import media_finders
    from app.access.members import on_sign_in_code
    from app.access.segment_usage import AccessRuleUsage
    from app.access.service import other_targets, remove_rules_of
    from app.audiences.segment_usage import AudienceLinkUsage
    from app.commerce.billing_mail import on_billing_mail
    from app.commerce.entitlements import on_order_paid
    from app.commerce.segment_fields import register_billing_fields
    from app.commerce.service import find_content_nodes_with
    from app.community.profiles import on_member_joined as make_community_profile
    from app.community.segment_fields import register_community_fields
    from app.community.service import readable_media, space_hub_id
    from app.content.service import node_ids_of_team, on_content_removed
    from app.core.evaluation import install_queue
    from app.core.plan_caps import install_caps
    from app.email.segment_usage import CampaignUsage, DripUsage
    from app.email.service import send_order_receipt, send_sign_in_code, send_transactional, send_welcome_email
    from app.email.staff_mail import send_staff_invitation
    from app.events.service import on_events_written
    from app.hubs.service import on_member_joined
    from app.plans.schedules import reschedule_for_time_zone
    from app.plans.service import PlanCapsService
    from app.segments.pipeline.queue import PipelineQueue
    from app.segments.service import recompute_for_time_zone
    from app.segments.stats import apply_ingested_events
    from app.segments.usage import register_segment_usage
    from app.teams.service import on_time_zone_changed
    from app.teams.staff import on_invitation

    install_queue(PipelineQueue())
    install_caps(PlanCapsService())
    on_events_written(apply_ingested_events)
    on_member_joined(send_welcome_email)
    on_member_joined(make_community_profile)
    on_sign_in_code(send_sign_in_code)
    on_order_paid(send_order_receipt)
    on_billing_mail(send_transactional)
    register_billing_fields()
    register_community_fields()
    other_targets["space"] = space_hub_id
    media_finders.append(readable_media)
    on_content_removed(remove_rules_of)
    find_content_nodes_with(node_ids_of_team)
    on_time_zone_changed(recompute_for_time_zone)
    on_invitation(send_staff_invitation)
    on_time_zone_changed(reschedule_for_time_zone)
    for usage in (AccessRuleUsage(), DripUsage(), AudienceLinkUsage(), CampaignUsage()):
        register_segment_usage(usage)
    _wired = True
