"""How a map page opens and pans in headless Chromium at 1280x720, with screenshots.

Prints one JSON line: HTML size, load time (navigation to a drawn map), the share of
the map the controls cover on load, names shown, and the frame times of a pan and a
zoom. Optionally saves screenshots of the opening view and of a close view (zoom
``--zoom`` on the event nearest the middle of all events, or on ``--center``).

    .venv/bin/python scripts/bench_map_view.py /tmp/dev/map.html --shots docs/map-dev-after
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 720}
MAP = "Object.values(window).find(v => v instanceof L.Map)"

#: Share of the map covered by the union of the control boxes (a 4 px grid, so overlaps count once).
COVERAGE_JS = """() => {
  const m = document.querySelector('.leaflet-container').getBoundingClientRect();
  const sel = '.leaflet-control-container .leaflet-control, .sm-title';
  const boxes = [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect())
    .filter(b => b.width > 0 && b.height > 0);
  let hit = 0, all = 0;
  for (let y = m.top; y < m.bottom; y += 4) for (let x = m.left; x < m.right; x += 4) {
    all++; if (boxes.some(b => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) hit++; }
  return hit / all;
}"""

#: Frame times (ms) while ``action`` animates the map.
FRAMES_JS = """async (action) => {
  const map = %s; const times = []; let last = performance.now(), run = true;
  function tick(t) { times.push(t - last); last = t; if (run) requestAnimationFrame(tick); }
  requestAnimationFrame(tick);
  await new Promise(res => { map.once('moveend', res); eval(action); });
  await new Promise(res => setTimeout(res, 150)); run = false;
  times.sort((a, b) => a - b);
  return {frames: times.length, median_ms: times[Math.floor(times.length / 2)],
          p95_ms: times[Math.floor(times.length * 0.95)], max_ms: times[times.length - 1]};
}""" % MAP

CLOSE_CENTRE_JS = """() => {
  const pts = (window.smItems || []).filter(i => i.layer.getLatLng).map(i => i.layer.getLatLng());
  if (!pts.length) return null;
  const med = k => pts.map(p => p[k]).sort((a, b) => a - b)[Math.floor(pts.length / 2)];
  const c = L.latLng(med('lat'), med('lng'));
  return pts.reduce((b, p) => c.distanceTo(p) < c.distanceTo(b) ? p : b, pts[0]);
}"""


def measure(path: Path, shots: str | None, zoom: float, center: tuple | None) -> dict:
    from playwright.sync_api import sync_playwright

    out = {"html_bytes": path.stat().st_size}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=VIEWPORT)
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_selector(".leaflet-control-layers", timeout=30000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out["load_s"] = round(time.perf_counter() - start, 3)
        page.wait_for_timeout(300)
        out["controls_cover"] = round(page.evaluate(COVERAGE_JS), 3)
        out["names_shown"] = page.locator(".sm-name").count()
        out["names_draw_ms"] = page.evaluate("() => window.smNamesMs === undefined ? null : window.smNamesMs")
        if shots:
            page.screenshot(path=f"{shots}-open.png")
        out["pan"] = page.evaluate(FRAMES_JS, "map.panBy([400, 200], {duration: 1.0})")
        out["zoom"] = page.evaluate(FRAMES_JS, "map.zoomIn(1)")
        c = {"lat": center[0], "lng": center[1]} if center else page.evaluate(CLOSE_CENTRE_JS)
        if c:
            page.evaluate(f"() => {MAP}.setView([{c['lat']}, {c['lng']}], {zoom}, {{animate: false}})")
            page.wait_for_timeout(400)
            out["close_view"] = [round(c["lat"], 3), round(c["lng"], 3), zoom]
            out["names_shown_close"] = page.locator(".sm-name").count()
            if shots:
                page.screenshot(path=f"{shots}-close.png")
        out["console_errors"] = errors
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("--shots", help="screenshot path prefix (writes PREFIX-open.png and PREFIX-close.png)")
    ap.add_argument("--zoom", type=float, default=9.5)
    ap.add_argument("--center", help="LAT,LON of the close view")
    a = ap.parse_args()
    center = tuple(float(v) for v in a.center.split(",")) if a.center else None
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} missing: apt-get install -y chromium")
    print(json.dumps(measure(a.html, a.shots, a.zoom, center)))


if __name__ == "__main__":
    main()
