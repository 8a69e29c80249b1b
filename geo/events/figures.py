"""The figures one clause states: weapons and counts, interceptions, casualties, targets.

Pure functions over a clause's text; ``geo.events.frames`` calls them for
every clause that may report an attack. Counts come from ``geo.events.numbers``
(numerals and number words); word lists from ``geo.lang.en.events``.
"""

from __future__ import annotations

import re

from geo.lang.en import events as lx
from geo.events.numbers import Quantity, find_quantities

# Counts above this are kept but flagged: no single report has launched more.
PLAUSIBLE_MAX = 5000

WEAPON_PATTERNS = [(kind, lx.compile_alternatives(pats)) for kind, pats in lx.WEAPONS.items()]
_TARGET_RES = [(kind, lx.compile_alternatives(pats)) for kind, pats in lx.TARGETS.items()]
_HYPO_RE = re.compile("|".join(lx.HYPOTHETICAL), re.I)
_AUX = r"(?:were|was|have\s+been|had\s+been|has\s+been|being|been|are|is)"
_INTERCEPT_AFTER = re.compile(
    r"^(?:(?!\b(?:of|most|all|some|none|many)\s+(?:which|them|those|these|whom)\b)[^.;]){0,25}?\b(?:(?:" + _AUX + r"\s+)?(?:" + "|".join(lx.INTERCEPT_VERBS) + r")"
    r"|" + _AUX + r"\s+(?:\w+\s+)?destroyed|destroyed\s+(?:over|above|in\s+the\s+air|by\s+(?:air|the\s+air)))\b", re.I
)
_INTERCEPT_BEFORE = re.compile(
    r"(?:" + "|".join(lx.INTERCEPT_VERBS) + r"|destroy(?:ed|ing|s)?|took\s+out|taken\s+out)\s+(?:a\s+total\s+of\s+|all\s+|another\s+)?$", re.I
)
# "most of the 40 drones ... were downed": the figure is what was launched, not what was downed.
_MOST_OF_BEFORE = re.compile(r"\b(?:most|the\s+majority|many|some|part|several|a\s+few)\s+of\s+(?:the\s+|these\s+|those\s+)?$", re.I)
# ", including four Kalibr missiles and five Iskanders": a breakdown of the figure just given.
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+which|of\s+these|of\s+those)\b[^;.]*", re.I)
PART_OF = re.compile(r"^\s+of\s+(?:those|them|these|the\s+drones|the\s+missiles)\b", re.I)
_ATTACK_NOUN_AFTER = re.compile(r"^[-\s]*(?:attacks?|strikes?|raids?|assaults?|debris|alerts?|operators?|units?|production|threat)\b", re.I)


def is_hypothetical(text: str, pos: int) -> bool:
    """A cue at ``pos`` sits in a hypothetical or negated stretch ("halt energy strikes")."""
    window = text[max(0, pos - 30):pos]
    return bool(_HYPO_RE.search(window))


