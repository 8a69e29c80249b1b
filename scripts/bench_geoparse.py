#!/usr/bin/env python
"""Geoparsing benchmark: strikemap beside a geotext baseline on LGL, GeoWebNews, TR-News, GeoVirus and the dev set.

One run on this machine, one process, one core. For each corpus it scores
recognition and resolution with ``geo.evaluate.places`` (the convention of
``../shared/benchmarks/README.md``) and times the parser over the texts
after the gazetteer store is open (wall clock and CPU time; documents/s and
MB/s of UTF-8 text).

The baseline is ``geotext`` 0.4 (a user's obvious offline pick): its own
candidate pattern and its own city/country index, with character offsets
recovered by running the same pattern with ``re.finditer`` (geotext returns
bare strings); nationalities are not used (geotext lists them apart). Each
hit is resolved through our gazetteer: a country hit to the country with
geotext's ISO code, a city hit to the most populous populated place the
gazetteer returns for that name. Every baseline mention is an event location.

Usage (from the repository root):

    .venv/bin/python scripts/bench_geoparse.py --markdown bench/geoparse-run.md --json bench/geoparse-run.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ("lgl", "geowebnews", "tr-news", "geovirus")
NAMES = {"lgl": "LGL", "geowebnews": "GeoWebNews", "tr-news": "TR-News", "geovirus": "GeoVirus", "devset": "devset"}

# geotext 0.4.0's candidate pattern (GeoText.__init__), copied to recover offsets.
GEOTEXT_CANDIDATE = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")


def geotext_mentions(text: str, gaz, cache: dict) -> list:
    """geotext's city and country hits, with offsets, resolved through the gazetteer."""
    from geotext import GeoText

    from geo.model import EVENT_LOCATION, ResolvedMention

    index = GeoText.index
    out = []
    for m in GEOTEXT_CANDIDATE.finditer(text):
        surface = m.group().strip()
        key = surface.lower()
        if key in index.countries:
            place = _geotext_country(surface, index.countries[key], gaz, cache)
        elif key in index.cities:
            place = _geotext_city(surface, gaz, cache)
        else:
            continue
        out.append(ResolvedMention(m.start(), m.start() + len(surface), surface, 0, place, EVENT_LOCATION, 1))
    return out


def _geotext_country(surface, code, gaz, cache):
    key = ("country", surface)
    if key not in cache:
        hits = gaz.search(surface, kind="country", limit=5)
        cache[key] = next((p for p in hits if p.country_code == code), hits[0] if hits else None)
    return cache[key]


def _geotext_city(surface, gaz, cache):
    key = ("city", surface)
    if key not in cache:
        hits = gaz.search(surface, kind="place", limit=20)
        cache[key] = max(hits, key=lambda p: p.population, default=None)
    return cache[key]


def geotext_agrees(text: str) -> bool:
    """Check that the offset recovery returns what GeoText itself returns."""
    from geotext import GeoText

    g = GeoText(text)
    index = GeoText.index
    ours = [m.group().strip() for m in GEOTEXT_CANDIDATE.finditer(text)]
    ours = [s for s in ours if s.lower() in index.countries or s.lower() in index.cities]
    return sorted(ours) == sorted(g.countries + g.cities)


