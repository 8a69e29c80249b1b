"""Area-of-control claims: who holds or took how many km² of which region, says whom.

A claim needs an area figure (km², square miles or hectares; square metres
are a building or a fire, not territory) in a sentence that speaks of
control ("controls", "captured", "liberated", "territory", ...). Square miles
given next to km² are the same figure in other units; square miles alone are
converted. Rates ("14.5 km² a day") and comparisons ("the size of X") are
not claims.
"""

from __future__ import annotations

import re

from geo.lang.en import events as lx
from geo.events.dates import find_dates
from geo.events.frames import read_claimant
from geo.events.numbers import Area, find_areas, has_area_unit
from geo.lang.en.lex_attrs import TRAILING_QUALIFIERS
from geo.model import RU, UA, UNKNOWN, AreaClaim, Document, ResolvedMention, Sentence, Source

# Control words (English reporting on front lines: ISW, AFP, ministries).
_CONTROL = re.compile(
    r"\b(?:control(?:s|led|ling)?|hold(?:s|ing)?|held|captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|took|taken|gain(?:s|ed)?|"
    r"liberat(?:e|ed|es|ing)|retook|recaptur(?:e|ed)|regain(?:ed)?|occup(?:y|ied|ies)|advanc(?:e|ed|es)|"
    r"territory|territories|ground|land|lost|los(?:e|es|ing)|clear(?:ed)?|freed)\b", re.I
)
_LOSS = re.compile(r"\b(?:lost|los(?:e|es|ing)|ceded|withdr[ae]w\s+from)\b", re.I)
_SIDE_BEFORE_VERB = re.compile(
    r"(?P<side>" + lx.SIDE_RE + r")\s+(?:(?:armed\s+)?forces\s+|troops\s+|army\s+|military\s+|units\s+)?"
    r"(?:\w+\s+){0,2}?(?P<verb>control(?:s|led)?|hold(?:s)?|held|captured|seized|took|gained|liberated|retook|"
    r"recaptured|regained|occupied|occupies|advanced|lost|cleared|freed|t(?:ook|aking|aken)\s+control|"
    r"ha[sd]\s+(?:captured|seized|taken|gained|liberated|lost|cleared|advanced))\b",
    re.I,
)
_FREED_FROM = re.compile(r"\b(?:liberated|freed|cleared|recaptured)\s+from\s+(?:the\s+)?(?P<side>" + lx.SIDE_RE + r")\b", re.I)
_SIDE_FORCES = re.compile(
    r"(?P<side>" + lx.SIDE_RE + r")\s+(?:[‘'\"]?[\w-]+[’'\"]?\s+){0,2}?(?:forces|troops|army|military|grouping|units|group)\b", re.I
)
_RATE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:per|a|each|every)\s+(?:day|week|month)\b|^\s*daily\b", re.I)
_SIZE_OF = re.compile(r"\bthe\s+size\s+of\b", re.I)


def _side(word: str) -> str | None:
    for pat, side in lx.SIDE_WORDS.items():
        if re.fullmatch(pat, word, re.I):
            return side
    return None


def _controller(text: str, area_start: int) -> str:
    """The side said to hold or take the area: "Ukraine controls", "Russian forces captured"; a loss goes to the other side."""
    best = None
    for m in _SIDE_BEFORE_VERB.finditer(text):
        if m.start() > area_start:
            break
        best = m
    if best is None:
        freed = _FREED_FROM.search(text)
        if freed:  # "liberated from Russian occupation": the other side holds it now
            side = _side(freed.group("side").strip())
            return {RU: UA, UA: RU}.get(side, UNKNOWN)
        forces = [m for m in _SIDE_FORCES.finditer(text) if m.start() < area_start]
        if forces:  # "Moscow's forces ..., taking control of": the side whose forces act
            return _side(forces[0].group("side").strip()) or UNKNOWN
        return UNKNOWN
    side = _side(best.group("side").strip()) or UNKNOWN
    if side != UNKNOWN and _LOSS.search(best.group("verb")):
        side = RU if side == UA else UA
    return side


