"""Candidate toponym spans in Ukrainian and Russian text, in any grammatical case.

A capitalised word is looked up through its lemmas (``pymorphy3`` with its
Ukrainian and Russian dictionaries), keeping only lemmas the gazetteer knows
as names: "у Сумах" -> Суми, "в Судже" -> Суджа ("Києві" -> "кий" is dropped,
"київ" kept). An adjective before a unit noun names that unit: "Сумська
область", "Белгородской области", "Шосткинській громаді" (its nominative
phrase, else the town the adjective is made from, with a ``kind_hint``).
"-щина/-чина" names are the oblast of their town ("Харківщині" -> Kharkiv,
adm1); adjectives in a list closed by a plural unit noun are that unit each.
Spans keep offsets into the original text; ``lookup`` is the name looked up.
Names inside bodies ("Сумської ОВА", "Минобороны России") are no mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.lang.ru import places as ru_places
from geo.lang.ru import stop_words as ru_stop
from geo.lang.uk import places as uk_places
from geo.lang.uk import stop_words as uk_stop
from geo.model import THEATRE, Document, Mention, Sentence
from geo.places.roles import OFFICIALS_REGION
from geo.places.tokens import Names

CYRILLIC_LANGUAGES = ("uk", "ru")
#: Every oblast centre of Ukraine and of Russia's border oblasts but Uzhhorod has over 200,000 people;
#: a "-щина" named after a town under this size is its district ("Нікопольщина"), not an oblast.
OBLAST_CENTRE_POPULATION = 200_000
#: Cue every mention this reader finds carries; the role rules read it with the ones below.
CUE = "cyrillic"
PREP_CUE, ORIGIN_CUE, INITIAL_CUE = "cyrillic:prep", "cyrillic:origin", "cyrillic:initial"
#: Cues the role rules read: a place in an official's title, a destination, a "so-called" entity,
#: the ground a territory noun names, a background sentence, a subject of a verb.
TITLE_CUE, DESTINATION_CUE, SO_CALLED_CUE = "cyrillic:title", "cyrillic:destination", "cyrillic:so_called"
TERRITORY_CUE, BACKGROUND_CUE, SUBJECT_CUE = "cyrillic:territory", "cyrillic:background", "cyrillic:subject"
_WORD = re.compile(r"[^\W\d_]+(?:[’'ʼ-][^\W\d_]+)*")
_WORDS = {"uk": (uk_places, uk_stop.STOP_WORDS), "ru": (ru_places, ru_stop.STOP_WORDS)}


@lru_cache(maxsize=2)
def analyser(lang: str):
    """One ``pymorphy3`` analyser per language and process (loading one takes about half a second)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=50_000)
def _parses(lang: str, word: str) -> tuple:
    return tuple(analyser(lang).parse(word))


def _events(lang: str):
    from importlib import import_module

    return import_module(f"geo.lang.{lang}.events")


def _verb_next(lang: str, toks, i: int) -> bool:
    """The next word (or the one after a closing unit noun) is a finite verb: the name is a subject."""
    for j in (i + 1, i + 2):
        if j < len(toks):
            ps = _parses(lang, toks[j][2])
            if ps and ps[0].tag.POS == "VERB":
                return True
            if not ps or ps[0].tag.POS != "NOUN":
                return False
    return False


