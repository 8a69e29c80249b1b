"""Saved web pages: the article's text and what the page says about itself, with trafilatura.

trafilatura (Apache-2.0) keeps the main text and drops navigation, ads, comments
and related links; its metadata gives the headline, the publication date the
page states (``article:published_time``, JSON-LD, ``<time>``, a date shown under
the headline, the address: :mod:`.page_dates`), else htmldate's guess, the outlet (``og:site_name``,
publisher, else the host name) and the canonical address. It is given the page
as a parsed tree (never an address): nothing is ever fetched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from geo.text.formats.page_dates import stated_date


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    #: The rule of :mod:`.page_dates` that read ``published`` ("guess": the extractor's), "" without one.
    date_rule: str = ""


def read_page(markup: str) -> Page | None:
    """The article of a page, or None when it has no main text."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(markup)  # a tree from text: trafilatura never fetches what it is given as a tree
    if tree is None:
        return None
    published, date_rule = stated_date(tree)  # before extraction, which prunes the tree
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False)
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
    if published is None and data.get("date"):
        try:
            published, date_rule = dt.date.fromisoformat(str(data["date"])[:10]), "guess"
        except ValueError:
            published = None
    title = (data.get("title") or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of the report (a lede often folds into it)
    return Page(text, title, published, outlet, url, date_rule)