def read_weapons(text: str, offset: int = 0) -> tuple[dict, dict, dict, dict, list[int]]:
    """Weapons launched and intercepted in ``text``: (launched, intercepted, qualifiers, by_position, counted).

    A count binds to a weapon noun that follows within four words ("120 drones",
    "four kamikaze drones"), and to one noun only ("five Iskander-K cruise
    missiles" are five). A count followed or preceded by an interception
    verb is an interception ("60 drones were shot down", "downed nine
    drones"), unless only part of it was ("most of the 40 drones were
    downed"). A breakdown after "including" does not add to its head
    ("50 drones, including 30 Shaheds"). ``by_position`` maps the document
    offset of an interception count that is part of a larger one ("20 of
    those ... over X") to its value.
    """
    launched: dict[str, int | None] = {}
    intercepted: dict[str, int | None] = {}
    quals: dict[str, str] = {}
    partial: dict[int, int] = {}
    quantities = find_quantities(text)
    taken: list[tuple[int, int]] = []
    counted: list[int] = []
    for kind, n, total, span in _part_of_total(text, quantities):
        launched[kind] = total
        intercepted[kind] = n
        taken.append(span)
        counted += [q.start for q in quantities if span[0] <= q.start < span[1]]
    found: list[tuple[str, re.Match]] = []
    for kind, rx in WEAPON_PATTERNS:
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    breakdowns = [m.span() for m in _INCLUDING.finditer(text)] if "includ" in text or "among" in text or " of th" in text else []
    heads: list[tuple[int, str, bool, int]] = []  # (start, kind, intercepted, end) of counted mentions, in order
    prev_end, prev_kind = None, None
    for kind, m in found:
        contiguous = prev_end is not None and re.fullmatch(r"[\s-]*", text[prev_end:m.start()])
        prev_end, prev_kind, was = m.end(), kind, prev_kind
        if contiguous and was == kind:
            continue  # "Kalibr cruise missiles": one weapon named twice
        if kind == "artillery" and re.fullmatch(r"shells?", m.group(0), re.I) and not re.search(
            r"\b(?:artillery|mortar|tank)\s+$", text[:m.start()], re.I
        ) and not re.search(r"\b(?:fired|launched|shot|dropped)\s+(?:\S+\s+){1,3}$", text[max(0, m.start() - 40):m.start()], re.I):
            continue  # "shells" alone are too often figurative; "fired 14 shells" is not
        q = _count_before(text, m.start(), quantities)
        if q is not None and q.start in counted:
            continue  # "five Iskander-K ground-launched cruise missiles": the count is taken
        inside = next((b for b in breakdowns if b[0] <= m.start() < b[1]), None)
        head = next((h for h in reversed(heads) if inside and h[0] < inside[0]), None)
        if head is not None and (head[2] or head[1] == kind):
            continue  # a breakdown of the figure before it, not more weapons
        count = None
        if q is not None and q.value is not None:
            count = int(q.value)
            counted.append(q.start)
        elif q is None and re.search(r"\b(?:a|an|one|single)\s+(?:[A-Za-z’'-]+\s+){0,2}$", text[max(0, m.start() - 40):m.start()], re.I) \
                and not re.search(r"s$", m.group(0)) and not _ATTACK_NOUN_AFTER.match(text[m.end():]):
            count = 1
            quals.setdefault(f"weapons.{kind}", "singular")  # "a drone": one, but weaker than a stated count
        qs = q.start if q else m.start()
        after, before = text[m.end():m.end() + 60], text[max(0, qs - 40):qs]
        is_intercept = bool(_INTERCEPT_AFTER.match(after)) or bool(_INTERCEPT_BEFORE.search(before))
        if is_intercept and _MOST_OF_BEFORE.search(before):
            is_intercept = False  # "most of the 40 drones were downed": 40 launched
            quals["intercepted.partial"] = _MOST_OF_BEFORE.search(before).group(0).split()[0].lower()
        last = heads[-1] if heads else None
        if last is not None and last[3] is not None and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)", text[last[3]:qs], re.I):
            is_intercept = last[2]  # "downed 20 drones and 3 missiles": one verb for the whole list
        if count is not None or q is not None:
            heads.append((m.start(), kind, is_intercept, m.end()))
        bucket = intercepted if is_intercept else launched
        if count is not None or kind not in bucket:
            bucket[kind] = (bucket.get(kind) or 0) + count if count is not None else bucket.get(kind)
        if q is not None and q.qualifier and q.qualifier != "range":
            quals[f"{'intercepted' if is_intercept else 'weapons'}.{kind}"] = q.qualifier
        if count is not None and count > PLAUSIBLE_MAX:
            quals[f"weapons.{kind}"] = "implausible"
    # Bare counts with an interception verb: "60 were shot down", "20 of those intercepted", "downed 40 of them".
    for q in quantities:
        if q.value is None or q.start in counted:
            continue
        rest = text[q.end:q.end + 80]
        part = PART_OF.match(rest)
        if part and _INTERCEPT_AFTER.match(rest[part.end():]):
            partial[offset + q.start] = int(q.value)
        elif _INTERCEPT_AFTER.match(rest) and re.match(r"^\s+(?:were|was|have|had)\b", rest):
            intercepted.setdefault("unspecified", int(q.value))
        elif part and _INTERCEPT_BEFORE.search(text[max(0, q.start - 40):q.start]):
            intercepted.setdefault("unspecified", int(q.value))
    return launched, intercepted, quals, partial, counted


_OF_BETWEEN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:out\s+)?of\s+(?:the\s+)?$", re.I)
_OF_THE_BEFORE = re.compile(r"\b(?:out\s+)?of\s+(?:the\s+)?$", re.I)


# The next item of a list under one verb: "downed 30 of 35 drones ..., as well as 3 of 5 missiles".
_LIST_LINK = re.compile(r"^[^.;]{0,40}?(?:,\s*|\s)(?:as\s+well\s+as|and|along\s+with|plus)\s+$", re.I)


