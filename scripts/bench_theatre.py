"""Share of events placed outside the war's theatre, on every shared text run as a war report.

The dev sets, the seeds and the four benchmark corpora (LGL, GeoWebNews,
TR-News, GeoVirus) go through the runner as they are, the path every command
takes. An event outside the theatre is one whose place lies outside Ukraine,
Russia, Belarus, Moldova, the Black Sea and the Sea of Azov (issue 9's
goal: at most 0.5 % of events). The script also prints strike, interception
and ground events per report on each corpus (issue 10's goal for the news
corpora LGL and GeoWebNews: at most 0.02).

    python scripts/bench_theatre.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpora() -> dict[str, list]:
    from geo.model import Document

    out: dict[str, list] = {}
    for path in sorted(SHARED.glob("**/gold.jsonl")):
        name = path.parent.name
        with path.open(encoding="utf-8") as fh:
            out[name] = [Document(f"{name}:{n}", json.loads(line)["text"]) for n, line in enumerate(fh, 1)]
    out["seeds"] = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return out


def main() -> int:
    from geo.events.war import in_theatre
    from geo.runner import parse_many

    total = outside = 0
    print("| corpus | reports | events | per report | outside the theatre | where |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, docs in corpora().items():
        parsed = parse_many(docs, progress=False, cache=False)
        events = [e for p in parsed for e in p.events]
        away = [e for e in events if e.location is not None and not in_theatre(e.location.place)]
        where = Counter(e.location.place.country_code or "-" for e in away)
        total, outside = total + len(events), outside + len(away)
        print(f"| {name} | {len(docs)} | {len(events)} | {len(events) / len(docs):.3f} | {len(away)} | "
              f"{', '.join(f'{c} {n}' for c, n in where.most_common(5))} |")
    print(f"\nall: {outside}/{total} events outside the theatre = {outside / max(1, total):.2%} (goal <= 0.5 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
