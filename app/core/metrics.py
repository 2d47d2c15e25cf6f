"""Prometheus metrics (prometheus-client), one registry per process.

The API serves them on `/metrics` (app/web/metrics.py); a separate worker process on its own port
(`memberhub worker --metrics-port`). Labels are bounded: routes are templates, GraphQL operations are
counted by type, jobs by function name.
"""

from __future__ import annotations

from prometheus_client import (
                        CollectorRegistry,
                        Counter,
                        Gauge,
                        Histogram,
                        gc_collector,
                        platform_collector,
                        process_collector,
)

REGISTRY = CollectorRegistry()
process_collector.ProcessCollector(registry=REGISTRY)
platform_collector.PlatformCollector(registry=REGISTRY)
gc_collector.GCCollector(registry=REGISTRY)

_LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

HTTP_REQUESTS = Counter("memberhub_http_requests", "HTTP requests by route template and status.",
                        ["method", "route", "status"], registry=REGISTRY)
HTTP_DURATION = Histogram("memberhub_http_request_duration_seconds", "HTTP request latency.",
                          ["method", "route"], buckets=_LATENCY, registry=REGISTRY)
GRAPHQL_OPERATIONS = Counter("memberhub_graphql_operations",
                             "GraphQL operations by type and outcome (ok, error: some field failed, "
                             "rejected: did not parse or validate).", ["type", "outcome"], registry=REGISTRY)
GRAPHQL_DURATION = Histogram("memberhub_graphql_operation_duration_seconds",
                             "GraphQL operation latency (subscriptions: until their first result).", ["type"],
                             buckets=_LATENCY, registry=REGISTRY)
MEMBER_SHARED_RESPONSES = Counter("memberhub_member_shared_responses",
                                  "Member tree requests answered from a shared encoded response (hit) or run "
                                  "and kept (miss); documents that cannot be shared are not counted.", ["outcome"],
                                  registry=REGISTRY)
COMMUNITY_SHARED_PAGES = Counter("memberhub_community_shared_pages",
                                 "Community feed and thread requests answered from a shared page (hit) or run "
                                 "and kept (miss); documents that cannot be shared are not counted.", ["outcome"],
                                 registry=REGISTRY)
WEBSOCKET_CONNECTIONS = Gauge("memberhub_websocket_connections", "Open websocket connections.", registry=REGISTRY)
WEBSOCKET_OPERATIONS = Gauge("memberhub_websocket_operations",
                             "Operations running on websockets (live subscriptions, mostly).", registry=REGISTRY)
EVALUATION_QUEUE_DEPTH = Gauge("memberhub_evaluation_queue_depth", "Contacts waiting for segment evaluation.",
                               registry=REGISTRY)
EVALUATION_QUEUE_LAG = Gauge("memberhub_evaluation_queue_lag_seconds",
                             "Age of the oldest request waiting for segment evaluation (0 when none).",
                             registry=REGISTRY)
DB_POOL = Gauge("memberhub_db_pool_connections", "This process's PostgreSQL pool: in_use, idle and max.",
                ["state"], registry=REGISTRY)
JOBS = Counter("memberhub_jobs", "Worker jobs by function and outcome (ok, error, retry, cancelled).",
               ["function", "outcome"], registry=REGISTRY)
JOB_DURATION = Histogram("memberhub_job_duration_seconds", "Worker job duration.", ["function"],
                         buckets=(*_LATENCY, 60, 300, 1800), registry=REGISTRY)
SWEEP_DURATION = Histogram("memberhub_sweep_duration_seconds",
                           "Duration of the periodic sweeps (pending evaluations, time windows).", ["sweep"],
                           buckets=(*_LATENCY, 60, 300), registry=REGISTRY)
WEBHOOKS = Counter("memberhub_webhook_deliveries",
                   "Incoming webhook deliveries by outcome (accepted, rejected: 4xx, failed: 5xx).",
                   ["provider", "outcome"], registry=REGISTRY)
AUDIENCE_SYNCS = Counter("memberhub_audience_syncs", "Ad-audience sync runs by outcome.", ["outcome"],
                         registry=REGISTRY)
REPORT_CACHE = Counter("memberhub_report_cache",
                       "Report statements by how they were answered (hit: a finished result of the same data; "
                       "joined: waited for the same computation in flight; computed).", ["result"],
                       registry=REGISTRY)
