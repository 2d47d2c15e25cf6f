"""Ad audiences: hashing vectors, Meta usersreplace sessions, Google deltas, runs, export.

The platforms are small HTTP servers on 127.0.0.1 that record every request, so the real
httpx client code runs and the payloads are checked field by field.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from ids import gid, pk

from app.audiences import platforms
from app.audiences import service as audience_service
from app.audiences.hashing import google_email, google_identifiers, google_phone, meta_row
from app.audiences.models import AudienceDestination, AudienceLink, AudienceSyncRun
from app.contacts.models import TeamContact
from app.segments.models import Segment, SegmentKind, SegmentMembership, SegmentMembershipChange
from app.settings import get_settings
from workers.audience_jobs import sync_all_audiences
from workers.settings import build_worker


def sha(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


APP_SECRET = "meta-app-secret"
CLIENT_ID, CLIENT_SECRET = "client-123.apps.example", "client-secret"


class Platform:
    """Records requests; answers with the next scripted status (200 when the script is empty).

    Like the real services it checks credentials: Meta calls must carry the appsecret_proof of
    their token, the OAuth endpoint exchanges only the refresh tokens it knows (for this client),
    and Google calls must carry an access token it issued.
    """

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.script: list[int] = []
        self.fail_when: Any = None
        self.refresh_tokens = {"refresh-GOOGLE"}
        self.issued: list[str] = []
        self.expires_in = 3599
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self, status: int, body: dict[str, Any]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(body).encode())

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                record = {"path": self.path, "headers": dict(self.headers), "body": body}
                if self.path == "/token":
                    platform.requests.append(record)
                    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                    if (form.get("grant_type") != "refresh_token" or form.get("client_id") != CLIENT_ID
                            or form.get("client_secret") != CLIENT_SECRET
                            or form.get("refresh_token") not in platform.refresh_tokens):
                        return self.answer(400, {"error": "invalid_grant"})
                    token = f"ya29.access-{len(platform.issued) + 1}"
                    platform.issued.append(token)
                    return self.answer(200, {"access_token": token, "expires_in": platform.expires_in,
                                             "token_type": "Bearer"})
                platform.requests.append(record)
                status = platform.script.pop(0) if platform.script else 200
                if platform.fail_when is not None and platform.fail_when(record):
                    status = 500
                if status != 200:
                    return self.answer(status, {"error": {}})
                if self.path.endswith("/usersreplace"):
                    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                    proof = hmac.new(APP_SECRET.encode(), form["access_token"].encode(), hashlib.sha256).hexdigest()
                    if form.get("appsecret_proof") != proof:
                        return self.answer(400, {"error": {"message": "Invalid appsecret_proof", "code": 100}})
                    rows = json.loads(form["payload"])["data"]
                    invalid = sum(1 for row in rows if not row[0])
                    return self.answer(200, {"num_received": len(rows), "num_invalid_entries": invalid})
                if self.headers.get("Authorization") not in {f"Bearer {t}" for t in platform.issued[-1:]}:
                    return self.answer(401, {"error": {"status": "UNAUTHENTICATED"}})
                return self.answer(200, {"requestId": "r1"})

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def calls(self) -> list[dict[str, Any]]:
        """The platform calls, without the token exchanges."""
        return [r for r in self.requests if r["path"] != "/token"]

    def exchanges(self) -> list[dict[str, str]]:
        return [{k: v[0] for k, v in parse_qs(r["body"].decode()).items()}
                for r in self.requests if r["path"] == "/token"]


@pytest.fixture
def platform(monkeypatch: pytest.MonkeyPatch) -> Iterator[Platform]:
    server = Platform()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("MEMBERHUB_GOOGLE_OAUTH_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("MEMBERHUB_GOOGLE_OAUTH_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("MEMBERHUB_GOOGLE_TOKEN_URL", server.url + "/token")
    get_settings.cache_clear()
    try:
        yield server
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        server.server.shutdown()
        server.server.server_close()


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platforms, "RETRY_BASE_SECONDS", 0.01)
    monkeypatch.setattr(audience_service, "HISTORY_SETTLE", timedelta(0))


CREATE_DEST = """
mutation($input: CreateAudienceDestinationInput!) {
  createAudienceDestination(input: $input) { destination { id platform name config } userErrors { field code } }
}"""
LINK = """
mutation($input: LinkSegmentToAudienceInput!) {
  linkSegmentToAudience(input: $input) { link { id segmentId destinationId } userErrors { field code } }
}"""
RUNS = """
query($s: ID) { audienceSyncRuns(segmentId: $s) { nodes { status trigger sent added removed batches errors finishedAt
  uploaded matched consentExcluded batchResults { seq operation rows status received invalid error } } } }"""


async def _contacts(gql, team, people: list[dict[str, Any]]) -> list[int]:
    data = await gql("mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { contacts { id } } }",
                     {"c": people}, token=team.key)
    return [pk(c["id"]) for c in data["upsertContacts"]["contacts"]]


async def _join(team, segment, contact_id):
    await SegmentMembership.create(team_id=team.id, segment=segment, team_contact_id=contact_id)
    await SegmentMembershipChange.create(team_id=team.id, segment=segment, team_contact_id=contact_id,
                                         action="join", cause="test")


async def _leave(team, segment, contact_id):
    await SegmentMembership.filter(segment=segment, team_contact_id=contact_id).delete()
    await SegmentMembershipChange.create(team_id=team.id, segment=segment, team_contact_id=contact_id,
                                         action="leave", cause="test")


async def _destination(gql, team, platform_url, kind="META"):
    extra = ({"adAccountId": "act_1234", "audienceId": "23850000000", "accessToken": "tok-META",
              "appSecret": APP_SECRET} if kind == "META" else
             {"operatingAccountId": "1234567890", "productDestinationId": "555", "refreshToken": "refresh-GOOGLE"})
    result = await gql(CREATE_DEST, {"input": {"platform": kind, "name": kind, "baseUrl": platform_url, **extra}},
                       token=team.key)
    assert result["createAudienceDestination"]["userErrors"] == []
    return result["createAudienceDestination"]["destination"]["id"]


async def _sync_now(gql, team, segment_id, destination_id):
    result = await gql("mutation($i: LinkSegmentToAudienceInput!) { syncAudienceNow(input: $i) { queued userErrors { code } } }",
                       {"i": {"segmentId": gid("Segment", segment_id), "destinationId": destination_id}}, token=team.key)
    assert result["syncAudienceNow"] == {"queued": True, "userErrors": []}
    worker = build_worker(burst=True, poll_delay=0, on_startup=None, on_shutdown=None, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()


def test_hashing_matches_the_platforms_documented_vectors():
    # Google Data Manager quickstart: formatted and hashed sample emails.
    assert google_identifiers(" DanaM@example.com ", None) == [
        {"emailAddress": "1df6b43bc68dd38eca94e6a65b4f466ae537b796c81a526918b40ac4a7b906c7"}]
    assert sha(google_email("dana@example.com")) == "07e2f1394b0ea80e2adca010ea8318df697001a005ba7452720edda4b0ce57b3"
    assert sha(google_email("ALEXJ@example.com")) == "2ef46c4214c3fc1b277a2d976d55194e12b899aa50d721f28da858c7689756e3"
    assert google_email("Jane.Doe @GMAIL.com") == "janedoe@gmail.com"
    assert google_email("jane.doe@googlemail.com") == "janedoe@googlemail.com"
    assert google_email("jane.doe@example.com") == "jane.doe@example.com"
    assert google_phone("+1 (650) 555-1212") == "+16505551212" and google_phone("0044 20 7946 0000") == "+442079460000"
    # A national number means something only in the contact's country (the example): both
    # platforms get E.164, Meta without its '+'; without a country it cannot match and is left out.
    assert google_phone("07700 900123", "GB") == "+447700900123"
    assert meta_row(None, "07700 900123", None, None, "GB")[1] == sha("447700900123")
    assert google_identifiers(None, "07700 900123", "GB") == [{"phoneNumber": sha("+447700900123")}]
    assert google_phone("07700 900123") is None and meta_row(None, "07700 900123", None, None, None)[1] == ""
    assert google_phone("(650) 555-1212", "US") == "+16505551212"
    assert sha("test@example.com") == "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"
    # Meta: email trimmed+lowercased, phone digits with country code and no '+', names letters, country ISO-2.
    row = meta_row("  Test@Example.com ", "+1 (650) 555-1212", "Mary-Ann", "O'Neil", "US")
    assert row == [sha("test@example.com"), sha("16505551212"), sha("maryann"), sha("oneil"), sha("us")]
    assert row[0] == "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"
    assert meta_row("a@b.co", None, None, None, None)[1:] == ["", "", "", ""]
    assert platforms.BATCH_SIZE == 10_000


def test_retry_after_is_read_in_both_of_its_forms():
    """RFC 9110: delta-seconds or an HTTP-date (IMF-fixdate, and the obsolete RFC 850 / asctime forms)."""
    now = datetime(2026, 12, 2, 18, 0, 0, tzinfo=UTC)
    assert platforms.retry_after_seconds("120", now) == 120
    assert platforms.retry_after_seconds("Wed, 02 Dec 2026 18:00:30 GMT", now) == 30
    assert platforms.retry_after_seconds("Wednesday, 02-Dec-26 18:00:45 GMT", now) == 45
    assert platforms.retry_after_seconds("Wed Dec  2 18:01:00 2026", now) == 60
    assert platforms.retry_after_seconds("Wed, 02 Dec 2026 17:59:00 GMT", now) == 0  # already past: go now
    for unreadable in (None, "", "soon", "-5", "1.5", "١٢"):
        assert platforms.retry_after_seconds(unreadable, now) is None, unreadable


async def test_meta_full_replace_uses_one_session_in_ordered_batches(gql, team, platform, monkeypatch):
    monkeypatch.setattr(platforms, "BATCH_SIZE", 2)
    segment = await Segment.create(team_id=team.id, name="Buyers", kind=SegmentKind.STATIC)
    ids = await _contacts(gql, team, [
        {"email": f"Buyer{i}@Example.com", "phone": "+1 650 555 000" + str(i), "firstName": "Bo", "country": "US"}
        for i in range(5)
    ])
    for contact_id in ids:
        await _join(team, segment, contact_id)
    destination = await _destination(gql, team, platform.url)
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    platform.script = [429, 503]  # the first batch is retried twice
    await _sync_now(gql, team, segment.id, destination)

    assert len(platform.requests) == 5
    forms = [parse_qs(r["body"].decode()) for r in platform.requests[2:]]
    assert all(r["path"] == "/v24.0/23850000000/usersreplace" for r in platform.requests)  # the default version
    proof = hmac.new(APP_SECRET.encode(), b"tok-META", hashlib.sha256).hexdigest()
    assert all(f["appsecret_proof"] == [proof] for f in forms)
    sessions = [json.loads(f["session"][0]) for f in forms]
    session_id = sessions[0]["session_id"]
    assert sessions == [
        {"session_id": session_id, "batch_seq": 1, "last_batch_flag": False, "estimated_num_total": 5},
        {"session_id": session_id, "batch_seq": 2, "last_batch_flag": False, "estimated_num_total": 5},
        {"session_id": session_id, "batch_seq": 3, "last_batch_flag": True, "estimated_num_total": 5},
    ]
    payloads = [json.loads(f["payload"][0]) for f in forms]
    assert all(p["schema"] == ["EMAIL", "PHONE", "FN", "LN", "COUNTRY"] for p in payloads)
    assert [len(p["data"]) for p in payloads] == [2, 2, 1]
    assert payloads[0]["data"][0] == [sha("buyer0@example.com"), sha("16505550000"), sha("bo"), "", sha("us")]
    assert all(f["access_token"] == ["tok-META"] for f in forms)
    runs = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert [(r["status"], r["trigger"], r["sent"], r["uploaded"], r["matched"], r["batches"], r["errors"])
            for r in runs] == [("SUCCEEDED", "manual", 5, 5, 5, 3, [])]
    assert runs[0]["batchResults"] == [
        {"seq": n, "operation": "replace", "rows": rows, "status": "succeeded", "received": rows, "invalid": 0,
         "error": None} for n, rows in ((1, 2), (2, 2), (3, 1))]


async def test_meta_version_is_a_setting_and_a_wrong_app_secret_fails_the_batch(gql, team, platform, monkeypatch):
    segment = await Segment.create(team_id=team.id, name="Buyers", kind=SegmentKind.STATIC)
    [ava] = await _contacts(gql, team, [{"email": "ava@example.com"}])
    await _join(team, segment, ava)
    result = await gql(CREATE_DEST, {"input": {"platform": "META", "name": "wrong secret", "baseUrl": platform.url,
                                               "adAccountId": "act_1", "audienceId": "77", "accessToken": "tok",
                                               "appSecret": "not-the-secret"}}, token=team.key)
    destination = result["createAudienceDestination"]["destination"]["id"]
    assert "not-the-secret" not in (await AudienceDestination.get(id=pk(destination))).app_secret_encrypted
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    monkeypatch.setenv("MEMBERHUB_META_GRAPH_VERSION", "v99.0")
    get_settings.cache_clear()
    await _sync_now(gql, team, segment.id, destination)

    [call] = platform.requests
    assert call["path"] == "/v99.0/77/usersreplace"
    [run] = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert run["status"] == "FAILED" and run["uploaded"] == 0
    [batch] = run["batchResults"]
    assert batch["status"] == "failed" and "Invalid appsecret_proof" in batch["error"]
    missing = await gql(CREATE_DEST, {"input": {"platform": "META", "name": "no secret", "adAccountId": "act_1",
                                                "audienceId": "78", "accessToken": "tok"}}, token=team.key)
    assert missing["createAudienceDestination"]["userErrors"] == [{"field": "appSecret", "code": "REQUIRED"}]


async def test_a_failed_batch_fails_the_run_and_is_recorded(gql, team, platform, monkeypatch):
    monkeypatch.setattr(platforms, "BATCH_SIZE", 1)
    segment = await Segment.create(team_id=team.id, name="Buyers", kind=SegmentKind.STATIC)
    for contact_id in await _contacts(gql, team, [{"email": "a@example.com"}, {"email": "b@example.com"}]):
        await _join(team, segment, contact_id)
    destination = await _destination(gql, team, platform.url)
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    platform.fail_when = lambda r: json.loads(parse_qs(r["body"].decode())["session"][0])["batch_seq"] == 2
    await _sync_now(gql, team, segment.id, destination)

    [run] = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert run["status"] == "FAILED" and run["finishedAt"] is not None
    assert (run["sent"], run["uploaded"]) == (2, 1)  # the second batch was tried, and failed
    assert [(b["seq"], b["status"]) for b in run["batchResults"]] == [(1, "succeeded"), (2, "failed")]
    assert "HTTP 500" in run["batchResults"][1]["error"]
    assert "HTTP 500" in run["errors"][0] and "5 attempts" in run["errors"][0]
    assert (await AudienceLink.get(segment_id=segment.id)).last_synced_at is None


async def test_google_syncs_deltas_from_history_and_retries_after_failure(gql, team, platform):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    ava, bob, cy = await _contacts(gql, team, [
        {"email": "Ava.Smith@gmail.com", "phone": "+44 20 7946 0000", "adUserDataConsent": "GRANTED",
         "adPersonalizationConsent": "DENIED"}, {"email": "bob@example.com"},
        {"email": "cy@example.com"},
    ])
    await _join(team, segment, ava)
    await _join(team, segment, bob)
    destination = await _destination(gql, team, platform.url, kind="GOOGLE")
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    await _sync_now(gql, team, segment.id, destination)

    [ingest] = platform.calls()
    assert ingest["path"] == "/audienceMembers:ingest"
    assert platform.exchanges() == [{"grant_type": "refresh_token", "client_id": CLIENT_ID,
                                     "client_secret": CLIENT_SECRET, "refresh_token": "refresh-GOOGLE"}]
    assert ingest["headers"]["Authorization"] == "Bearer ya29.access-1"
    assert json.loads(ingest["body"]) == {
        "destinations": [{"operatingAccount": {"accountType": "GOOGLE_ADS", "accountId": "1234567890"},
                          "productDestinationId": "555"}],
        "audienceMembers": [
            {"userData": {"userIdentifiers": [{"emailAddress": sha("avasmith@gmail.com")},
                                              {"phoneNumber": sha("+442079460000")}]},
             "consent": {"adUserData": "CONSENT_GRANTED", "adPersonalization": "CONSENT_DENIED"}},
            {"userData": {"userIdentifiers": [{"emailAddress": sha("bob@example.com")}]}},
        ],
        "encoding": "HEX",
        "termsOfService": {"customerMatchTermsOfServiceStatus": "ACCEPTED"},
    }
    row = await AudienceDestination.get(id=pk(destination))
    assert "refresh-GOOGLE" not in row.token_encrypted and "ya29" not in row.access_token_encrypted

    await _leave(team, segment, bob)
    await _join(team, segment, cy)
    platform.requests.clear()
    platform.fail_when = lambda r: r["path"] == "/audienceMembers:remove"
    await _sync_now(gql, team, segment.id, destination)  # the removal fails: the cursor stays
    platform.fail_when = None
    platform.requests.clear()
    await _sync_now(gql, team, segment.id, destination)
    bodies = {r["path"]: json.loads(r["body"]) for r in platform.calls()}
    assert bodies["/audienceMembers:ingest"]["audienceMembers"] == [
        {"userData": {"userIdentifiers": [{"emailAddress": sha("cy@example.com")}]}}]
    assert bodies["/audienceMembers:remove"]["audienceMembers"] == [
        {"userData": {"userIdentifiers": [{"emailAddress": sha("bob@example.com")}]}}]
    assert "consent" not in bodies["/audienceMembers:remove"]

    runs = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert [(r["status"], r["added"], r["removed"]) for r in runs] == [
        ("SUCCEEDED", 1, 1), ("FAILED", 1, 0), ("SUCCEEDED", 2, 0)]
    assert len(platform.exchanges()) == 0  # the access token is cached until it expires
    platform.requests.clear()
    await _sync_now(gql, team, segment.id, destination)
    assert platform.requests == []  # nothing changed since


async def test_daily_cron_runs_each_link_once_per_day(gql, team, platform):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    [ava] = await _contacts(gql, team, [{"email": "ava@example.com"}])
    await _join(team, segment, ava)
    destination = await _destination(gql, team, platform.url)
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    assert await sync_all_audiences({}) == 1
    assert await sync_all_audiences({}) == 0  # a double-fired cron (arq #196)
    assert await AudienceSyncRun.filter(team_id=team.id).count() == 1
    assert len(platform.requests) == 1


async def test_destinations_keep_tokens_encrypted_and_check_input_and_team(gql, team, other_team, platform):
    destination = await _destination(gql, team, platform.url)
    row = await AudienceDestination.get(id=pk(destination))
    assert "tok-META" not in row.token_encrypted
    listing = await gql("{ audienceDestinations { nodes { name platform config } } }", token=team.key)
    assert listing["audienceDestinations"]["nodes"] == [
        {"name": "META", "platform": "META", "config": {"adAccountId": "act_1234", "audienceId": "23850000000"}}]
    bad = await gql(CREATE_DEST, {"input": {"platform": "GOOGLE", "name": "", "accessToken": " ",
                                            "operatingAccountId": "abc", "baseUrl": "http://evil.example"}},
                    token=team.key)
    assert {(e["field"], e["code"]) for e in bad["createAudienceDestination"]["userErrors"]} == {
        ("name", "REQUIRED"), ("refreshToken", "REQUIRED"), ("operatingAccountId", "INVALID_ID"),
        ("productDestinationId", "INVALID_ID"), ("baseUrl", "INVALID_URL")}

    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    foreign = await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}},
                        token=other_team.key)
    assert foreign["linkSegmentToAudience"]["userErrors"] == [{"field": "segmentId", "code": "NOT_FOUND"}]
    not_linked = await gql("mutation($i: LinkSegmentToAudienceInput!) { syncAudienceNow(input: $i) { queued userErrors { code } } }",
                           {"i": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    assert not_linked["syncAudienceNow"] == {"queued": False, "userErrors": [{"code": "NOT_FOUND"}]}
    assert (await gql("{ audienceDestinations { totalCount } }", token=other_team.key))["audienceDestinations"]["totalCount"] == 0


async def test_export_segment_audience_as_hashed_csv(gql, team, other_team):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    for contact_id in await _contacts(gql, team, [{"email": "Ava@Example.com", "phone": "+1 650 555 1212",
                                                   "firstName": "Ava", "lastName": "Lee", "country": "us"}]):
        await _join(team, segment, contact_id)
    export = "mutation($i: ExportSegmentAudienceInput!) { exportSegmentAudience(input: $i) { csv rowCount userErrors { code } } }"
    meta = (await gql(export, {"i": {"segmentId": gid("Segment", segment.id), "platform": "META"}}, token=team.key))
    lines = meta["exportSegmentAudience"]["csv"].splitlines()
    assert lines == ["email,phone,fn,ln,country",
                     ",".join([sha("ava@example.com"), sha("16505551212"), sha("ava"), sha("lee"), sha("us")])]
    google = (await gql(export, {"i": {"segmentId": gid("Segment", segment.id), "platform": "GOOGLE"}}, token=team.key))
    assert google["exportSegmentAudience"]["csv"].splitlines()[1] == f"{sha('ava@example.com')},{sha('+16505551212')}"
    foreign = await gql(export, {"i": {"segmentId": gid("Segment", segment.id), "platform": "META"}}, token=other_team.key)
    assert foreign["exportSegmentAudience"] == {"csv": None, "rowCount": 0, "userErrors": [{"code": "NOT_FOUND"}]}


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MEMBERHUB_ENV", "production")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


async def test_in_production_destinations_only_send_to_the_platforms_own_hosts(gql, team, platform, production):
    async def create(kind: str, url: str) -> list[dict[str, str]]:
        extra = ({"adAccountId": "act_1", "audienceId": "2", "accessToken": "tok", "appSecret": "s"}
                 if kind == "META" else {"operatingAccountId": "1", "productDestinationId": "2", "refreshToken": "r"})
        result = await gql(CREATE_DEST, {"input": {"platform": kind, "name": url, "baseUrl": url, **extra}},
                           token=team.key)
        return result["createAudienceDestination"]["userErrors"]

    for kind, url in [("META", platform.url), ("META", "http://localhost:9/v21.0"), ("META", "https://127.0.0.1"),
                      ("META", "https://graph.facebook.com.evil.example/v21.0"), ("META", "http://graph.facebook.com"),
                      ("GOOGLE", "https://graph.facebook.com/v21.0"), ("GOOGLE", platform.url)]:
        assert await create(kind, url) == [{"field": "baseUrl", "code": "INVALID_URL"}], (kind, url)
    assert await AudienceDestination.all().count() == 0
    assert await create("META", "https://graph.facebook.com") == []
    assert await create("GOOGLE", "https://datamanager.googleapis.com/v1") == []


async def test_a_destination_saved_for_a_local_platform_sends_nothing_in_production(gql, team, platform, monkeypatch):
    ids = await _contacts(gql, team, [{"email": "ava@example.com"}])
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    await _join(team, segment, ids[0])
    destination = await _destination(gql, team, platform.url)  # development: a local fake is fine
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    monkeypatch.setenv("MEMBERHUB_ENV", "production")
    get_settings.cache_clear()
    try:
        await _sync_now(gql, team, segment.id, destination)
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()

    run = await AudienceSyncRun.get(segment_id=segment.id)
    assert run.status == "failed" and "base URL must be https on graph.facebook.com" in run.errors[0]
    assert platform.requests == []


async def test_phones_go_out_as_e164_and_consent_decides_who_goes(gql, team, platform):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    people = [
        {"email": "uk-yes@example.com", "phone": "07700 900123", "country": "GB", "adUserDataConsent": "GRANTED"},
        {"email": "uk-unasked@example.com", "country": "GB"},
        {"email": "de-no@example.com", "country": "DE", "adUserDataConsent": "DENIED"},
        {"email": "fr-by-phone@example.com", "phone": "+33 6 12 34 56 78"},  # no country: the phone's (FR)
        {"email": "us-unasked@example.com", "country": "US"},
        {"email": "us-no@example.com", "country": "US", "adUserDataConsent": "DENIED"},
    ]
    ids = await _contacts(gql, team, people)
    for contact_id in ids:
        await _join(team, segment, contact_id)
    stored = await gql("{ contacts(first: 10) { nodes { email phone adUserDataConsent adPersonalizationConsent } } }",
                       token=team.key)
    uk = next(c for c in stored["contacts"]["nodes"] if c["email"] == "uk-yes@example.com")
    assert uk == {"email": "uk-yes@example.com", "phone": "+447700900123", "adUserDataConsent": "GRANTED",
                  "adPersonalizationConsent": None}
    meta = await _destination(gql, team, platform.url)
    google = await _destination(gql, team, platform.url, kind="GOOGLE")
    for destination in (meta, google):
        await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}},
                  token=team.key)
        await _sync_now(gql, team, segment.id, destination)

    replace, ingest, remove = platform.calls()
    data = json.loads(parse_qs(replace["body"].decode())["payload"][0])["data"]
    assert [row[0] for row in data] == [sha("uk-yes@example.com"), sha("us-unasked@example.com")]
    assert data[0][1] == sha("447700900123") and data[0][4] == sha("gb")
    members = json.loads(ingest["body"])["audienceMembers"]
    assert members == [
        {"userData": {"userIdentifiers": [{"emailAddress": sha("uk-yes@example.com")},
                                          {"phoneNumber": sha("+447700900123")}]},
         "consent": {"adUserData": "CONSENT_GRANTED"}},
        {"userData": {"userIdentifiers": [{"emailAddress": sha("us-unasked@example.com")}]}},
    ]
    # Members who may not be uploaded are removed, in case an earlier sync (before consent was withdrawn) sent them.
    assert [m["userData"]["userIdentifiers"][0]["emailAddress"] for m in json.loads(remove["body"])["audienceMembers"]] \
        == [sha(p["email"]) for p in people if p["email"].split("-")[0] in {"uk", "de", "fr", "us"}
            and p["email"] not in {"uk-yes@example.com", "us-unasked@example.com"}]
    runs = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert [(r["consentExcluded"], r["sent"], r["uploaded"], r["added"], r["removed"], r["matched"])
            for r in runs] == [(4, 6, 6, 2, 4, None), (4, 2, 2, 0, 0, 2)]
    assert [b["operation"] for b in runs[0]["batchResults"]] == ["ingest", "remove"]

    bad = await gql.raw("mutation($c: [ContactInput!]!) { upsertContacts(input: {contacts: $c}) { userErrors { code } } }",
                        {"c": [{"email": "x@example.com", "adUserDataConsent": "MAYBE"}]}, token=team.key)
    assert "AdConsent" in bad["errors"][0]["message"] and not await TeamContact.exists(email="x@example.com")


async def test_google_access_tokens_are_exchanged_cached_and_renewed(gql, team, platform):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    destination = await _destination(gql, team, platform.url, kind="GOOGLE")
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}}, token=team.key)
    for n in range(3):
        [contact] = await _contacts(gql, team, [{"email": f"m{n}@example.com"}])
        await _join(team, segment, contact)
        if n == 1:
            platform.issued.append("ya29.revoked-elsewhere")  # the cached token is no longer accepted: 401
        await _sync_now(gql, team, segment.id, destination)
    assert len(platform.exchanges()) == 2
    assert [r["headers"]["Authorization"] for r in platform.calls()] == [
        "Bearer ya29.access-1", "Bearer ya29.access-1", "Bearer ya29.access-3", "Bearer ya29.access-3"]

    platform.expires_in = 60  # shorter than the renewal margin: every sync exchanges again
    await AudienceDestination.filter(id=pk(destination)).update(access_token_expires_at=None)
    platform.refresh_tokens.clear()  # the user revoked the grant
    [contact] = await _contacts(gql, team, [{"email": "late@example.com"}])
    await _join(team, segment, contact)
    await _sync_now(gql, team, segment.id, destination)
    run = await AudienceSyncRun.filter(segment_id=segment.id).order_by("-id").first()
    assert run is not None and run.status == "failed"
    assert "OAuth token exchange failed" in run.errors[0] and "invalid_grant" in run.errors[0]


async def test_a_consent_change_reaches_google_though_the_membership_stayed(gql, team, platform):
    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    uk, us, _ = await _contacts(gql, team, [
        {"email": "uk@example.com", "country": "GB", "adUserDataConsent": "GRANTED"},
        {"email": "us@example.com", "country": "US"},
        {"email": "outside@example.com", "country": "GB", "adUserDataConsent": "GRANTED"},  # in no segment
    ])
    for contact_id in (uk, us):
        await _join(team, segment, contact_id)
    google = await _destination(gql, team, platform.url, kind="GOOGLE")
    await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": google}}, token=team.key)
    await _sync_now(gql, team, segment.id, google)
    [ingest] = platform.calls()
    assert len(json.loads(ingest["body"])["audienceMembers"]) == 2

    # Nothing changed: nothing is sent.
    platform.requests.clear()
    await _sync_now(gql, team, segment.id, google)
    assert platform.calls() == []

    # The UK member withdraws ad-user-data consent, the US one grants personalization; the third
    # (in no linked segment) changes too. Memberships stay as they were.
    await _contacts(gql, team, [{"email": "uk@example.com", "adUserDataConsent": "DENIED"},
                                {"email": "us@example.com", "adPersonalizationConsent": "GRANTED"},
                                {"email": "outside@example.com", "adUserDataConsent": "DENIED"}])
    await _contacts(gql, team, [{"email": "us@example.com", "adPersonalizationConsent": "GRANTED"}])  # same again
    platform.requests.clear()
    await _sync_now(gql, team, segment.id, google)
    again, removed = platform.calls()
    assert json.loads(again["body"])["audienceMembers"] == [
        {"userData": {"userIdentifiers": [{"emailAddress": sha("us@example.com")}]},
         "consent": {"adPersonalization": "CONSENT_GRANTED"}}]
    assert json.loads(removed["body"])["audienceMembers"] == [
        {"userData": {"userIdentifiers": [{"emailAddress": sha("uk@example.com")}]}}]
    runs = (await gql(RUNS, {"s": gid("Segment", segment.id)}, token=team.key))["audienceSyncRuns"]["nodes"]
    assert (runs[0]["added"], runs[0]["removed"], runs[0]["consentExcluded"]) == (1, 1, 1)

    # An answer given again unchanged is no change: nothing more goes.
    platform.requests.clear()
    await _contacts(gql, team, [{"email": "uk@example.com", "adUserDataConsent": "DENIED", "country": "GB"}])
    await _sync_now(gql, team, segment.id, google)
    assert platform.calls() == []


async def test_syncs_wait_while_the_teams_segments_catch_up(gql, team, platform):
    """A bulk import still being evaluated holds sync-now jobs and the daily sync (as campaigns wait):
    nothing is uploaded from a half-evaluated segment; the daily sync runs once evaluation caught up."""
    from arq import Retry
    from test_email_helpers import run_worker

    from app.segments.pipeline.models import EvaluationBackfill, PendingEvaluation
    from app.segments.pipeline.worker import evaluate_pending
    from workers.audience_jobs import sync_audience_link

    segment = await Segment.create(team_id=team.id, name="Members", kind=SegmentKind.STATIC)
    [ava] = await _contacts(gql, team, [{"email": "ava@example.com"}])
    await _join(team, segment, ava)
    destination = await _destination(gql, team, platform.url)
    linked = await gql(LINK, {"input": {"segmentId": gid("Segment", segment.id), "destinationId": destination}},
                       token=team.key)
    link_id = pk(linked["linkSegmentToAudience"]["link"]["id"])
    await evaluate_pending(None)  # the contact's own evaluation
    await EvaluationBackfill.create(team_id=team.id, source="import", total=100)
    await PendingEvaluation.create(team_id=team.id, team_contact_id=ava, cause="import",
                                   requested_at=datetime.now(UTC))

    with pytest.raises(Retry):  # a sync-now job waits, retried a minute later
        await sync_audience_link({}, link_id)
    assert await sync_all_audiences({}) == 0  # the daily sync queues the link's job instead
    assert platform.requests == [] and await AudienceSyncRun.filter(team_id=team.id).count() == 0

    await evaluate_pending(None)  # caught up: the backfill finishes
    await run_worker()  # the queued job syncs now
    runs = await AudienceSyncRun.filter(team_id=team.id)
    assert [(r.trigger, r.status) for r in runs] == [("cron", "succeeded")] and len(platform.requests) == 1
    assert await sync_all_audiences({}) == 0  # the day's run happened: a second cron adds none
