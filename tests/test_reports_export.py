"""CSV export of a segment report: reportExport -> a job with progress -> a signed download URL."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlsplit

import factories
from ids import gid
from test_reports_segment import PERIOD, loyal_world

from app.reports.models import ReportExport
from workers.settings import build_worker

START = """mutation($i: ReportExportInput!) { reportExport(input: $i) {
  export { id status progress rowCount downloadUrl } userErrors { field code } } }"""
POLL = "query($id: ID!) { reportExport(id: $id) { id status progress rowCount downloadUrl error finishedAt } }"


async def drain() -> None:
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()


async def test_export_runs_as_a_job_and_downloads_through_a_signed_url(gql: Any, http: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme = world["team"]
    nobody = await factories.segment(acme, "=cmd|' /C calc'!A0", kind="static")
    ids = [gid("Segment", world["loyal"].id), gid("Segment", nobody.id)]

    started = await gql(START, {"i": {"segmentIds": ids, "period": {**PERIOD, "granularity": "WEEK"}}}, token=acme.key)
    export = started["reportExport"]["export"]
    assert (export["status"], export["progress"], export["downloadUrl"]) == ("QUEUED", 0.0, None)
    await drain()
    done = (await gql(POLL, {"id": export["id"]}, token=acme.key))["reportExport"]

    assert (done["status"], done["progress"], done["rowCount"], done["error"]) == ("DONE", 1.0, 4, None)
    url = urlsplit(done["downloadUrl"])
    response = await http.get(f"{url.path}?{url.query}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["segment_id", "segment_name", "period_start", "period_end", "size", "joins", "leaves",
                       "orders", "revenue", "refunded"]
    assert rows[1][1:] == ["Loyal", "2026-03-23", "2026-03-29", "2", "1", "1", "2", "9000", "0"]
    assert rows[2][1:] == ["Loyal", "2026-03-30", "2026-04-05", "3", "1", "0", "2", "3500", "1000"]
    assert rows[3][1] == "'=cmd|' /C calc'!A0"  # no spreadsheet formula
    # Tampered, expired or unsigned links are all 404.
    for bad in (url.query.replace("signature=", "signature=x"), url.query.replace("expires=", "expires=1"), ""):
        assert (await http.get(f"{url.path}?{bad}")).status_code == 404


async def test_export_bad_input_and_other_keys(gql: Any, make_team: Any) -> None:
    world = await loyal_world(make_team)
    acme = world["team"]
    other = await make_team("Globex")
    theirs = await factories.segment(other, "Theirs", kind="static")
    for ids, period, expected in [
        ([gid("Segment", theirs.id)], PERIOD, ("segmentIds", "NOT_FOUND")),
        ([gid("Segment", world["loyal"].id)], {"start": "2026-04-05", "end": "2026-03-01"}, ("end", "INVALID_PERIOD")),
        (["nope"], PERIOD, ("segmentIds", "INVALID_ID")),
    ]:
        data = await gql(START, {"i": {"segmentIds": ids, "period": period}}, token=acme.key)
        assert [(e["field"], e["code"]) for e in data["reportExport"]["userErrors"]] == [expected]
    assert await ReportExport.all().count() == 0
    # A partner key's export is its own: another key of the team does not see it.
    keys = []
    for name in ("one", "two"):
        made = await gql(f'mutation {{ createApiKey(input: {{name: "{name}", scopes: ["reports:read"]}}) {{ secret }} }}',
                         token=acme.key)
        keys.append(made["createApiKey"]["secret"])
    started = await gql(START, {"i": {"segmentIds": [gid("Segment", world["loyal"].id)], "period": PERIOD}},
                        token=keys[0])
    export_id = started["reportExport"]["export"]["id"]
    assert (await gql(POLL, {"id": export_id}, token=keys[0]))["reportExport"]["id"] == export_id
    assert (await gql(POLL, {"id": export_id}, token=keys[1]))["reportExport"] is None
    assert (await gql(POLL, {"id": export_id}, token=other.key))["reportExport"] is None
