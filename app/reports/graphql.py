"""GraphQL for reports: read by API keys with `reports:read` (partners) and by staff.

Reports carry aggregates only: segment ids and names, counts and money, never a contact. Bad
periods, unknown segments (another team's, or outside a partner key's grant) come back as
`userErrors` on the result, like a mutation's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.graphql.connections import Connection
from app.graphql.context import Context
from app.graphql.enums import described_enum
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
from app.teams import audit
from app.teams.service import ADMIN_SCOPE

GranularityEnum = described_enum(Granularity, name="ReportGranularity", description=(
    "The buckets a period is cut into (the first and last are cut to the period)."), values={
    "DAY": "Local days of the team's time zone.",
    "WEEK": "ISO weeks, Monday to Sunday.",
    "MONTH": "Calendar months.",
})
CohortByEnum = described_enum(CohortBy, name="CohortBy", description=(
    "What puts a contact in a monthly cohort."), values={
    "FIRST_ORDER_MONTH": "The month of its first paid order.",
    "JOIN_MONTH": "The month it joined the team (its record was created).",
    "SEGMENT_JOIN_MONTH": "The month it first joined `cohortSegmentId`.",
})
LtvFitStatusEnum = described_enum(LtvFitStatus, name="LtvFitStatus", description=(
    "How the team's latest predicted-LTV fit went."), values={
    "OK": "Fitted; the figures come from it.",
    "FAILED": "The fit failed (`message` says why).",
    "UNAVAILABLE": "The optional `clv` extra is not installed on this deployment.",
    "TOO_FEW": "Fewer than 20 customers: too few to fit.",
})
ExportStatusEnum = described_enum(ExportStatus, name="ReportExportStatus", description=(
    "Where a CSV export stands."), values={
    "QUEUED": "Waiting for a worker.",
    "RUNNING": "Being written (`progress`).",
    "DONE": "Ready: `downloadUrl`.",
    "FAILED": "Could not be written (`error`).",
})

REPORT_COST = {"cost": 50}  # whole-segment SQL over history, orders and events


@strawberry.input(description="Calendar days of the team's time zone, both included (at most 731).")
class ReportPeriodInput:
    start: date = strawberry.field(description="First day (YYYY-MM-DD), 1970 to 2200.")
    end: date = strawberry.field(description="Last day, included; not before `start`.")
    granularity: Granularity = strawberry.field(default=Granularity.DAY, description=(
        "Bucket size of the series (default DAY)."))


# The arguments every segment report field takes, described once.
ReportSegmentIds = Annotated[list[strawberry.ID], strawberry.argument(description=(
    "1 to 10 Segment ids the caller may report on (others are a NOT_FOUND userError)."))]
ReportPeriod = Annotated[ReportPeriodInput, strawberry.argument(description=(
    "The days to report on, in the team's time zone."))]


@strawberry.type(name="ReportCauseCount", description="Joins or leaves of one cause.")
class CauseCountType:
    action: str = strawberry.field(description="`join` or `leave`.")
    cause: str = strawberry.field(description=(
        "Why (`event`, `recompute`, `manual`, ...; see SegmentHistoryEntry.cause)."))
    count: int = strawberry.field(description="How many.")


@strawberry.type(name="SegmentReportPoint", description="One bucket of the period (a day, ISO week or month).")
class SeriesPointType:
    period_start: date = strawberry.field(description="The bucket's first day.")
    period_end: date = strawberry.field(description="The bucket's last day.")
    size: int = strawberry.field(description="Members at the end of the bucket's last day.")
    joins: int = strawberry.field(description="Joins in the bucket.")
    leaves: int = strawberry.field(description="Leaves in the bucket.")
    causes: list[CauseCountType] = strawberry.field(description="Joins and leaves by cause.")
    orders: int = strawberry.field(description="Orders placed by members while they were members.")
    revenue: int = strawberry.field(description="Those orders' total net of refunds (minor units).")
    refunded: int = strawberry.field(description="Refunds of those orders (minor units).")

    @classmethod
    def of(cls, p: reports.SeriesPoint) -> SeriesPointType:
        return cls(period_start=p.period_start, period_end=p.period_end, size=p.size, joins=p.joins,
                   leaves=p.leaves, causes=[CauseCountType(action=c.action, cause=c.cause, count=c.count)
                                            for c in p.causes],
                   orders=p.orders, revenue=p.revenue, refunded=p.refunded)


@strawberry.type(name="ReportEventTypeCount", description="Events of one type by the members in the period.")
class EventTypeCountType:
    type: str = strawberry.field(description="The event type.")
    events: int = strawberry.field(description="Events of the type.")
    contacts: int = strawberry.field(description="Members with at least one.")
    per_member: float = strawberry.field(description="Events per member at the end.")


@strawberry.type(name="SegmentEngagement", description="Members at the end of the period, and what they did in it.")
class EngagementType:
    members: int = strawberry.field(description="Members at the end of the period.")
    active_7d: int = strawberry.field(name="active7d", description="Members with any event in the last 7 days.")
    active_30d: int = strawberry.field(name="active30d", description="Members with any event in the last 30 days.")
    events_by_type: list[EventTypeCountType] = strawberry.field(description="Events in the period by type.")
    lessons_started: int = strawberry.field(description="Lessons the members started in the period.")
    lessons_completed: int = strawberry.field(description="Lessons they completed in it.")
    lesson_completers: int = strawberry.field(description="Members who completed at least one lesson.")
    searches: int = strawberry.field(description="Hub searches (`search` events) in the period.")
    searchers: int = strawberry.field(description="Members who searched.")


@strawberry.type(name="SegmentBilling", description=(
    "Billing of the members at the end of the period, as at its end; money in minor units."))
class BillingType:
    currency: str | None = strawberry.field(description=(
        "ISO 4217 code of the team's main currency; null without billing."))
    mrr: int = strawberry.field(description=(
        "Monthly recurring revenue of live subscriptions out of trial, past due included (minor units)."))
    arr: int = strawberry.field(description="Annual recurring revenue: 12 x mrr (minor units).")
    ltv_average: float = strawberry.field(
        description="Net order revenue per member, ever (members without orders count 0).")
    ltv_median: float = strawberry.field(description="Median net order revenue per member, ever (minor units).")
    paying: int = strawberry.field(description="Members with a live paid subscription.")
    trialing: int = strawberry.field(description="Members in a trial.")
    past_due: int = strawberry.field(description="Members whose payment is failing.")
    canceled: int = strawberry.field(description="Members whose subscription ended.")
    trials_ended: int = strawberry.field(description="Trials of the period's members that ended in the period.")
    trials_converted: int = strawberry.field(description="Of trialsEnded, those followed by a paid invoice.")
    trial_conversion_rate: float | None = strawberry.field(description=(
        "Share of ended trials that converted: trialsConverted / trialsEnded; null when no trial ended."))
    churned_mrr: int = strawberry.field(description="Monthly value of paid subscriptions that ended in the period.")
    churned_subscriptions: int = strawberry.field(description="Paid subscriptions that ended in the period.")
    revenue: int = strawberry.field(description="Net revenue of the period from members while they were members.")
    refunded: int = strawberry.field(description="Refunds of the period's orders (minor units).")
    orders: int = strawberry.field(description="Orders of the period from members.")


@strawberry.type(name="SegmentHubActivity", description=(
    "One hub's share of a segment's members at the end of the period."))
class HubActivityType:
    hub_id: strawberry.ID = strawberry.field(description="The hub (a Hub id).")
    hub_name: str = strawberry.field(description="The hub's name.")
    members: int = strawberry.field(description="Members of the segment who belong to the hub.")
    active_members: int = strawberry.field(description=(
        "Of those, how many were active in it (an event naming the hub, or a lesson of it)."))
    lessons_completed: int = strawberry.field(description="Lessons of the hub they completed in the period.")


@strawberry.type(name="SegmentReport", description=(
    "One segment's report over a period (aggregates only, never a contact)."))
class SegmentReportType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    segment_name: str = strawberry.field(description="The segment's name now.")
    cap_notice: str | None = strawberry.field(description=(
        "For a partner key over the plan's members-per-segment cap: who is left out (figures count the "
        "members inside the cap)."))
    time_zone: str = strawberry.field(description="The team's time zone the days are in.")
    start: date = strawberry.field(description="First day of the period.")
    end: date = strawberry.field(description="Last day of the period.")
    granularity: Granularity = strawberry.field(description="Bucket size of `series`.")
    size_at_start: int = strawberry.field(description="Members at the start of the first day.")
    size_at_end: int = strawberry.field(description="Members at the end of the last day (now, if it has not ended).")
    joins: int = strawberry.field(description="Joins in the period.")
    leaves: int = strawberry.field(description="Leaves in the period.")
    points: strawberry.Private[list[reports.SeriesPoint]]
    engagement: EngagementType = strawberry.field(description="What the members did in the period.")
    billing: BillingType = strawberry.field(description="The members' billing as at the end.")
    hubs: list[HubActivityType] = strawberry.field(description="Hub activity of the members.")

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


@strawberry.type(name="SegmentReportResult", description="Result of `segmentReport`.")
class SegmentReportResult:
    reports: list[SegmentReportType] = strawberry.field(description=(
        "One report per segment asked for, in order; empty when `userErrors` is not empty."), default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Monthly cohorts of the team's calendar: the months of `start` to `end` (at most 36).")
class CohortReportInput:
    cohort_by: CohortBy = strawberry.field(description="What puts a contact in a cohort.")
    start: date = strawberry.field(description="A day in the first cohort month.")
    end: date = strawberry.field(description="A day in the last cohort month (at most 36 months after `start`).")
    periods: int = strawberry.field(default=12, description="Months since the cohort's, its own included (1-36).")
    cohort_segment_id: strawberry.ID | None = strawberry.field(
        default=None, description="SEGMENT_JOIN_MONTH: the segment whose first join makes the cohort.")
    in_segment_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only contacts who are in this segment now (cohort x segment).")


@strawberry.type(name="CohortCell", description="One month of one cohort.")
class CohortCellType:
    period: int = strawberry.field(description="Months since the cohort's month (0: that month).")
    month: date = strawberry.field(description="The month (its first day).")
    active: int = strawberry.field(description="Members with an event or a paid order in the month.")
    active_rate: float = strawberry.field(description="Share of the cohort active: active / its size.")
    subscribed: int = strawberry.field(description="Members with a subscription live in the month.")
    subscribed_rate: float = strawberry.field(description="Share of the cohort subscribed: subscribed / its size.")
    revenue: int = strawberry.field(description="Net order revenue from the cohort's month to this one.")
    revenue_per_member: float = strawberry.field(description=(
        "Revenue per cohort member: revenue / its size (the LTV curve)."))


@strawberry.type(name="CohortRow", description="One monthly cohort and its months since.")
class CohortRowType:
    cohort: date = strawberry.field(description="The cohort's month (its first day).")
    size: int = strawberry.field(description="Contacts in the cohort.")
    cells: list[CohortCellType] = strawberry.field(description="Its months, from period 0.")

    @classmethod
    def of(cls, row: CohortRow) -> CohortRowType:
        return cls(cohort=row.cohort, size=row.size, cells=[CohortCellType(
            period=c.period, month=c.month, active=c.active, active_rate=c.active_rate, subscribed=c.subscribed,
            subscribed_rate=c.subscribed_rate, revenue=c.revenue, revenue_per_member=c.revenue_per_member)
            for c in row.cells])


@strawberry.type(name="CohortReport", description="Cohort retention: one row per monthly cohort.")
class CohortReportType:
    cohort_by: CohortBy = strawberry.field(description="What put contacts in cohorts.")
    time_zone: str = strawberry.field(description="The team's time zone the months are in.")
    periods: int = strawberry.field(description="Months per cohort asked for (never past the current month).")
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


@strawberry.type(name="CohortReportResult", description="Result of `cohortReport`.")
class CohortReportResult:
    report: CohortReportType | None = strawberry.field(default=None, description=(
        "The report; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="SegmentRevenue", description="One segment's share of a period's revenue.")
class SegmentRevenueType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    segment_name: str = strawberry.field(description="The segment's name now.")
    revenue: int = strawberry.field(description="Orders of buyers who were members when ordering (net).")
    orders: int = strawberry.field(description="Orders of buyers who were members when ordering.")
    share: float | None = strawberry.field(description="Of the team's total (null for a partner key).")
    exclusive_revenue: int = strawberry.field(description="Of those, orders in none of the other listed segments.")


@strawberry.type(name="SegmentRevenueOverlap", description=(
    "Revenue two listed segments share (buyers in both when ordering)."))
class SegmentRevenueOverlapType:
    first_segment_id: strawberry.ID = strawberry.field(description="One segment (a Segment id).")
    second_segment_id: strawberry.ID = strawberry.field(description="The other segment (a Segment id).")
    revenue: int = strawberry.field(description="Orders whose buyer was in both at the time.")
    orders: int = strawberry.field(description="Orders whose buyer was in both at the time.")


@strawberry.type(name="RevenueAttribution", description="Money in minor units, net of refunds.")
class RevenueAttributionType:
    time_zone: str = strawberry.field(description="The team's time zone the days are in.")
    start: date = strawberry.field(description="First day of the period.")
    end: date = strawberry.field(description="Last day of the period.")
    total_revenue: int | None = strawberry.field(description="Every order of the team (null for a partner key).")
    total_orders: int | None = strawberry.field(description=(
        "Every order of the team in the period (null for a partner key)."))
    attributed_revenue: int = strawberry.field(description="Orders in at least one listed segment, each once.")
    attributed_orders: int = strawberry.field(description="Orders in at least one listed segment.")
    unattributed_revenue: int | None = strawberry.field(description=(
        "Revenue of orders in none of the listed segments: totalRevenue - attributedRevenue (null for a partner key)."))
    segments: list[SegmentRevenueType] = strawberry.field(description="Per listed segment.")
    overlaps: list[SegmentRevenueOverlapType] = strawberry.field(description=(
        "Per pair of listed segments that share buyers."))

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


@strawberry.type(name="RevenueAttributionResult", description="Result of `revenueBySegment`.")
class RevenueAttributionResult:
    attribution: RevenueAttributionType | None = strawberry.field(default=None, description=(
        "The split; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="SegmentPredictedLtv", description="Predicted LTV of one segment's current members.")
class SegmentLtvType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    segment_name: str = strawberry.field(description="The segment's name now.")
    members: int = strawberry.field(description="Members now.")
    customers: int = strawberry.field(description="Members with a prediction (at least one paid order).")
    expected_purchases: float = strawberry.field(description="Over the horizon, summed over the members.")
    expected_spend: float = strawberry.field(description="Over the horizon, summed (minor units).")
    expected_purchases_per_member: float = strawberry.field(description=(
        "Expected purchases per member: expectedPurchases / members."))
    expected_spend_per_member: float = strawberry.field(description=(
        "Expected spend per member: expectedSpend / members (minor units)."))
    average_probability_alive: float | None = strawberry.field(description=(
        "Mean probability that a customer member is still a customer; null without customers."))


@strawberry.type(name="LtvModelParameters", description="BG/NBD r, alpha, a, b; Gamma-Gamma p, q, v.")
class LtvParamsType:
    r: float | None = strawberry.field(description="BG/NBD r.")
    alpha: float | None = strawberry.field(description="BG/NBD alpha.")
    a: float | None = strawberry.field(description="BG/NBD a.")
    b: float | None = strawberry.field(description="BG/NBD b.")
    p: float | None = strawberry.field(description="Gamma-Gamma p.")
    q: float | None = strawberry.field(description="Gamma-Gamma q.")
    v: float | None = strawberry.field(description="Gamma-Gamma v (gamma).")


@strawberry.type(name="PredictedLtv", description=(
    "Expected purchases and spend per segment over the next horizonDays, from the team's latest fit."))
class PredictedLtvType:
    status: LtvFitStatus | None = strawberry.field(description="Of the latest fit; null if never fitted.")
    message: str | None = strawberry.field(description="Why the latest fit failed or was not possible; null when OK.")
    fitted_at: datetime | None = strawberry.field(description="Of the fit the figures come from.")
    horizon_days: int = strawberry.field(description="Days ahead the figures predict (90).")
    customers: int = strawberry.field(description="Customers the fit used.")
    parameters: LtvParamsType = strawberry.field(description="The fitted model parameters; null values before a fit.")
    segments: list[SegmentLtvType] = strawberry.field(description="Per segment asked for.")

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


@strawberry.type(name="PredictedLtvResult", description="Result of `predictedLtv`.")
class PredictedLtvResult:
    ltv: PredictedLtvType | None = strawberry.field(default=None, description=(
        "The figures; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportAnomaly", description="A day far outside the series' recent pattern.")
class AnomalyType:
    day: date = strawberry.field(description="The local day.")
    metric: str = strawberry.field(description="The metric: `size` or `revenue`.")
    value: float = strawberry.field(description="The metric's value that day (size, or revenue in minor units).")
    baseline: float = strawberry.field(description="Median of the previous 28 days.")
    score: float = strawberry.field(description="Robust z-score: (value - median) / (1.4826 x MAD).")
    change: float | None = strawberry.field(description="Relative to the baseline (null when it is 0).")


@strawberry.type(name="SegmentAnomalies", description="One segment's anomalous days.")
class SegmentAnomaliesType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    segment_name: str = strawberry.field(description="The segment's name now.")
    anomalies: list[AnomalyType] = strawberry.field(description="Its anomalous days, in order.")


@strawberry.type(name="SegmentMove", description="How a segment's revenue moved on a day the team's total moved.")
class SegmentMoveType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    segment_name: str = strawberry.field(description="The segment's name now.")
    value: float = strawberry.field(description="The segment's revenue that day (minor units).")
    baseline: float | None = strawberry.field(description="Its median of the previous 28 days; null without history.")
    change: float | None = strawberry.field(description="Relative to the baseline; null when it is 0 or missing.")
    direction: str = strawberry.field(description="How it moved: `rose`, `fell` or `flat` (within 10%).")


@strawberry.type(name="TeamRevenueMove", description=(
    "A day the team's total revenue was an anomaly, and how each segment moved."))
class TeamMoveType:
    day: date = strawberry.field(description="The local day.")
    value: float = strawberry.field(description="The team's revenue that day (minor units).")
    baseline: float = strawberry.field(description="Median of the previous 28 days.")
    score: float = strawberry.field(description="Robust z-score of the day.")
    change: float | None = strawberry.field(description="Relative to the baseline; null when it is 0.")
    direction: str = strawberry.field(description="`rose` or `fell`.")
    summary: str = strawberry.field(description=(
        "For people, e.g. sales dropped (-45% vs the 28-day median): 'Loyal' is flat, ..."))
    segments: list[SegmentMoveType] = strawberry.field(description="How each listed segment moved that day.")


@strawberry.type(name="AnomalyReport", description="Anomalous days of segments' size and revenue (robust z-scores).")
class AnomalyReportType:
    method: str = strawberry.field(description="How days are scored (`rolling median / MAD`).")
    window_days: int = strawberry.field(description="Days of history each day is compared with.")
    threshold: float = strawberry.field(description="Robust z-score beyond which a day is an anomaly.")
    segments: list[SegmentAnomaliesType] = strawberry.field(description="Per segment asked for.")
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


@strawberry.type(name="AnomalyReportResult", description="Result of `segmentAnomalies`.")
class AnomalyReportResult:
    report: AnomalyReportType | None = strawberry.field(default=None, description=(
        "The report; null when `userErrors` is not empty."))
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportSegment", description="A segment a report may name (a partner key: only its own).")
class ReportSegmentType:
    segment_id: strawberry.ID = strawberry.field(description="The segment (a Segment id).")
    name: str = strawberry.field(description="The segment's name.")
    member_count: int = strawberry.field(description="Members now.")


@strawberry.input(description="Which segments an API key's reports may see.")
class SetReportKeySegmentsInput:
    api_key_id: strawberry.ID = strawberry.field(description="The key (an ApiKey id).")
    segment_ids: list[strawberry.ID] = strawberry.field(
        description="The only segments the key's reports see; empty lifts the limit.")


@strawberry.type(description="Result of `setReportKeySegments`.")
class SetReportKeySegmentsPayload:
    api_key_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "The key; null when `userErrors` is not empty."))
    segment_ids: list[strawberry.ID] = strawberry.field(description=(
        "The segments the key's reports now see (empty: no limit)."), default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(name="ReportExport", description="A CSV export of a segment report; poll it for progress.")
class ReportExportType(relay.Node):
    id: relay.NodeID[int]
    status: ExportStatus = strawberry.field(description="Queued, running, done or failed.")
    progress: float = strawberry.field(description="From 0 to 1.")
    row_count: int = strawberry.field(description="Rows written so far.")
    error: str | None = strawberry.field(description="Why it failed; null otherwise.")
    created_at: datetime = strawberry.field(description="When it was asked for.")
    finished_at: datetime | None = strawberry.field(description="When it ended; null while queued or running.")
    row: strawberry.Private[ReportExport]

    @strawberry.field(description="Signed, valid for an hour; null until the export is done.")
    def download_url(self, info: Info[Context, None]) -> str | None:
        return download_url(info.context.settings, self.row)

    @classmethod
    def from_model(cls, m: ReportExport) -> ReportExportType:
        return cls(id=m.id, status=ExportStatus(m.status), progress=m.progress, row_count=m.row_count, error=m.error,
                   created_at=m.created_at, finished_at=m.finished_at, row=m)


@strawberry.input(description="What to export: a segment report as CSV.")
class ReportExportInput:
    segment_ids: list[strawberry.ID] = strawberry.field(description=(
        "1 to 10 Segment ids the caller may report on (others are a NOT_FOUND userError)."))
    period: ReportPeriodInput = strawberry.field(description="The days to report on, in the team's time zone.")


@strawberry.type(description="Result of `reportExport`.")
class ReportExportPayload:
    export: ReportExportType | None = strawberry.field(default=None, description=(
        "The export to poll; null when `userErrors` is not empty."))
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
        await audit.record(viewer.team.id, viewer, "api_key.report_segments_set", "ApiKey", encode_id("ApiKey", key.id),
                           {"segments": [encode_id("Segment", s) for s in granted]})
        return SetReportKeySegmentsPayload(api_key_id=encode_id("ApiKey", key.id),
                                           segment_ids=[encode_id("Segment", s) for s in granted])


@strawberry.type
class ReportsQuery:
    @strawberry.field(description="A CSV export's progress and, once done, its signed download URL.")
    async def report_export(self, info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="A ReportExport id.")]) -> ReportExportType | None:
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
    async def segment_anomalies(self, info: Info[Context, None],
        segment_ids: ReportSegmentIds,
        period: ReportPeriod) -> AnomalyReportResult:
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
    async def segment_report(self, info: Info[Context, None],
        segment_ids: ReportSegmentIds,
        period: ReportPeriod) -> SegmentReportResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            found = await reports.segment_reports(viewer, ids, period.start, period.end, period.granularity)
        except ValidationFailed as exc:
            return SegmentReportResult(user_errors=user_errors(exc))
        return SegmentReportResult(reports=[SegmentReportType.of(r) for r in found])

    @strawberry.field(description="Cohort retention: % active, % subscribed, cumulative revenue per member.",
                      metadata=REPORT_COST)
    async def cohort_report(self, info: Info[Context, None],
        input: Annotated[CohortReportInput, strawberry.argument(description=(
            "The cohorts to build."))]) -> CohortReportResult:
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
    async def revenue_by_segment(self, info: Info[Context, None],
        segment_ids: ReportSegmentIds,
        period: ReportPeriod) -> RevenueAttributionResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            attribution = await revenue_by_segment(viewer, ids, period.start, period.end)
        except ValidationFailed as exc:
            return RevenueAttributionResult(user_errors=user_errors(exc))
        return RevenueAttributionResult(attribution=RevenueAttributionType.of(attribution))

    @strawberry.field(description="Predicted LTV (BG/NBD + Gamma-Gamma) summed per segment.", metadata=REPORT_COST)
    async def predicted_ltv(self, info: Info[Context, None],
        segment_ids: ReportSegmentIds,
    ) -> PredictedLtvResult:
        viewer = info.context.require("reports:read")
        try:
            ids = id_inputs(segment_ids, "Segment", "segmentIds") or []
            ltv = await predicted_ltv(viewer, ids)
        except ValidationFailed as exc:
            return PredictedLtvResult(user_errors=user_errors(exc))
        return PredictedLtvResult(ltv=PredictedLtvType.of(ltv))


NODE_TYPES = (NodeType("ReportExport", staff("reports:read"), _fetch_exports),)
