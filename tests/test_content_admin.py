"""Admin API: content trees, pages, media and access rules; bad input and other teams' ids."""

from __future__ import annotations

import base64

from ids import gid

CREATE_HUB = 'mutation { createHub(input: {name: "Academy"}) { hub { id } } }'
CREATE_NODE = """mutation($i: CreateContentNodeInput!) { createContentNode(input: $i) {
  node { id parentId kind title status position } userErrors { field code } } }"""
UPDATE_NODE = """mutation($i: UpdateContentNodeInput!) { updateContentNode(input: $i) {
  node { id parentId status position } userErrors { field code } } }"""
SET_RULE = """mutation($i: SetAccessRuleInput!) { setAccessRule(input: $i) {
  rule { targetType audience mode productIds dripDays dripAnchor } userErrors { field code } } }"""


async def new_hub(gql, token):
    return (await gql(CREATE_HUB, token=token))["createHub"]["hub"]["id"]


async def node(gql, token, hub_id, title, **kw):
    data = await gql(CREATE_NODE, {"i": {"hubId": hub_id, "title": title, **kw}}, token=token)
    assert data["createContentNode"]["userErrors"] == [], data
    return data["createContentNode"]["node"]


async def test_tree_is_built_ordered_moved_and_deleted_with_its_subtree(gql, team):
    hub = await new_hub(gql, team.key)
    course = await node(gql, team.key, hub, "Course", kind="COURSE")
    module = await node(gql, team.key, hub, "Module", kind="MODULE", parentId=course["id"])
    second = await node(gql, team.key, hub, "Lesson 2", parentId=module["id"])
    first = await node(gql, team.key, hub, "Lesson 1", parentId=module["id"], position=-1)
    assert (second["position"], first["position"]) == (0, -1)
    tree = (await gql("query($h: ID!) { contentTree(hubId: $h) { title status } }", {"h": hub}, token=team.key))
    assert [n["title"] for n in tree["contentTree"]] == ["Course", "Module", "Lesson 1", "Lesson 2"]
    assert {n["status"] for n in tree["contentTree"]} == {"DRAFT"}

    cycle = await gql(UPDATE_NODE, {"i": {"id": course["id"], "parentId": second["id"]}}, token=team.key)
    assert cycle["updateContentNode"]["userErrors"] == [{"field": "parentId", "code": "CYCLE"}]
    moved = await gql(UPDATE_NODE, {"i": {"id": second["id"], "parentId": None, "status": "PUBLISHED"}},
                      token=team.key)
    assert moved["updateContentNode"]["node"] == {"id": second["id"], "parentId": None, "status": "PUBLISHED",
                                                  "position": 0}
    deleted = await gql('mutation($i: DeleteInput!) { deleteContentNode(input: $i) { deletedIds userErrors { code } } }',
                        {"i": {"id": course["id"]}}, token=team.key)
    assert sorted(deleted["deleteContentNode"]["deletedIds"]) == sorted([course["id"], module["id"], first["id"]])
    left = await gql("query($h: ID!) { contentTree(hubId: $h) { title } }", {"h": hub}, token=team.key)
    assert left["contentTree"] == [{"title": "Lesson 2"}]


async def test_bad_node_input_and_other_teams_ids_are_rejected(gql, team, other_team):
    hub = await new_hub(gql, team.key)
    theirs = await new_hub(gql, other_team.key)
    their_node = await node(gql, other_team.key, theirs, "Theirs")
    bad = await gql(CREATE_NODE, {"i": {"hubId": hub, "title": " ", "parentId": their_node["id"],
                                        "sectionId": gid("HubSection", 10**9)}}, token=team.key)
    assert {(e["field"], e["code"]) for e in bad["createContentNode"]["userErrors"]} == {
        ("title", "REQUIRED"), ("parentId", "NOT_FOUND"), ("sectionId", "NOT_FOUND")}
    malformed = await gql(CREATE_NODE, {"i": {"hubId": hub, "title": "x", "sectionId": "nope"}}, token=team.key)
    assert malformed["createContentNode"]["userErrors"] == [{"field": "sectionId", "code": "INVALID_ID"}]
    a_hub_as_parent = await gql(CREATE_NODE, {"i": {"hubId": hub, "title": "x", "parentId": hub}}, token=team.key)
    assert a_hub_as_parent["createContentNode"]["userErrors"] == [{"field": "parentId", "code": "INVALID_ID"}]
    other_hub = await gql(CREATE_NODE, {"i": {"hubId": theirs, "title": "x"}}, token=team.key)
    assert other_hub["createContentNode"]["userErrors"] == [{"field": "hubId", "code": "NOT_FOUND"}]
    update = await gql(UPDATE_NODE, {"i": {"id": their_node["id"], "title": "mine"}}, token=team.key)
    assert update["updateContentNode"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]
    rule = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": their_node["id"]}}, token=team.key)
    assert rule["setAccessRule"]["userErrors"] == [{"field": "targetId", "code": "NOT_FOUND"}]
    looked_up = await gql("query($id: ID!) { contentNode(id: $id) { id } }", {"id": their_node["id"]}, token=team.key)
    assert looked_up["contentNode"] is None


