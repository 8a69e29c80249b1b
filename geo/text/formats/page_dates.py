"""The publication date a saved page gives, by named rules in order: its own statement before a guess.

=================== ================================================================
rule                reads
=================== ================================================================
``meta``            ``<meta property="article:published_time">`` and its kin
``json_ld``         ``datePublished`` in a JSON-LD block (``NewsArticle``, ``@graph``...)
``time_element``    the first ``<time datetime>`` after the headline (or in ``<article>``)
``under_headline``  a date written in the few lines right under the ``<h1>``
``address``         ``/2024/05/31/`` or ``/2024-05-31/`` in the page's canonical address
=================== ================================================================

The extractor's own guess (htmldate, through trafilatura) comes only after all of
them: on a page saved with its sidebar it may take the newest date of the "latest
news" list. Dates are taken as the page writes them (its local date), never
shifted to UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from geo.lang.en.dates import MONTHS

#: ``<meta>`` names of a publication date (Open Graph, schema.org microdata, Dublin Core, common CMS names).
META_NAMES = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
})
_FIRST_YEAR, _LAST_YEAR = 1990, 2100
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DOTTED = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")  # 01.06.2022: day first
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
_ADDRESS = re.compile(r"/(\d{4})[/-](\d{2})[/-](\d{2})(?:[/-]|$)")
#: Characters of visible text read under the headline (a byline and a dateline fit).
UNDER_HEADLINE_CHARS = 240


def _date(year, month, day) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return date if _FIRST_YEAR <= date.year <= _LAST_YEAR else None


def date_in(text: str) -> dt.date | None:
    """The first date written in ``text``: ISO, day.month.year, "1 June 2022" or "June 1, 2022"."""
    found = []
    for pattern, order in ((_ISO, (1, 2, 3)), (_DOTTED, (3, 2, 1)), (_DAY_MONTH, (3, 2, 1)), (_MONTH_DAY, (3, 1, 2))):
        for m in pattern.finditer(text):
            y, mo, d = (m.group(i) for i in order)
            month = MONTHS.get(mo.lower().rstrip(".")) if not mo.isdigit() else int(mo)
            date = _date(y, month, d)
            if date is not None:
                found.append((m.start(), date))
                break
    return min(found)[1] if found else None


def _stamp(value) -> dt.date | None:
    """A date from a machine-readable stamp ("2024-05-31T08:00:00+03:00", "2024-05-31"), as written."""
    return date_in(value[:40]) if isinstance(value, str) else None


# -- the rules -----------------------------------------------------------------------------

def _meta(tree) -> dt.date | None:
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if name in META_NAMES:
            date = _stamp(el.get("content"))
            if date is not None:
                return date
    return None


def _published_in(data, depth: int = 0) -> str | None:
    """``datePublished`` of a JSON-LD value (an object, a list, an ``@graph``), depth-limited."""
    if depth > 6:
        return None
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            return data["datePublished"]
        items = [data.get("@graph"), data.get("mainEntity")]
    elif isinstance(data, list):
        items = data
    else:
        return None
    for item in items[:50]:
        found = _published_in(item, depth + 1)
        if found:
            return found
    return None


def _json_ld(tree) -> dt.date | None:
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except (ValueError, RecursionError):
            continue
        date = _stamp(_published_in(data))
        if date is not None:
            return date
    return None


def _headline(tree):
    return next(iter(tree.iter("h1")), None)


def _after(tree, start):
    """Elements after ``start`` in document order (its own subtree included)."""
    seen = False
    for el in tree.iter():
        if el is start:
            seen = True
        if seen:
            yield el


def _time_element(tree) -> dt.date | None:
    h1 = _headline(tree)
    article = next(iter(tree.iter("article")), None)
    scope = _after(tree, h1) if h1 is not None else article.iter() if article is not None else ()
    for el in scope:
        if el.tag == "time":
            return _stamp(el.get("datetime") or el.get("dateTime") or el.get("pubdate"))
    return None


def _under_headline(tree) -> dt.date | None:
    h1 = _headline(tree)
    if h1 is None:
        return None
    text = []
    size = 0
    for el in _after(tree, h1):
        if el is h1:
            continue
        visible = isinstance(el.tag, str) and el.tag not in ("script", "style", "noscript", "template")
        for part in (el.text if visible else None, el.tail):
            if part and part.strip():
                text.append(part.strip())
                size += len(part.strip())
        if size >= UNDER_HEADLINE_CHARS:
            break
    if h1.tail and h1.tail.strip():
        text.insert(0, h1.tail.strip())
    return date_in(" ".join(text)[:UNDER_HEADLINE_CHARS])


def _address(tree) -> dt.date | None:
    for el in tree.iter("link", "meta"):
        if (el.get("rel") or "").lower() == "canonical" or (el.get("property") or "").lower() == "og:url":
            m = _ADDRESS.search(el.get("href") or el.get("content") or "")
            if m:
                return _date(*m.groups())
    return None


@dataclass(frozen=True, slots=True)
class DateRule:
    name: str
    read: Callable
    reason: str


RULES = (
    DateRule("meta", _meta, "the publisher's machine-readable statement, as search engines read it"),
    DateRule("json_ld", _json_ld, "the structured data the page gives about itself"),
    DateRule("time_element", _time_element, "the page's own markup of its date, next to the headline"),
    DateRule("under_headline", _under_headline, "the date a reader sees under the headline"),
    DateRule("address", _address, "many outlets file an article under its date"),
)


def stated_date(tree) -> tuple[dt.date | None, str]:
    """The date the page states and the rule that read it, or ``(None, "")`` (an lxml HTML tree in)."""
    for rule in RULES:
        try:
            date = rule.read(tree)
        except (ValueError, TypeError, AttributeError):  # a hostile page: this rule gives nothing
            date = None
        if date is not None:
            return date, rule.name
    return None, ""
