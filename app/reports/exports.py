"""CSV exports of reports: asked for by a mutation, produced by a job with progress, downloaded
through a signed, expiring URL.

The job computes the report as the caller that asked (its team, and a partner key's segment
grant, which it re-reads: a key revoked meanwhile gets nothing), one segment at a time, saving
its progress after each; the CSV is kept on the export's row. The URL is signed with the
deployment's secret and expires after URL_LIFETIME_SECONDS; the download endpoint answers 404
for anything unsigned, expired, unfinished or unknown alike.
"""

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, date, datetime

from starlette.requests import Request
from starlette.responses import Response

from app.core.errors import ValidationFailed
from app.core.ids import parse_id_or_none
from app.core.redis import get_redis, job_id
from app.core.tokens import sign, verify_signature
from app.reports.access import MAX_SEGMENTS, visible_segments
from app.reports.models import ExportStatus, ReportExport
from app.reports.periods import Granularity, make_period
from app.reports.segment_report import segment_reports
from app.settings import Settings, get_settings
from app.teams.models import ApiKey, Team
from app.teams.service import Viewer

URL_LIFETIME_SECONDS = 3600
KIND_SEGMENT_SERIES = "segment_series"
COLUMNS = ["segment_id", "segment_name", "period_start", "period_end", "size", "joins", "leaves", "orders",
           "revenue", "refunded"]


async def create_export(viewer: Viewer, segment_ids: list[int], start: date, end: date,
                        granularity: Granularity) -> ReportExport:
    """Check the request as the report would, record it, and queue its job (after the row commits)."""
    if len(set(segment_ids)) > MAX_SEGMENTS:
        raise ValidationFailed.one("segmentIds", f"at most {MAX_SEGMENTS} segments", "TOO_MANY_SEGMENTS")
    make_period(start, end, granularity, viewer.team.time_zone)
    segments = await visible_segments(viewer, segment_ids)
    export = await ReportExport.create(
        team_id=viewer.team.id, api_key_id=viewer.api_key.id if viewer.api_key else None, kind=KIND_SEGMENT_SERIES,
        params={"segmentIds": [s.id for s in segments], "start": start.isoformat(), "end": end.isoformat(),
                "granularity": granularity.value})
    await (await get_redis()).enqueue_job("run_report_export", export.id,
                                          _job_id=job_id("report-export", str(export.id)))
    return export


async def _viewer_of(export: ReportExport) -> Viewer | None:
    team = await Team.get(id=export.team_id)
    if export.api_key_id is None:
        return Viewer(team=team, scopes=frozenset({"reports:read"}))
    key = await ApiKey.get_or_none(id=export.api_key_id, team_id=team.id, revoked_at__isnull=True)
    if key is None:
        return None
    return Viewer(team=team, scopes=frozenset(key.scopes or []), api_key=key)


async def run_export(export_id: int) -> ExportStatus:
    """The job: idempotent (a finished export is left as it is)."""
    export = await ReportExport.get_or_none(id=export_id)
    if export is None or export.status in (ExportStatus.DONE, ExportStatus.FAILED):
        return export.status if export else ExportStatus.FAILED
    viewer = await _viewer_of(export)
    if viewer is None or not viewer.has_scope("reports:read"):
        await _finish(export, ExportStatus.FAILED, error="the API key that asked is revoked or lost reports:read")
        return ExportStatus.FAILED
    await ReportExport.filter(id=export.id).update(status=ExportStatus.RUNNING, progress=0.0)
    params = export.params
    segment_ids = [int(s) for s in params["segmentIds"]]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = 0
    try:
        for done, segment_id in enumerate(segment_ids, start=1):
            [report] = await segment_reports(viewer, [segment_id], date.fromisoformat(params["start"]),
                                             date.fromisoformat(params["end"]), Granularity(params["granularity"]))
            for p in report.series:
                # Segment names are the team's text: neutralise spreadsheet formulas.
                name = report.segment.name
                writer.writerow([segment_id, "'" + name if name[:1] in "=+-@\t\r" else name,
                                 p.period_start.isoformat(), p.period_end.isoformat(), p.size, p.joins, p.leaves,
                                 p.orders, p.revenue, p.refunded])
                rows += 1
            await ReportExport.filter(id=export.id).update(progress=round(done / len(segment_ids), 4), row_count=rows)
    except ValidationFailed as exc:  # a segment deleted or a grant narrowed since
        await _finish(export, ExportStatus.FAILED, error=str(exc))
        return ExportStatus.FAILED
    await _finish(export, ExportStatus.DONE, content=out.getvalue(), rows=rows)
    return ExportStatus.DONE


async def _finish(export: ReportExport, status: ExportStatus, *, content: str | None = None, rows: int = 0,
                  error: str | None = None) -> None:
    await ReportExport.filter(id=export.id).update(
        status=status, content=content, row_count=rows, error=error, finished_at=datetime.now(UTC),
        progress=1.0 if status == ExportStatus.DONE else export.progress)


def download_url(settings: Settings, export: ReportExport, now: float | None = None) -> str | None:
    if export.status != ExportStatus.DONE:
        return None
    expires = int(now or time.time()) + URL_LIFETIME_SECONDS
    signature = sign(settings.secret_key, f"report-export:{export.id}:{expires}")
    return f"{settings.public_url}/reports/exports/{export.id}.csv?expires={expires}&signature={signature}"


async def serve_export(request: Request) -> Response:
    settings = get_settings()
    raw_id = request.path_params.get("export_id", "")
    expires = request.query_params.get("expires", "")
    signature = request.query_params.get("signature", "")
    export_id, expiry = parse_id_or_none(raw_id), parse_id_or_none(expires)
    if export_id is None or expiry is None or expiry < time.time():
        return Response("not found", status_code=404)
    if not verify_signature(settings.secret_key, f"report-export:{raw_id}:{expires}", signature):
        return Response("not found", status_code=404)
    export = await ReportExport.get_or_none(id=export_id, status=ExportStatus.DONE)
    if export is None or export.content is None:
        return Response("not found", status_code=404)
    return Response(export.content, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="report-{export.id}.csv"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})
