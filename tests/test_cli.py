"""The memberhub command line against the test database."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from app.community.models import Comment, Post, Rsvp
from app.contacts.models import TeamContact
from app.teams.models import ApiKey, Team

ROOT = Path(__file__).resolve().parent.parent


def memberhub(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env={**os.environ, **(env or {})},
        capture_output=True, text=True, timeout=120,
    )


async def test_create_team_prints_a_working_key_once(gql):
    result = memberhub("create-team", "Yoga Studio", "--owner-email", "Owner@Yoga.io", "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    team = await Team.get(id=int(printed["team_id"]))
    assert team.name == "Yoga Studio"
    key = await ApiKey.get(team_id=team.id)
    assert printed["api_key"] not in (key.key_hash, key.prefix)
    viewer = await gql("{ viewer { team { name } scopes user { email } } }", token=printed["api_key"])
    assert viewer["viewer"]["team"]["name"] == "Yoga Studio"
    assert viewer["viewer"]["scopes"] == ["admin"]


async def test_create_team_rejects_a_bad_email():
    result = memberhub("create-team", "Studio", "--owner-email", "nope")
    assert result.returncode == 2
    assert "not a valid email" in result.stderr
    assert await Team.all().count() == 0


async def test_import_contacts_reports_imported_updated_and_rejected(team, tmp_path, gql):
    await gql('mutation { defineCustomProperty(input: {key: "plan", type: ENUM, options: ["free", "pro"]}) { userErrors { code } } }',
              token=team.key)
    await gql('mutation { defineCustomProperty(input: {key: "seats", type: NUMBER}) { userErrors { code } } }',
              token=team.key)
    await gql('mutation { upsertContacts(input: {contacts: [{email: "existing@example.com", firstName: "Old", lastName: "Kept"}]}) { createdCount } }',
              token=team.key)
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text(
        "Email,First Name,last_name,country,lifecycle_stage,tags,custom.plan,custom.seats\n"
        "ava@example.com,Ava,Smith,us,loyal,vip;beta,pro,3\n"
        "existing@example.com,New,,gb,,,free,\n"
        "not-an-email,Bad,Row,us,,,,\n"
        "bob@example.com,Bob,,US,lead,,enterprise,\n"
        "cy@example.com,Cy,,US,lead,,,many\n"
        "AVA@example.com,Dup,,US,,,,\n"
        "short@example.com,Short\n"
    )
    result = memberhub("import-contacts", str(team.id), str(csv_file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["imported"], report["updated"], report["rejected"]) == (7, 1, 1, 5)
    reasons = {r["line"]: r["reason"] for r in report["rejections"]}
    assert "not a valid email" in reasons[4]
    assert "must be one of" in reasons[5]
    assert "expects a number" in reasons[6]
    assert "duplicate email" in reasons[7]
    assert "expected 8 columns" in reasons[8]

    ava = await TeamContact.get(team_id=team.id, email="ava@example.com")
    assert (ava.first_name, ava.country, ava.lifecycle_stage, ava.tags, ava.custom) == (
        "Ava", "US", "loyal", ["vip", "beta"], {"plan": "pro", "seats": 3}
    )
    existing = await TeamContact.get(team_id=team.id, email="existing@example.com")
    assert (existing.first_name, existing.last_name, existing.country, existing.custom) == ("New", "Kept", "GB", {"plan": "free"})
    assert await TeamContact.filter(team_id=team.id).count() == 2


async def test_import_without_email_column_fails_clearly(team, tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("name,country\nAva,US\n")
    result = memberhub("import-contacts", str(team.id), str(csv_file))
    assert result.returncode == 2
    assert "needs an 'email' column" in result.stderr
    assert await TeamContact.all().count() == 0


async def test_migrate_is_idempotent():
    result = memberhub("migrate")
    assert result.returncode == 0, result.stderr
    assert "applied 0 migration(s)" in result.stdout


async def test_demo_seeds_a_team_whose_printed_key_lists_its_contacts(gql):
    result = memberhub("demo", "--no-serve", "--contacts", "300")
    assert result.returncode == 0, result.stderr
    key = next(word for word in result.stdout.split() if word.startswith("mhk_"))
    data = await gql(
        "{ contacts(first: 3, filter: {tagsAny: [\"vip\"]}) { totalCount } all: contacts { totalCount } "
        "hubs { totalCount } customProperties { totalCount } }",
        token=key,
    )
    assert data["all"]["totalCount"] == 300
    assert 0 < data["contacts"]["totalCount"] < 300
    assert data["hubs"]["totalCount"] == 3 and data["customProperties"]["totalCount"] == 5
    segments = await gql("{ segments { edges { node { name memberCount } } } }", token=key)
    counts = {e["node"]["name"]: e["node"]["memberCount"] for e in segments["segments"]["edges"]}
    assert set(counts) == {"VIPs", "Engaged UK and US", "Pro plans outside the community", "Searched this week",
                           "Lapsed readers", "Frequent visitors"}
    assert counts["VIPs"] == data["contacts"]["totalCount"]  # evaluated at creation, same as the filter
    assert all(0 < n < 300 for n in counts.values()), counts  # the event segments too: 90 days of events

    explore = await gql(
        "{ products { edges { node { id name prices { type amount interval } } } } "
        "dripCampaigns { edges { node { name trigger active segmentId } } } "
        "hubs { edges { node { id name } } } }", token=key)
    [product] = [e["node"] for e in explore["products"]["edges"]]
    assert {(p["type"], p["interval"]) for p in product["prices"]} == {("RECURRING", "MONTH"), ("ONE_TIME", None)}
    [drip] = [e["node"] for e in explore["dripCampaigns"]["edges"]]
    assert drip["trigger"] == "SEGMENT_JOIN" and drip["active"] is False
    academy = next(e["node"]["id"] for e in explore["hubs"]["edges"] if e["node"]["name"] == "Yoga Academy")
    tree = await gql("query($hub: ID!) { contentTree(hubId: $hub) { id title kind parentId } "
                     "accessRules(hubId: $hub) { targetId audience productIds segmentIds dripDays } }",
                     {"hub": academy}, token=key)
    titles = {n["title"]: n for n in tree["contentTree"]}
    assert titles["Foundations of Yoga"]["kind"] == "COURSE" and len(tree["contentTree"]) == 8
    rules = {r["targetId"]: r for r in tree["accessRules"]}
    assert rules[titles["Foundations of Yoga"]["id"]]["productIds"] == [product["id"]]
    assert rules[titles["Week 2: Flow"]["id"]]["dripDays"] == 7
    assert rules[titles["VIP masterclass"]["id"]]["audience"] == "SEGMENTS_ANY"
    circle = next(e["node"]["id"] for e in explore["hubs"]["edges"] if e["node"]["name"] == "Founders Circle")
    community = await gql("query($hub: ID!) { communitySpaces(hubId: $hub) { name kind membersCanPost accessRule { audience } } }",
                          {"hub": circle}, token=key)
    spaces = {s["name"]: s for s in community["communitySpaces"]}
    assert list(spaces) == ["General", "Announcements", "Questions", "VIP lounge", "Meetups"]
    assert spaces["Meetups"]["kind"] == "EVENTS" and spaces["Questions"]["kind"] == "QUESTIONS"
    assert spaces["Announcements"]["membersCanPost"] is False
    assert spaces["VIP lounge"]["accessRule"]["audience"] == "SEGMENTS_ANY"
    assert await Post.all().count() >= 1 and await Comment.all().count() >= 1
    assert await Post.filter(event_starts_at__isnull=False).count() == 1 and await Rsvp.all().count() >= 1
    assert await Post.filter(accepted_comment_id__isnull=False).count() == 1
    again = memberhub("demo", "--no-serve", "--contacts", "300")
    assert again.returncode == 0, again.stderr
    assert await Team.all().count() == 1  # re-running reuses the demo team


async def test_demo_refuses_a_busy_port_before_seeding(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = memberhub("demo", "--port", str(port), "--contacts", "10", env={"MEMBERHUB_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert f"127.0.0.1:{port} is in use" in result.stderr and "--port" in result.stderr
    assert await Team.all().count() == 0  # nothing seeded


async def test_demo_prints_the_same_key_every_run(tmp_path, gql):
    env = {"MEMBERHUB_DATA_DIR": str(tmp_path)}
    first = memberhub("demo", "--no-serve", "--contacts", "20", env=env)
    again = memberhub("demo", "--no-serve", "--contacts", "20", env=env)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    keys = [next(w for w in r.stdout.split() if w.startswith("mhk_")) for r in (first, again)]
    assert keys[0] == keys[1]
    assert await ApiKey.all().count() == 1
    assert (tmp_path / "demo_api_key").stat().st_mode & 0o777 == 0o600
    assert (await gql("{ viewer { team { name } } }", token=keys[0]))["viewer"]["team"]["name"]
    (tmp_path / "demo_api_key").write_text("mhk_revoked_or_lost\n")  # a lost key is replaced, once
    replaced = memberhub("demo", "--no-serve", "--contacts", "20", env=env)
    new_key = next(w for w in replaced.stdout.split() if w.startswith("mhk_"))
    assert new_key != keys[0] and (tmp_path / "demo_api_key").read_text().strip() == new_key


async def test_demo_server_is_ready_at_once_after_seeding(tmp_path):
    """The Redis pool made while seeding is closed with its loop, so the server's first /readyz is 200."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: ASYNC220 - the demo is a long-running command
        [sys.executable, "-m", "app.cli", "demo", "--port", str(port), "--contacts", "20"], cwd=ROOT,
        env={**os.environ, "MEMBERHUB_DATA_DIR": str(tmp_path)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(1200):  # a loaded machine takes a while to migrate, seed and start
                try:
                    await client.get("/healthz")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    assert "Traceback" not in output and "attached to a different loop" not in output, output
