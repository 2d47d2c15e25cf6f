"""GraphQL for reports: read by API keys with `reports:read` (partners) and by staff.

Reports carry aggregates only: segment ids and names, counts and money, never a contact. Bad
periods, unknown segments (another team's, or outside a partner key's grant) come back as
`userErrors` on the result, like a mutation's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.graphql.connections import Connection
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload, user_errors
from app.graphql.ids import encode_id, id_arg, id_input, id_input_or_none, id_inputs
from app.graphql.nodes import NodeType, staff
from app.reports import grants
from app.reports import segment_report as reports
from app.reports.access import listable_segments
from app.reports.anomalies import THRESHOLD, WINDOW, AnomalyReport, anomaly_report
from app.reports.attribution import RevenueAttribution, revenue_by_segment
from app.reports.cohorts import CohortBy, CohortReport, CohortRow, cohort_report
from app.reports.exports import create_export, download_url
from app.reports.ltv_report import PredictedLtv, predicted_ltv
from app.reports.models import ExportStatus, LtvFitStatus, ReportExport
from app.reports.paging_graphql import rows_page
from app.reports.periods import Granularity
from app.teams.service import ADMIN_SCOPE

GranularityEnum = strawberry.enum(Granularity, name="ReportGranularity")
CohortByEnum = strawberry.enum(CohortBy, name="CohortBy")
LtvFitStatusEnum = strawberry.enum(LtvFitStatus, name="LtvFitStatus")
ExportStatusEnum = strawberry.enum(ExportStatus, name="ReportExportStatus")

REPORT_COST = {"cost": 50}  # whole-segment SQL over history, orders and events


@strawberry.input(description="Calendar days of the team's time zone, both included (at most 731).")
class ReportPeriodInput:
    start: date
    end: date
    granularity: Granularity = Granularity.DAY


@strawberry.type(name="ReportCauseCount", description="Joins or leaves of one cause.")
class CauseCountType:
    action: str
    cause: str
    count: int


@strawberry.type(name="SegmentReportPoint", description="One bucket of the period (a day, ISO week or month).")
class SeriesPointType:
    period_start: date
    period_end: date
    size: int = strawberry.field(description="Members at the end of the bucket's last day.")
    joins: int
    leaves: int
    causes: list[CauseCountType]
    orders: int = strawberry.field(description="Orders placed by members while they were members.")
    revenue: int = strawberry.field(description="Those orders' total net of refunds (minor units).")
    refunded: int

    @classmethod
    def of(cls, p: reports.SeriesPoint) -> SeriesPointType:
        return cls(period_start=p.period_start, period_end=p.period_end, size=p.size, joins=p.joins,
                   leaves=p.leaves, causes=[CauseCountType(action=c.action, cause=c.cause, count=c.count)
                                            for c in p.causes],
                   orders=p.orders, revenue=p.revenue, refunded=p.refunded)


@strawberry.type(name="ReportEventTypeCount")
class EventTypeCountType:
    type: str
    events: int
    contacts: int
    per_member: float


@strawberry.type(name="SegmentEngagement", description="Members at the end of the period, and what they did in it.")
class EngagementType:
    members: int
    active_7d: int = strawberry.field(name="active7d", description="Members with any event in the last 7 days.")
    active_30d: int = strawberry.field(name="active30d", description="Members with any event in the last 30 days.")
    events_by_type: list[EventTypeCountType]
    lessons_started: int
    lessons_completed: int
    lesson_completers: int
    searches: int
    searchers: int


@strawberry.type(name="SegmentBilling", description=(
    "Billing of the members at the end of the period, as at its end; money in minor units."))
class BillingType:
    currency: str | None
    mrr: int
    arr: int
    ltv_average: float = strawberry.field(
        description="Net order revenue per member, ever (members without orders count 0).")
    ltv_median: float
    paying: int
    trialing: int
    past_due: int
    canceled: int
    trials_ended: int = strawberry.field(description="Trials of the period's members that ended in the period.")
    trials_converted: int
    trial_conversion_rate: float | None
    churned_mrr: int = strawberry.field(description="Monthly value of paid subscriptions that ended in the period.")
    churned_subscriptions: int
    revenue: int = strawberry.field(description="Net revenue of the period from members while they were members.")
    refunded: int
    orders: int


@strawberry.type(name="SegmentHubActivity")
class HubActivityType:
    hub_id: strawberry.ID
    hub_name: str
    members: int
    active_members: int
    lessons_completed: int


@strawberry.type(name="SegmentReport")
class SegmentReportType:
    segment_id: strawberry.ID
    segment_name: str
    cap_notice: str | None = strawberry.field(description=(
        "For a partner key over the plan's members-per-segment cap: who is left out (figures count the "
        "members inside the cap)."))
    time_zone: str
    start: date
    end: date
    granularity: Granularity
    size_at_start: int
    size_at_end: int
    joins: int
    leaves: int
    points: strawberry.Private[list[reports.SeriesPoint]]
    engagement: EngagementType
    billing: BillingType
    hubs: list[HubActivityType]

    @strawberry.field(description="The period's buckets in order, paged by bucket.")
    def series(self, first: int | None = None, after: str | None = None, last: int | None = None,
               before: str | None = None) -> Connection[SeriesPointType]:
        return rows_page(self.points, lambda p: p.period_start.toordinal(), SeriesPointType.of,
                         first=first, after=after, last=last, before=before)

    @classmethod
    def of(cls, r: reports.SegmentReport) -> SegmentReportType:
        e, b = r.engagement, r.billing
        return cls(
            segment_id=encode_id("Segment", r.segment.id), segment_name=r.segment.name,
            cap_notice=r.segment.cap_notice, time_zone=r.period.time_zone, start=r.period.start, end=r.period.end,
            granularity=r.period.granularity, size_at_start=r.size_at_start, size_at_end=r.size_at_end,
            joins=r.joins, leaves=r.leaves, points=r.series,
            engagement=EngagementType(
                members=e.members, active_7d=e.active_7d, active_30d=e.active_30d,
                events_by_type=[EventTypeCountType(type=t.type, events=t.events, contacts=t.contacts,
                                                   per_member=t.per_member) for t in e.events_by_type],
                lessons_started=e.lessons_started, lessons_completed=e.lessons_completed,
                lesson_completers=e.lesson_completers, searches=e.searches, searchers=e.searchers),
            billing=BillingType(
                currency=b.currency, mrr=b.mrr, arr=b.arr, ltv_average=b.ltv_average, ltv_median=b.ltv_median,
                paying=b.paying, trialing=b.trialing, past_due=b.past_due, canceled=b.canceled,
                trials_ended=b.trials_ended, trials_converted=b.trials_converted,
                trial_conversion_rate=b.trial_conversion_rate, churned_mrr=b.churned_mrr,
                churned_subscriptions=b.churned_subscriptions, revenue=b.revenue, refunded=b.refunded,
                orders=b.orders),
            hubs=[HubActivityType(hub_id=encode_id("Hub", h.hub_id), hub_name=h.hub_name, members=h.members,
                                  active_members=h.active_members, lessons_completed=h.lessons_completed)
                  for h in r.hubs],
        )


@strawberry.type(name="SegmentReportResult")
class SegmentReportResult:
    reports: list[SegmentReportType] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Monthly cohorts of the team's calendar: the months of `start` to `end` (at most 36).")
class CohortReportInput:
    cohort_by: CohortBy
    start: date
    end: date
    periods: int = strawberry.field(default=12, description="Months since the cohort's, its own included (1-36).")
    cohort_segment_id: strawberry.ID | None = strawberry.field(
        default=None, description="SEGMENT_JOIN_MONTH: the segment whose first join makes the cohort.")
    in_segment_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only contacts who are in this segment now (cohort x segment).")


@strawberry.type(name="CohortCell")
class CohortCellType:
    period: int = strawberry.field(description="Months since the cohort's month (0: that month).")
    month: date
    active: int = strawberry.field(description="Members with an event or a paid order in the month.")
    active_rate: float
    subscribed: int = strawberry.field(description="Members with a subscription live in the month.")
    subscribed_rate: float
    revenue: int = strawberry.field(description="Net order revenue from the cohort's month to this one.")
    revenue_per_member: float


@strawberry.type(name="CohortRow")
class CohortRowType:
    cohort: date = strawberry.field(description="The cohort's month (its first day).")
    size: int
    cells: list[CohortCellType]

    @classmethod
    def of(cls, row: CohortRow) -> CohortRowType:
        return cls(cohort=row.cohort, size=row.size, cells=[CohortCellType(
            period=c.period, month=c.month, active=c.active, active_rate=c.active_rate, subscribed=c.subscribed,
            subscribed_rate=c.subscribed_rate, revenue=c.revenue, revenue_per_member=c.revenue_per_member)
            for c in row.cells])


@strawberry.type(name="CohortReport")
class CohortReportType:
    cohort_by: CohortBy
    time_zone: str
    periods: int
    cohorts: strawberry.Private[list[CohortRow]]

    @strawberry.field(description="Cohorts in month order, paged by month.")
    def rows(self, first: int | None = None, after: str | None = None, last: int | None = None,
             before: str | None = None) -> Connection[CohortRowType]:
        return rows_page(self.cohorts, lambda r: r.cohort.toordinal(), CohortRowType.of,
                         first=first, after=after, last=last, before=before)

    @classmethod
    def of(cls, report: CohortReport) -> CohortReportType:
        return cls(cohort_by=report.cohort_by, time_zone=report.time_zone, periods=report.periods,
                   cohorts=report.rows)


@strawberry.type(name="CohortReportResult")
class CohortReportResult:
    report: CohortReportType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="SegmentRevenue")
class SegmentRevenueType:
    segment_id: strawberry.ID
    segment_name: str
    revenue: int = strawberry.field(description="Orders of buyers who were members when ordering (net).")
    orders: int
    share: float | None = strawberry.field(description="Of the team's total (null for a partner key).")
    exclusive_revenue: int = strawberry.field(description="Of those, orders in none of the other listed segments.")


@strawberry.type(name="SegmentRevenueOverlap")
class SegmentRevenueOverlapType:
    first_segment_id: strawberry.ID
    second_segment_id: strawberry.ID
    revenue: int = strawberry.field(description="Orders whose buyer was in both at the time.")
    orders: int


@strawberry.type(name="RevenueAttribution", description="Money in minor units, net of refunds.")
class RevenueAttributionType:
    time_zone: str
    start: date
    end: date
    total_revenue: int | None = strawberry.field(description="Every order of the team (null for a partner key).")
    total_orders: int | None
    attributed_revenue: int = strawberry.field(description="Orders in at least one listed segment, each once.")
    attributed_orders: int
    unattributed_revenue: int | None
    segments: list[SegmentRevenueType]
    overlaps: list[SegmentRevenueOverlapType]

    @classmethod
    def of(cls, a: RevenueAttribution) -> RevenueAttributionType:
        return cls(
            time_zone=a.period.time_zone, start=a.period.start, end=a.period.end, total_revenue=a.total_revenue,
            total_orders=a.total_orders, attributed_revenue=a.attributed_revenue,
            attributed_orders=a.attributed_orders, unattributed_revenue=a.unattributed_revenue,
            segments=[SegmentRevenueType(segment_id=encode_id("Segment", s.segment.id), segment_name=s.segment.name,
                                         revenue=s.revenue, orders=s.orders, share=s.share,
                                         exclusive_revenue=s.exclusive_revenue) for s in a.segments],
            overlaps=[SegmentRevenueOverlapType(first_segment_id=encode_id("Segment", o.first.id),
                                                second_segment_id=encode_id("Segment", o.second.id),
                                                revenue=o.revenue, orders=o.orders) for o in a.overlaps])


@strawberry.type(name="RevenueAttributionResult")
class RevenueAttributionResult:
    attribution: RevenueAttributionType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="SegmentPredictedLtv")
class SegmentLtvType:
    segment_id: strawberry.ID
    segment_name: str
    members: int = strawberry.field(description="Members now.")
    customers: int = strawberry.field(description="Members with a prediction (at least one paid order).")
    expected_purchases: float = strawberry.field(description="Over the horizon, summed over the members.")
    expected_spend: float = strawberry.field(description="Over the horizon, summed (minor units).")
    expected_purchases_per_member: float
    expected_spend_per_member: float
    average_probability_alive: float | None


@strawberry.type(name="LtvModelParameters", description="BG/NBD r, alpha, a, b; Gamma-Gamma p, q, v.")
class LtvParamsType:
    r: float | None
    alpha: float | None
    a: float | None
    b: float | None
    p: float | None
    q: float | None
    v: float | None


@strawberry.type(name="PredictedLtv", description=(
    "Expected purchases and spend per segment over the next horizonDays, from the team's latest fit."))
class PredictedLtvType:
    status: LtvFitStatus | None = strawberry.field(description="Of the latest fit; null if never fitted.")
    message: str | None
    fitted_at: datetime | None = strawberry.field(description="Of the fit the figures come from.")
    horizon_days: int
    customers: int
    parameters: LtvParamsType
    segments: list[SegmentLtvType]

    @classmethod
    def of(cls, ltv: PredictedLtv) -> PredictedLtvType:
        p = ltv.params
        return cls(
            status=ltv.status, message=ltv.message, fitted_at=ltv.fitted_at, horizon_days=ltv.horizon_days,
            customers=ltv.customers, parameters=LtvParamsType(**{k: p.get(k) for k in ("r", "alpha", "a", "b",
                                                                                     "p", "q", "v")}),
            segments=[SegmentLtvType(
                segment_id=encode_id("Segment", s.segment.id), segment_name=s.segment.name, members=s.members,
                customers=s.customers, expected_purchases=s.expected_purchases, expected_spend=s.expected_spend,
                expected_purchases_per_member=s.purchases_per_member, expected_spend_per_member=s.spend_per_member,
                average_probability_alive=s.probability_alive) for s in ltv.segments])


@strawberry.type(name="PredictedLtvResult")
class PredictedLtvResult:
    ltv: PredictedLtvType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportAnomaly", description="A day far outside the series' recent pattern.")
class AnomalyType:
    day: date
    metric: str = strawberry.field(description="size or revenue")
    value: float
    baseline: float = strawberry.field(description="Median of the previous 28 days.")
    score: float = strawberry.field(description="Robust z-score: (value - median) / (1.4826 x MAD).")
    change: float | None = strawberry.field(description="Relative to the baseline (null when it is 0).")


@strawberry.type(name="SegmentAnomalies")
class SegmentAnomaliesType:
    segment_id: strawberry.ID
    segment_name: str
    anomalies: list[AnomalyType]


@strawberry.type(name="SegmentMove", description="How a segment's revenue moved on a day the team's total moved.")
class SegmentMoveType:
    segment_id: strawberry.ID
    segment_name: str
    value: float
    baseline: float | None
    change: float | None
    direction: str = strawberry.field(description="rose, fell or flat (within 10%)")


@strawberry.type(name="TeamRevenueMove")
class TeamMoveType:
    day: date
    value: float
    baseline: float
    score: float
    change: float | None
    direction: str
    summary: str = strawberry.field(description="e.g. sales dropped (-45% vs the 28-day median): 'Loyal' is flat, ...")
    segments: list[SegmentMoveType]


@strawberry.type(name="AnomalyReport")
class AnomalyReportType:
    method: str
    window_days: int
    threshold: float
    segments: list[SegmentAnomaliesType]
    team_moves: list[TeamMoveType] = strawberry.field(
        description="Days the team's total revenue was an anomaly (empty for a partner key).")

    @classmethod
    def of(cls, r: AnomalyReport) -> AnomalyReportType:
        return cls(
            method="rolling median / MAD", window_days=WINDOW, threshold=THRESHOLD,
            segments=[SegmentAnomaliesType(
                segment_id=encode_id("Segment", s.segment.id), segment_name=s.segment.name,
                anomalies=[AnomalyType(day=a.day, metric=a.metric, value=a.value, baseline=a.baseline, score=a.score,
                                       change=a.change) for a in s.anomalies]) for s in r.segments],
            team_moves=[TeamMoveType(
                day=m.day, value=m.value, baseline=m.baseline, score=m.score, change=m.change, direction=m.direction,
                summary=m.summary, segments=[SegmentMoveType(
                    segment_id=encode_id("Segment", sm.segment.id), segment_name=sm.segment.name, value=sm.value,
                    baseline=sm.baseline, change=sm.change, direction=sm.direction) for sm in m.segments])
                for m in r.team_moves])


@strawberry.type(name="AnomalyReportResult")
class AnomalyReportResult:
    report: AnomalyReportType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportSegment", description="A segment a report may name (a partner key: only its own).")
class ReportSegmentType:
    segment_id: strawberry.ID
    name: str
    member_count: int


@strawberry.input
class SetReportKeySegmentsInput:
    api_key_id: strawberry.ID
    segment_ids: list[strawberry.ID] = strawberry.field(
        description="The only segments the key's reports see; empty lifts the limit.")


@strawberry.type
class SetReportKeySegmentsPayload:
    api_key_id: strawberry.ID | None = None
    segment_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportExport", description="A CSV export of a segment report; poll it for progress.")
class ReportExportType(relay.Node):
    id: relay.NodeID[int]
    status: ExportStatus
    progress: float = strawberry.field(description="0 to 1")
    row_count: int
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    row: strawberry.Private[ReportExport]

    @strawberry.field(description="Signed, valid for an hour; null until the export is done.")
    def download_url(self, info: Info[Context, None]) -> str | None:
        return download_url(info.context.settings, self.row)

    @classmethod
    def from_model(cls, m: ReportExport) -> ReportExportType:
        return cls(id=m.id, status=ExportStatus(m.status), progress=m.progress, row_count=m.row_count, error=m.error,
                   created_at=m.created_at, finished_at=m.finished_at, row=m)


@strawberry.input
class ReportExportInput:
    segment_ids: list[strawberry.ID]
    period: ReportPeriodInput


@strawberry.type
class ReportExportPayload:
    export: ReportExportType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _exports_of(viewer: Any) -> Any:
    """A key sees the exports it asked for; staff sessions see the team's."""
    query = ReportExport.filter(team_id=viewer.team.id)
    return query.filter(api_key_id=viewer.api_key.id) if viewer.api_key is not None else query


