"""The SQL of the reports, parameterized ($1...), read-only over the owning domains' tables.

Shared shapes:
- `_INTERVALS`: each contact's stays in each segment, [joined, left), from membership history
  (`segment_membership_changes`), so "who was a member at T" never reads today's membership.
- Instants are compared as timestamptz; days are `(at AT TIME ZONE tz)::date`, the team's calendar.
Parameters common to the segment report: $1 team id, $2 segment ids (bigint[]), $3 time zone,
$4 first instant of the period, $5 first instant after it ("as at"), $6 each segment's member bound
(bigint[] aligned with $2; NULL: no bound): a partner under the plan's members-per-segment cap
counts only contacts with team_contact_id <= the bound (app.core.plan_caps).
"""

from __future__ import annotations

PAID_ORDER = "('paid', 'partially_refunded', 'refunded')"

_INTERVALS = """
params AS (SELECT $3::text AS time_zone, $4::timestamptz AS starts_at, $5::timestamptz AS ends_at),
ch AS (
    SELECT c.segment_id, c.team_contact_id, c.action, c.at,
           LEAD(c.at) OVER (PARTITION BY c.segment_id, c.team_contact_id ORDER BY c.at, c.id) AS next_at
    FROM segment_membership_changes c
    WHERE c.team_id = $1 AND c.segment_id = ANY($2::bigint[]) AND c.at < $5
      AND c.team_contact_id <= COALESCE(($6::bigint[])[array_position($2::bigint[], c.segment_id)], 9223372036854775807)
),
iv AS (
    SELECT segment_id, team_contact_id, at AS from_at, next_at AS to_at FROM ch WHERE action = 'join'
),
m AS (  -- members at the end of the period
    SELECT DISTINCT segment_id, team_contact_id FROM iv WHERE to_at IS NULL OR to_at >= $5
),
pm AS (  -- members at any time in the period
    SELECT DISTINCT segment_id, team_contact_id FROM iv WHERE to_at IS NULL OR to_at > $4
)"""

# Daily size (end of each local day), joins and leaves. A final snapshot wins over history, which
# loses the rows of deleted contacts. Its own parameters: $1 team, $2 segments, $3 time zone,
# $4 "as at" instant, $5 first day, $6 last day, $7 member bounds (snapshots hold full counts: not
# read for a bounded segment). The size of a day is the changes before the first day plus a running
# sum over the period's days (one window pass, no lookup per day).
DAILY_SIZES = """
WITH deltas AS (
    SELECT c.segment_id, (c.at AT TIME ZONE $3)::date AS d,
           count(*) FILTER (WHERE c.action = 'join') AS joins,
           count(*) FILTER (WHERE c.action = 'leave') AS leaves
    FROM segment_membership_changes c
    WHERE c.team_id = $1 AND c.segment_id = ANY($2::bigint[]) AND c.at < $4
      AND c.team_contact_id <= COALESCE(($7::bigint[])[array_position($2::bigint[], c.segment_id)],
                                        9223372036854775807)
    GROUP BY 1, 2
),
before AS (SELECT segment_id, sum(joins - leaves) AS size FROM deltas WHERE d < $5::date GROUP BY 1),
days AS (
    SELECT s.segment_id, g::date AS d
    FROM unnest($2::bigint[]) AS s(segment_id),
         generate_series($5::date, $6::date, interval '1 day') AS g
),
series AS (
    SELECT days.segment_id, days.d, today.joins, today.leaves,
           COALESCE(before.size, 0) + sum(COALESCE(today.joins - today.leaves, 0))
               OVER (PARTITION BY days.segment_id ORDER BY days.d) AS size
    FROM days
    LEFT JOIN deltas today ON today.segment_id = days.segment_id AND today.d = days.d
    LEFT JOIN before ON before.segment_id = days.segment_id
)
SELECT series.segment_id, series.d AS day,
       COALESCE(snap.member_count, series.size, 0)::bigint AS size,
       COALESCE(snap.joins, series.joins, 0)::bigint AS joins,
       COALESCE(snap.leaves, series.leaves, 0)::bigint AS leaves
FROM series
LEFT JOIN report_segment_snapshots snap
       ON snap.team_id = $1 AND snap.segment_id = series.segment_id AND snap.day = series.d
       AND ($7::bigint[])[array_position($2::bigint[], series.segment_id)] IS NULL
ORDER BY 1, 2
"""

