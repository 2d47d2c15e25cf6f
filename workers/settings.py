"""arq WorkerSettings: functions, cron jobs, and ORM start-up per worker process."""

from __future__ import annotations

import gc
from typing import Any

from arq.worker import Worker, func

from app.commerce.reconcile import reconcile_stripe
from app.core import tracing
from app.core.redis import queue_name, redis_settings
from app.runtime import close_orm, init_orm
from app.segments.pipeline.timesweep import sweep_time_windows
from app.segments.pipeline.worker import evaluate_pending, sweep_pending
from app.settings import get_settings
from app.wiring import wire
from workers.audience_jobs import AUDIENCE_CRON_JOBS, AUDIENCE_FUNCTIONS
from workers.cron import cron
from workers.email_jobs import EMAIL_CRON_JOBS, EMAIL_FUNCTIONS
from workers.jobs import fold_version_rows, purge_expired_sessions
from workers.metrics import instrument_cron_jobs, instrument_functions
from workers.plans_jobs import PLANS_CRON_JOBS, PLANS_FUNCTIONS
from workers.report_jobs import REPORT_CRON_JOBS, REPORT_FUNCTIONS

FUNCTIONS: list[Any] = [purge_expired_sessions]
CRON_JOBS: list[Any] = [cron(purge_expired_sessions, hour={3}, minute={17}, unique=True)]
# Hourly: the version tables' rows of departed backends folded into one per team / hub.
FUNCTIONS.append(fold_version_rows)
CRON_JOBS.append(cron(fold_version_rows, minute={23}, unique=True, keep_result=0))
FUNCTIONS += EMAIL_FUNCTIONS + AUDIENCE_FUNCTIONS
CRON_JOBS += EMAIL_CRON_JOBS + AUDIENCE_CRON_JOBS
FUNCTIONS += PLANS_FUNCTIONS  # recompute schedules (guarded per period) and AI segments' daily recompute
CRON_JOBS += PLANS_CRON_JOBS
FUNCTIONS += REPORT_FUNCTIONS
CRON_JOBS += REPORT_CRON_JOBS
FUNCTIONS.append(reconcile_stripe)
CRON_JOBS.append(cron(reconcile_stripe, hour={4}, minute={7}, unique=True))  # daily; guarded per period
# Real-time segment evaluation; the sweep catches whatever a lost job or a Redis outage left pending.
# keep_result=0: a finished job's id is free again at once (job ids are per team and slot).
FUNCTIONS += [func(evaluate_pending, keep_result=0), sweep_pending]
# Every 15 s: a row committed just as a job finished (its id still taken) waits at most this long.
CRON_JOBS.append(cron(sweep_pending, second={5, 20, 35, 50}, unique=True, run_at_startup=True))
# Relative time windows flip memberships without any event: checked every 15 s (flips land within ~20 s).
FUNCTIONS.append(sweep_time_windows)
CRON_JOBS.append(cron(sweep_time_windows, second={0, 15, 30, 45}, unique=True))


async def on_startup(ctx: dict[str, Any]) -> None:
    wire()
    tracing.configure(get_settings().tracing, "memberhub-worker")
    await init_orm()
    # As in the API process (app/asgi.py): what start-up built lives as long as the process, and
    # frozen, the collector's full passes skip it instead of stalling a batch mid-evaluation.
    gc.collect()
    gc.freeze()


async def on_shutdown(ctx: dict[str, Any]) -> None:
    await close_orm()
    tracing.shutdown()


def worker_options(**overrides: Any) -> dict[str, Any]:
    """arq `Worker` keyword arguments: the one definition behind `build_worker` and `WorkerSettings`."""
    options: dict[str, Any] = {
        "functions": FUNCTIONS,
        "cron_jobs": CRON_JOBS,
        "redis_settings": redis_settings(),
        "queue_name": queue_name(),
        "on_startup": on_startup,
        "on_shutdown": on_shutdown,
        "poll_delay": 0.05,  # sub-second pipelines; arq's default 0.5 s is too slow
        "health_check_interval": 30,
        "handle_signals": False,
        "max_jobs": 20,
    }
    options.update(overrides)
    options["functions"] = instrument_functions(options["functions"])
    options["cron_jobs"] = instrument_cron_jobs(options["cron_jobs"])
    return options


def build_worker(**overrides: Any) -> Worker:
    wire()  # also when a caller leaves out on_startup (in-process workers, tests)
    return Worker(**worker_options(**overrides))


async def run_worker_in_process() -> None:
    """Run a worker inside the API process (`memberhub serve --with-worker`)."""
    worker = build_worker(on_startup=None, on_shutdown=None)
    try:
        await worker.async_run()
    finally:
        await worker.close()


def _worker_settings_class() -> type:
    """Built on first use: resolving the Redis settings may start the embedded server, which
    importing this module must not do."""
    # A worker process of its own handles SIGINT/SIGTERM (finish the running jobs, then stop).
    options = worker_options(handle_signals=True)
    names = ("functions", "cron_jobs", "redis_settings", "queue_name", "on_startup", "on_shutdown", "poll_delay",
             "health_check_interval", "handle_signals", "max_jobs")
    doc = ("For `arq workers.settings.WorkerSettings`; `memberhub worker` is the usual way. Every option "
           "comes from `worker_options`, so both run the same worker on the same queue and Redis.")
    return type("WorkerSettings", (), {"__doc__": doc, **{name: options[name] for name in names}})


_lazy: dict[str, type] = {}


def __getattr__(name: str) -> type:
    """`workers.settings.WorkerSettings`, made when arq (or anyone) first asks for it."""
    if name != "WorkerSettings":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _lazy:
        _lazy[name] = _worker_settings_class()
    return _lazy[name]