async def test_access_rules_are_validated_set_replaced_and_removed(gql, team, other_team):
    hub = await new_hub(gql, team.key)
    lesson = await node(gql, team.key, hub, "Lesson")
    missing = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": lesson["id"], "audience": "PRODUCTS"}},
                        token=team.key)
    assert missing["setAccessRule"]["userErrors"] == [{"field": "productIds", "code": "REQUIRED"}]
    bad = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": lesson["id"], "audience": "ROLES",
                                     "roles": ["king"], "dripDays": -1, "availableFrom": "2026-02-01T00:00:00Z",
                                     "availableUntil": "2026-01-01T00:00:00Z"}}, token=team.key)
    assert {e["code"] for e in bad["setAccessRule"]["userErrors"]} == {"INVALID_ROLE", "INVALID_WINDOW", "OUT_OF_RANGE"}
    unknown_segment = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": lesson["id"],
                                                 "audience": "SEGMENTS_ANY", "segmentIds": [gid("Segment", 999)]}}, token=team.key)
    assert unknown_segment["setAccessRule"]["userErrors"] == [{"field": "segmentIds", "code": "NOT_FOUND"}]
    ok = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": lesson["id"], "dripDays": 3}}, token=team.key)
    assert ok["setAccessRule"]["rule"] == {"targetType": "NODE", "audience": "EVERYONE", "mode": "NARROW",
                                           "productIds": [], "dripDays": 3, "dripAnchor": "HUB_JOIN"}
    replaced = await gql(SET_RULE, {"i": {"targetType": "NODE", "targetId": lesson["id"], "mode": "REPLACE"}},
                         token=team.key)
    assert replaced["setAccessRule"]["rule"]["mode"] == "REPLACE"
    listed = await gql("query($h: ID!, $n: ID!) { accessRules(hubId: $h) { mode } accessRule(targetId: $n) { mode } }",
                       {"h": hub, "n": lesson["id"]}, token=team.key)
    assert listed["accessRules"] == [{"mode": "REPLACE"}] and listed["accessRule"]["mode"] == "REPLACE"
    # another team sees no rule there; an id that names no guardable thing is the caller's error
    assert (await gql("query($n: ID!) { accessRule(targetId: $n) { mode } }", {"n": lesson["id"]},
                      token=other_team.key))["accessRule"] is None
    wrong = await gql.raw("query($n: ID!) { accessRule(targetId: $n) { mode } }", {"n": hub}, token=team.key)
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT" and wrong["data"] == {"accessRule": None}
    assert (await gql("query($h: ID!) { accessRules(hubId: $h) { mode } }", {"h": hub},
                      token=other_team.key))["accessRules"] == []
    removed = await gql('mutation($i: RemoveAccessRuleInput!) { removeAccessRule(input: $i) { removed } }',
                        {"i": {"targetType": "NODE", "targetId": lesson["id"]}}, token=team.key)
    assert removed["removeAccessRule"]["removed"] is True


