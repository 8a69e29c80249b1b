"""Name keys: normalisation, a transliteration skeleton, and region phrases.

Two keys are computed for every name, at build time and at query time alike:

* :func:`normalize` — the exact key: NFKC, apostrophes dropped (ʼ ' ’ ` ´ …),
  diacritics stripped, case-folded, hyphens and punctuation turned to single
  spaces. ``"Kharkivs’ka Oblast’"`` -> ``"kharkivska oblast"``.
* :func:`skeleton` — a lossy key that makes the usual Latin romanisations of
  Ukrainian and Russian names collide (Kharkiv/Kharkov, Chernihiv/Chernigov,
  Zaporizhzhia/Zaporozhye, Kupiansk/Kupyansk, Kremenchuk/Kremenchug): general
  rules, not a list of pairs. Cyrillic is romanised first.

:func:`parse_region_phrase` splits "Russia's Belgorod region" or "the Kursk
border region" into the country possessor, the core name and a region flag.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Apostrophe look-alikes seen in romanised Ukrainian/Russian names (soft sign,
# Ukrainian apostrophe, typographic quotes, primes, modifier letters).
APOSTROPHES = "'’ʼ`´‘ʹʻ′ʽ＇·"  # and BGN/PCGN's separating dot (Shat·sk)
_DROP_APOSTROPHES = {ord(c): None for c in APOSTROPHES}
# Latin letters that Unicode does not decompose into a base letter and a mark.
_LATIN_FOLD = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "þ": "th",
                             "ð": "d", "ħ": "h"})
_UNIFY_APOSTROPHES = {ord(c): "'" for c in APOSTROPHES}
_NON_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """The exact lookup key of a name.

    >>> normalize("  Zaporizhzhia  NPP ")
    'zaporizhzhia npp'
    >>> normalize("Kup’yans’k-Vuzlovyi")
    'kupyansk vuzlovyi'
    >>> normalize("Semёnovka")  # a Cyrillic letter left in a romanisation
    'semenovka'
    >>> normalize("Łódź"), normalize("Igarkæ")
    ('lodz', 'igarkae')
    """
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text.translate(_DROP_APOSTROPHES)).translate(_DROP_APOSTROPHES)
    if not s.isascii():
        s = unicodedata.normalize("NFD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
        if _MIXED_SCRIPT.search(s) and _LATIN.search(s):
            s = s.casefold().translate(_CYR_TABLE)  # "Brёkhovo": a romanisation with a Cyrillic letter left in
    s = _NON_WORD.sub(" ", s.casefold())
    if not s.isascii():
        s = s.translate(_LATIN_FOLD)
    return " ".join(s.split())


# Romanisation of Cyrillic for the skeleton only (BGN/PCGN-like; the skeleton
# is lossy anyway, so the exact system hardly matters).
_CYRILLIC = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяёў",
    ["a", "b", "v", "g", "g", "d", "e", "ye", "zh", "z", "i", "i", "yi", "y", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu",
     "ya", "yo", "u"],
))
# Letters of other Cyrillic alphabets GeoNames names use (Serbian, Kazakh, Tatar,
# Bashkir, Kalmyk, Chuvash, Chechen, Ossetian, Yakut, Tajik; letters with a
# diacritic lose the mark first).
_CYRILLIC.update(zip(
    "јљњћђџѓќѕәғқңұүһҗҡҙҫӏӕөҕҥӈҷ",
    ["j", "lj", "nj", "c", "dj", "dz", "gj", "kj", "dz", "a", "g", "k", "n", "u", "u", "h", "zh", "k", "z", "s", "",
     "ae", "o", "g", "ng", "ng", "ch"],
))
_CYR_TABLE = {ord(k): v for k, v in _CYRILLIC.items()}
_MIXED_SCRIPT = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-zA-Z]")

# Consonant clusters that different romanisations of the same Cyrillic letter
# produce, mapped to one class. Order matters (longest first). The h -> g rule
# makes Ukrainian h and Russian g collide (Kharkiv/Kharkov, Luhansk/Lugansk).
_CLUSTERS = (
    ("ck", "k"), ("shch", "s"), ("sch", "s"), ("tch", "c"), ("zh", "z"), ("kh", "g"), ("ch", "c"),
    ("sh", "s"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("h", "g"), ("w", "v"),
    ("x", "ks"), ("q", "k"), ("j", "y"),
)
_VOWELS = re.compile(r"[aeiouy]+")


def _vowel_class(m: re.Match) -> str:
    """A vowel run's class: with an a (ya, ia, ai, ae) -> a; else with a u (yu, iu, ou) -> u; else i.

    Ukrainian i, Russian o/e and the y/i/ie/yi spellings of i fall together
    (Kharkiv/Kharkov, Kyiv/Kiev, -ivka/-ovka); a and u stay apart, which keeps
    Huliaipole away from Gallipoli.
    """
    run = m.group()
    if m.end() == len(m.string) and len(run) > 1 and run[0] in "iy" and ("a" in run or "e" in run[1:]):
        return "a"  # final -ia/-iia/-iya (Ukrainian) = -ye/-ie/-iye (Russian): Zaporizhzhia/Zaporozhye
    return "a" if "a" in run else "u" if "u" in run else "i"
_DOUBLES = re.compile(r"(.)\1+")

#: Skeletons shorter than this are too unspecific to index or look up.
MIN_SKELETON = 5


def skeleton(key: str) -> str:
    """A romanisation-insensitive key of a normalised name ("" if too short or not Latin).

    Vowel runs fall into three classes (Kyiv/Kiev, -ivka/-ovka, iy/yi, ye/e),
    consonant digraphs collapse (kh/h/g, zh/z, ts/c), doubled letters merge
    (Odesa/Odessa), spaces drop, a final g
    devoices to k (Kremenchug/Kremenchuk).

    >>> skeleton("kharkiv") == skeleton("kharkov")
    True
    >>> skeleton("zaporizhzhia") == skeleton("zaporozhye") == skeleton("запоріжжя")
    True
    """
    s = key.replace(" ", "")
    if not s.isascii():
        s = s.translate(_CYR_TABLE)
        if not s.isascii():
            return ""
    if not s.isalpha():
        return ""
    for a, b in _CLUSTERS:
        if a in s:
            s = s.replace(a, b)
    s = _DOUBLES.sub(r"\1", _VOWELS.sub(_vowel_class, s))
    if s.endswith("g"):
        s = s[:-1] + "k"
    return s if len(s) >= MIN_SKELETON else ""


# Words that mark a first-level region in English reporting, plus the native
# type words (oblast, krai, okrug, respublika) romanised. Multi-word markers
# come first so "people's republic" wins over "republic".
REGION_MARKERS = (
    "autonomous republic", "peoples republic", "autonomous okrug", "autonomous oblast",
    "oblast", "oblasti", "region", "regions", "krai", "kray", "province", "republic",
    "respublika", "territory", "okrug", "governorate",
)
# Words that may precede a region marker without changing which region is meant
# ("the Kursk border region", "the southern Kherson region").
REGION_MODIFIERS = frozenset({
    "border", "borderland", "frontier", "frontline", "front", "line", "occupied", "neighbouring", "neighboring",
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "russian", "ukrainian",
})
# Type words found in official ADM1 names ("Kurskaya oblast'", "Krasnodarskiy kray",
# "Avtonomna Respublika Krym"); stripped to get an ADM1's core name.
ADM1_TYPE_WORDS = frozenset(REGION_MARKERS) | {
    "avtonomna", "avtonomnaya", "avtonomnyy", "respublika", "city", "misto", "gorod", "of", "the",
    "autonomous", "oblast", "krai", "kray",
}
_LEADING = ("the ",)
# Type words that may lead instead ("Republic of Crimea", "Autonomous Republic of Crimea").
REGION_PREFIXES = ("autonomous republic of ", "republic of ", "province of ", "region of ", "oblast of ")
_POSSESSIVE = re.compile(r"^(?:the\s+)?(.+?)'s?\s+(.+)$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A query split into its parts; ``core`` is a normalised key."""

    core: str
    region: bool = False
    possessor: str | None = None