# Revenue of orders placed in the period by contacts who were members when they ordered.
_REVENUE_ROWS = f"""
SELECT iv.segment_id, (o.placed_at AT TIME ZONE $3)::date AS day, count(DISTINCT o.id)::bigint AS orders,
       sum(o.total_amount)::bigint AS gross, sum(o.amount_refunded)::bigint AS refunded
FROM orders o
JOIN iv ON iv.team_contact_id = o.team_contact_id AND o.placed_at >= iv.from_at
       AND (iv.to_at IS NULL OR o.placed_at < iv.to_at)
WHERE o.team_id = $1 AND o.status IN {PAID_ORDER} AND o.placed_at >= $4 AND o.placed_at < $5
GROUP BY 1, 2"""

REVENUE_BY_DAY = f"""
WITH {_INTERVALS}
{_REVENUE_ROWS.strip()}
ORDER BY 1, 2
"""

# A subscription's monthly amount: its own MRR while it counts, else its list price per month
# (an ended subscription's MRR is 0, yet it still says what it was worth).
_MONTHLY = """(CASE WHEN s.mrr_amount > 0 THEN s.mrr_amount::numeric ELSE
    s.unit_amount::numeric * GREATEST(s.quantity, 1) * (CASE s.interval WHEN 'day' THEN 365.0 / 12
    WHEN 'week' THEN 52.0 / 12 WHEN 'year' THEN 1.0 / 12 ELSE 1 END) / GREATEST(s.interval_count, 1) END)"""

_SUBS = f"""
subs AS (
    SELECT s.id, s.team_contact_id, s.status, s.trial_start, s.trial_end, {_MONTHLY} AS monthly,
           COALESCE(s.started_at, s.created_at) AS began,
           COALESCE(s.ended_at, CASE WHEN s.status IN ('canceled', 'incomplete_expired')
                                     THEN COALESCE(s.canceled_at, s.updated_at) END) AS ended,
           (s.status IN ('past_due', 'unpaid') AND s.past_due_since IS NOT NULL) AS is_past_due,
           s.past_due_since
    FROM subscriptions s
    WHERE s.team_id = $1 AND s.status NOT IN ('incomplete')
)"""

# The most used currency of the team's orders (reports sum minor units of one currency).
CURRENCY = """
SELECT currency FROM orders WHERE team_id = $1 GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1
"""


