"""Fusion time for 10k, 100k and 1M synthetic events on one core (issue 12).

The events are the dev sets' real events (parsed from ../shared/devset*/gold.jsonl
at run time; their texts are never copied here), copied many times and shifted
in date (over a year) and in place (to another real place of the same kind and
country, from the places the dev events name), each copy a new document. So
the mix of attackers, types, precisions, weapons, targets and shared tallies is
real, and many copies land on the same night and region, as reports of one
war from many outlets do.

    python scripts/bench_fusion.py                         # 10k, 100k, 1M
    python scripts/bench_fusion.py --events 10000 --unblocked   # also the old rule, for scale

Prints a Markdown table: events, seconds (blocked fusion and the salvo pass),
events per second, fused events, and peak RSS of the process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSETS = [ROOT.parent / "shared" / name / "gold.jsonl" for name in ("devset", "devset2")]


def real_events():
    """The events the pipeline reads from both dev sets."""
    from geo.model import Document
    from geo.runner import parse_many

    docs = []
    for path in DEVSETS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            item = json.loads(line)
            published = dt.date.fromisoformat(item["published"]) if item.get("published") else None
            docs.append(Document(id=f"{path.parent.name}-{item['id']}", text=item["text"], published=published))
    if not docs:
        sys.exit("no dev set under ../shared/: nothing to build events from")
    return [e for p in parse_many(docs, progress=False) for e in p.events]


def synthetic(base, n: int, seed: int = 0):
    """``n`` events: copies of ``base`` shifted in date and place, each copy of a document a new document."""
    rnd = random.Random(seed)
    pool = defaultdict(list)  # (kind, country) -> places the dev events name
    for e in base:
        if e.location is not None:
            p = e.location.place
            if p not in pool[(p.kind, p.country_code)]:
                pool[(p.kind, p.country_code)].append(p)
    start = dt.date(2025, 1, 1)
    out = []
    copy = 0
    while len(out) < n:
        copy += 1
        days = rnd.randrange(365)
        moves = {}
        for e in base:
            if len(out) >= n:
                break
            doc = f"{e.sources[0].document}~{copy}" if e.sources else f"none~{copy}"
            loc = e.location
            if loc is not None:
                p = loc.place
                if p.geonameid not in moves:
                    moves[p.geonameid] = rnd.choice(pool[(p.kind, p.country_code)])
                loc = replace(loc, place=moves[p.geonameid])
            date = start + dt.timedelta(days=days + rnd.randrange(3)) if e.date else None
            quals = dict(e.qualifiers)
            if "group" in quals:
                quals["group"] = f"{quals['group']}~{copy}"
            out.append(replace(e, id=f"{doc}:{e.id.rsplit(':', 1)[-1]}", date=date, location=loc, qualifiers=quals,
                               sources=tuple(replace(s, document=doc) for s in e.sources)))
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--unblocked", action="store_true", help="also time the old every-pair rule (slow: 10k at most)")
    args = ap.parse_args(argv)
    from geo.events.fuse import fold_salvos, fuse_partition

    base = real_events()
    print(f"{len(base)} real events from the dev sets; one process, one core\n")
    print("| events | blocked fusion s | salvo pass s | total s | events/s | fused events | folded tallies | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.events:
        events = synthetic(base, n)
        t0 = time.perf_counter()
        fused = fuse_partition(events)
        t1 = time.perf_counter()
        final = fold_salvos(fused)
        t2 = time.perf_counter()
        folded = len(fused) - len(final)
        print(f"| {n:,} | {t1 - t0:.1f} | {t2 - t1:.1f} | {t2 - t0:.1f} | {n / (t2 - t0):,.0f} | {len(final):,} "
              f"| {folded:,} | {peak_mb():,.0f} |", flush=True)
        del events, fused, final
    if args.unblocked:
        sys.path.insert(0, str(ROOT / "tests"))
        from test_fuse_blocked import unblocked

        for n in [n for n in args.events if n <= 10_000]:
            events = synthetic(base, n)
            t0 = time.perf_counter()
            unblocked(events)
            print(f"every-pair rule, {n:,} events: {time.perf_counter() - t0:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
