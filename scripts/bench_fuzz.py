"""Fuzz run: 10,000 documents of real sentence shapes plus every text in ../shared, through the runner.

The documents come from ``tests/shapes.py`` (the generator the property tests
use: real sentences of the shared corpora, the lexicons' own words in every
case, lists, brackets, dashes, numbers, stray Unicode), with a fixed seed.
Every text of ``../shared`` (benchmark corpora, dev sets, seeds) is added as
it is, and a mutated copy of each. All go through ``geo.runner.parse_stream``,
the path every command takes, and the script prints how many documents a
stage failed on (goal 0, each named with its stage and exception), the time
and the documents per second.

    python scripts/bench_fuzz.py                 # 10,000 generated + the shared texts
    python scripts/bench_fuzz.py --docs 500 -j 1 # a quick check
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from shapes import SHARED, _mutate, make_document  # noqa: E402


def shared_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(SHARED.glob("**/gold.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    out.append((f"{path.relative_to(SHARED)}:{n}", json.loads(line)["text"]))
                except (ValueError, KeyError, TypeError):
                    continue
    for path in sorted(SHARED.glob("**/*.txt")):
        out.append((str(path.relative_to(SHARED)), path.read_text(encoding="utf-8", errors="replace")))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="generated documents (default 10,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-j", "--workers", type=int, default=None, help="worker processes (default: all cores)")
    args = ap.parse_args(argv)

    from gazetteer import default_gazetteer
    from geo.model import Document, ParsedDocument, StageError
    from geo.runner import parse_stream

    default_gazetteer()  # open (or build) the store before the clock starts
    rng = random.Random(args.seed)
    docs = [Document(f"fuzz-{i}", make_document(rng)) for i in range(args.docs)]
    real = shared_texts()
    docs += [Document(where, text) for where, text in real]
    docs += [Document(f"{where}~mutated", _mutate(rng, text)) for where, text in real]
    chars = sum(len(d.text) for d in docs)
    start = time.perf_counter()
    failures: list[StageError] = []
    parsed = 0
    for result in parse_stream(docs, workers=args.workers, progress=False, cache=False):  # measure, never reuse
        if isinstance(result, ParsedDocument):
            parsed += 1
        elif isinstance(result, StageError):
            failures.append(result)
    seconds = time.perf_counter() - start
    print(f"documents: {len(docs):,} ({args.docs:,} generated, seed {args.seed}; {len(real):,} shared texts "
          f"and {len(real):,} mutated copies); {chars / 1e6:.1f} M characters")
    print(f"parsed: {parsed:,}; stage failures: {len(failures)} (goal 0)")
    print(f"time: {seconds:.1f} s, {len(docs) / seconds:.0f} documents/s, {chars / 1e6 / seconds:.2f} M chars/s "
          f"({args.workers or 'all'} workers)")
    for stage, n in Counter(f.stage for f in failures).most_common():
        print(f"  {stage}: {n}")
    for f in failures[:20]:
        print(f"  {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
