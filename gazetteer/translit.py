"""Latin spellings of a Cyrillic place name under the romanisations English reporting meets.

Russian state media, wires and older maps write Ukrainian and Russian places
in Russian romanisation (Artyomovsk, Krivoy Rog, Ugledar); Ukrainian sources
use the national 2010 system (Kryvyi Rih). The store adds each spelling as a
search key of the place, below the names the data lists (see
:mod:`gazetteer.build`). Systems:

* Russian: BGN/PCGN, the journalistic "Wikipedia" scheme and ALA-LC, from the
  ``iuliia`` package, plus general journalistic endings (-ый/-ий written -y,
  -iy, -yy; a soft sign before a vowel written i: Yurievka).
* Ukrainian: the national system of 2010 (Cabinet of Ministers resolution
  no. 55), from the ``translitua`` package (``UkrainianKMU``).

Which language a name is in: і ї є ґ are Ukrainian-only letters, ы э ъ ё
Russian-only; a name with neither is read both ways for a place in Ukraine and
as Russian elsewhere.

>>> sorted(variants("Артёмовск", "UA"))
['artemovsk', 'artyomovsk']
>>> sorted(variants("Кривий Ріг", "UA"))
['kryviy rih', 'kryvy rih', 'kryvyi rih']
"""

from __future__ import annotations

import functools
import re

from gazetteer.names import normalize

#: Countries whose places are named in Russian Cyrillic in the data as endonyms or in
#: common use (the former Soviet Union). A Russian exonym of a place elsewhere
#: ("Париж") romanised is not a spelling any English report uses, so it is skipped.
ROMANISED_COUNTRIES = frozenset(
    "RU UA BY MD KZ KG TJ UZ TM AZ AM GE EE LV LT".split()
)

_UKRAINIAN_ONLY = frozenset("іїєґ")
_RUSSIAN_ONLY = frozenset("ыэъё")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# iuliia's BGN/PCGN and ALA-LC tables keep ё as is (both systems write it ë); the
# hard-sign marks (” ʺ) and BGN/PCGN's separator dot are not letters of a spelling.
_TIDY = str.maketrans({"ё": "ë", "Ё": "Ë", "”": None, "ʺ": None, "·": None, '"': None})
# Journalistic spellings of adjective endings (Krasny / Krasnyy / Krasniy Liman,
# Krivoy / Krivoi Rog): the word-final forms each system gives, and the others.
_ADJ_ENDINGS = {
    "yy": ("y", "iy", "yi"), "iy": ("y", "yy", "yi"), "yi": ("y", "iy"), "ii": ("iy", "y"),
    "y": ("yy", "iy"), "oy": ("oi",), "oi": ("oy",),
}
_ADJ_END = re.compile(r"(yy|iy|yi|ii|oy|oi|y)\b")
#: Russian adjective endings (-ый, -ий, -ой) whose romanisations vary.
_RU_ADJ = re.compile(r"(ый|ий|ой)\b", re.IGNORECASE)
_UA_ADJ = re.compile(r"(ий|ій)\b", re.IGNORECASE)
#: A soft sign and an iotated vowel, written i and the plain vowel in many reports
#: (Юрьевка -> Yurievka, Васильевка -> Vasilievka, Марьянка -> Marianka).
_SOFT_BEFORE_VOWEL = re.compile("ь([еёюяи])", re.IGNORECASE)
_PLAIN_VOWEL = {"е": "э", "ё": "о", "ю": "у", "я": "а", "и": "и"}


def language(name: str, country: str | None) -> tuple[str, ...]:
    """Languages a Cyrillic name may be read in: ("uk",), ("ru",) or ("ru", "uk").

    >>> language("Київ", "UA"), language("Мирный", "UA"), language("Бахмут", "UA"), language("Бахмут", "RU")
    (('uk',), ('ru',), ('ru', 'uk'), ('ru',))
    """
    letters = set(name.lower())
    if letters & _UKRAINIAN_ONLY:
        return ("uk",)
    if letters & _RUSSIAN_ONLY or country != "UA":
        return ("ru",)
    return ("ru", "uk")


@functools.cache
def _russian_schemes():
    import iuliia

    return (iuliia.BGN_PCGN, iuliia.WIKIPEDIA, iuliia.ALA_LC)


def russian(name: str) -> list[str]:
    """The BGN/PCGN, Wikipedia and ALA-LC romanisations of a Russian name (raw, before keys).

    >>> russian("Каменка-Днепровская")
    ['Kamenka-Dneprovskaya', 'Kamenka-Dneprovskaya', 'Kamenka-Dneprovskai͡a']
    """
    return [scheme.translate(name).translate(_TIDY) for scheme in _russian_schemes()]


def ukrainian(name: str) -> str:
    """The national 2010 romanisation of a Ukrainian name.

    >>> ukrainian("Згурівка"), ukrainian("Знам'янка")
    ('Zghurivka', 'Znamianka')
    """
    from translitua import UkrainianKMU, translit

    return translit(name, UkrainianKMU)


def _journalistic(key: str, adjective: bool) -> set[str]:
    """Other spellings of adjective endings in a key ("krasnyy liman" -> "krasny liman", ...)."""
    if not adjective:
        return set()
    out = set()
    for m in _ADJ_END.finditer(key):
        for alt in _ADJ_ENDINGS[m.group(1)]:
            out.add(key[:m.start()] + alt + key[m.end():])
    return out


