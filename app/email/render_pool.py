"""Template rendering in worker processes, with a time limit and a memory cap.

The sandbox (`app.email.rendering`) bounds what it can count; this bounds the rest. A render that
runs past `MEMBERHUB_TEMPLATE_RENDER_TIMEOUT` seconds has its process ended (pebble starts another),
one that needs more than `MEMBERHUB_TEMPLATE_RENDER_MEMORY_MB` fails with MemoryError there, and
the event loop of the API or the worker only ever waits on a future.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import resource
from concurrent.futures import CancelledError
from typing import Any

from pebble import ProcessExpired, ProcessPool

from app.core.errors import FieldError, ValidationFailed
from app.email.rendering import SAMPLE_CONTEXT, RenderedMessage, message_from, render_batch, render_parts
from app.settings import Settings, get_settings

_pool: ProcessPool | None = None


def _cap_memory(megabytes: int) -> None:
    """In each render process: its address space is capped, so a runaway value fails there."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _get_pool(settings: Settings) -> ProcessPool:
    global _pool
    if _pool is None or not _pool.active:
        # spawn: a fresh interpreter, never a fork of a process with an event loop and threads.
        _pool = ProcessPool(max_workers=settings.template_render_workers, initializer=_cap_memory,
                            initargs=(settings.template_render_memory_mb,),
                            context=multiprocessing.get_context("spawn"))
    return _pool


@atexit.register
def _stop_pool() -> None:
    if _pool is not None:
        _pool.stop()
        _pool.join(timeout=5)


async def render_bounded(sources: tuple[str, str, str], context: dict[str, Any],
                         settings: Settings | None = None) -> tuple[list[str], list[FieldError]]:
    """Subject, HTML and text rendered in a render process; every problem as a FieldError."""
    settings = settings or get_settings()
    timeout = settings.template_render_timeout
    future = _get_pool(settings).schedule(render_parts, args=(sources, context), timeout=timeout)
    try:
        return await asyncio.wrap_future(future)
    except TimeoutError:
        message = f"the template does too much work: rendering it takes longer than {timeout:g} s"
    except (ProcessExpired, CancelledError) as exc:
        message = f"the template does too much work: its render process ended ({exc})"
    return ["", "", ""], [FieldError(None, message, "TEMPLATE_LIMIT")]


async def validate_template(subject: str, html_body: str, text_body: str, settings: Settings | None = None) -> None:
    """A trial render with sample data: unknown filters, unsafe attribute access and templates that
    do too much work fail on save rather than at send time. Raises ValidationFailed with each."""
    _, errors = await render_bounded((subject, html_body, text_body), SAMPLE_CONTEXT, settings)
    if not subject.strip():
        errors.append(FieldError("subject", "subject is required", "REQUIRED"))
    if errors:
        raise ValidationFailed(errors)


async def render(subject: str, html_body: str, text_body: str, context: dict[str, Any]) -> RenderedMessage:
    """Render a message to send; raises ValidationFailed with the problems of a template that fails."""
    outputs, errors = await render_bounded((subject, html_body, text_body), context)
    if errors:
        raise ValidationFailed(errors)
    return message_from(outputs)


async def render_many(subject: str, html_body: str, text_body: str, contexts: list[dict[str, Any]],
                      settings: Settings | None = None) -> list[RenderedMessage | list[FieldError]]:
    """Render one template for each context in one render process, with the time limit scaled to the
    batch. Each result is the message or that recipient's problems; a batch that runs out of time or
    memory falls back to one render per recipient, so one bad contact fails alone."""
    settings = settings or get_settings()
    if not contexts:
        return []
    timeout = settings.template_render_timeout * max(1, len(contexts) // 20 + 1)
    future = _get_pool(settings).schedule(render_batch, args=((subject, html_body, text_body), contexts),
                                          timeout=timeout)
    try:
        results = await asyncio.wrap_future(future)
    except (TimeoutError, ProcessExpired, CancelledError):
        results = [await render_bounded((subject, html_body, text_body), c, settings) for c in contexts]
    return [errors if errors else message_from(outputs) for outputs, errors in results]