def _unit(places, word: str) -> str | None:
    w = word.lower().rstrip(".")
    for stem, kind in sorted(places.UNIT_NOUNS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return kind
    return None


def _plural(lang: str, word: str) -> bool:
    ps = _parses(lang, word)
    return bool(ps) and all("plur" in p.tag for p in ps)


def _lemmas(lang: str, word: str) -> list[str]:
    """The word, then its distinct lemmas, capitalised as names are."""
    out = [word]
    for p in _parses(lang, word):
        lemma = p.normal_form
        if "-" in word:  # "Ростов-на-Дону": each part keeps its capital
            lemma = "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
        else:
            lemma = lemma[:1].upper() + lemma[1:]
        if lemma not in out:
            out.append(lemma)
    return out


def _town_of_adjective(lang: str, adj: str, names: Names) -> str | None:
    """The town an adjective is made from: "шосткинський" -> Шостка, "покровському" -> Покровськ."""
    lemma = next((p.normal_form for p in _parses(lang, adj) if p.tag.POS == "ADJF"), adj.lower()).replace("ё", "е")
    m = re.match(r"(.+?)(ськ|цьк|зьк|ск|цк|зк)(?:ий|ый|ой|ій)$", lemma)
    if m:  # the town written with the suffix first ("Покровськ", "Донецк"), then without it ("Суми", "Белгород")
        return _known_stem(m.group(1) + m.group(2), names, exact=True) or _known_stem(m.group(1), names)
    m = re.match(r"(.+?)(?:ий|ый|ой|ій)$", lemma)
    return _known_stem(m.group(1), names) if m else None


def _known_stem(stem: str, names: Names, exact: bool = False) -> str | None:
    cands = [stem] if exact else [
        stem, stem + "и", stem + "а", stem + "ь", stem + "е", stem + "я", stem + "і", stem + "о",
        stem + "ськ", stem + "ск", stem[:-1] + "цьк", stem[:-1] + "цк", stem[:-1] + "ця", stem + "ий",
        stem + "ц", stem + "ць"]
    if not exact and stem.endswith(("ан", "ян", "ин", "ов", "ев", "ів")):  # "суджанский" -> Суджа, "льговский" -> Льгов
        cands += [stem[:-2] + e for e in ("а", "я", "о", "е", "")]
    for c in cands:
        name = c[:1].upper() + c[1:]
        if len(c) > 2 and any(p.kind != "country" and p.country_code in THEATRE for p in names.places(name)):
            return name
    return None


def _unit_phrase(lang: str, adj: str, noun: str, names: Names) -> str | None:
    """"Сумській області" -> "Сумська область" when the gazetteer lists the nominative phrase."""
    nps = [p for p in _parses(lang, noun) if p.tag.POS == "NOUN"]
    aps = [p for p in _parses(lang, adj) if p.tag.POS == "ADJF"]
    if not nps or not aps:
        return None
    n = nps[0].normal_form
    gender = nps[0].tag.gender
    for a in aps[:1]:
        form = a.inflect({"nomn", gender} if gender else {"nomn"})
        if form is not None:
            phrase = form.word[:1].upper() + form.word[1:] + " " + n
            if names.places(phrase):
                return phrase
    return None


@lru_cache(maxsize=2)
def _war_re(lang: str) -> re.Pattern:
    from importlib import import_module

    ev = import_module(f"geo.lang.{lang}.events")
    sides = "|".join(ev.SIDES)
    return re.compile(r"(?<![\w-])(?:" + "|".join((ev.STRIKE, ev.INTERCEPT, ev.GROUND, sides)) + r")", re.I)


def is_war_report(lang: str, text: str) -> bool:
    """A Ukrainian or Russian text that names an attack, a shoot-down, fighting or a side of the war."""
    return lang in CYRILLIC_LANGUAGES and _war_re(lang).search(text) is not None


def find_cyrillic_mentions(doc: Document, sentences: list[Sentence], gazetteer) -> list[Mention]:
    """Place candidates in a Ukrainian or Russian document (``doc.language``)."""
    lang = doc.language if doc.language in CYRILLIC_LANGUAGES else "uk"
    names = Names(gazetteer)
    out: list[Mention] = []
    places = _WORDS[lang][0]
    heading = None  # the unit noun of a list heading ("населені пункти таких громад:")
    for s in sentences:
        item = heading and _list_item(doc.text, s, lang, places, names, heading)
        if item:
            out.append(item)
            continue
        out.extend(_sentence(doc.text, s, lang, names))
        last = _WORD.findall(s.text)[-1:] if s.text.rstrip().endswith(":") else []
        heading = last[0] if last and _unit(places, last[0]) else None
    return out


def _list_item(text: str, s: Sentence, lang: str, places, names: Names, noun: str) -> Mention | None:
    """A bullet item under a heading that ends with a unit noun: "• Сумська" under "таких громад:"."""
    m = re.fullmatch(r"\s*[-•*–—·▪►]?\s*([^\W\d_]+(?:-[^\W\d_]+)*)[.;,]?\s*", s.text)
    if m is None or not m.group(1)[:1].isupper():
        return None
    adj = m.group(1)
    if not any(p.tag.POS == "ADJF" for p in _parses(lang, adj)):
        return None
    singular = next((p.normal_form for p in _parses(lang, noun) if p.tag.POS == "NOUN"), noun)
    lookup = _unit_phrase(lang, adj, singular, names) or _town_of_adjective(lang, adj, names)
    if lookup is None:
        return None
    start = s.start + m.start(1)
    return Mention(start, start + len(adj), adj, s.index, lookup, (CUE, "list:units"),
                   kind_hint=None if " " in lookup else _unit(places, noun))


def _sentence(text: str, s: Sentence, lang: str, names: Names) -> list[Mention]:
    places, stop = _WORDS[lang]
    toks = [(m.start() + s.start, m.end() + s.start, m.group(0)) for m in _WORD.finditer(s.text)]
    found: list[Mention] = []
    background = bool(re.search(_events(lang).BACKGROUND, s.text, re.I))
    abbreviated = re.search(r"(?<!\w)(?:" + "|".join(places.SETTLEMENT_ABBREVIATIONS) + r")\.\s*$", text[max(0, s.start - 6):s.start])
    i = 0
    while i < len(toks):
        a, b, w = toks[i]
        prev = toks[i - 1][2].lower() if i else ""
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        settlement = (i == 0 and abbreviated) or (i and (prev.startswith(places.SETTLEMENT_NOUNS) and len(prev) > 3
                                                         or prev in places.SETTLEMENT_ABBREVIATIONS
                                                         and text[toks[i - 1][1]:toks[i - 1][1] + 1] == "."))
        prev2 = toks[i - 2][2].lower() if i > 1 else ""
        if prev2 in places.ORIGIN_PREPS and prev in places.ORIGIN_NOUNS:
            prev = prev2  # "з боку X", "из района X": an origin all the same
        role_cues = [c for c, test in (
            (TITLE_CUE, prev in places.TITLES), (DESTINATION_CUE, prev in places.DESTINATION_PREPS),
            (SO_CALLED_CUE, prev in places.SO_CALLED), (TERRITORY_CUE, prev in places.TERRITORY_NOUNS),
            (BACKGROUND_CUE, background), (SUBJECT_CUE, _verb_next(lang, toks, i))) if test]
        if TITLE_CUE in role_cues:
            role_cues.append(OFFICIALS_REGION)  # the region an official speaks for is where an unplaced attack is
        cues = role_cues + [CUE] + (["noun:settlement"] if settlement else []) + ([INITIAL_CUE] if i == 0 and not settlement else []) + ([PREP_CUE] if prev in places.LOCATIVE_PREPS else []) + ([ORIGIN_CUE] if prev in places.ORIGIN_PREPS else [])
        body = nxt.lower() in places.BODY_AFTER or prev in places.BODY_BEFORE
        if w in places.ABBREVIATIONS:
            if not body:
                found.append(Mention(a, b, w, s.index, w, tuple(cues)))
            i += 1
            continue
        if not w[:1].isupper() and i + 1 < len(toks) and _unit(places, toks[i + 1][2]) == "sector":
            sector = _adjective_unit(lang, places, toks, i, names, s.index, cues, body, text)
            if sector is not None:  # "на бахмутському напрямку": a front sector is a mention of its town
                found.extend(sector[0])
                i = sector[1]
                continue
        if not w[:1].isupper() or (w.lower() in stop and i == 0):
            i += 1
            continue
        unit = _adjective_unit(lang, places, toks, i, names, s.index, cues, body, text)
        if unit is not None:
            found.extend(unit[0])
            i = unit[1]
            continue
        m = None if body else _name(lang, places, toks, i, names, s.index, cues, first=(i == 0 and not settlement))
        if m is not None:
            found.append(m[0])
            i = m[1]
            continue
        i += 1
    return found


def _adjective_unit(lang, places, toks, i, names, sent, cues, body, text=""):
    """An adjective (or a list of them) closed by a unit noun, or None."""
    if not any(p.tag.POS == "ADJF" for p in _parses(lang, toks[i][2])):
        return None
    j = i + 1
    while j < len(toks) and toks[j][2].lower().startswith(places.UNIT_INFIXES):
        j += 1
    if j >= len(toks):
        return _elided_unit(lang, places, toks, i, names, sent, cues)
    kind = _unit(places, toks[j][2])
    list_adjs = [i]
    k = i + 1
    if kind is None:  # a list "Сумську та Бездрицьку громади": walk on over conjunctions and adjectives
        while k < len(toks):  # "Білопільська, Хотінська та Юнаківська громади": commas, then a conjunction
            while k < len(toks) and toks[k][2].lower().startswith(places.UNIT_INFIXES):
                k += 1
            if k + 1 < len(toks) and toks[k][2].lower() in ("та", "і", "й", "и", "а") and toks[k + 1][2][:1].isupper():
                k += 1
            joined = k < len(toks) and re.search(r"[,;]|\s(?:та|і|й|и|а)\s", " " + text[toks[list_adjs[-1]][1]:toks[k][0]])
            if joined and toks[k][2][:1].isupper() and any(p.tag.POS == "ADJF" for p in _parses(lang, toks[k][2])):
                list_adjs.append(k)
                k += 1
                continue
            break
        if k >= len(toks) or (kind := _unit(places, toks[k][2])) is None or len(list_adjs) < 2:
            return _elided_unit(lang, places, toks, i, names, sent, cues)
        j = k
    if body or (j + 1 < len(toks) and toks[j + 1][2].lower() in places.BODY_AFTER):
        return [], j + 1
    unit_word = toks[j][2]
    plural = len(list_adjs) > 1 or _plural(lang, unit_word)
    out = []
    for n, ai in enumerate(list_adjs):
        a, b, adj = toks[ai]
        end = toks[j][1] if not plural else b
        phrase = _unit_phrase(lang, adj, unit_word, names)
        town = _town_of_adjective(lang, adj, names)
        lookup = phrase or town
        if lookup is None:
            continue
        hint = None if phrase and kind != "sector" else kind
        out.append(Mention(a, end if ai == list_adjs[-1] else b, _span_text(toks, a, end if ai == list_adjs[-1] else b),
                           sent, lookup, tuple(cues) + ("region_phrase",), kind_hint=hint if kind != "sector" else None))
    return out, j + 1


def _elided_unit(lang, places, toks, i, names, sent, cues):
    """"в Белгородской области и Рыльск в Курской": a unit noun said once, left out the second time."""
    if i == 0 or toks[i - 1][2].lower() not in places.LOCATIVE_PREPS:
        return None
    if i + 1 < len(toks) and toks[i + 1][2][:1].islower():
        return None  # an adjective on some other noun
    earlier = [t[2] for t in toks[:i - 1] if _unit(places, t[2]) == "adm1"]
    if not earlier:
        return None
    a, b, adj = toks[i]
    phrase = _unit_phrase(lang, adj, earlier[-1], names)
    if phrase is None:
        return None
    return [Mention(a, b, adj, sent, phrase, tuple(cues) + ("region_phrase",))], i + 1


def _span_text(toks, a, b) -> str:
    return " ".join(t[2] for t in toks if a <= t[0] and t[1] <= b)


def _name(lang, places, toks, i, names, sent, cues, first):
    """A capitalised name (one or two words) in any case, kept when a lemma is a gazetteer name."""
    a, b, w = toks[i]
    low = w.lower()
    ps = _parses(lang, w)
    if first and ps and ps[0].tag.POS not in ("NOUN", None) and "Geox" not in str(ps[0].tag):
        return None
    if ps and all(p.tag.POS in ("ADJF", "ADJS", "PRTF", "VERB", "ADVB") for p in ps):
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if nxt[:1].islower() and len(nxt) > 2 and any(p.tag.POS == "NOUN" for p in _parses(lang, nxt)):
            return None  # "Харьковской горы", "Белгородский губернатор": an adjective on a common noun
        named = _adjectival_name(lang, w, names)
        if named is None:
            return None  # "Українські", "Белгородский губернатор": adjectives without a unit noun are no places
        return Mention(a, b, w, sent, named, tuple(cues)), i + 1
    for stem, english in places.REGIONS.items():
        if low.startswith(stem) and (len(low) - len(stem)) <= 2:
            return Mention(a, b, w, sent, english, tuple(cues), kind_hint="adm1"), i + 1
    low = w.lower()
    for stem, english in places.COUNTRIES.items():
        if low.startswith(stem) and (len(low) - len(stem)) <= 3:
            return Mention(a, b, w, sent, english, tuple(cues)), i + 1
    if i + 1 < len(toks) and toks[i + 1][2][:1].isupper() and toks[i + 1][0] - b <= 1:
        two = _two_words(lang, w, toks[i + 1][2], names)
        if two:
            return Mention(a, toks[i + 1][1], w + " " + toks[i + 1][2], sent, two, tuple(cues)), i + 2
    if _in_person_name(lang, places, toks, i):
        return None  # "Вячеслав Гладков", "губернатор Гладков": a person
    region = re.search(places.REGION_NAME, low)  # "Харківщині", "Белгородчину": the -щина/-чина name of a town's oblast
    stem = low[:region.start(0)] if region else None
    if stem is not None:
        oblast = _oblast_of_stem(stem, names)
        if oblast:
            return Mention(a, b, w, sent, oblast, tuple(cues) + ("region_phrase",)), i + 1
        town = _known_stem(stem, names)
        if town:  # the -щина of a city the size of an oblast centre is its oblast, of a smaller town its district
            big = max((p.population or 0 for p in names.places(town)), default=0) >= OBLAST_CENTRE_POPULATION
            return Mention(a, b, w, sent, town, tuple(cues) + ("region_phrase",),
                           kind_hint="adm1" if big else "district"), i + 1
    for lemma in _lemmas(lang, w):
        if len(lemma) > 2 and names.places(lemma):
            return Mention(a, b, w, sent, lemma, tuple(cues)), i + 1
    return None


def _oblast_of_stem(stem: str, names: Names) -> str | None:
    """"сум" (Сумщина) -> "Сумська область", "донеч" (Донеччина) -> "Донецька область", if the gazetteer has it."""
    for adj in (stem + "ська", stem[:-1] + "цька", stem + "ская", stem[:-1] + "цкая"):
        for noun in ("область", "область"):
            phrase = adj[:1].upper() + adj[1:] + " " + noun
            if any(p.kind == "adm1" for p in names.places(phrase)):
                return phrase
    return None


def _in_person_name(lang, places, toks, i) -> bool:
    """After a title, or one of two capitalised words the analyser reads as parts of a person's name."""
    if i and toks[i - 1][2].lower() in places.TITLES:
        return True
    here = _parses(lang, toks[i][2])
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j][2][:1].isupper() and abs(toks[j][0] - toks[i][1]) <= 1 or \
                0 <= j < len(toks) and toks[j][2][:1].isupper() and abs(toks[i][0] - toks[j][1]) <= 1:
            near = _parses(lang, toks[j][2])
            if near and _person(near[0]) and (_person(here[0]) or any(t in str(near[0].tag) for t in ("Surn", "Patr"))):
                return True  # "Олег Синєгубов"; "Владимир Зеленский" (a surname beside it makes a city's name a given name)
    return False


