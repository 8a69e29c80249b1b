"""Benchmark: district, raion and hromada names resolved to their administrative centres.

Cases are real Russian and Ukrainian district names with their true centres,
written for this benchmark (``scripts/data/district_centres.csv``). Each name is
given to ``gazetteer.districts.centre`` with its region's name; the answer is
right when it is a place of that region that the true centre's name (or a
romanisation of it) names.

    .venv/bin/python scripts/bench_districts.py            # share right, and the misses
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from gazetteer import Gazetteer, districts

DATA = Path(__file__).resolve().parent / "data" / "district_centres.csv"


def cases(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def main() -> None:
    gaz = Gazetteer.open()
    rows = cases()
    right, misses = 0, []
    t0 = time.perf_counter()
    for row in rows:
        got = districts.centre(gaz, row["name"], country=row["country"], admin1=row["region"])
        unit = gaz.search(f"{row['region']} region", country=row["country"], kind="adm1", limit=1)[0]
        truth = {p.geonameid for p in gaz.lookup(row["centre"], country=row["country"])
                 if p.admin1_code == unit.admin1_code and p.kind == "place"}
        if got is not None and got.geonameid in truth:
            right += 1
        else:
            misses.append((row, got, bool(truth)))
    dt = time.perf_counter() - t0
    print(f"district names: {len(rows)} ({sum(r['country'] == 'UA' for r in rows)} UA, {sum(r['country'] == 'RU' for r in rows)} RU)")
    print(f"right:          {right / len(rows):.3f} ({right}/{len(rows)})")
    print(f"time:           {dt / len(rows) * 1e3:.2f} ms per name")
    for row, got, known in misses:
        said = f"{got.name} (pop {got.population})" if got else "None"
        print(f"  miss: {row['name']} ({row['region']}): want {row['centre']}"
              f"{'' if known else ' [centre not in the gazetteer]'}, got {said}")


if __name__ == "__main__":
    main()