def parse_region_phrase(text: str, possessive: bool = True) -> Phrase:
    """Split a query into possessor, core name and whether it names a region.

    The caller checks that a possessor is a country and otherwise parses
    again with ``possessive=False`` ("Donetsk People's Republic").

    >>> parse_region_phrase("Russia's Belgorod region")
    Phrase(core='belgorod', region=True, possessor='russia')
    >>> parse_region_phrase("the Kursk border region")
    Phrase(core='kursk', region=True, possessor=None)
    >>> parse_region_phrase("Sumy")
    Phrase(core='sumy', region=False, possessor=None)
    """
    raw = unicodedata.normalize("NFKC", text.translate(_UNIFY_APOSTROPHES)).translate(_UNIFY_APOSTROPHES).strip()
    possessor = None
    m = _POSSESSIVE.match(raw)
    if possessive and m and "'" in raw[m.start(1):m.start(2)]:
        possessor = normalize(m.group(1))
        raw = m.group(2)
    if raw.endswith("'s") or raw.endswith("s'"):
        raw = raw[:-2] if raw.endswith("'s") else raw[:-1]  # "Kyiv's", "the Donets'" (the full form is looked up too)
    key = normalize(raw)
    for lead in _LEADING:
        if key.startswith(lead):
            key = key[len(lead):]
    region = False
    for prefix in REGION_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            region = True
            break
    for marker in REGION_MARKERS:
        if key.endswith(" " + marker):
            key = key[: -len(marker) - 1]
            region = True
            break
    if region:
        words = key.split()
        while len(words) > 1 and words[-1] in REGION_MODIFIERS:
            words.pop()
        while len(words) > 1 and words[0] in REGION_MODIFIERS:
            words.pop(0)
        key = " ".join(words)
    return Phrase(key, region, possessor)