async def test_pages_with_ordered_sections(gql, team, other_team):
    hub = await new_hub(gql, team.key)
    lesson = await node(gql, team.key, hub, "Lesson")
    create = 'mutation($i: CreatePageInput!) { createPage(input: $i) { page { id slug kind } userErrors { field code } } }'
    page = (await gql(create, {"i": {"hubId": hub, "slug": "home", "title": "Home", "kind": "HOMEPAGE"}},
                      token=team.key))["createPage"]["page"]
    again = await gql(create, {"i": {"hubId": hub, "slug": "home", "title": "Home 2", "kind": "HOMEPAGE"}},
                      token=team.key)
    assert {e["code"] for e in again["createPage"]["userErrors"]} == {"DUPLICATE_SLUG", "DUPLICATE_HOMEPAGE"}
    bad_slug = await gql(create, {"i": {"hubId": hub, "slug": "Bad Slug", "title": "x"}}, token=team.key)
    assert bad_slug["createPage"]["userErrors"] == [{"field": "slug", "code": "INVALID_SLUG"}]
    sections = """mutation($i: SetPageSectionsInput!) { setPageSections(input: $i) {
      page { sections { position title nodeId } } userErrors { field code } } }"""
    data = await gql(sections, {"i": {"pageId": page["id"], "sections": [
        {"title": "Hero"}, {"title": "Course", "nodeId": lesson["id"]}]}}, token=team.key)
    assert data["setPageSections"]["page"]["sections"] == [
        {"position": 0, "title": "Hero", "nodeId": None}, {"position": 1, "title": "Course", "nodeId": lesson["id"]}]
    bad = await gql(sections, {"i": {"pageId": page["id"], "sections": [{"nodeId": gid("ContentNode", 12345)}]}},
                    token=team.key)
    assert bad["setPageSections"]["userErrors"] == [{"field": "sections.0.nodeId", "code": "NOT_FOUND"}]
    theirs = await gql(sections, {"i": {"pageId": page["id"], "sections": []}}, token=other_team.key)
    assert theirs["setPageSections"]["userErrors"] == [{"field": "id", "code": "NOT_FOUND"}]


async def test_media_upload_link_and_delete(gql, team, http):
    hub = await new_hub(gql, team.key)
    upload = """mutation($i: UploadMediaInput!) { uploadMedia(input: $i) {
      media { id kind sizeBytes uploaded url } userErrors { field code } } }"""
    data = await gql(upload, {"i": {"hubId": hub, "filename": "a.png", "contentType": "image/png",
                                    "dataBase64": base64.b64encode(b"PNGDATA").decode()}}, token=team.key)
    media = data["uploadMedia"]["media"]
    assert (media["kind"], media["sizeBytes"], media["uploaded"]) == ("IMAGE", 7, True)
    response = await http.get(media["url"].split("127.0.0.1:8000", 1)[-1])
    assert response.content == b"PNGDATA" and response.headers["content-type"] == "image/png"
    bad = await gql(upload, {"i": {"hubId": hub, "filename": "", "contentType": "nonsense",
                                   "dataBase64": "!!"}}, token=team.key)
    assert bad["uploadMedia"]["userErrors"] == [{"field": "dataBase64", "code": "INVALID_BASE64"}]
    empty = await gql(upload, {"i": {"hubId": hub, "filename": "", "contentType": "nonsense", "dataBase64": ""}},
                      token=team.key)
    assert {e["code"] for e in empty["uploadMedia"]["userErrors"]} == {"REQUIRED", "INVALID_CONTENT_TYPE"}
    link = await gql("""mutation($i: LinkMediaInput!) { linkMedia(input: $i) { media { url uploaded } userErrors { code } } }""",
                     {"i": {"hubId": hub, "url": "https://cdn.example.com/x.mp4", "filename": "x.mp4",
                            "contentType": "video/mp4"}}, token=team.key)
    assert link["linkMedia"]["media"] == {"url": "https://cdn.example.com/x.mp4", "uploaded": False}
    listing = await gql("query($h: ID!) { hubMedia(hubId: $h) { totalCount } }", {"h": hub}, token=team.key)
    assert listing["hubMedia"]["totalCount"] == 2
    deleted = await gql('mutation($i: DeleteInput!) { deleteMedia(input: $i) { userErrors { code } } }',
                        {"i": {"id": media["id"]}}, token=team.key)
    assert deleted["deleteMedia"]["userErrors"] == []
    gone = await http.get(media["url"].split("127.0.0.1:8000", 1)[-1])
    assert gone.status_code == 404


async def test_content_scopes_are_required(gql, team):
    key = await gql('mutation { createApiKey(input: {name: "ro", scopes: ["content:read"]}) { secret } }',
                    token=team.key)
    read_only = key["createApiKey"]["secret"]
    hub = await new_hub(gql, team.key)
    assert (await gql("query($h: ID!) { contentTree(hubId: $h) { id } }", {"h": hub}, token=read_only)) == {
        "contentTree": []}
    denied = await gql.raw(CREATE_NODE, {"i": {"hubId": hub, "title": "x"}}, token=read_only)
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
