"""Numbers and areas as news reports write them.

Digits with separators ("1,246", "8 500"), number words ("seven", "a dozen",
"two hundred", "three dozen"), vague plurals ("dozens of", "hundreds of"),
ranges ("10-12", "between 10 and 12") and the qualifier in front ("about",
"at least", "more than", "at most", ...). Areas convert to km².

>>> [(q.value, q.qualifier) for q in find_quantities("at least 21 people and about a dozen drones")]
[(21, 'at least'), (12, 'about')]
>>> round(find_areas("77 square miles")[0].km2)
199
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.lang.en.lex_attrs import QUALIFIERS
from geo.lang.en.lex_attrs import SCALES as _SCALES
from geo.lang.en.lex_attrs import TENS as _TENS
from geo.lang.en.lex_attrs import UNITS as _UNITS
from geo.lang.en.lex_attrs import VAGUE as _VAGUE

_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "dozen", "a", "an", "and"], key=len, reverse=True)) + r")"
_NUM_WORDS_RE = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+dozen"
    r"|(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?:" + "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "and"], key=len, reverse=True)) + r"))*"
    r"|a\s+(?:hundred|thousand))\b",
    re.I,
)
_DIGITS = r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGIT_RE = re.compile(
    r"(?<![\w.,])(?<![A-Za-z]-)(" + _DIGITS + r")(?:\s*(thousand|million|k)\b)?(?![\w-]*\d)"
    r"(?![-\s](?:year|month|week|day|hour|storey|story|floor)s?\b)(?!th\b|st\b|nd\b|rd\b)",
    re.I,
)
_RANGE_RE = re.compile(
    r"(?:\bbetween\s+)?(?<![\w.,])(" + _DIGITS + r")\s*(?:-|–|—|to|and)\s*(" + _DIGITS + r")(?![\w.]*\d)", re.I
)
_VAGUE_RE = re.compile(r"\b(dozens|scores|hundreds|thousands|several)(?:\s+of)?\b", re.I)
_UNIT_COMPOUND = re.compile(r"-(?:hour|day|year|month|week|minute|storey|story|floor|kilometre|kilometer|mile|metre|meter)s?\b", re.I)
# Dates, clock times and year spans are not counts: "2023-12-30", "30/12/2023", "10:30", "2022-2023".
_NOT_A_COUNT = re.compile(
    r"(?<![\w.])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2})(?![\w.]*\d)"
)
_QUAL_RE = re.compile(r"\b(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$", re.I)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: ``value`` (None for "dozens of"), range bounds, qualifier and span."""

    start: int
    end: int
    value: int | float | None
    qualifier: str | None = None
    low: int | float | None = None
    high: int | float | None = None
    text: str = ""