def _person(parse) -> bool:
    """The analyser's best reading is a given name, surname or patronymic, not a place name."""
    tag = str(parse.tag)
    return any(t in tag for t in ("Name", "Surn", "Patr")) and "Geox" not in tag


def _adjectival_name(lang, word, names) -> str | None:
    """A settlement named by an adjective, in any case: "Богородичного" -> Богородичне, "Желанное"."""
    if names.places(word) and any(p.kind != "country" for p in names.places(word)):
        return word
    for p in _parses(lang, word)[:4]:
        for gender in ("neut", "femn", "masc"):
            form = p.inflect({gender, "nomn", "sing"}) if p.tag.POS == "ADJF" else None
            if form is not None:
                name = form.word[:1].upper() + form.word[1:]
                if any(q.kind != "country" for q in names.places(name)):
                    return name
    return None


def _two_words(lang, w1, w2, names) -> str | None:
    """"Новій Каховці" -> "Нова Каховка", "Кривому Розі" -> "Кривий Ріг", when the gazetteer lists it."""
    for p2 in _parses(lang, w2)[:3]:
        n2 = p2.normal_form
        gender = p2.normal_form and (_parses(lang, n2)[0].tag.gender if _parses(lang, n2) else None)
        for p1 in _parses(lang, w1)[:3]:
            if n2 != w2.lower() and (p1.tag.POS != "ADJF" or p1.tag.case != p2.tag.case):
                continue  # "Нова Каховка": an adjective agreeing with the noun, in its case
            f1 = p1.inflect({"nomn", gender}) if (p1.tag.POS == "ADJF" and gender) else None
            first = f1.word if f1 is not None else p1.normal_form
            for cand in (f"{first} {n2}",) + ((f"{w1} {w2}",) if n2 == w2.lower() else ()):
                cand = " ".join(x[:1].upper() + x[1:] for x in cand.split())
                if names.places(cand):
                    return cand
    return None
