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
import glob
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
STRIKEMAP = str(Path(sys.executable).with_name("strikemap"))
OUTPUTS = ("events.geojson", "area_claims.geojson", "events.csv", "regions.csv", "summary.md")


def texts(pattern: str) -> list[tuple[str, str]]:
    out = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                item = json.loads(line)
                if item.get("text", "").strip():
                    out.append((f"{Path(path).parent.name}-{item['id']}", item["text"]))
    if not out:
        sys.exit(f"no texts in {pattern}")
    return out


def write_corpus(path: Path, n: int, source: list[tuple[str, str]], start: int = 0) -> int:
    """``n`` documents cycled from ``source`` (ids ``NAME~K``); returns the bytes of text written."""
    size = 0
    with path.open("a", encoding="utf-8") as fh:
        for i in range(start, start + n):
            name, text = source[i % len(source)]
            fh.write(json.dumps({"id": f"{name}~{i // len(source)}", "text": text}) + "\n")
            size += len(text.encode())
    return size


def measure(args: list[str], env: dict) -> tuple[float, float, subprocess.CompletedProcess]:
    """Seconds and peak RSS (MB, the process and its children) of one command."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                total = parent.memory_info().rss + sum(c.memory_info().rss for c in parent.children(recursive=True))
                peak = max(peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    return seconds, peak / 1e6, subprocess.CompletedProcess(args, proc.returncode, out, err)


def _map(corpus: Path, out: Path, env: dict, *extra: str):
    seconds, peak, done = measure([STRIKEMAP, "map", str(corpus), "-o", str(out), "--force", *extra], env)
    if done.returncode != 0:
        sys.exit(f"map failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, peak, done.stderr.strip().splitlines()[-1]


def memory(sizes: list[int], source, env, workdir: Path) -> None:
    print("| documents | MB of text | seconds | documents/s | peak RSS MB (all processes) | events written |")
    print("|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        corpus = workdir / f"mem-{n}.jsonl"
        corpus.unlink(missing_ok=True)
        size = write_corpus(corpus, n, source)
        seconds, peak, said = _map(corpus, workdir / f"out-{n}", env, "--no-cache")
        print(f"| {n:,} | {size / 1e6:.1f} | {seconds:.1f} | {n / seconds:.0f} | {peak:.0f} | {said} |", flush=True)
        corpus.unlink()


def repeat(n: int, source, env, workdir: Path) -> None:
    corpus = workdir / f"repeat-{n}.jsonl"
    corpus.unlink(missing_ok=True)
    write_corpus(corpus, n, source)
    out = workdir / "out-repeat"
    rows = [("first run, empty cache", *_map(corpus, out, env))]
    rows.append(("same corpus again", *_map(corpus, out, env)))
    write_corpus(corpus, 100, source, start=n)  # 100 documents more (new ids, so new entries)
    rows.append(("after adding 100 documents", *_map(corpus, out, env)))
    rows.append((f"{n + 100:,} documents, --no-cache", *_map(corpus, out, env, "--no-cache")))
    first = rows[0][1]
    print("| run | seconds | share of the first run | peak RSS MB |")
    print("|---|---:|---:|---:|")
    for label, seconds, peak, _ in rows:
        print(f"| {label} | {seconds:.1f} | {seconds / first:.1%} | {peak:.0f} |")
    corpus.unlink()


def dask(n: int, source, env, workdir: Path) -> None:
    corpus = workdir / f"dask-{n}.jsonl"
    corpus.unlink(missing_ok=True)
    write_corpus(corpus, n, source)
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
    source = texts(args.corpus)
    print(f"texts: {len(source):,} distinct, from {args.corpus}; {os.cpu_count()} cores\n")
    with tempfile.TemporaryDirectory(prefix="strikemap-bench-") as tmp:
        workdir = Path(tmp)
        env = {**os.environ, "STRIKEMAP_PARSE_CACHE": str(workdir / "parses.sqlite")}
        if args.memory:
            memory(args.memory, source, env, workdir)
        if args.repeat:
            repeat(args.repeat, source, env, workdir)
        if args.dask:
            dask(args.dask, source, env, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
