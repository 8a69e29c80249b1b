"""Saved web pages: the article's text and what the page says about itself, with trafilatura.

trafilatura (Apache-2.0) keeps the main text and drops navigation, ads, comments
and related links; its metadata gives the headline, the publication date the
page states (``article:published_time``, JSON-LD, ``<time>``, a date shown under
the headline, the address, through htmldate), the outlet (``og:site_name``,
publisher, else the host name) and the canonical address. It is given the page
as a string: nothing is ever fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse


_PUBLISHED_META = re.compile(
    r"<meta\s[^>]*(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|datePublished|"
    r"pubdate|publishdate|date)[\"'][^>]*>", re.I)
_CONTENT = re.compile(r"content=[\"'](\d{4}-\d{2}-\d{2})", re.I)


def _stated_date(markup: str) -> dt.date | None:
    """The publication date a page's ``<meta>`` states (``article:published_time`` and kin), as written."""
    for tag in _PUBLISHED_META.finditer(markup[:200_000]):
        found = _CONTENT.search(tag.group(0))
        if found:
            try:
                return dt.date.fromisoformat(found.group(1))
            except ValueError:
                continue
    return None


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None


def read_page(markup: str) -> Page | None:
    """The article of a page, or None when it has no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True)
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    url = data.get("url") or None
    outlet = data.get("sitename") or None
    if not outlet and url:
        outlet = urlparse(url).hostname
    if outlet and outlet.lower().startswith("www."):
        outlet = outlet[4:]
    published = _stated_date(markup)  # the page's own statement first, as it states it (its local date)
    if published is None and data.get("date"):
        try:
            published = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    title = (data.get("title") or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of the report (a lede often folds into it)
    return Page(text, title, published, outlet, url)
