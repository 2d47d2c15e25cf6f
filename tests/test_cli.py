"""The memberhub command line against the test database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.contacts.models import TeamContact
from app.teams.models import ApiKey, Team

ROOT = Path(__file__).resolve().parent.parent


def memberhub(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=dict(os.environ),
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
    assert set(counts) == {"VIPs", "Engaged UK and US", "Pro plans outside the community"}
    assert counts["VIPs"] == data["contacts"]["totalCount"]  # evaluated at creation, same as the filter
    assert all(0 < n < 300 for n in counts.values()), counts
    again = memberhub("demo", "--no-serve", "--contacts", "300")
    assert again.returncode == 0, again.stderr
    assert await Team.all().count() == 1  # re-running reuses the demo team
