"""arq's `cron` with the deployment's prefix in the job's name.

A unique cron job's id is `<name>:<scheduled ms>`, and arq keys jobs by id alone, across queues:
two deployments sharing a Redis would otherwise run each scheduled tick only once between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from arq import cron as arq_cron
from arq.cron import CronJob

from app.core.redis import job_id


def cron(coroutine: Callable[..., Any], **options: Any) -> CronJob:
    return arq_cron(coroutine, name=job_id("cron", coroutine.__name__), **options)
