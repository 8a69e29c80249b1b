"""Batch throughput: documents per second and peak memory for 1, 2 and all cores.

Builds a corpus of at least --docs documents by cycling the texts of the
benchmark corpora (../shared/benchmarks/*/gold.jsonl, read at run time, never
copied into the project), parses it end to end (read -> parse -> fuse ->
tables) with ``geo.analyze`` in a fresh process per setting, and prints a
Markdown table. Peak memory is the largest sum of RSS over the process and
its children, sampled every 50 ms (psutil).

    python scripts/bench_batch.py --docs 5000
    python scripts/bench_batch.py --docs 200 --workers 1   # a quick check
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def corpus(n: int, pattern: str) -> list[dict]:
    texts = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                item = json.loads(line)
                if item.get("text", "").strip():
                    texts.append((Path(path).parent.name, item["id"], item["text"]))
    if not texts:
        sys.exit(f"no texts in {pattern}")
    return [{"id": f"{name}-{ident}-{i // len(texts)}", "text": text}
            for i, (name, ident, text) in ((i, texts[i % len(texts)]) for i in range(n))]


def run_once(args) -> None:
    """Child mode: parse the corpus once and print JSON figures."""
    from geo.api import analyze
    from geo.model import Document

    docs = [Document(id=d["id"], text=d["text"]) for d in corpus(args.docs, args.corpus)]
    chars = sum(len(d.text) for d in docs)
    from gazetteer import default_gazetteer

    default_gazetteer()  # opening the store is not part of the throughput
    start = time.perf_counter()
    report = analyze(docs, workers=args.run, progress=False)
    _ = report.events, report.regions
    seconds = time.perf_counter() - start
    print(json.dumps({"docs": len(docs), "chars": chars, "seconds": seconds,
                      "events": len(report.event_list), "errors": len(report.errors)}))


def peak_rss(proc: subprocess.Popen) -> tuple[str, int]:
    import psutil

    peak = 0
    parent = psutil.Process(proc.pid)
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                total = parent.memory_info().rss + sum(
                    c.memory_info().rss for c in parent.children(recursive=True))
                peak = max(peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, _ = proc.communicate()
    done.set()
    thread.join()
    if proc.returncode:
        sys.exit(f"benchmark child failed with status {proc.returncode}")
    return out, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000, help="corpus size (default 5000)")
    ap.add_argument("--corpus", default=str(BENCHMARKS / "*" / "gold.jsonl"), help="glob of gold.jsonl files")
    ap.add_argument("--workers", type=int, nargs="*", help="settings to run (default: 1, 2 and all cores)")
    ap.add_argument("--run", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run_once(args)
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    settings = args.workers or sorted({1, 2, cores})
    print(f"corpus: {args.docs} documents cycled from {args.corpus}; {cores} cores on this machine\n")
    print("| workers | documents | seconds | documents/s | documents/s per worker | peak RSS (MB) | events |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in settings:
        proc = subprocess.Popen([sys.executable, __file__, "--run", str(n), "--docs", str(args.docs),
                                 "--corpus", args.corpus], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        out, peak = peak_rss(proc)
        r = json.loads(out.strip().splitlines()[-1])
        rate = r["docs"] / r["seconds"]
        print(f"| {n} | {r['docs']} | {r['seconds']:.1f} | {rate:.0f} | {rate / n:.0f} | {peak / 1e6:.0f} | {r['events']} |",
              flush=True)


if __name__ == "__main__":
    main()