def _part_of_total(text: str, quantities: list[Quantity]) -> list[tuple[str, int, int, tuple[int, int]]]:
    """"17 missiles of 20 fired were destroyed", "Of the 60 drones sent, 52 were downed".

    Returns (kind, intercepted, launched, span) for each such phrase.
    """
    out = []
    nums = [q for q in quantities if q.value is not None]
    for a, b in zip(nums, nums[1:]):
        if _OF_BETWEEN.match(text[a.end:b.start]):
            part, total, tail_from = a, b, b.end
        elif _OF_THE_BEFORE.search(text[max(0, a.start - 12):a.start]) and re.fullmatch(r"\s+[\w\s-]{0,40}?,\s*", text[a.end:b.start]):
            part, total, tail_from = b, a, b.end
        else:
            continue
        tail = text[tail_from:tail_from + 60]
        listed = bool(out) and part is a and _LIST_LINK.search(text[out[-1][3][1]:a.start])
        if not _INTERCEPT_AFTER.match(re.sub(r"^\s*(?:[\w-]+\s+){0,3}?(?=(?:were|was|have|had)\b)", " ", tail)) \
                and not (part is a and _INTERCEPT_BEFORE.search(text[max(0, a.start - 40):a.start])) and not listed:
            continue  # "25 of 38 missiles were shot down", "shot down 31 of 40 drones" (", as well as 2 of 4 missiles")
        if part.value > total.value:
            continue
        span_text = text[min(a.start, b.start):tail_from + 60]
        hits = [(m.start(), k) for k, rx in WEAPON_PATTERNS for m in [rx.search(span_text)] if m]
        kind = min(hits)[1] if hits else "unspecified"  # the weapon named nearest the figures
        out.append((kind, int(part.value), int(total.value), (min(a.start, b.start), tail_from)))
    return out


# "destroyed 41 drones": the weapons were downed, nothing on the ground was struck.
WEAPON_OBJECT = re.compile(r"\s+(?:a\s+total\s+of\s+|all\s+|another\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:drones?|missiles?|UAVs?|aircraft|aerial\s+(?:targets?|vehicles?)|rockets?)\b", re.I)
# A verb or conjunction between a number and a weapon noun: "11 were injured when a missile ...".
_CLAUSE_WORD = re.compile(r"\b(?:were|was|is|are|been|has|have|had|when|after|as|while|by|killed|died|injured|wounded|hurt)\b", re.I)


def _count_before(text: str, pos: int, quantities: list[Quantity]) -> Quantity | None:
    """The quantity right before a weapon noun, at most four modifier words away."""
    for q in reversed(quantities):
        if q.end > pos:
            continue
        gap = text[q.end:pos]
        if len(gap.split()) <= 4 and not re.search(r"[,;:.()]|\band\b|\bor\b|\bof\b(?!\s+(?:the\s+)?(?:\w+\s+)?(?:drones|missiles))", gap) \
                and not _CLAUSE_WORD.search(gap):
            return q
        return None
    return None


_PERSON = (r"(?:man|woman|person|civilian|child|boy|girl|resident|teenager|pensioner|driver|worker|employee|"
           r"soldier|serviceman|servicewoman|volunteer|firefighter|rescuer|medic|journalist|police\s+officer|mother|father|baby|infant)")
# "a man", "an elderly woman", "a 12-year-old boy", "one civilian", "a 46-year-old": one person.
_ONE_PERSON = re.compile(
    r"\b(?:a|an|one)\s+(?:(?:\d{1,3}-year-old|elderly|young|local|teenage|pregnant|older|other)\s+)*(?:" + _PERSON + r"\b|(?<=old\s))"
    r"|\b(?:a|an)\s+\d{1,3}-year-old\b",
    re.I,
)
# "among the dead", "among those injured": a part of the toll, not the toll.
_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the\s+|those\s+|them\s+)?(?:people\s+)?$", re.I)
# ", including seven children," / "(including ...)": a breakdown inside a toll, masked before reading it.
_INCLUDING_ASIDE = re.compile(r",\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\b[^,;.()]{0,80}?(?:,|(?=\s+(?:were|was|have|had|are)\b))"
                              r"|\((?:including|among\s+them)\b[^()]{0,80}\)", re.I)
