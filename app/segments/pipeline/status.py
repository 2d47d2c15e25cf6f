"""How the real-time path is doing, in GraphQL: per segment (last evaluated, counts, lag, errors)
and per team (contacts waiting, bulk imports still catching up, with progress)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.nodes import NodeType, staff
from app.segments.pipeline.models import EvaluationBackfill, PendingEvaluation, SegmentEvaluationStats

RECENT_BACKFILLS = 10


@strawberry.type(name="EvaluationBackfill", description="A bulk import whose contacts are being evaluated.")
class EvaluationBackfillType(relay.Node):
    id: relay.NodeID[int]
    source: str = strawberry.field(description="What queued it: `import` (contacts import) or `order_import`.")
    total: int = strawberry.field(description="Contacts the import queued.")
    remaining: int = strawberry.field(description="Contacts of the team still waiting (0 once finished).")
    progress: float = strawberry.field(description="0.0 to 1.0.")
    started_at: datetime = strawberry.field(description="When the import queued its contacts.")
    finished_at: datetime | None = strawberry.field(description=(
        "When the last of them was evaluated; null while catching up."))

    @classmethod
    def from_model(cls, b: EvaluationBackfill, pending: int) -> EvaluationBackfillType:
        remaining = 0 if b.finished_at else min(pending, b.total)
        progress = 1.0 if not b.total else round((b.total - remaining) / b.total, 4)
        return cls(id=b.id, source=b.source, total=b.total, remaining=remaining,
                   progress=progress, started_at=b.started_at, finished_at=b.finished_at)


@strawberry.type(description="The team's real-time evaluation queue.")
class EvaluationStatus:
    pending_contacts: int = strawberry.field(description="Contacts waiting for segment evaluation.")
    catching_up: bool = strawberry.field(description="A bulk import is still being evaluated.")
    backfills: list[EvaluationBackfillType] = strawberry.field(description="Recent bulk imports, newest first.")


@strawberry.type(description="How the real-time path evaluates one dynamic segment.")
class SegmentEvaluation:
    last_evaluated_at: datetime | None = strawberry.field(description="When a batch last evaluated it; null if never.")
    evaluation_count: int = strawberry.field(description="Batches that evaluated this segment.")
    contacts_evaluated: float = strawberry.field(
        description="Contacts evaluated in those batches (a Float: it outgrows 32-bit Int).")
    last_lag_ms: int | None = strawberry.field(description=(
        "Oldest request to commit, in the latest batch, in milliseconds; null if never evaluated."))
    max_lag_ms: int | None = strawberry.field(description=(
        "Longest lag from request to commit seen, in milliseconds; null if never evaluated."))
    average_lag_ms: float | None = strawberry.field(description=(
        "Mean of the batches' lags, in milliseconds; null if never evaluated."))
    error_count: int = strawberry.field(description="Batches that failed for this segment (they are retried).")
    last_error: str | None = strawberry.field(description="The latest failure's message; null if none.")
    last_error_at: datetime | None = strawberry.field(description="When the latest failure happened; null if none.")
    time_checked_at: datetime | None = strawberry.field(
        description="Relative time windows are re-checked up to this instant.")
    catching_up: bool = strawberry.field(description="A bulk import of the team is still being evaluated.")
    backfill_progress: float | None = strawberry.field(description="0.0 to 1.0 while catching up.")


async def team_status(team_id: int) -> EvaluationStatus:
    pending = await PendingEvaluation.filter(team_id=team_id).count()
    recent = await EvaluationBackfill.filter(team_id=team_id).order_by("-id").limit(RECENT_BACKFILLS)
    backfills = [EvaluationBackfillType.from_model(b, pending) for b in recent]
    return EvaluationStatus(pending_contacts=pending, catching_up=any(b.finished_at is None for b in backfills),
                            backfills=backfills)


def _status_loader(info: Info[Context, None], team_id: int) -> DataLoader[int, EvaluationStatus]:
    async def load(team_ids: list[int]) -> list[EvaluationStatus]:
        return [await team_status(t) for t in team_ids]

    return info.context.loader("evaluation-status", lambda: DataLoader(load_fn=load))


def _stats_loader(info: Info[Context, None]) -> DataLoader[int, SegmentEvaluationStats | None]:
    async def load(segment_ids: list[int]) -> list[SegmentEvaluationStats | None]:
        found = {s.segment_id: s for s in await SegmentEvaluationStats.filter(segment_id__in=segment_ids)}
        return [found.get(i) for i in segment_ids]

    return info.context.loader("segment-evaluation-stats", lambda: DataLoader(load_fn=load))


async def segment_evaluation(info: Info[Context, None], team_id: int, segment_id: int) -> SegmentEvaluation:
    # Never evaluated yet: the model's defaults (zero counts, no times) describe it exactly.
    stats = await _stats_loader(info).load(segment_id) or SegmentEvaluationStats(segment_id=segment_id)
    status = await _status_loader(info, team_id).load(team_id)
    open_backfills = [b for b in status.backfills if b.finished_at is None]
    progress = None
    if open_backfills:
        total = sum(b.total for b in open_backfills)
        progress = round(sum(b.total - b.remaining for b in open_backfills) / total, 4) if total else 1.0
    count = stats.evaluation_count
    return SegmentEvaluation(
        last_evaluated_at=stats.last_evaluated_at,
        evaluation_count=count,
        contacts_evaluated=float(stats.contacts_evaluated),
        last_lag_ms=stats.last_lag_ms,
        max_lag_ms=stats.max_lag_ms,
        average_lag_ms=round(stats.total_lag_ms / count, 1) if count else None,
        error_count=stats.error_count,
        last_error=stats.last_error,
        last_error_at=stats.last_error_at,
        time_checked_at=stats.time_checked_at,
        catching_up=bool(open_backfills),
        backfill_progress=progress,
    )


@strawberry.type
class EvaluationQuery:
    @strawberry.field(description="The real-time evaluation queue of the caller's team. Needs segments:read.")
    async def evaluation_status(self, info: Info[Context, None]) -> EvaluationStatus:
        viewer = info.context.require("segments:read")
        return await _status_loader(info, viewer.team.id).load(viewer.team.id)


async def _backfills(info: Info[Context, None], team_id: int, pks: list[int]) -> dict[int, EvaluationBackfillType]:
    rows = await EvaluationBackfill.filter(team_id=team_id, id__in=pks)
    pending = await PendingEvaluation.filter(team_id=team_id).count() if rows else 0
    return {b.id: EvaluationBackfillType.from_model(b, pending) for b in rows}


NODE_TYPES = (NodeType("EvaluationBackfill", staff("segments:read"), _backfills),)
