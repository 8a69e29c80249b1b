"""Documents/s and MB/s per core on the news corpora (LGL, GeoWebNews), and where the time goes.

Runs ``geo.pipeline.parse_document`` over every text of each corpus in this one
process (one core), after the gazetteer store is open, with the parse cache out
of the way. The first pass starts with cold lookup caches, as a fresh run does;
later passes show the warm figure. ``--profile`` adds the functions that take
the most time (cProfile, one pass over all corpora, cumulative and own time).

    python scripts/bench_throughput.py
    python scripts/bench_throughput.py --passes 3 --profile 25
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {name: ROOT.parent / "shared" / "benchmarks" / name / "gold.jsonl" for name in ("lgl", "geowebnews")}


def load(path: Path):
    from geo.model import Document

    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("text", "").strip():
            docs.append(Document(id=str(item["id"]), text=item["text"]))
    return docs


def one_pass(docs, gaz) -> tuple[float, float]:
    from geo.pipeline import parse_document

    wall, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        parse_document(d, gaz)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--profile", type=int, metavar="N", help="print the N costliest functions")
    args = ap.parse_args(argv)
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    corpora = {name: load(path) for name, path in CORPORA.items() if path.exists()}
    if not corpora:
        sys.exit("no corpora under ../shared/benchmarks/")
    print("| corpus | docs | MB | pass | seconds | docs/s | MB/s | MB per CPU-s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, docs in corpora.items():
        mb = sum(len(d.text.encode()) for d in docs) / 1e6
        for k in range(1, args.passes + 1):
            wall, cpu = one_pass(docs, gaz)
            print(f"| {name} | {len(docs)} | {mb:.2f} | {k} | {wall:.2f} | {len(docs) / wall:.0f} | {mb / wall:.3f} "
                  f"| {mb / cpu:.3f} |", flush=True)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for docs in corpora.values():
            one_pass(docs, gaz)
        prof.disable()
        for key in ("cumulative", "tottime"):
            print(f"\n--- by {key} ---")
            pstats.Stats(prof).sort_stats(key).print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
