"""The audit log covers the settings and keys of every domain, not only teams' own: email (SMTP),
ad-platform destinations and links, community settings, the AI endpoint, report key grants. Read
back through `auditLog`; secrets never appear in an entry."""

from __future__ import annotations

import json

import factories
from ids import gid

CREATE_HUB = 'mutation { createHub(input: {name: "Academy"}) { hub { id } } }'
STEPS = [
    ("""mutation($i: UpdateEmailSettingsInput!) { updateEmailSettings(input: $i) { userErrors { code } } }""",
     lambda hub, seg, key: {"hubId": hub, "smtpHost": "127.0.0.1", "smtpPort": 2525, "tlsMode": "NONE",
                            "username": "mailer", "password": "smtp-secret-1", "fromName": "Academy",
                            "fromAddress": "hi@academy.example"},
     "settings.email_changed"),
    ("""mutation($i: CreateAudienceDestinationInput!) { createAudienceDestination(input: $i) { userErrors { code } } }""",
     lambda hub, seg, key: {"platform": "META", "name": "Meta", "adAccountId": "act_1", "audienceId": "238",
                            "accessToken": "meta-secret-2", "appSecret": "meta-secret-3"},
     "audience_destination.created"),
    ("""mutation($i: UpdateCommunitySettingsInput!) { updateCommunitySettings(input: $i) { userErrors { code } } }""",
     lambda hub, seg, key: {"hubId": hub, "postRateLimit": "5/minute", "firstPostReview": True},
     "settings.community_changed"),
    ("""mutation($i: SetAiSegmentSettingsInput!) { setAiSegmentSettings(input: $i) { userErrors { code } } }""",
     lambda hub, seg, key: {"baseUrl": "http://127.0.0.1:9/v1", "model": "small", "apiKey": "ai-secret-4"},
     "settings.ai_changed"),
    ("""mutation($i: SetReportKeySegmentsInput!) { setReportKeySegments(input: $i) { userErrors { code } } }""",
     lambda hub, seg, key: {"apiKeyId": key, "segmentIds": [seg]},
     "api_key.report_segments_set"),
]


async def test_settings_and_keys_of_every_domain_are_audited_without_their_secrets(gql, team, other_team):
    hub = (await gql(CREATE_HUB, token=team.key))["createHub"]["hub"]["id"]
    segment = gid("Segment", (await factories.segment(team, "Buyers", kind="static")).id)
    made = await gql('mutation { createApiKey(input: {name: "partner", scopes: ["reports:read"]}) { apiKey { id } } }',
                     token=team.key)
    key = made["createApiKey"]["apiKey"]["id"]
    for document, variables, _ in STEPS:
        data = await gql(document, {"i": variables(hub, segment, key)}, token=team.key)
        assert next(iter(data.values()))["userErrors"] == [], document

    log = await gql("{ auditLog(first: 50) { nodes { actor action targetType targetId details } } }", token=team.key)
    entries = {e["action"]: e for e in log["auditLog"]["nodes"]}
    assert {action for _, _, action in STEPS} <= set(entries)
    assert entries["settings.email_changed"]["targetId"] == hub
    assert entries["settings.email_changed"]["details"]["passwordChanged"] is True
    assert entries["api_key.report_segments_set"]["details"] == {"segments": [segment]}
    assert entries["audience_destination.created"]["details"]["platform"] == "meta"
    assert all(e["actor"].startswith("API key ") for e in entries.values())
    text = json.dumps(log)
    assert not any(secret in text for secret in ("smtp-secret-1", "meta-secret-2", "meta-secret-3", "ai-secret-4"))
    # A refused change records nothing; another team sees none of it.
    refused = await gql(STEPS[0][0], {"i": {**STEPS[0][1](hub, segment, key), "smtpPort": 0}}, token=team.key)
    assert refused["updateEmailSettings"]["userErrors"]
    count = await gql('{ auditLog(action: "settings.email_changed") { totalCount } }', token=team.key)
    assert count["auditLog"]["totalCount"] == 1
    assert (await gql("{ auditLog { totalCount } }", token=other_team.key))["auditLog"]["totalCount"] == 0