def run(system: str, docs, gaz) -> tuple[list, list, float, float]:
    """Predictions for every document, failed ids, wall seconds, CPU seconds."""
    from geo.pipeline import parse_document

    preds, failed, cache = [], [], {}
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        if system == "geotext":
            preds.append(geotext_mentions(doc.text, gaz, cache))
            continue
        try:
            preds.append(parse_document(doc.to_document(), gaz).mentions)
        except Exception as exc:  # noqa: BLE001 - count it, keep measuring
            print(f"  {doc.id}: parser failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            preds.append(())
            failed.append(doc.id)
    return preds, failed, time.perf_counter() - wall, time.process_time() - cpu


def f(x, digits=3):
    if x is None:
        return "-"
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", type=Path, default=SHARED / "benchmarks")
    ap.add_argument("--devset", type=Path, default=SHARED / "devset" / "gold.jsonl")
    ap.add_argument("--corpora", nargs="*", default=list(CORPORA) + ["devset"])
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus (for a quick try)")
    ap.add_argument("--markdown", type=Path, help="also write the tables here")
    ap.add_argument("--json", type=Path, help="write every figure here")
    args = ap.parse_args(argv)

    from gazetteer import default_gazetteer
    from geo.evaluate.gold import attach_codes, load_gold
    from geo.evaluate.places import error_categories, evaluate

    t0 = time.perf_counter()
    gaz = default_gazetteer()
    gaz.search("Kyiv", limit=1)
    open_s = time.perf_counter() - t0

    results = {}
    for name in args.corpora:
        path = args.devset if name == "devset" else args.benchmarks / name / "gold.jsonl"
        docs = attach_codes(load_gold(path)[: args.limit], gaz)
        n_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
        results[name] = {"documents": len(docs), "bytes": n_bytes}
        for system in ("strikemap", "geotext"):
            preds, failed, wall, cpu = run(system, docs, gaz)
            report = evaluate(docs, preds, failed)
            entry = report.to_dict()
            entry["seconds_wall"] = round(wall, 3)
            entry["seconds_cpu"] = round(cpu, 3)
            entry["docs_per_s"] = round(len(docs) / wall, 1) if wall else None
            entry["mb_per_s"] = round(n_bytes / 1e6 / wall, 3) if wall else None
            entry["mb_per_cpu_s"] = round(n_bytes / 1e6 / cpu, 3) if cpu else None
            if system == "strikemap":
                entry["error_categories"] = error_categories(docs, preds)
            else:
                entry["geotext_offsets_agree"] = sum(geotext_agrees(d.text) for d in docs)
            results[name][system] = entry
            print(
                f"{NAMES[name]:10s} {system:9s} F1 {f(entry['recognition']['f1'])} "
                f"Acc@161 {f(entry['resolution']['accuracy'])} {entry['docs_per_s']} docs/s "
                f"{entry['mb_per_s']} MB/s ({wall:.1f} s)",
                file=sys.stderr,
            )

    md = markdown(results, open_s)
    print(md)
    meta = {"store_open_seconds": round(open_s, 3), "python": sys.version.split()[0], "cpus": os.cpu_count()}
    if args.markdown:
        write_atomic(args.markdown, md)
    if args.json:
        write_atomic(args.json, json.dumps({"meta": meta, "results": results}, indent=1, ensure_ascii=False))
    return 0


def markdown(results: dict, open_s: float) -> str:
    bench = [c for c in results if c != "devset"]
    lines = [f"Store opened (first search included) in {open_s:.2f} s; timings exclude it.", ""]
    lines += [
        "### Recognition (gold = `toponyms` + `recognition_only`; adjectival and demonym uses left out)",
        "",
        "| corpus | system | gold | predicted | P | R | F1 | exact P | exact R | exact F1 | F1 with adjectival |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in bench + (["devset"] if "devset" in results else []):
        for s in ("strikemap", "geotext"):
            r = results[c][s]["recognition"]
            ra = results[c][s]["with_adjectival"]["recognition"]
            lines.append(
                f"| {NAMES[c]} | {s} | {r['gold']} | {r['predicted']} | {f(r['precision'])} | {f(r['recall'])} | "
                f"**{f(r['f1'])}** | {f(r['exact_precision'])} | {f(r['exact_recall'])} | {f(r['exact_f1'])} | {f(ra['f1'])} |"
            )
    lines += [
        "",
        "### Resolution, end to end (countries and ADM1 by code, others within 161 km; missed = wrong)",
        "",
        "| corpus | system | gold | found | Acc@161km | Acc@161km with adjectival | Acc@161km on found | mean km (found) | median km (found) | AUC | AUC on found |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in bench:
        for s in ("strikemap", "geotext"):
            r = results[c][s]["resolution"]
            ra = results[c][s]["with_adjectival"]["resolution"]
            lines.append(
                f"| {NAMES[c]} | {s} | {r['gold']} | {r['found']} | **{f(r['accuracy'])}** | {f(ra['accuracy'])} | "
                f"{f(r['accuracy_found'])} | {f(r['mean_km'], 0)} | {f(r['median_km'], 1)} | {f(r['auc'])} | {f(r['auc_found'])} |"
            )
    lines += [
        "",
        "### Throughput (one process, after the store is open; wall clock on a shared 2-core machine, and per CPU second)",
        "",
        "| corpus | docs | MB | system | seconds | docs/s | MB/s | MB per CPU-s |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for c in results:
        for s in ("strikemap", "geotext"):
            e = results[c][s]
            lines.append(
                f"| {NAMES[c]} | {results[c]['documents']} | {results[c]['bytes'] / 1e6:.2f} | {s} | {e['seconds_wall']} | "
                f"{e['docs_per_s']} | {e['mb_per_s']} | {e['mb_per_cpu_s']} |"
            )
    if "devset" in results:
        lines += [
            "",
            "### Dev set (47 war reports): event places, metonyms, recall by kind, roles",
            "",
            "| system | event places scored | right (161 km / code) | right (25 km / code) | right on found | metonyms as event location | role accuracy | regions read as ADM1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for s in ("strikemap", "geotext"):
            d = results["devset"][s]["devset"]
            lines.append(
                f"| {s} | {d['event_places']} | **{f(d['event_places_right_161km'])}** | {f(d['event_places_right_25km'])} | "
                f"{f(d['event_places_right_on_found'])} | {d['metonyms_as_event_location']}/{d['metonyms']} = "
                f"**{f(d['metonym_rate'])}** | {f(d['role_accuracy'])} | "
                f"{d['regions_read_as_regions']['adm1']}/{d['regions_read_as_regions']['of']} |"
            )
        lines += ["", "| kind | gold mentions | recall strikemap | recall geotext | event places right strikemap | event places right geotext |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        ds, dg = results["devset"]["strikemap"]["devset"], results["devset"]["geotext"]["devset"]
        for kind, v in ds["recall_by_kind"].items():
            es, eg = ds["event_right_by_kind"][kind], dg["event_right_by_kind"][kind]
            lines.append(
                f"| {kind} | {v['gold']} | {f(v['recall'])} | {f(dg['recall_by_kind'][kind]['recall'])} | "
                f"{f(es['accuracy'])} ({es['right']}/{es['scored']}) | {f(eg['accuracy'])} ({eg['right']}/{eg['scored']}) |"
            )
        conf = ds["role_confusion"]
        lines += ["", "Roles, gold (rows) against strikemap's prediction (columns):", "", "| gold \\ predicted | event_location | actor_metonym | other | missed |", "| --- | ---: | ---: | ---: | ---: |"]
        for g, row in conf.items():
            lines.append(f"| {g} | " + " | ".join(str(row.get(p, 0)) for p in ("event_location", "actor_metonym", "other", "missed")) + " |")
    lines += ["", "### Error categories (strikemap; counts, adjectival uses left out)", ""]
    for c in results:
        cats = results[c]["strikemap"]["error_categories"]
        lines.append(f"- **{NAMES[c]}**")
        for what in ("missed", "wrong", "false_positive"):
            top = list(cats[what].items())[:6]
            lines.append(f"  - {what}: " + ", ".join(f"{k} {v}" for k, v in top))
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    from geo.outputs.atomic import atomic_path

    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
