"""Step 1 of reading events for Ukrainian and Russian text: clauses become the English reader's ``Frame``.

Each language's words come from its folder (``geo.lang.uk.events``, ``geo.lang.ru.events``,
``lex_attrs``, ``dates``); grouping, fusion and claims then run as for English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from importlib import import_module

from geo.events.frames import Frame, _event_locations, clause_spans
from geo.model import Document, ResolvedMention, Sentence

_FLAGS = re.I | re.U


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> dict:
    """The compiled word lists of one language, once per process."""
    ev = import_module(f"geo.lang.{lang}.events")
    lex = import_module(f"geo.lang.{lang}.lex_attrs")
    dates = import_module(f"geo.lang.{lang}.dates")
    word = lambda p: re.compile(r"(?<![\w-])(?:" + p + r")", _FLAGS)  # noqa: E731
    num = r"(?P<n>\d{1,5}|" + lex.NUMBER_WORD + r")"
    return {
        "strike": word(ev.STRIKE), "intercept": word(ev.INTERCEPT), "ground": word(ev.GROUND),
        "weapons": [(word(p), kind, re.compile(num + r"\s+(?:[\w’'ʼ-]+\s+){0,2}?(?:" + p + r")", _FLAGS))
                    for p, kind in ev.WEAPONS.items()],
        "killed": word(ev.KILLED), "injured": word(ev.INJURED), "single": word(ev.SINGULAR_CASUALTY),
        "count_before": re.compile(num + r"\s+(?:[\w’'ʼ-]+\s+){0,3}$", _FLAGS),
        "count_after": re.compile(r"^\s+(?:[\w’'ʼ-]+\s+){0,2}?" + num + r"(?![\w.])", _FLAGS),
        "sides": [(word(p), side) for p, side in ev.SIDES.items()],
        "defence": word(ev.DEFENCE),
        "aerial": word(ev.AERIAL_TARGETS),
        "attack_after": re.compile(r"^[\s\"»”)]*(?:[\w’'ʼ-]+[\s\"»”]+){0,3}?(?:" + ev.STRIKE + "|" + ev.GROUND + r")", _FLAGS),
        "attack_before": re.compile(r"(?:" + ev.STRIKE + "|" + ev.GROUND + r")\s+(?:[\w’'ʼ-]+\s+)?$", _FLAGS),
        "defenders": [(word(p), side) for p, side in ev.DEFENDERS.items()],
        "claimants": [re.compile(p, re.U) for p in ev.CLAIMANTS],
        "background": re.compile(ev.BACKGROUND, _FLAGS),
        "like_num": lex.like_num,
        "date": re.compile(r"(?:(?P<night>" + dates.NIGHT_INTO + r")\s+)?(?P<d>\d{1,2})\s+(?P<m>" + "|".join(dates.MONTHS) + r")(?:\s+(?P<y>\d{4}))?", _FLAGS),
        "months": dates.MONTHS,
        "relative": [(re.compile(r"(?<!\w)" + p + r"(?!\w)", _FLAGS), off) for p, off in dates.RELATIVE_DAYS.items()],
    }


def might_report_attack_in(lang: str, text: str) -> bool:
    """Cheap prefilter: an attack, interception, fighting or weapon word."""
    lx = _lexicon(lang)
    return bool(lx["strike"].search(text) or lx["intercept"].search(text) or lx["ground"].search(text)
                or any(rx.search(text) for rx, _, _ in lx["weapons"]))


def _count(lx, text: str, at: int, end: int) -> int | None:
    m = lx["count_before"].search(text[max(0, at - 40):at])
    if m is None:
        m = lx["count_after"].match(text[end:end + 30])
    return lx["like_num"](m.group("n")) if m else None


def _casualty(lx, key: str, text: str) -> int | None:
    m = lx[key].search(text)
    if m is None:
        return None
    n = _count(lx, text, m.start(), m.end())
    if n is None and lx["single"].search(text):
        n = 1
    return n


def _date(lx, text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    m = lx["date"].search(text)
    if m:
        year = int(m.group("y")) if m.group("y") else (published.year if published else None)
        if year:
            try:
                d = dt.date(year, lx["months"][m.group("m").lower()], int(m.group("d")))
            except ValueError:
                return None, None
            if published and not m.group("y") and d > published + dt.timedelta(days=2):
                d = d.replace(year=year - 1)
            return d, "day"
    if published:
        for rx, off in lx["relative"]:
            if rx.search(text):
                return published + dt.timedelta(days=off), "day"
    return None, None


def _attackers(lx, text: str) -> list[tuple[str, str]]:
    """Sides the grammar makes attackers: the subject of an attack verb ("ворог атакував"), the owner
    of an attack noun ("атаку ворога", "обстрела ВСУ") or of a weapon ("украинские БПЛА"); a side
    whose next verb is one of defence ("ЗСУ відбили атаку") is the defender and is passed over."""
    out = []
    for rx, side in lx["sides"]:
        for m in rx.finditer(text):
            after = text[m.end():m.end() + 60]
            subject = lx["attack_after"].match(after)
            if subject and lx["defence"].search(after[:subject.end()]) or lx["defence"].match(after.lstrip()):
                if subject:  # "окупанти ведуть оборонні бої": the side defending means the other attacks
                    out.append(("UA" if side == "RU" else "RU", "grammar"))
                subject = None
            owner = lx["attack_before"].search(text[max(0, m.start() - 40):m.start()])
            armed = any(w.match(text, m.start()) for w, _, _ in lx["weapons"]) or any(
                w.search(m.group(0)) for w, _, _ in lx["weapons"])
            if subject or owner or armed:
                out.append((side, "grammar"))
    return out


def read_cyrillic_frame(doc: Document, lang: str, sentence: Sentence, start: int, end: int,
                        mentions: list[ResolvedMention]) -> Frame:
    """Everything one Ukrainian or Russian clause says about an attack."""
    lx = _lexicon(lang)
    text = doc.text[start:end]
    f = Frame(sentence.index, start, end, text)
    f.strike = bool(lx["strike"].search(text))
    f.ground = bool(lx["ground"].search(text))
    intercept = lx["intercept"].search(text)
    taken: list[tuple[int, int]] = []
    for rx, kind, counted in lx["weapons"]:
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            n = _count(lx, text, m.start(), m.end())
            bucket = f.intercepted if intercept else f.weapons
            bucket[kind] = (bucket.get(kind) or 0) + n if n is not None else bucket.get(kind)
    f.intercept = bool(intercept) and bool(f.intercepted or f.weapons or lx["aerial"].search(text))  # not "intercepted calls"
    if f.intercept:
        f.strike = f.strike and not f.intercepted
    f.attackers = _attackers(lx, text)
    if f.intercept:
        for rx, side in lx["defenders"]:
            if rx.search(text):
                f.attackers.append(("UA" if side == "RU" else "RU", "defender"))
    if re.search(r"артилер|артиллер|міномет|миномет|РСЗ", text, re.I):
        f.subtype_cue = "shelling_artillery"
    elif re.search(r"ракет", text, re.I):
        f.subtype_cue = "missile_attack"
    f.killed, f.injured = _casualty(lx, "killed", text), _casualty(lx, "injured", text)
    for rx in lx["claimants"]:
        m = rx.search(sentence.text)
        if m:
            f.claimant = m.group(0).strip()
            break
    f.date, f.date_precision = _date(lx, text, doc.published)
    if f.date is None:
        f.date, f.date_precision = _date(lx, sentence.text, doc.published)
    f.date_rank = 0 if f.date else 99
    f.locations = _event_locations(doc.text, start, end, mentions, f.intercept)
    return f


def read_cyrillic_frames(doc: Document, sentences: list[Sentence], mentions: list[ResolvedMention]) -> list[Frame]:
    """The attack-reporting clauses of a Ukrainian or Russian document, in order."""
    lang = doc.language or "uk"
    lx = _lexicon(lang)
    frames = []
    intro = None  # an attack whose places a bullet list under it names
    for s in sentences:
        if intro is not None and _BULLET.match(s.text):
            part = _event_locations(doc.text, s.start, s.end, mentions, intro.intercept)
            if part and not might_report_attack_in(lang, s.text):
                frames.append(replace(intro, sentence=s.index, start=s.start, end=s.end, text=s.text,
                                      locations=part, anaphoric=True, weapons={}, intercepted={},
                                      intercepted_by_mention={}, killed=None, injured=None))
                continue
        intro = None
        if not might_report_attack_in(lang, s.text) or lx["background"].search(s.text):
            continue
        for start, end in clause_spans(s):
            f = read_cyrillic_frame(doc, lang, s, start, end, mentions)
            if f.eventful:
                frames.append(f)
                if s.text.rstrip().endswith(":"):
                    intro = f
    return frames


_BULLET = re.compile(r"\s*(?:[-•*–—·▪►]|\d{1,2}[.)])\s+")
