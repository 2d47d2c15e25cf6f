"""Uploaded media never runs as a page of the API origin: raw headers of GET /media/<id>."""

from __future__ import annotations

import base64

import pytest

UPLOAD = """mutation($i: UploadMediaInput!) { uploadMedia(input: $i) { media { url } userErrors { field code } } }"""


async def upload(gql, token: str, filename: str, content_type: str, data: bytes) -> str:
    hub = (await gql('mutation { createHub(input: {name: "Academy"}) { hub { id } } }', token=token))
    result = await gql(UPLOAD, {"i": {"hubId": hub["createHub"]["hub"]["id"], "filename": filename,
                                      "contentType": content_type, "dataBase64": base64.b64encode(data).decode()}},
                       token=token)
    assert result["uploadMedia"]["userErrors"] == []
    return result["uploadMedia"]["media"]["url"].split("127.0.0.1:8000", 1)[-1]


@pytest.mark.parametrize(("filename", "content_type", "disposition"), [
    ("page.html", "text/html", "attachment"),
    ("logo.svg", "image/svg+xml", "attachment"),
    ("data.xml", "application/xml", "attachment"),
    ("script.js", "application/javascript", "attachment"),
    ("photo.png", "image/png", "inline"),
    ("talk.mp4", "video/mp4", "inline"),
    ("song.mp3", "audio/mpeg", "inline"),
    ("guide.pdf", "application/pdf", "inline"),
])
async def test_media_is_served_sandboxed_and_scriptable_types_download(gql, team, http, filename, content_type,
                                                                      disposition):
    url = await upload(gql, team.key, filename, content_type, b"<script>alert(document.cookie)</script>")

    response = await http.get(url)

    assert response.status_code == 200
    assert response.content == b"<script>alert(document.cookie)</script>"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["content-disposition"].split(";")[0] == disposition
    assert f'filename="{filename}"' in response.headers["content-disposition"]


async def test_a_filename_cannot_break_the_disposition_header(gql, team, http):
    url = await upload(gql, team.key, 'x".html; inline; b="ü', "text/html", b"<p>hi</p>")

    response = await http.get(url)

    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="x_.html_ inline_ b=__"; ')
    assert disposition.endswith("filename*=UTF-8''x%22.html%3B%20inline%3B%20b%3D%22%C3%BC")
