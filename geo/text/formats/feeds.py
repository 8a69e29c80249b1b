"""RSS 2.0 and Atom feeds saved from news sites: one document per item, with feedparser.

Each item gives its title, its text (the full content where the feed carries it,
else the summary, HTML stripped), its date, its link, and the feed's title as
the outlet. feedparser is always given a byte stream: given a string that looks
like an address it would fetch it (and bytes that name a file, it would open),
and nothing here goes to the network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    outlet: str | None


def plain(markup: str) -> str:
    """HTML (escaped or not) as plain text, one paragraph per block."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # noqa: BLE001 - not HTML after all
        return markup.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = []
    for el in root.iter():
        if el.tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "br", "blockquote", "tr"):
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    for block in text.split("\n"):
        block = " ".join(block.split())
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def items(data: bytes) -> tuple[list[Item], str | None]:
    """The feed's items and, when it could not be read at all, why."""
    import io

    import feedparser

    # A stream, never a str or bytes: feedparser fetches a string that looks like an address and
    # opens one that names a local file; what it reads from a stream is only ever parsed.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        return [], f"not a readable feed ({parsed.get('bozo_exception')})"
    outlet = (parsed.get("feed") or {}).get("title") or None
    out = []
    for n, e in enumerate(entries, 1):
        content = ""
        for c in e.get("content") or ():
            if len(c.get("value") or "") > len(content):
                content = c.get("value") or ""
        body = plain(content or e.get("summary") or e.get("description") or "")
        title = (e.get("title") or "").strip() or None
        text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or title or "")
        if not text.strip():
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = dt.date(*stamp[:3]) if stamp else None
        link = e.get("link") or None
        out.append(Item(e.get("id") or link or f"item-{n}", text, title, published, link, outlet))
    return out, None
