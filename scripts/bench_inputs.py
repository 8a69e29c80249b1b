"""Time per saved page, per Telegram message and per feed item, and the extractors' share of a run.

Reads the real files of ``../shared/inputs/`` (pages, Telegram-shaped exports, feeds) ``--passes``
times: first reading them into documents as a run does (trafilatura, the export reader, feedparser,
the language, read-once), then parsing the documents in a language read, in this process (gazetteer
store already built). "extractor share": reading's share of the whole.

    python scripts/bench_inputs.py --passes 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared/inputs`` beside the main checkout, or beside a worktree's parent folder.
INPUTS = next((p for p in (ROOT.parent / "shared" / "inputs", ROOT.parent.parent / "shared" / "inputs") if p.is_dir()),
              ROOT.parent / "shared" / "inputs")
GROUPS = {"page": "html", "message": "telegram", "feed item": "feeds"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--inputs", type=Path, default=INPUTS, help="a folder with html/, telegram/ and feeds/")
    args = ap.parse_args()
    if not all((args.inputs / sub).is_dir() for sub in GROUPS.values()):
        raise SystemExit(f"{args.inputs}: no html/, telegram/ and feeds/ folders (give --inputs)")
    from geo.model import Document
    from geo.pipeline import Pipeline
    from geo.runner import read_inputs
    from geo.text.documents import SkippedDocument

    nlp = Pipeline(cache=False)
    nlp.gazetteer.search("Kyiv")  # open the store outside the timings
    for sub in GROUPS.values():  # and import the extractors, feedparser and the stages outside them too
        for item in read_inputs([args.inputs / sub]):
            if isinstance(item, Document):
                nlp.parse(item)
    print("| input | documents (read / in the files) | read ms/doc | parse ms/doc (read ones) | extractor share |")
    print("|---|---:|---:|---:|---:|")
    for label, sub in GROUPS.items():
        folder = args.inputs / sub
        read = parse = 0.0
        for _ in range(args.passes):
            t0 = time.perf_counter()
            items = list(read_inputs([folder]))  # extraction, language, read-once: all of the reading
            t1 = time.perf_counter()
            docs = [i for i in items if isinstance(i, Document)]
            for d in docs:
                nlp.parse(d)
            read, parse = read + (t1 - t0), parse + (time.perf_counter() - t1)
        n_all = len(docs) + sum(isinstance(i, SkippedDocument) for i in items)
        print(f"| {label} ({folder.name}/) | {len(docs)} / {n_all} | {1000 * read / (args.passes * max(n_all, 1)):.1f} | "
              f"{1000 * parse / (args.passes * max(len(docs), 1)):.1f} | {read / (read + parse):.0%} |")


if __name__ == "__main__":
    main()