# "the death toll rose to 7", "the number of fatalities ... increased to 21", "the toll has risen to 16".
_TOLL_RE = re.compile(
    r"\b(?P<what>(?:death\s+)?toll|number\s+of\s+(?:(?:the\s+)?dead|deaths|fatalities|people\s+killed|those\s+killed|victims"
    r"|(?:the\s+)?(?:injured|wounded)|injuries|people\s+(?:injured|wounded)|those\s+(?:injured|wounded)))\b"
    r"[^.;]{0,160}?\b(?:rose|risen|rises|climbed|climbs|increased|increases|jumped|reached|reaches|grew|grown|went\s+up|"
    r"stands?\s+at|stood\s+at|is\s+now|now\s+stands\s+at|hit)\s+(?:to\s+)?(?=\S)",
    re.I,
)


def read_casualties(text: str) -> tuple[int | None, int | None, dict[str, str]]:
    """(killed, injured, qualifiers) as stated; "no casualties" gives zeros.

    A toll update ("the death toll rose to 7") wins and is flagged
    ``killed.update`` / ``injured.update``; parts of a toll ("three children
    were among the dead", "40 were hurt, including five teenagers") are not
    the toll.
    """
    killed = injured = None
    quals: dict[str, str] = {}
    for pat, fields_ in lx.NO_CASUALTIES:
        if re.search(pat, text, re.I):
            if "killed" in fields_:
                killed = 0
            if "injured" in fields_:
                injured = 0
    text = _INCLUDING_ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    quantities = [q for q in find_quantities(text) if (q.value is not None or q.qualifier in ("dozens", "several", "hundreds"))
                  and not re.search(r"\bno\s+$", text[:q.start], re.I)]
    if re.search(r"\b(?:a|an|one)\s", text, re.I):
        ones = [Quantity(m.start(), m.end(), 1, None, text=m.group(0)) for m in _ONE_PERSON.finditer(text)]
        ones = [o for o in ones if all(o.end <= q.start or o.start >= q.end for q in quantities)]
        quantities = sorted(quantities + ones, key=lambda q: q.start)
    for m in _TOLL_RE.finditer(text):
        q = next((q for q in quantities if q.start == m.end() or (q.start >= m.end() and not text[m.end():q.start].strip())), None)
        if q is None or q.value is None:
            continue
        name = "injured" if re.search(r"injur|wound", m.group("what"), re.I) else "killed"
        if name == "killed":
            killed = int(q.value)
        else:
            injured = int(q.value)
        quals[f"{name}.update"] = "toll"
        if q.qualifier and q.qualifier != "range":
            quals[name] = q.qualifier
    for word_re, name in ((lx.KILLED_WORDS, "killed"), (lx.INJURED_WORDS, "injured")):
        for m in re.finditer(r"\b" + word_re + r"\b", text, re.I):
            if _AMONG_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            q = _casualty_count(text, m, quantities)
            if q is None:
                continue
            if name == "killed" and killed is None and q.value is not None:
                killed = int(q.value)
            elif name == "injured" and injured is None and q.value is not None:
                injured = int(q.value)
            else:
                continue
            if q.qualifier and q.qualifier != "range":
                quals[name] = q.qualifier
    return killed, injured, quals


def _casualty_count(text: str, m: re.Match, quantities: list[Quantity]) -> Quantity | None:
    """The number a casualty word governs: after an active verb ("killed one person"), else before ("14 injured")."""
    passive = re.search(r"\b(?:were|was|been|are|is|be)\s+$", text[:m.start()], re.I)
    word = m.group(0).lower()
    if (word.startswith(("kill", "injur", "wound")) and word.endswith(("ed", "ing")) and not passive) or word == "lives":
        for q in quantities:
            if m.end() <= q.start <= m.end() + 12 and re.fullmatch(r"[\s\w]*", text[m.end():q.start]) \
                    and not re.search(r"\b(?:and|or|but|while)\b", text[m.end():q.start], re.I):
                after = text[q.end:q.end + 30]
                if not re.match(r"\s*(?:drones?|missiles?|km|kilomet|miles?|hours?|days?|times|of\s+(?:them|whom|those))\b", after, re.I):
                    return q
    for q in reversed(quantities):
        if q.end <= m.start() and m.start() - q.end <= 40:
            gap = text[q.end:m.start()]
            if re.search(r"[.;]|\b(?:drones?|missiles?|and)\b", gap, re.I) or len(gap.split()) > 5:
                return None
            if _AMONG_BEFORE.search(gap) or re.match(r"\s+of\s+(?:them|whom|those)\b", gap, re.I):
                return None
            return q
    return None


def read_targets(text: str, offset: int) -> list[tuple[str, int]]:
    """Target kinds with their document offsets, first match per span."""
    out, taken = [], []
    for kind, rx in _TARGET_RES:
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((kind, offset + m.start()))
    return sorted(out, key=lambda t: t[1])


