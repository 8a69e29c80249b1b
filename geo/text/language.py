"""The language of a report, offline: script, letters and the commonest words.

Cyrillic text is Ukrainian when it has the letters only Ukrainian writes
(і ї є ґ) or its commonest function words, Russian when it has ы э ъ ё or
Russian function words. Latin text is English when English function words make
up enough of it; other Latin-script languages are told apart by theirs.
Sources of the word lists: the most frequent function words of each language
(the first entries of the stop-word lists of spaCy's ``spacy/lang/<code>/``).

>>> detect_language("Russian drones struck Odesa overnight, the governor said.")
'en'
>>> detect_language("Вночі ворог атакував Сумську громаду ударними БпЛА."), detect_language("Ночью ВСУ атаковали Белгород.")
('uk', 'ru')
"""

from __future__ import annotations

import re

#: The languages the reader reads today; documents in others are counted and skipped.
READ_LANGUAGES = frozenset({"en", "uk", "ru"})

_WORDS = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "en": frozenset("the of and to in a is that for on was with as by it at from said has have were are be an this".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split()),
    "fr": frozenset("le la les de des et un une du en est que dans pour qui sur au par pas plus".split()),
    "es": frozenset("el la los las de y en que del un una por con para es se al lo como".split()),
    "it": frozenset("il di che la per un una del della in non sono gli le con si da".split()),
    "pl": frozenset("i w na z nie się do że to jest o jak po przez od".split()),
    "uk": frozenset("і та що у в на з до не як це за від про його але вона воно".split()),
    "ru": frozenset("и в на что с не по это как из за от для его но она было".split()),
}
_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэъё")


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language ("en", "uk", "ru", ...), or "und" when it cannot tell."""
    sample = text[:20_000]
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    words = [w.lower() for w in _WORDS.findall(sample)]
    if not words:
        return "und"
    if cyrillic > latin:
        letters = set(sample.lower())
        if bool(letters & _UK_LETTERS) != bool(letters & _RU_LETTERS):  # letters only one of them writes decide
            return "uk" if letters & _UK_LETTERS else "ru"
        uk = len(letters & _UK_LETTERS) * 3 + _share(words, "uk") * 100
        ru = len(letters & _RU_LETTERS) * 3 + _share(words, "ru") * 100
        if uk == ru:  # no marker either way: Ukrainian text without і is rare, Russian text is full of и
            return "ru" if not letters & _UK_LETTERS else "und"
        return "uk" if uk > ru else "ru"
    scores = {lang: _share(words, lang) for lang in ("en", "de", "fr", "es", "it", "pl")}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.08 else "und"


def _share(words: list[str], lang: str) -> float:
    vocab = _FUNCTION_WORDS[lang]
    return sum(1 for w in words if w in vocab) / len(words)