async def _fetch_exports(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, ReportExportType]:
    viewer = info.context.require("reports:read")
    return {row.id: ReportExportType.from_model(row) for row in await _exports_of(viewer).filter(id__in=pks)}


@strawberry.type
class ReportsMutation:
    @strawberry.mutation(description="Start a CSV export of a segment report (a job); poll reportExport(id).")
    @mutation_payload
    async def report_export(self, info: Info[Context, None], input: ReportExportInput) -> ReportExportPayload:
        viewer = info.context.require("reports:read")
        ids = id_inputs(input.segment_ids, "Segment", "segmentIds") or []
        export = await create_export(viewer, ids, input.period.start, input.period.end, input.period.granularity)
        return ReportExportPayload(export=ReportExportType.from_model(export))

    @strawberry.mutation(description=(
        "Limit an API key's reports to named segments (a partner sees those and nothing else). Admins only."))
    @mutation_payload
    async def set_report_key_segments(self, info: Info[Context, None],
                                      input: SetReportKeySegmentsInput) -> SetReportKeySegmentsPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        key_id = id_input(input.api_key_id, "ApiKey", "apiKeyId")
        ids = id_inputs(input.segment_ids, "Segment", "segmentIds") or []
        key, granted = await grants.set_key_segments(viewer.team, key_id, ids)
        return SetReportKeySegmentsPayload(api_key_id=encode_id("ApiKey", key.id),
                                           segment_ids=[encode_id("Segment", s) for s in granted])


