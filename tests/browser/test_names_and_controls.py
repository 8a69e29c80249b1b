"""The seed map as a person opens it on a 1280x720 laptop screen (issue 21), in Debian's headless Chromium.

Names of places are text on the map at the opening view and at close zoom; the
controls stay out of the way; nothing fails in the console. The map is drawn by
the real command (`strikemap map` on the built-in seeds) with the real gazetteer.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM) and not shutil.which("chromium"), reason="needs Debian chromium"),
]
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))
from bench_map_view import COVERAGE_JS  # noqa: E402  the same measure as the benchmark

MAP = "Object.values(window).find(v => v instanceof L.Map)"


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory):
    out = tmp_path_factory.mktemp("seedmap")
    exe = Path(sys.executable).with_name("strikemap")
    subprocess.run([str(exe), "map", "-o", str(out), "--force", "-j", "1", "--no-progress"], check=True,
                   capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def open_map(browser, seed_map):
    """The seed map at 1280x720, the network blocked, console errors kept in ``errors``."""
    pg = browser.new_page(viewport={"width": 1280, "height": 720})
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    pg.goto((seed_map / "map.html").as_uri())
    pg.wait_for_selector(".leaflet-control-layers", timeout=15000)
    pg.wait_for_timeout(300)
    return pg


@pytest.fixture(scope="module")
def page(browser, seed_map):
    pg = open_map(browser, seed_map)
    yield pg
    pg.close()


def shown_names(page) -> list[str]:
    """Names drawn as text and visible inside the map (not hover labels)."""
    return page.evaluate("""() => { const m = document.querySelector('.leaflet-container').getBoundingClientRect();
        return [...document.querySelectorAll('.sm-name')].filter(e => { const b = e.getBoundingClientRect();
            return b.width > 0 && b.right > m.left && b.left < m.right && b.bottom > m.top && b.top < m.bottom
                && getComputedStyle(e).visibility !== 'hidden'; }).map(e => e.textContent); }""")


def test_opening_view_names_cities_and_regions(page):
    names = shown_names(page)
    assert len(names) >= 8, names
    assert page.locator(".leaflet-tooltip").count() == 0  # text on the map, not hover labels


def test_names_do_not_overlap_and_lie_under_the_symbols(page):
    boxes = page.evaluate("""() => [...document.querySelectorAll('.sm-name')].map(e => {
        const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })""")
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
    assert not overlaps
    z = page.evaluate(f"() => [+{MAP}.getPane('smNames').style.zIndex, +{MAP}.getPane('markerPane').style.zIndex"
                      " || 600, +(getComputedStyle(" + MAP + ".getPane('markerPane')).zIndex)]")
    assert z[0] < max(z[1], z[2])


def test_named_place_of_an_event_at_zoom_10(page, seed_map):
    feats = json.loads((seed_map / "events.geojson").read_text())["features"]
    named = [f for f in feats if f["properties"]["precision"] in (1, 2) and f["properties"]["place_kind"] == "place"]
    assert named
    for f in named:
        lon, lat = f["geometry"]["coordinates"]
        page.evaluate(f"() => {MAP}.setView([{lat}, {lon}], 10, {{animate: false}})")
        page.wait_for_timeout(200)
        assert f["properties"]["place_name"] in shown_names(page)
        assert page.locator(".leaflet-tooltip").count() == 0


def test_controls_cover_at_most_15_percent_on_load(browser, seed_map):
    pg = open_map(browser, seed_map)  # a fresh page: the view as loaded, nothing hovered
    cover = pg.evaluate(COVERAGE_JS)
    folded = pg.evaluate("() => [document.querySelector('.sm-legend details').open, document.querySelector("
                         "'.leaflet-control-layers').classList.contains('leaflet-control-layers-expanded')]")
    pg.locator(".sm-legend summary").click()
    opened = pg.evaluate("() => document.querySelector('.sm-legend details').open")
    errors = pg.errors
    pg.close()
    assert errors == []
    assert 0 < cover <= 0.15
    assert folded == [False, False] and opened


def test_no_console_errors(page):
    page.evaluate(f"() => {MAP}.setView([48.5, 35], 7, {{animate: false}})")
    page.wait_for_timeout(200)
    assert page.errors == []
