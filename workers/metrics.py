"""Job metrics: every arq function and cron job is timed and counted by outcome (app/core/metrics.py).

A worker process of its own serves them with `memberhub worker --metrics-port`; a worker inside the
API process (`serve --with-worker`) shares the API's `/metrics`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import time
from collections.abc import Callable, Coroutine
from typing import Any

from arq import Retry
from arq.cron import CronJob
from arq.worker import Function, func

from app.core import tracing
from app.core.metrics import AUDIENCE_SYNCS, JOB_DURATION, JOBS, SWEEP_DURATION

SWEEPS = {"sweep_pending": "pending_evaluations", "sweep_time_windows": "time_windows"}
Job = Callable[..., Coroutine[Any, Any, Any]]


def timed(coroutine: Job) -> Job:
    name = coroutine.__name__

    @functools.wraps(coroutine)
    async def run(ctx: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        outcome = "error"
        result = None
        try:
            with tracing.job_span(name):
                result = await coroutine(ctx, *args, **kwargs)
            outcome = "ok"
            return result
        except Retry:
            outcome = "retry"
            raise
        except asyncio.CancelledError:  # arq's timeout cancels the job
            outcome = "cancelled"
            raise
        finally:
            elapsed = time.perf_counter() - started
            JOBS.labels(name, outcome).inc()
            JOB_DURATION.labels(name).observe(elapsed)
            if name in SWEEPS:
                SWEEP_DURATION.labels(SWEEPS[name]).observe(elapsed)
            if name == "sync_audience_link":
                AUDIENCE_SYNCS.labels(str(result) if outcome == "ok" and result else outcome).inc()

    return run


def instrument_functions(functions: list[Any]) -> list[Function]:
    out = []
    for item in functions:
        function = item if isinstance(item, Function) else func(item)
        out.append(dataclasses.replace(function, coroutine=timed(function.coroutine)))
    return out


def instrument_cron_jobs(cron_jobs: list[CronJob]) -> list[CronJob]:
    return [dataclasses.replace(job, coroutine=timed(job.coroutine)) for job in cron_jobs]
