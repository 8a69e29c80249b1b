"""Event dates from the words of a report and its publication date.

Relative expressions ("overnight", "last night", "yesterday", "on Tuesday",
"this week") resolve from the publication date; explicit dates ("19 March
2025", "March 19") need no publication date when they carry a year. Each
result has a precision from ``geo.model.DATE_PRECISIONS``.

>>> import datetime as dt
>>> resolve_date("overnight", dt.date(2024, 7, 10))
(datetime.date(2024, 7, 10), 'day')
>>> resolve_date("on Tuesday", dt.date(2024, 7, 10))
(datetime.date(2024, 7, 9), 'day')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.lang.en.dates import MONTHS, WEEKDAYS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_LONG = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

# (pattern, kind); order matters: the first pattern wins on overlapping text.
_PATTERNS = [
    (r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", "dmy"),
    (r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", "mdy"),
    (r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b", "iso"),
    (r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", "dm"),
    (r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:km|kilo|mile|square|drones|missiles))", "md"),
    (r"\b(?:in|since|during|early|late|mid-?)\s+" + _MONTH_LONG + r"(?:\s+(?P<year>(?:19|20)\d\d))?\b", "month"),
    (r"\b(?:on\s+|last\s+|this\s+|late\s+|early\s+)?" + _WEEKDAY + r"(?:\s+(?:night|morning|evening|afternoon))?\b", "weekday"),
    (r"\b(?:overnight|last\s+night|during\s+the\s+night|in\s+the\s+early\s+hours|tonight|this\s+morning|today|earlier\s+today)\b", "today"),
    (r"\byesterday\b|\bthe\s+previous\s+day\b|\bthe\s+day\s+before\b", "yesterday"),
    (r"\b(?:this|the\s+past|over\s+the\s+past)\s+week\b", "this_week"),
    (r"\blast\s+week\b", "last_week"),
    (r"\bthis\s+month\b", "this_month"),
    (r"\blast\s+month\b", "last_month"),
    (r"\bin\s+(?P<year>(?:19|20)\d\d)\b", "year"),
]
_COMPILED = [(re.compile(p, re.I), kind) for p, kind in _PATTERNS]

# Speech verbs: a weekday right after one dates the statement, not the event.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|reported|stated|announced|added|wrote|claimed|confirmed|posted)\s*(?:on\s+)?$", re.I
)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in text and what it resolves to."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str | None
    speech: bool = False  # follows a speech verb ("said Wednesday")
    kind: str = ""

    @property
    def rank(self) -> int:
        """Lower is better as an event date: explicit dates, then night words, then weekdays, then statements."""
        base = {"dmy": 0, "mdy": 0, "iso": 0, "dm": 1, "md": 1, "today": 2, "yesterday": 2, "weekday": 3}.get(self.kind, 4)
        return base + (10 if self.speech else 0)


def _last_weekday(published: dt.date, weekday: int) -> dt.date:
    """The most recent ``weekday`` on or before ``published``."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(m: re.Match, kind: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    g = m.groupdict()
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if kind in ("dmy", "mdy"):
        return _safe_date(int(g["year"]), month, int(g["day"])), "day"
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["mon"]), int(g["day"])), "day"
    if kind in ("dm", "md"):
        if published is None:
            return None, None
        d = _safe_date(published.year, month, int(g["day"]))
        if d and d > published + dt.timedelta(days=1):
            d = _safe_date(published.year - 1, month, int(g["day"]))
        return d, "day" if d else None
    if kind == "month":
        year = int(g["year"]) if g.get("year") else (published.year if published else None)
        if year is None:
            return None, None
        if not g.get("year") and published and month > published.month:
            year -= 1
        return dt.date(year, month, 1), "month"
    if kind == "year":
        return None, None  # a bare year ("born in 1960", "in 2014") never dates an attack
    if published is None:
        return None, None
    if kind == "weekday":
        return _last_weekday(published, WEEKDAYS[g["weekday"].lower()]), "day"
    if kind == "today":
        return published, "day"
    if kind == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if kind == "this_week":
        return published, "week"
    if kind == "last_week":
        return published - dt.timedelta(days=7), "week"
    if kind == "this_month":
        return published.replace(day=1), "month"
    if kind == "last_month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), "month"
    return None, None


def find_dates(text: str, published: dt.date | None) -> list[DateExpression]:
    """Every date expression in ``text``, resolved against ``published`` where relative."""
    out: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in _COMPILED:
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            if kind == "md" and m.group("month").lower() == "may" and not m.group(0)[0].isupper():
                continue  # "may 5" as a modal verb
            date, precision = _resolve(m, kind, published)
            speech = bool(_SPEECH_BEFORE.search(text[max(0, m.start() - 30):m.start()]))
            out.append(DateExpression(m.start(), m.end(), m.group(0), date, precision, speech, kind))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def resolve_date(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The event date a clause states: event-time words first, a statement date last.

    With no date words, nothing (the caller decides on a fallback).
    """
    exprs = [e for e in find_dates(text, published) if e.date is not None]
    if not exprs:
        return None, None
    best = min(exprs, key=lambda e: (e.rank, e.start))
    return best.date, best.precision