def adm1_core(name: str) -> str:
    """An ADM1 name without its type words: "Kurskaya oblast'" -> "kurskaya".

    >>> adm1_core("Avtonomna Respublika Krym")
    'krym'
    """
    words = [w for w in normalize(name).split() if w not in ADM1_TYPE_WORDS]
    return " ".join(words)




def adjective_stems(core: str) -> list[str]:
    """Candidate noun stems of an adjectival region name, longest first.

    >>> adjective_stems("kurskaya")
    ['kursk', 'kur']
    """
    if " " in core:
        return []
    stems = []
    for ending in ("aya", "iy", "yi", "yy", "ij", "a"):
        if core.endswith(ending) and core[: -len(ending)].endswith("sk"):
            stems.append(core[: -len(ending)])
            break
    for ending in ("skaya", "skiy", "skyi", "skyy", "skij", "ska", "ka"):
        if core.endswith(ending):
            stems.append(core[: -len(ending)])
            break
    return [s for s in stems if len(s) >= 3]


#: Documented aliases where romanisation rules cannot help (renamed places whose
#: old name GeoNames lacks). Keys and values are normalised names; the alias is
#: added as an alternate name of every place whose name equals the value.
ALIASES: dict[str, str] = {}


# -- district unit nouns ---------------------------------------------------------------

#: Words for the unit that may follow or precede a district's name in English
#: ("Lgovsky district", "Sumy raion", "Krasnopillia hromada", "municipal okrug").
UNIT_NOUNS = (
    "territorial community", "urban territorial community", "rural territorial community",
    "settlement territorial community", "municipal district", "urban district", "city district",
    "administrative district", "municipal okrug", "urban okrug", "city okrug", "municipal formation",
    "district", "raion", "rayon", "region", "hromada", "hromady", "community", "okrug", "municipality",
    "raionu", "rayona", "mis'krada", "miskrada", "rada", "selrada",
    # Russian and Ukrainian unit nouns, romanised (a Cyrillic name is romanised first):
    # муниципальный район, городской округ, муниципальный округ, (міська, селищна,
    # сільська, територіальна) громада.
    "munitsipalnyy rayon", "munitsipalny rayon", "gorodskoy okrug", "munitsipalnyy okrug", "munitsipalny okrug",
    "miska hromada", "selyshchna hromada", "silska hromada", "terytorialna hromada", "gromada",
)

_UNIT_NOUN_KEYS = sorted((normalize(n) for n in UNIT_NOUNS), key=len, reverse=True)


def strip_unit_noun(key: str) -> str:
    """A normalised district phrase without its unit noun ("lgovsky district" -> "lgovsky").

    >>> strip_unit_noun("the sumy raion"), strip_unit_noun("municipal district of lgovsky")
    ('sumy', 'lgovsky')
    """
    key = re.sub(r"^the ", "", key)
    for noun in _UNIT_NOUN_KEYS:
        if key.endswith(" " + noun):
            return key[: -len(noun) - 1].strip()
        if key.startswith(noun + " of "):
            return key[len(noun) + 4:].strip()
    return key
