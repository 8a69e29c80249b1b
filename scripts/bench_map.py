"""Map rendering: seconds, page size and peak memory for many events.

Parses the dev set and the built-in seeds with the real pipeline, then
cycles the events it found (new ids, dates spread over 60 days) up to
--events, renders them with ``maps.render_map`` and writes the page with
``save_map``, embedded (offline) and CDN-linked. Prints a Markdown table.

    python scripts/bench_map.py --events 1000 10000 --browser
    python scripts/bench_map.py --events 1000 --control deepstatemap_data_20250319.geojson

With --browser each offline page is also opened in Debian's headless
Chromium (/usr/bin/chromium, network blocked): seconds until the map is
drawn, markers and cluster icons in the DOM at the first view, and the
time to zoom in one step (a proxy for "the page stays responsive").
Before the table it times the indicative zones of the claims (uncached) and,
with --control, reading the control files and deriving their front lines.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset" / "gold.jsonl"


def real_events():
    """Events and claims from the seeds and (when present) the dev set texts."""
    import json

    from geo.text.documents import builtin_seeds, load_documents
    from geo.model import Document
    from geo.pipeline import parse_document

    docs, _ = load_documents([builtin_seeds()])
    if DEVSET.exists():
        with open(DEVSET, encoding="utf-8") as fh:
            for line in fh:
                item = json.loads(line)
                docs.append(Document(id=item["id"], text=item["text"]))
    parsed = [parse_document(d) for d in docs]
    events = [e for p in parsed for e in p.events if e.location is not None]
    claims = [c for p in parsed for c in p.area_claims]
    return events, claims


def cycled(events, n: int):
    start = dt.date(2025, 1, 1)
    return [dataclasses.replace(events[i % len(events)], id=f"bench-{i}", date=start + dt.timedelta(days=i % 60),
                                date_precision="day") for i in range(n)]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="*", default=[1000, 10000], help="event counts to render")
    ap.add_argument("--browser", action="store_true", help="also time the offline pages in headless Chromium")
    ap.add_argument("--control", nargs="*", default=[], metavar="FILE", help="control files drawn on every page")
    args = ap.parse_args(argv)

    from maps.render import render_map, save_map

    base, claims = real_events()
    if not base:
        sys.exit("no located events to cycle")
    print(f"{len(base)} located events from the seeds and dev set, cycled; {len(claims)} area claims\n")
    control = time_control(claims, args.control)
    print("| events | page | render s | save s | HTML MB | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|")
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.events:
            events = cycled(base, n)
            for cdn in (False, True):
                t0 = time.perf_counter()
                m = render_map(events, claims, cdn=cdn, documents_count=n, control=control)
                t1 = time.perf_counter()
                path = save_map(m, Path(tmp) / f"map-{n}-{cdn}.html")
                t2 = time.perf_counter()
                mb = Path(path).stat().st_size / 1e6
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"| {n} | {'CDN' if cdn else 'offline'} | {t1 - t0:.1f} | {t2 - t1:.1f} | {mb:.1f} | {rss:.0f} |")
                if not cdn:
                    pages.append((n, path))
        if args.browser:
            browser_table(pages)


def time_control(claims, paths):
    """Time the claims' zones (cache cleared) and the control files' snapshots and front lines; return the snapshots."""
    from maps import zones
    from maps.frontline import derived_front_lines
    from maps.geodesy import geodesic_length_km
    from geo.overlays import read_controls
    from maps.regions import countries, country_outline, load_regions

    load_regions()
    zones._builtin_zone.cache_clear()
    t0 = time.perf_counter()
    drawn = [z for z in zones.claim_zones(claims) if z is not None]
    t1 = time.perf_counter()
    print(f"indicative zones: {len(drawn)} of {len(claims)} claims drawn in {t1 - t0:.2f} s "
          f"({(t1 - t0) / max(1, len(claims)) * 1000:.0f} ms a claim, uncached)")
    if not paths:
        print()
        return None
    t0 = time.perf_counter()
    snaps = read_controls(paths)
    t1 = time.perf_counter()
    outlines = {cc: country_outline(cc) for cc in countries()}
    t2 = time.perf_counter()
    lines = derived_front_lines([s.areas for s in snaps], outlines)
    t3 = time.perf_counter()
    km = sum(geodesic_length_km(g) for g in lines)
    print(f"control: {len(snaps)} snapshots read in {t1 - t0:.2f} s; country outlines {t2 - t1:.2f} s; "
          f"front lines ({km:,.0f} km) derived in {t3 - t2:.2f} s\n")
    return snaps


def browser_table(pages) -> None:
    """Open each page in headless Chromium with the network blocked and time it."""
    from playwright.sync_api import sync_playwright

    print("\n| events | drawn after s | markers in DOM | cluster icons | zoom-in step s | console errors |")
    print("|---:|---:|---:|---:|---:|---:|")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for n, path in pages:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors = []
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
            t0 = time.perf_counter()
            page.goto(Path(path).as_uri())
            page.wait_for_selector(".leaflet-control-layers", timeout=120000)
            page.wait_for_selector(".marker-cluster, .sm-marker", timeout=120000)
            drawn = time.perf_counter() - t0
            markers = page.locator(".sm-marker").count()
            clusters = page.locator(".marker-cluster").count()
            t1 = time.perf_counter()
            page.locator(".leaflet-control-zoom-in").click()
            page.wait_for_timeout(50)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            zoom = time.perf_counter() - t1
            print(f"| {n} | {drawn:.1f} | {markers} | {clusters} | {zoom:.2f} | {len(errors)} |")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
