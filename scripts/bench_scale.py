"""A year of news: memory of `map` as the corpus grows, repeated runs with the parse cache, Dask beside local processes.

Corpora are built by cycling the texts of the benchmark corpora
(../shared/benchmarks/*/gold.jsonl, read at run time, never copied into the
project) into a temporary JSON Lines file, one document per line with its own
id (so every line is its own cache entry). Every run is the real command,
`strikemap map CORPUS -o OUT --force`, in a fresh process; peak memory is the
largest RSS summed over the process and all its children (workers), sampled
every 50 ms. The parse cache of these runs is a temporary file
($STRIKEMAP_PARSE_CACHE), never the user's.

    python scripts/bench_scale.py --memory 10000 100000   # peak RSS of map (no cache)
    python scripts/bench_scale.py --repeat 10000           # first run, unchanged rerun, +100 documents
    python scripts/bench_scale.py --dask 2000              # local processes vs a 2-worker local Dask cluster

Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
STRIKEMAP = str(Path(sys.executable).with_name("strikemap"))
OUTPUTS = ("events.geojson", "area_claims.geojson", "events.csv", "regions.csv", "summary.md")


def write_corpus(path: Path, n: int, pattern: str, start: int = 0) -> int:
    """Documents ``start`` to ``start + n`` of the cycled corpus appended to ``path``; the bytes of text written."""
    from bench_batch import corpus

    size = 0
    with path.open("a", encoding="utf-8") as fh:
        for item in corpus(start + n, pattern)[start:]:
            fh.write(json.dumps(item) + "\n")
            size += len(item["text"].encode())
    return size


def measure(args: list[str], env: dict) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB, the process and its children) and output (stdout and stderr) of one command."""
    from bench_batch import peak_rss

    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, peak = peak_rss(proc)  # exits if the command fails
    return time.perf_counter() - start, peak / 1e6, out


def _map(corpus: Path, out: Path, env: dict, *extra: str):
    seconds, peak, said = measure([STRIKEMAP, "map", str(corpus), "-o", str(out), "--force", *extra], env)
    return seconds, peak, said.strip().splitlines()[-1]


def memory(sizes: list[int], pattern, env, workdir: Path) -> None:
    print("| documents | MB of text | seconds | documents/s | peak RSS MB (all processes) | events written |")
    print("|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        corpus = workdir / f"mem-{n}.jsonl"
        corpus.unlink(missing_ok=True)
        size = write_corpus(corpus, n, pattern)
        seconds, peak, said = _map(corpus, workdir / f"out-{n}", env, "--no-cache")
        print(f"| {n:,} | {size / 1e6:.1f} | {seconds:.1f} | {n / seconds:.0f} | {peak:.0f} | {said} |", flush=True)
        corpus.unlink()


def repeat(n: int, pattern, env, workdir: Path) -> None:
    corpus = workdir / f"repeat-{n}.jsonl"
    corpus.unlink(missing_ok=True)
    write_corpus(corpus, n, pattern)
    out = workdir / "out-repeat"
    rows = [("first run, empty cache", *_map(corpus, out, env))]
    rows.append(("same corpus again", *_map(corpus, out, env)))
    write_corpus(corpus, 100, pattern, start=n)  # 100 documents more (new ids, so new entries)
    rows.append(("after adding 100 documents", *_map(corpus, out, env)))
    rows.append((f"{n + 100:,} documents, --no-cache", *_map(corpus, out, env, "--no-cache")))
    first = rows[0][1]
    print("| run | seconds | share of the first run | peak RSS MB |")
    print("|---|---:|---:|---:|")
    for label, seconds, peak, _ in rows:
        print(f"| {label} | {seconds:.1f} | {seconds / first:.1%} | {peak:.0f} |")
    corpus.unlink()


def dask(n: int, pattern, env, workdir: Path) -> None:
    corpus = workdir / f"dask-{n}.jsonl"
    corpus.unlink(missing_ok=True)
    write_corpus(corpus, n, pattern)
    local = _map(corpus, workdir / "out-local", env, "--no-cache", "-j", "2")
    on_dask = _map(corpus, workdir / "out-dask", env, "--no-cache", "--engine", "dask", "-j", "2")
    same = [name for name in OUTPUTS if filecmp.cmp(workdir / "out-local" / name, workdir / "out-dask" / name,
                                                      shallow=False)]
    print("| engine | seconds | peak RSS MB | written |")
    print("|---|---:|---:|---|")
    print(f"| local processes (-j 2) | {local[0]:.1f} | {local[1]:.0f} | {local[2]} |")
    print(f"| Dask, local cluster of 2 workers | {on_dask[0]:.1f} | {on_dask[1]:.0f} | {on_dask[2]} |")
    print(f"\nbyte for byte the same: {', '.join(same) or 'none'} ({len(same)}/{len(OUTPUTS)} files)")
    corpus.unlink()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--memory", type=int, nargs="*", default=[], metavar="N")
    ap.add_argument("--repeat", type=int, metavar="N")
    ap.add_argument("--dask", type=int, metavar="N")
    ap.add_argument("--corpus", default=str(BENCHMARKS / "*" / "gold.jsonl"))
    args = ap.parse_args(argv)
    print(f"texts cycled from {args.corpus}; {os.cpu_count()} cores\n")
    with tempfile.TemporaryDirectory(prefix="strikemap-bench-") as tmp:
        workdir = Path(tmp)
        env = {**os.environ, "STRIKEMAP_PARSE_CACHE": str(workdir / "parses.sqlite")}
        if args.memory:
            memory(args.memory, args.corpus, env, workdir)
        if args.repeat:
            repeat(args.repeat, args.corpus, env, workdir)
        if args.dask:
            dask(args.dask, args.corpus, env, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
