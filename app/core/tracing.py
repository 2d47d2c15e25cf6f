"""Optional OpenTelemetry tracing: off unless MEMBERHUB_TRACING=otlp (`pip install 'memberhub[tracing]'`).

Spans go over OTLP/HTTP to the collector that the standard variables name (OTEL_EXPORTER_OTLP_ENDPOINT,
OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_BSP_SCHEDULE_DELAY, ...; the SDK reads them):
- the API's HTTP requests and websocket connections (the Starlette instrumentation; an incoming W3C
  `traceparent` continues the caller's trace), tagged with `memberhub.team_id` once the caller is known;
- every asyncpg statement (the asyncpg instrumentation: statement text with its `$n` placeholders,
  never the values);
- each worker job, as a span of its own named after the function.
With tracing off none of the OpenTelemetry packages is imported, and these functions do nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

_provider: Any = None  # the SDK's TracerProvider once configured


class TracingUnavailable(RuntimeError):
    """MEMBERHUB_TRACING is set but the tracing extra is not installed."""


def configure(mode: str | None, service_name: str) -> bool:
    """Install the exporter and the asyncpg instrumentation once per process; True when tracing is on."""
    global _provider
    if mode is None:
        return False
    if _provider is not None:
        return True
    try:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
        from opentelemetry.sdk.resources import SERVICE_NAME, Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError as exc:
        raise TracingUnavailable(
            f"MEMBERHUB_TRACING={mode} needs the tracing packages: pip install 'memberhub[tracing]'") from exc
    # OTEL_SERVICE_NAME, when set, names the service instead of the process's default.
    name = os.environ.get("OTEL_SERVICE_NAME") or service_name
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    AsyncPGInstrumentor().instrument()
    _provider = provider
    return True


def instrument_asgi_app(app: Any) -> None:
    """Trace the app's HTTP requests and websocket connections (after `configure`)."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.starlette import StarletteInstrumentor

    StarletteInstrumentor.instrument_app(app, tracer_provider=_provider)


def tag_current_span(key: str, value: str) -> None:
    if _provider is None:
        return
    from opentelemetry import trace

    trace.get_current_span().set_attribute(key, value)


@contextlib.contextmanager
def job_span(function_name: str) -> Iterator[None]:
    """A span around one worker job (a consumer span: the job was enqueued elsewhere)."""
    if _provider is None:
        yield
        return
    from opentelemetry import trace

    with _provider.get_tracer("memberhub.worker").start_as_current_span(
            f"job {function_name}", kind=trace.SpanKind.CONSUMER, attributes={"memberhub.job": function_name}):
        yield


def shutdown() -> None:
    """Flush the spans still queued (process exit)."""
    if _provider is not None:
        _provider.shutdown()
