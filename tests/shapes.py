"""Documents built from real sentence shapes, for fuzzing the pipeline.

Shared by ``tests/test_fuzz.py`` (hypothesis) and ``scripts/bench_fuzz.py``
(10,000 documents). A document mixes:

* sentences sampled from the texts in ``../shared`` (benchmark corpora, dev
  sets, seeds) when they are there, else from the project's own seeds;
* sentences made from the lexicons' own words: every unit noun singular and
  plural, settlement nouns, weapons, titles, in lower, Title and UPPER case;
* lists of 1 to 12 names before or after a noun, with counts in brackets,
  colons, dashes, "and"/"or", possessives and numbers;
* stray Unicode: zero-width and directional marks, combining accents, odd
  apostrophes and dashes, emoji, no-break spaces, lone surrogate-free junk.
"""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

NAMES = ["Sumy", "Kursk", "Odesa", "Kharkiv", "Belgorod", "Donetsk", "Luhansk", "Kherson", "Zaporizhzhia",
         "Bryansk", "Tula", "Oryol", "Moscow", "Kyiv", "Crimea", "Texas", "Homs", "Aleppo", "Kandahar",
         "New York", "Nova Kakhovka", "Velyka Pysarivka", "Stara Zhadova", "Rostov-on-Don", "St. Petersburg",
         "Ivanivka", "X", "A B C D", "the", "Oblast", "Region", "Zzyzx", "KYIV", "Ukraine", "Russia"]
STRAY = ["\u200b", "\u200e", "\u202e", "\u00a0", "\u0301", "ʼ", "’", "‘", "–", "—", "‑", "…", "🙂", "\ufeff",
         "\u2028", "\t", "(", ")", "[", "]", "«", "»", "„", "“", "”", "/", "%", "&", "#", "*", "\\", "§"]
TEMPLATES = [
    "Drones were destroyed over the territories of the {list} {noun}.",
    "Over the {noun} of {list}, air defences downed {n} drones.",
    "{list} {noun}: {n} UAVs, {n} missiles.",
    "Russian forces shelled {list} in the {name} {noun} – {n} people were injured.",
    "the {noun} {name} ({n}), {name} ({n}) and {name} ({n})",
    "{NAME} {noun} {title} said {n} {weapon} hit {name}'s {noun}.",
    "{title} of the {name} {noun} said the attack on {name} killed {n}.",
    "In {name}, {name} and {name} {noun}s, {n} {weapon} were shot down; {n} struck {name}.",
    "{name} — {name} — {name}: {noun} {noun} {noun}.",
    "the {name} direction, the {name} axis and the {name} sector saw {n} assaults",
    "villages of {list} in the {name} {noun}",
    "{n} of {n} {weapon} launched by {name} were downed over {name}, {name} and {name} {noun}s.",
]


@lru_cache(maxsize=1)
def lexicon_words() -> dict[str, list[str]]:
    """The lexicons' own words, singular and plural, as the recogniser and event reader see them."""
    from geo.lang.en import events as lx
    from geo.lang.en.places import REGION_NOUNS, SETTLEMENT_NOUNS
    from geo.lang.en.persons import LOWER_TITLES, TITLES

    weapons = [re.sub(r"[\\?()\[\]|:+*]|\bs\b", "", p).replace("\\s", " ") for ps in lx.WEAPONS.values() for p in ps]
    return {
        "noun": sorted(set(REGION_NOUNS) | set(SETTLEMENT_NOUNS)),
        "title": sorted(set(TITLES) | set(LOWER_TITLES)),
        "weapon": [w for w in weapons if w.strip()],
    }


@lru_cache(maxsize=1)
def real_sentences(limit_per_file: int = 4000) -> list[str]:
    """Sentences of the shared corpora (benchmarks, dev sets, seeds), else of the project's seeds."""
    texts: list[str] = []
    for path in sorted(SHARED.glob("**/gold.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    texts.append(json.loads(line)["text"])
                except (ValueError, KeyError, TypeError):
                    continue
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out: list[str] = []
    for text in texts:
        out += [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if 3 <= len(s) <= 600][:limit_per_file]
    return out


def _case(rng: random.Random, word: str) -> str:
    return rng.choice([word, word.lower(), word.title(), word.upper()])


def _sentence(rng: random.Random) -> str:
    words = lexicon_words()
    names = [rng.choice(NAMES) for _ in range(rng.randint(1, 12))]
    sep = rng.choice([", ", " and ", ", and ", " or ", " & ", "; ", " - "])
    items = [n + (f" ({rng.randint(0, 999)})" if rng.random() < 0.3 else "") for n in names]
    lst = sep.join(items[:-1]) + (rng.choice([" and ", ", ", " or "]) + items[-1] if len(items) > 1 else items[-1])
    fill = {
        "list": lst, "name": rng.choice(NAMES), "NAME": rng.choice(NAMES).upper(),
        "noun": _case(rng, rng.choice(words["noun"])), "title": _case(rng, rng.choice(words["title"])),
        "weapon": _case(rng, rng.choice(words["weapon"])),
        "n": rng.choice([str(rng.randint(0, 10**rng.randint(1, 7))), "one", "seven", "dozens", "145", "1,200", "-3",
                         "2023-12-30", "12:30", "½"]),
    }
    template = rng.choice(TEMPLATES)
    return re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)] if m.group(1) != "name" else rng.choice(NAMES), template)


def _mutate(rng: random.Random, text: str) -> str:
    """Insert stray characters, change case, drop or double a span."""
    chars = list(text)
    for _ in range(rng.randint(0, 6)):
        pos = rng.randint(0, len(chars))
        roll = rng.random()
        if roll < 0.6:
            chars.insert(pos, rng.choice(STRAY))
        elif roll < 0.8 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif chars:
            end = min(len(chars), pos + rng.randint(1, 30))
            chars[pos:end] = [c.upper() if rng.random() < 0.5 else c.lower() for c in chars[pos:end]] * rng.randint(1, 2)
    return "".join(chars)


def make_document(rng: random.Random) -> str:
    """One fuzz document: 1 to 12 sentences of real and made shapes, some mutated."""
    real = real_sentences()
    parts = []
    for _ in range(rng.randint(1, 12)):
        s = rng.choice(real) if rng.random() < 0.5 else _sentence(rng)
        if rng.random() < 0.4:
            s = _mutate(rng, s)
        parts.append(s)
    glue = rng.choice([" ", "\n", "\n\n", "  ", "\n- ", "\n• ", "\n1. "])
    return glue.join(parts)
