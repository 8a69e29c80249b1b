"""Time per saved page, per Telegram message and per feed item, and the extractors' share of a run.

Reads the real files of ``../shared/inputs/`` (pages, Telegram-shaped exports, feeds) ``--passes``
times: first only reading them into documents (trafilatura, the export reader, feedparser), then
reading and parsing them through the pipeline in this process (gazetteer store already built).

    python scripts/bench_inputs.py --passes 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT.parent / "shared" / "inputs"
GROUPS = {"page": INPUTS / "html", "message": INPUTS / "telegram", "feed item": INPUTS / "feeds"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    from geo.pipeline import Pipeline
    from geo.text.documents import load_documents

    nlp = Pipeline(cache=False)
    nlp.gazetteer.search("Kyiv")  # open the store outside the timings
    print("| input | documents | read ms/doc | read + parse ms/doc | extractor share |")
    print("|---|---:|---:|---:|---:|")
    for label, folder in GROUPS.items():
        read = total = 0.0
        n = 0
        for _ in range(args.passes):
            t0 = time.perf_counter()
            docs, _ = load_documents([folder])
            t1 = time.perf_counter()
            for d in docs:
                nlp.parse(d)
            t2 = time.perf_counter()
            read, total, n = read + (t1 - t0), total + (t2 - t0), len(docs)
        per = args.passes * max(n, 1)
        print(f"| {label} ({folder.name}/) | {n} | {1000 * read / per:.1f} | {1000 * total / per:.1f} | "
              f"{read / total:.0%} |")


if __name__ == "__main__":
    main()
