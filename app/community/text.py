"""Members' Markdown to safe HTML, and the `@handle` mentions in it.

markdown-it-py renders CommonMark with raw HTML turned off; nh3 (Ammonia) then keeps only an
allow-list of tags, attributes and URL schemes, so neither a Markdown link (`[x](javascript:…)`)
nor anything that slipped through can carry script. Rendered once, when the text is written.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["strikethrough", "table"])

TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
              "th": {"style"}, "td": {"style"}}
URL_SCHEMES = {"http", "https", "mailto"}
MENTION_RE = re.compile(r"(?<![\w@/])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38}[A-Za-z0-9_]|[A-Za-z0-9_])")
MAX_MENTIONS = 20


def render(text: str) -> str:
    html = _markdown.render(text)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="nofollow noopener noreferrer ugc", filter_style_properties={"text-align"})


def mentions(text: str) -> list[str]:
    """Handles mentioned (lower case, first occurrence order), outside code; at most MAX_MENTIONS."""
    plain = re.sub(r"```.*?```|`[^`]*`", " ", text, flags=re.DOTALL)
    found: list[str] = []
    for match in MENTION_RE.finditer(plain):
        handle = match.group(1).lower()
        if handle not in found:
            found.append(handle)
        if len(found) >= MAX_MENTIONS:
            break
    return found