@functools.lru_cache(maxsize=1 << 16)
def variants(name: str, country: str | None) -> frozenset[str]:
    """Normalised Latin keys of a Cyrillic ``name`` of a place in ``country`` (empty if not romanised).

    The keys are lookup keys (:func:`gazetteer.names.normalize`), not display names.
    """
    if country not in ROMANISED_COUNTRIES or not _CYRILLIC.search(name):
        return frozenset()
    out: set[str] = set()
    for lang in language(name, country):
        if lang == "ru":
            sources = [name]
            if _SOFT_BEFORE_VOWEL.search(name):
                sources.append(_SOFT_BEFORE_VOWEL.sub(lambda m: "и" + _PLAIN_VOWEL[m.group(1).lower()], name))
            spellings = [s for src in sources for s in russian(src)]
            adjective = bool(_RU_ADJ.search(name))
        else:
            spellings = [ukrainian(name)]
            adjective = bool(_UA_ADJ.search(name))
        for spelling in spellings:
            key = normalize(spelling)  # letters of other Cyrillic alphabets left in are romanised there
            if key and key.isascii():
                out.add(key)
                out |= _journalistic(key, adjective)
    return frozenset(k for k in out if k.isascii() and any(c.isalpha() for c in k))


# -- Russian forms of Ukrainian names --------------------------------------------------------
#
# Russian-language sources (and the English reports that copy them) name Ukrainian places by
# their Russian forms: Вовчанськ/Волчанск, Спірне/Спорное or Спирное, Тихе/Тихое, Соболівка/
# Соболевка. The regular correspondences of the two orthographies give most of them; the
# tables below are those correspondences (Ukrainian and Russian grammars: neuter and feminine
# adjective endings, the suffixes -івка/-овка, -ське/-ское, the letters і ї є ґ, and the
# given-name roots place names are built from), not a list of places.

#: Word endings, longest first: (Ukrainian, Russian forms).
_UK_RU_ENDINGS = (
    ("ське", ("ское",)), ("цьке", ("цкое",)), ("зьке", ("зское",)), ("ська", ("ская",)), ("цька", ("цкая",)),
    ("ський", ("ский",)), ("цький", ("цкий",)), ("івське", ("овское", "евское")), ("ївка", ("евка", "иевка")),
    ("івка", ("овка", "евка")), ("пілля", ("полье",)), ("ілля", ("илье",)), ("ів", ("ов", "ев")),
    ("ця", ("ца",)), ("ичі", ("ичи",)), ("ий", ("ый", "ий")), ("ій", ("ий",)), ("е", ("ое",)),
)
#: Adjectives before a noun in a two-word name ("Стара Миколаївка", "Нова Кам'янка"): -а -> -ая.
_UK_RU_FEMININE = (("а", ("ая",)),)
#: Given-name roots of place names, as Russian spells them (Олександрівка/Александровка).
_UK_RU_ROOTS = (
    ("олександр", "александр"), ("олексі", "алексе"), ("олексан", "алексан"), ("олен", "елен"),
    ("микол", "никол"), ("петр", "петр"), ("григор", "григор"), ("василь", "василь"), ("іван", "иван"),
)
_UK_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": "", "ʼ": ""})


def _russian_word(word: str, first_of_two: bool) -> set[str]:
    """Russian forms of one lower-case Ukrainian word: its ending, then its letters."""
    forms = {word}
    table = _UK_RU_FEMININE + _UK_RU_ENDINGS if first_of_two else _UK_RU_ENDINGS
    for uk, ru in table:
        if word.endswith(uk) and len(word) > len(uk) + 2:
            if uk == "е" and word[-2] in "аеєиіїоуюя":
                continue  # -е after a vowel is no adjective ending
            forms |= {word[: -len(uk)] + r for r in ru}
            break
    out = set()
    for form in forms:
        for uk, ru in _UK_RU_ROOTS:
            if uk in form:  # "Новоолександрівка": the root inside a compound too
                out.add(form.replace(uk, ru))
        out.add(form)
    return {f.translate(_UK_RU_LETTERS) for f in out} | {word}


def russian_forms(name: str) -> frozenset[str]:
    """Russian spellings of a Ukrainian place name by the regular correspondences (lower case).

    >>> sorted(russian_forms("Тихе"))
    ['тихе', 'тихое']
    >>> "соболевка" in russian_forms("Соболівка"), "степовая новоселовка" in russian_forms("Степова Новоселівка")
    (True, True)
    """
    words = name.lower().split()
    if not words or not _CYRILLIC.search(name) or len(words) > 3:
        return frozenset()
    options = [_russian_word(w, i == 0 and len(words) == 2) for i, w in enumerate(words)]
    out = {" ".join(parts) for parts in _product(options)}
    out.discard(name.lower())
    return frozenset(out)


def _product(options: list[set[str]]) -> list[tuple[str, ...]]:
    import itertools

    return list(itertools.islice(itertools.product(*[sorted(o) for o in options]), 24))


def russian_variants(name: str) -> frozenset[str]:
    """Latin keys of the Russian forms of a Ukrainian name (:func:`russian_forms`, romanised as Russian)."""
    return frozenset(k for form in russian_forms(name) for k in variants(form, "RU"))