# The segment report's sections, each written once: membership history is read and turned into
# stays once per statement (`ch`, `iv`, `m`, `pm` are materialized CTEs every section reads), and
# each section comes back as one JSON array (json_agg of its rows; dates as ISO strings).
# Parameters: $1 team, $2 segment ids, $3 time zone, $4 first instant of the period, $5 "as at", $6
# member bounds (as above), $7 first day, $8 last day. Anomalies reuse the revenue rows. The report
# runs as two statements side by side (SEGMENT_REPORT_PARTS), which PostgreSQL runs on two cores:
# the members' events, and everything else; a section that a statement does not select is not
# computed by it (PostgreSQL skips unreferenced CTEs).
_SEGMENT_SECTIONS = f"""
WITH ch AS MATERIALIZED (
    SELECT c.segment_id, c.team_contact_id, c.action, c.cause, c.at,
           LEAD(c.at) OVER (PARTITION BY c.segment_id, c.team_contact_id ORDER BY c.at, c.id) AS next_at
    FROM segment_membership_changes c
    WHERE c.team_id = $1 AND c.segment_id = ANY($2::bigint[]) AND c.at < $5
      AND c.team_contact_id <= COALESCE(($6::bigint[])[array_position($2::bigint[], c.segment_id)], 9223372036854775807)
),
iv AS MATERIALIZED (
    SELECT segment_id, team_contact_id, at AS from_at, next_at AS to_at FROM ch WHERE action = 'join'
),
m AS MATERIALIZED (SELECT DISTINCT segment_id, team_contact_id FROM iv WHERE to_at IS NULL OR to_at >= $5),
pm AS MATERIALIZED (SELECT DISTINCT segment_id, team_contact_id FROM iv WHERE to_at IS NULL OR to_at > $4),
deltas AS (
    SELECT segment_id, (at AT TIME ZONE $3)::date AS d,
           count(*) FILTER (WHERE action = 'join') AS joins, count(*) FILTER (WHERE action = 'leave') AS leaves
    FROM ch GROUP BY 1, 2
),
before AS (SELECT segment_id, sum(joins - leaves) AS size FROM deltas WHERE d < $7::date GROUP BY 1),
series AS (  -- changes before the first day plus a running sum over the period's days
    SELECT days.segment_id, days.d, today.joins, today.leaves,
           COALESCE(before.size, 0) + sum(COALESCE(today.joins - today.leaves, 0))
               OVER (PARTITION BY days.segment_id ORDER BY days.d) AS size
    FROM (SELECT s.segment_id, g::date AS d FROM unnest($2::bigint[]) AS s(segment_id),
                 generate_series($7::date, $8::date, interval '1 day') AS g) days
    LEFT JOIN deltas today ON today.segment_id = days.segment_id AND today.d = days.d
    LEFT JOIN before ON before.segment_id = days.segment_id
),
sizes AS (
    SELECT series.segment_id, series.d AS day,
           COALESCE(snap.member_count, series.size, 0)::bigint AS size,
           COALESCE(snap.joins, series.joins, 0)::bigint AS joins,
           COALESCE(snap.leaves, series.leaves, 0)::bigint AS leaves
    FROM series
    LEFT JOIN report_segment_snapshots snap
           ON snap.team_id = $1 AND snap.segment_id = series.segment_id AND snap.day = series.d
           AND ($6::bigint[])[array_position($2::bigint[], series.segment_id)] IS NULL
),
causes AS (
    SELECT segment_id, (at AT TIME ZONE $3)::date AS day, action, cause, count(*)::bigint AS n
    FROM ch WHERE at >= $4 GROUP BY 1, 2, 3, 4
),
revenue AS ({_REVENUE_ROWS}
),
engagement AS (
    SELECT m.segment_id, count(*)::bigint AS members,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM events e WHERE e.team_id = $1 AND e.team_contact_id = m.team_contact_id
               AND e.occurred_at >= $5 - interval '7 days' AND e.occurred_at < $5))::bigint AS active_7d,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM events e WHERE e.team_id = $1 AND e.team_contact_id = m.team_contact_id
               AND e.occurred_at >= $5 - interval '30 days' AND e.occurred_at < $5))::bigint AS active_30d
    FROM m GROUP BY 1
),
events_by_type AS (  -- per member and type first (hashed), then per type: no sort of every event
    SELECT segment_id, type, sum(n)::bigint AS events, count(*)::bigint AS contacts
    FROM (SELECT m.segment_id, e.team_contact_id, e.type, count(*) AS n
          FROM m JOIN events e ON e.team_id = $1 AND e.team_contact_id = m.team_contact_id
                              AND e.occurred_at >= $4 AND e.occurred_at < $5
          GROUP BY 1, 2, 3) per_member
    GROUP BY 1, 2
),
content AS (
    SELECT m.segment_id,
           count(*) FILTER (WHERE lp.started_at >= $4 AND lp.started_at < $5)::bigint AS lessons_started,
           count(*) FILTER (WHERE lp.completed_at >= $4 AND lp.completed_at < $5)::bigint AS lessons_completed,
           count(DISTINCT lp.team_contact_id) FILTER (
               WHERE lp.completed_at >= $4 AND lp.completed_at < $5)::bigint AS completers
    FROM m JOIN lesson_progress lp ON lp.team_id = $1 AND lp.team_contact_id = m.team_contact_id
    GROUP BY 1
),
hub_events AS (
    SELECT m.segment_id, (e.properties->>'hub_id') AS hub_key, e.team_contact_id
    FROM m JOIN events e ON e.team_id = $1 AND e.team_contact_id = m.team_contact_id
                       AND e.occurred_at >= $4 AND e.occurred_at < $5
    WHERE e.properties ? 'hub_id'
),
hub_lessons AS (
    SELECT m.segment_id, lp.hub_id, lp.team_contact_id, lp.completed_at
    FROM m JOIN lesson_progress lp ON lp.team_id = $1 AND lp.team_contact_id = m.team_contact_id
    WHERE (lp.started_at >= $4 AND lp.started_at < $5) OR (lp.completed_at >= $4 AND lp.completed_at < $5)
),
hub_rows AS (
    SELECT s.segment_id, h.id AS hub_id, h.name AS hub_name,
           (SELECT count(*) FROM m JOIN hub_memberships hm ON hm.hub_id = h.id
                                    AND hm.team_contact_id = m.team_contact_id
            WHERE m.segment_id = s.segment_id)::bigint AS members,
           (SELECT count(DISTINCT a.team_contact_id) FROM (
                SELECT he.team_contact_id FROM hub_events he
                WHERE he.segment_id = s.segment_id AND he.hub_key = h.id::text
                UNION ALL
                SELECT hl.team_contact_id FROM hub_lessons hl WHERE hl.segment_id = s.segment_id AND hl.hub_id = h.id
            ) a)::bigint AS active_members,
           (SELECT count(*) FROM hub_lessons hl WHERE hl.segment_id = s.segment_id AND hl.hub_id = h.id
            AND hl.completed_at >= $4 AND hl.completed_at < $5)::bigint AS lessons_completed
    FROM unnest($2::bigint[]) AS s(segment_id)
    CROSS JOIN hubs h
    WHERE h.team_id = $1
),
{_SUBS.strip()},
state AS (
    SELECT m.segment_id, m.team_contact_id,
           bool_or(live AND NOT trial AND NOT late) AS paying,
           bool_or(live AND late) AS past_due,
           bool_or(live AND trial AND NOT late) AS trialing,
           bool_or(subs.ended IS NOT NULL AND subs.ended < $5) AS ended_any,
           COALESCE(sum(subs.monthly) FILTER (WHERE live AND NOT trial), 0) AS mrr
    FROM m
    LEFT JOIN LATERAL (
        SELECT subs.*, (subs.began < $5 AND (subs.ended IS NULL OR subs.ended >= $5)) AS live,
               (subs.trial_start IS NOT NULL AND subs.trial_start < $5 AND subs.trial_end > $5) AS trial,
               (subs.is_past_due AND subs.past_due_since < $5) AS late
        FROM subs WHERE subs.team_contact_id = m.team_contact_id
    ) subs ON TRUE
    GROUP BY 1, 2
),
ltv AS (
    SELECT m.segment_id, m.team_contact_id, COALESCE(sum(o.total_amount - o.amount_refunded), 0) AS value
    FROM m
    LEFT JOIN orders o ON o.team_id = $1 AND o.team_contact_id = m.team_contact_id
                      AND o.status IN {PAID_ORDER} AND o.placed_at < $5
    GROUP BY 1, 2
),
ltv_stats AS (
    SELECT segment_id, avg(value)::float8 AS ltv_avg,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY value))::float8 AS ltv_median
    FROM ltv GROUP BY 1
),
billing AS (
    SELECT state.segment_id,
           round(sum(state.mrr))::bigint AS mrr,
           count(*) FILTER (WHERE paying)::bigint AS paying,
           count(*) FILTER (WHERE past_due AND NOT paying)::bigint AS past_due,
           count(*) FILTER (WHERE trialing AND NOT paying AND NOT past_due)::bigint AS trialing,
           count(*) FILTER (WHERE ended_any AND NOT (paying OR past_due OR trialing))::bigint AS canceled,
           min(ltv_stats.ltv_avg) AS ltv_avg, min(ltv_stats.ltv_median) AS ltv_median
    FROM state LEFT JOIN ltv_stats USING (segment_id)
    GROUP BY 1
),
flow AS (
    SELECT pm.segment_id,
           count(*) FILTER (WHERE subs.trial_end >= $4 AND subs.trial_end < $5)::bigint AS trials_ended,
           count(*) FILTER (WHERE subs.trial_end >= $4 AND subs.trial_end < $5 AND EXISTS (
               SELECT 1 FROM payments p WHERE p.team_id = $1 AND p.subscription_id = subs.id AND p.amount > 0
               AND p.status IN ('succeeded', 'partially_refunded', 'refunded')
               AND p.paid_at >= subs.trial_end - interval '1 day'))::bigint AS trials_converted,
           round(COALESCE(sum(subs.monthly) FILTER (
               WHERE subs.ended >= $4 AND subs.ended < $5
               AND (subs.trial_end IS NULL OR subs.trial_end < subs.ended)), 0))::bigint AS churned_mrr,
           count(*) FILTER (WHERE subs.ended >= $4 AND subs.ended < $5
               AND (subs.trial_end IS NULL OR subs.trial_end < subs.ended))::bigint AS churned
    FROM pm
    JOIN subs ON subs.team_contact_id = pm.team_contact_id
    GROUP BY 1
)
"""

_SECTION_COLUMNS = {
    "sizes": "json_agg(sizes ORDER BY segment_id, day) FROM sizes",
    "causes": "json_agg(causes ORDER BY segment_id, day, action, cause) FROM causes",
    "revenue": "json_agg(revenue ORDER BY segment_id, day) FROM revenue",
    "engagement": "json_agg(engagement) FROM engagement",
    "events": "json_agg(events_by_type ORDER BY segment_id, events DESC, type) FROM events_by_type",
    "content": "json_agg(content) FROM content",
    "hubs": "json_agg(hub_rows ORDER BY segment_id, hub_id) FROM hub_rows",
    "billing": "json_agg(billing) FROM billing",
    "flow": "json_agg(flow) FROM flow",
}


def _segment_statement(sections: tuple[str, ...]) -> str:
    columns = ",\n       ".join(f"(SELECT {_SECTION_COLUMNS[name]}) AS {name}" for name in sections)
    return f"{_SEGMENT_SECTIONS}SELECT {columns}\n"


# The events by type of the members scan most rows: one statement; every other section the other.
SEGMENT_REPORT_PARTS = (
    _segment_statement(("events",)),
    _segment_statement(("sizes", "causes", "revenue", "engagement", "content", "hubs", "billing", "flow")),
)
