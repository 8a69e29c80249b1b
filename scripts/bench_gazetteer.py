"""Benchmark the offline gazetteer: first build, fresh-process open, lookup latency, peak memory.

Names are 10,000 gold toponym names sampled (seeded, with replacement) from the
benchmark corpora and the dev set, so the mix of hits, misses and repeats is
that of real text. Latency is reported uncached (LRU cleared before each call)
and warm (the same names again, as a long-running pipeline sees them).

    .venv/bin/python scripts/bench_gazetteer.py            # all figures (builds once into a temp dir)
    .venv/bin/python scripts/bench_gazetteer.py --no-build # skip the first-build figure
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "benchmarks" / n / "gold.jsonl" for n in ("lgl", "geowebnews", "tr-news", "geovirus")]
CORPORA.append(ROOT.parent / "shared" / "devset" / "gold.jsonl")


def gold_names(paths: list[Path]) -> list[str]:
    names = []
    for path in paths:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                for key in ("toponyms", "recognition_only", "places", "mentions"):
                    for t in doc.get(key) or ():
                        if isinstance(t, dict) and t.get("name"):
                            names.append(t["name"])
                        elif isinstance(t, dict) and isinstance(t.get("text"), str):
                            names.append(t["text"])
    return names


_OPEN = """
import time
t0 = time.perf_counter()
from gazetteer import Gazetteer
t1 = time.perf_counter()
g = Gazetteer.open()
t2 = time.perf_counter()
g.search("Kharkiv region")
t3 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t1:.4f} {t3 - t2:.4f}")
"""

_LOOKUPS = """
import json, resource, sys, time
import numpy as np
from gazetteer import Gazetteer
names = json.load(sys.stdin)
g = Gazetteer.open()
def run(fn, clear):
    out = []
    for n in names:
        if clear:
            g._search_cached.cache_clear(); g._exact_cached.cache_clear()
        t = time.perf_counter_ns(); fn(n); out.append(time.perf_counter_ns() - t)
    a = np.array(out) / 1e6
    return {"median_ms": float(np.median(a)), "p99_ms": float(np.percentile(a, 99)), "mean_ms": float(a.mean())}
res = {
    "search_uncached": run(g.search, True),
    "search_warm": run(g.search, False),
    "exact_uncached": run(g.exact, True),
    "exact_warm": run(g.exact, False),
}
t = time.perf_counter(); r = g.reverse(50.45, 30.52); res["reverse_first_ms"] = (time.perf_counter() - t) * 1e3
ts = []
for lat, lon in zip(np.random.default_rng(0).uniform(44, 56, 1000), np.random.default_rng(1).uniform(22, 48, 1000)):
    t = time.perf_counter_ns(); g.reverse(lat, lon); ts.append(time.perf_counter_ns() - t)
res["reverse_median_ms"] = float(np.median(ts) / 1e6)
res["hits"] = sum(bool(g.search(n, limit=1)) for n in names)
res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(res))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-build", action="store_true", help="skip timing a first build")
    ap.add_argument("-n", type=int, default=10_000, help="number of names (default 10000)")
    args = ap.parse_args()
    py = sys.executable
    env = dict(os.environ)

    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            benv = dict(env, STRIKEMAP_CACHE_DIR=tmp)
            code = ("import time,resource;t=time.perf_counter();from gazetteer import Gazetteer;Gazetteer.open();"
                    "print(time.perf_counter()-t, max(resource.getrusage(w).ru_maxrss for w in "
                    "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))/1024)")
            out = subprocess.run([py, "-c", code], env=benv, capture_output=True, text=True, check=True).stdout.split()
            size = sum(p.stat().st_size for p in Path(tmp).glob("*.sqlite")) / 1e6
            print(f"first build:           {float(out[0]):.1f} s (peak RSS of the building process {float(out[1]):.0f} MB, store {size:.0f} MB)")

    subprocess.run([py, "-c", "from gazetteer import Gazetteer; Gazetteer.open()"], env=env, check=True)  # ensure built
    opens = []
    for _ in range(5):
        out = subprocess.run([py, "-c", _OPEN], env=env, capture_output=True, text=True, check=True).stdout.split()
        opens.append([float(x) for x in out])
    opens.sort(key=lambda r: r[1])
    imp, opn, first = opens[len(opens) // 2]
    print(f"fresh-process open:    {opn * 1e3:.1f} ms (median of 5; import {imp * 1e3:.0f} ms, first search {first * 1e3:.1f} ms)")

    pool = gold_names(CORPORA)
    rng = random.Random(0)
    names = [rng.choice(pool) for _ in range(args.n)]
    print(f"names:                 {len(names)} sampled from {len(pool)} gold toponyms ({len(set(names))} distinct)")
    res = json.loads(subprocess.run([py, "-c", _LOOKUPS], env=env, input=json.dumps(names), capture_output=True,
                                    text=True, check=True).stdout)
    for key in ("search_uncached", "search_warm", "exact_uncached", "exact_warm"):
        r = res[key]
        print(f"{key + ':':<22} median {r['median_ms']:.4f} ms, p99 {r['p99_ms']:.3f} ms, mean {r['mean_ms']:.4f} ms")
    print(f"reverse:               first call {res['reverse_first_ms']:.1f} ms (loads arrays), then median {res['reverse_median_ms']:.3f} ms")
    print(f"names found:           {res['hits']}/{len(names)}")
    print(f"peak RSS (open + all lookups): {res['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