def _figures(text: str) -> list[Area]:
    """Distinct area figures: an equivalent in brackets right after another figure is merged into it."""
    out: list[Area] = []
    for a in find_areas(text):
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*[(\[,]\s*(?:or\s+|about\s+|some\s+|roughly\s+)?", text[prev.end:a.start]):
            end = a.end + (1 if text[a.end:a.end + 1] in ")]" else 0)
            keep = a if (prev.unit != "km2" and a.unit == "km2") else prev
            out[-1] = Area(prev.start, end, keep.km2, keep.qualifier or prev.qualifier or a.qualifier, keep.unit, keep.value, keep.text)
            continue
        out.append(a)
    return [a for a in out if not _RATE_AFTER.match(text[a.end:])]


def _qualifier(text: str, area: Area) -> str | None:
    """The figure's qualifier, with a trailing one in the same clause ("about ... at most" -> "about, at most")."""
    quals = [area.qualifier] if area.qualifier else []
    tail = re.split(r"[.;]|,\s+(?:according|said|but|while)", text[area.end:], maxsplit=1)[0]
    for word, canon in TRAILING_QUALIFIERS.items():
        if re.search(r"\b" + word + r"\b", tail, re.I) and canon not in quals:
            quals.append(canon)
    return ", ".join(quals) if quals else None


def _claimant(sentence: str) -> str | None:
    claimant = read_claimant(sentence)
    if claimant:
        claimant = re.split(r"\s+(?:who|which|that)\s+", claimant, maxsplit=1)[0]
    return claimant


def extract_area_claims(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention], gazetteer) -> list[AreaClaim]:
    """Area-of-control claims of one document, ids ``{doc.id}:c{n}``."""
    claims: list[AreaClaim] = []
    if not has_area_unit(doc.text):
        return claims  # no area figure anywhere: most reports, read in one search instead of one per sentence
    for s in sentences:
        if not _CONTROL.search(s.text) or _SIZE_OF.search(s.text) and not find_areas(s.text):
            continue
        figures = _figures(s.text)
        if not figures:
            continue
        in_sentence = [m for m in mentions if s.start <= m.start < s.end and m.place is not None]
        dates = [d for d in find_dates(s.text, doc.published) if d.date is not None]
        best = min(dates, key=lambda d: (d.rank, d.start)) if dates else None
        date = best.date if best else doc.published
        for a in figures:
            region = _region(in_sentence, s.start + a.end)
            near = tuple(dict.fromkeys(
                m.place for m in in_sentence
                if m.place.kind in ("place", "feature") and region is not None
                and region.kind == "adm1" and m.place.admin1_code == region.admin1_code
            ))
            claims.append(AreaClaim(
                controller=_controller(s.text, a.start),
                region=region,
                area_km2=a.km2,
                qualifier=_qualifier(s.text, a),
                claimant=_claimant(s.text) or doc.via,  # a forwarded message's: its first channel's
                date=date,
                sources=(Source(doc.id, doc.outlet, s.text.strip(), s.start, s.end, doc.published, doc.url, doc.via),),
                area_text=a.text,
                near=near,
                id=f"{doc.id}:c{len(claims) + 1}",
            ))
    return claims


def _region(mentions: list[ResolvedMention], after: int):
    """The region a figure is "of": the first ADM1 unit named after it, else before it, else a country."""
    regions = [m for m in mentions if m.place.kind == "adm1"]
    later = [m for m in regions if m.start >= after]
    if later or regions:
        return (later or regions)[0].place
    countries = [m for m in mentions if m.place.kind == "country" and (m.role == "event_location" or m.start >= after)]
    if countries:
        return countries[0].place
    places = [m for m in mentions if m.role == "event_location"]
    return places[0].place if places else None