def words_to_number(text: str) -> int | None:
    """"two hundred and five" -> 205, "a dozen" -> 12, "three dozen" -> 36; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[-1] == "dozen":
        head = tokens[:-1]
        if head in ([], ["a"], ["an"]):
            return 12
        if head == ["half", "a"]:
            return 6
        n = words_to_number(" ".join(head))
        return None if n is None else n * 12
    if tokens[0] in ("a", "an"):
        tokens = ["one", *tokens[1:]]
    total, current = 0, 0
    for tok in tokens:
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in ("thousand", "million"):
            total += max(current, 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return total + current


def parse_digits(text: str) -> int | float:
    """"1,246" -> 1246, "8 500" -> 8500, "14.5" -> 14.5."""
    clean = re.sub(r"[,\u202f\u00a0 ]", "", text)
    value = float(clean)
    return int(value) if value.is_integer() else value


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    m = _QUAL_RE.search(text[max(0, start - 20):start])
    if not m:
        return None, start
    return QUALIFIERS[m.group(1).lower()], start - (len(text[max(0, start - 20):start]) - m.start())


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its qualifier, in order; overlapping readings keep the longest."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = [m.span() for m in _NOT_A_COUNT.finditer(text)] if re.search(r"\d[-/.:]\d", text) else []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, value, low=None, high=None, qual=None) -> None:
        q, qs = _qualifier_before(text, s)
        qual = qual or q
        found.append(Quantity(qs if q else s, e, value, qual, low, high, text[qs if q else s:e]))
        taken.append((s, e))

    for m in _RANGE_RE.finditer(text):
        low, high = parse_digits(m.group(1)), parse_digits(m.group(2))
        joiner = text[m.end(1):m.start(2)].strip().lower()
        if joiner == "and" and not m.group(0).lower().startswith("between"):
            continue
        if high <= low or (joiner in ("-", "–", "—") and _looks_like_date_or_id(text, m)):
            continue
        add(m.start(), m.end(), high, low, high, "range")
    for m in _DIGIT_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = parse_digits(m.group(1))
        scale = (m.group(2) or "").lower()
        if scale:
            value = value * {"thousand": 1000, "k": 1000, "million": 1_000_000}[scale]
            value = int(value) if float(value).is_integer() else value
        add(m.start(), m.end(), value)
    for m in _NUM_WORDS_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        surface = m.group(0).rstrip()
        surface = re.sub(r"[\s-]+and$", "", surface, flags=re.I)
        value = words_to_number(surface)
        if value is None or _UNIT_COMPOUND.match(text[m.start() + len(surface):]):
            continue  # "seven-hour", "three-storey": a measure, not a count
        add(m.start(), m.start() + len(surface), value)
    for m in _VAGUE_RE.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), None, qual=_VAGUE[m.group(1).lower()])
    return sorted(found, key=lambda q: q.start)


def _looks_like_date_or_id(text: str, m: re.Match) -> bool:
    """"2022-2023", "Kh-101", "S-300": hyphenated tokens that are not ranges."""
    before = text[max(0, m.start() - 1):m.start()]
    return before.isalpha() or (len(m.group(1)) == 4 and len(m.group(2)) == 4)


# --- areas -----------------------------------------------------------------

SQ_MILE_KM2 = 2.589988110336
_UNIT_KM2 = (
    # "[square]": an editor's insertion in brackets ("2,000 [square] kilometres of our territory").
    (r"\[?square\]?\s+kilo?met(?:re|er)s?|sq\.?\s*km|km2|km²|kilometres?\s+squared|kilometers?\s+squared", 1.0, "km2"),
    (r"\[?square\]?\s+miles?|sq\.?\s*mi(?:les?)?\b|mi2|mi²", SQ_MILE_KM2, "sq mi"),
    (r"hectares?|\bha\b", 0.01, "ha"),
)
_AREA_RE = re.compile(r"(?<![\w])(?P<unit>" + "|".join(u for u, _, _ in _UNIT_KM2) + r")", re.I)


@dataclass(frozen=True, slots=True)
class Area:
    """An area figure: ``km2`` converted, ``unit`` as written ("km2", "sq mi", "ha")."""

    start: int
    end: int
    km2: float
    qualifier: str | None
    unit: str
    value: float
    text: str


def has_area_unit(text: str) -> bool:
    """Cheap test: does the text name an area unit at all (km², square miles, hectares)?"""
    return _AREA_RE.search(text) is not None


def find_areas(text: str) -> list[Area]:
    """Area figures in km², square miles or hectares; square metres are not territory and are skipped."""
    out: list[Area] = []
    quantities = find_quantities(text)
    for m in _AREA_RE.finditer(text):
        unit_text = m.group("unit")
        factor, unit = next((f, u) for pat, f, u in _UNIT_KM2 if re.fullmatch(pat, unit_text, re.I))
        gap = m.start("unit")
        q = next((q for q in quantities if q.value is not None and 0 <= gap - q.end <= 2
                  and text[q.end:gap].strip(" -") == ""), None)
        if q is None:
            continue
        km2 = round(float(q.value) * factor, 1)
        out.append(Area(q.start, m.end(), km2, q.qualifier if q.qualifier != "range" else None,
                        unit, float(q.value), text[q.start:m.end()]))
    return out