@strawberry.type
class ReportsQuery:
    @strawberry.field(description="A CSV export's progress and, once done, its signed download URL.")
    async def report_export(self, info: Info[Context, None], id: strawberry.ID) -> ReportExportType | None:
        viewer = info.context.require("reports:read")
        row = await _exports_of(viewer).get_or_none(id=id_arg(id, "ReportExport"))
        return ReportExportType.from_model(row) if row else None

    @strawberry.field(description="The segments this caller may report on (a partner key: its granted ones).")
    async def report_segments(self, info: Info[Context, None]) -> list[ReportSegmentType]:
        viewer = info.context.require("reports:read")
        return [ReportSegmentType(segment_id=encode_id("Segment", s.id), name=s.name, member_count=s.member_count)
                for s in await listable_segments(viewer)]

    @strawberry.field(description="Anomalies of each segment's daily size and revenue, and who moved when the "
                                  "team's total revenue moved.", metadata=REPORT_COST)
    async def segment_anomalies(self, info: Info[Context, None], segment_ids: list[strawberry.ID],
                                period: ReportPeriodInput) -> AnomalyReportResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            report = await anomaly_report(viewer, ids, period.start, period.end)
        except ValidationFailed as exc:
            return AnomalyReportResult(user_errors=user_errors(exc))
        return AnomalyReportResult(report=AnomalyReportType.of(report))

    @strawberry.field(description=(
        "One or several segments side by side over a period: size, joins and leaves with causes, "
        "engagement, billing and hub activity. Needs reports:read."), metadata=REPORT_COST)
    async def segment_report(self, info: Info[Context, None], segment_ids: list[strawberry.ID],
                             period: ReportPeriodInput) -> SegmentReportResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            found = await reports.segment_reports(viewer, ids, period.start, period.end, period.granularity)
        except ValidationFailed as exc:
            return SegmentReportResult(user_errors=user_errors(exc))
        return SegmentReportResult(reports=[SegmentReportType.of(r) for r in found])

    @strawberry.field(description="Cohort retention: % active, % subscribed, cumulative revenue per member.",
                      metadata=REPORT_COST)
    async def cohort_report(self, info: Info[Context, None], input: CohortReportInput) -> CohortReportResult:
        viewer = info.context.require("reports:read")
        try:
            report = await cohort_report(
                viewer, input.cohort_by, input.start, input.end, input.periods,
                id_input_or_none(input.cohort_segment_id, "Segment", "cohortSegmentId"),
                id_input_or_none(input.in_segment_id, "Segment", "inSegmentId"))
        except ValidationFailed as exc:
            return CohortReportResult(user_errors=user_errors(exc))
        return CohortReportResult(report=CohortReportType.of(report))

    @strawberry.field(description=(
        "A period's revenue split by the segments buyers were in when they ordered; overlap shown, "
        "totals count each order once."), metadata=REPORT_COST)
    async def revenue_by_segment(self, info: Info[Context, None], segment_ids: list[strawberry.ID],
                                 period: ReportPeriodInput) -> RevenueAttributionResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            attribution = await revenue_by_segment(viewer, ids, period.start, period.end)
        except ValidationFailed as exc:
            return RevenueAttributionResult(user_errors=user_errors(exc))
        return RevenueAttributionResult(attribution=RevenueAttributionType.of(attribution))

    @strawberry.field(description="Predicted LTV (BG/NBD + Gamma-Gamma) summed per segment.", metadata=REPORT_COST)
    async def predicted_ltv(self, info: Info[Context, None], segment_ids: list[strawberry.ID]) -> PredictedLtvResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            ltv = await predicted_ltv(viewer, ids)
        except ValidationFailed as exc:
            return PredictedLtvResult(user_errors=user_errors(exc))
        return PredictedLtvResult(ltv=PredictedLtvType.of(ltv))


NODE_TYPES = (NodeType("ReportExport", staff("reports:read"), _fetch_exports),)
