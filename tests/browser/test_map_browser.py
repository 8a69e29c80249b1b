"""The map page in a real browser: Debian's headless Chromium, every network request blocked.

Saves test-artifacts/map.png, seeds-map.png, deepstate-map.png and outlier-map.png for a look.
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape

from control_files import occupied_shape, write_deepstate_like
from geo.model import RU, STRIKE, Event, Location
from maps import render_map, save_map
from maps.geodesy import geodesic_area_km2, isoperimetric_quotient
from integration.test_map_render import DAY2, SIX, place, sample, source

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM) and not shutil.which("chromium"), reason="needs Debian chromium"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


class Page:
    """A page opened from a file with the network blocked, recording what went wrong."""

    def __init__(self, browser, path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors, self.dialogs, self.blocked = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(Path(path).as_uri())
        self.page.wait_for_selector(".leaflet-control-layers", timeout=15000)
        self.page.wait_for_timeout(300)
        # The layer list starts folded below 1500 px (issue 21); these tests read and click it.
        self.page.evaluate("document.querySelector('.leaflet-control-layers')"
                           ".classList.add('leaflet-control-layers-expanded')")

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def count(self, selector):
        return self.page.locator(selector).count()

    def labels_open(self) -> int:
        """Hover labels and popups open in the page."""
        return self.count(".leaflet-tooltip") + self.count(".leaflet-popup")

    def js(self, body: str):
        """Evaluate ``body`` with ``map`` bound to the page's Leaflet map."""
        return self.page.evaluate("() => { const map = Object.values(window).find(v => v instanceof L.Map); "
                                  + body + " }")

    def features(self, class_name: str) -> list:
        """GeoJSON of the page's vector features whose style class includes ``class_name``."""
        return self.js(f"""const out = [];
            map.eachLayer(l => {{ const p = l.feature && l.feature.properties;
                if (p && p.sm_style && (p.sm_style.className || '').split(' ').includes({class_name!r})
                    && l.toGeoJSON) {{ out.push(l.toGeoJSON(8)); }} }});
            return out;""")

    def view(self) -> tuple:
        """(west, south, east, north) of what the page shows."""
        return tuple(self.js("const b = map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];"))


@pytest.fixture(scope="module")
def sample_page(browser, tmp_path_factory):
    events, claims = sample()
    path = save_map(render_map(events, claims, documents_count=3), tmp_path_factory.mktemp("map") / "map.html")
    page = Page(browser, path)
    yield page
    page.page.close()


def test_draws_expected_numbers(sample_page):
    ARTIFACTS.mkdir(exist_ok=True)
    sample_page.page.screenshot(path=str(ARTIFACTS / "map.png"))  # as first opened, before any click
    assert sample_page.count(".sm-marker") == 2  # Kharkiv (RU) and the village (UA); "Other places" is off
    assert sample_page.count("path.sm-region-report") == 6
    assert sample_page.count("path.sm-region-interception") == 1
    assert sample_page.count("path.sm-control-area") == 1
    assert sample_page.labels_open() == 0  # no label is open on load


def test_labels_open_on_hover_one_at_a_time(sample_page):
    page = sample_page.page
    sample_page.js("window.smStart = map.getBounds(); const z = map.getPane('smClaims'); "
                   "map.fitBounds(L.geoJSON(" + json.dumps(sample_page.features("sm-control-indicative")[0])
                   + ").getBounds(), {animate: false, maxZoom: 10}); return 0;")
    page.wait_for_timeout(300)
    zone = page.locator("path.sm-control-indicative")
    zone.hover()  # inside the shaded Kursk region too: the zone lies above it
    page.wait_for_timeout(200)
    assert sample_page.count(".leaflet-tooltip") == 1
    tip = page.locator(".leaflet-tooltip").inner_text()
    assert "INDICATIVE" in tip and "a Ukrainian commander" in tip and "2025-03-18" in tip
    box = zone.bounding_box()
    page.mouse.move(box["x"] + box["width"] + 60, box["y"] + box["height"] / 2)  # onto the region around it
    page.wait_for_timeout(200)
    assert sample_page.count(".leaflet-tooltip") <= 1
    assert "INDICATIVE" not in " ".join(page.locator(".leaflet-tooltip").all_inner_texts())
    zone.click()
    page.locator(".leaflet-popup-content").wait_for(timeout=5000)
    text = page.locator(".leaflet-popup-content").inner_text()
    assert "INDICATIVE" in text and "200 km²" in text and "Ukraine" in text
    page.mouse.move(box["x"] + box["width"] + 60, box["y"] + box["height"] / 2)
    page.wait_for_timeout(200)
    assert sample_page.labels_open() == 1  # the popup alone, no hover label beside it
    page.evaluate("() => { document.querySelectorAll('.leaflet-popup-close-button').forEach(b => b.click()); }")
    sample_page.js("map.fitBounds(window.smStart, {animate: false}); return 0;")
    page.wait_for_timeout(300)


def test_layer_control_lists_layers_with_counts(sample_page):
    text = sample_page.page.locator(".leaflet-control-layers").inner_text()
    for name in ["Strikes by Russia (1)", "Strikes by Ukraine (1)", "Interception reports (1)",
                 "Region-level reports (6)", "Reported areas of control (1)", "Other places (1)",
                 "Events per region, choropleth (9 regions)", "Outlines only (works offline)"]:
        assert name in text


def test_popup_shows_hostile_text_as_text(sample_page):
    page = sample_page.page
    page.locator(".sm-marker.sm-ru").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "region only" not in text and "named place: Kharkiv" in text
    assert popup.locator("script, img").count() == 0
    page.wait_for_timeout(200)
    assert sample_page.dialogs == []


def test_region_popup_says_region_only(sample_page):
    page = sample_page.page
    page.locator(".leaflet-popup-close-button").click()
    page.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)
    page.evaluate("""() => { var p = document.querySelector('path.sm-region-report');
        p.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: 1, clientY: 1})); }""")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    assert "region only: somewhere in" in popup.inner_text()


def other_places(page):
    """The "Other places" box, with the pointer resting on the folded layer list first (Leaflet
    ignores a click in the same instant the pointer enters it, against ghost clicks on touch)."""
    page.locator(".leaflet-control-layers").hover()
    page.wait_for_timeout(100)
    return page.locator(".leaflet-control-layers-overlays label", has_text="Other places").locator("input")


def test_other_places_toggle_and_time_slider(sample_page):
    page = sample_page.page
    other_places(page).check()
    page.wait_for_timeout(200)
    assert sample_page.count(".sm-marker") == 3
    slider = page.locator("input.sm-slider-input")
    slider.evaluate("(el) => { el.value = 0; el.dispatchEvent(new Event('input')); }")  # 2025-03-18 only
    page.wait_for_timeout(200)
    assert page.locator(".sm-slider-label").inner_text() == "2025-03-18"
    assert sample_page.count(".sm-marker") == 1  # the village
    assert sample_page.count("path.sm-region-report") == 0
    assert sample_page.count("path.sm-control-area") == 1  # the claim is dated 2025-03-18
    slider.evaluate("(el) => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    page.wait_for_timeout(200)
    assert sample_page.count("path.sm-region-report") == 6
    other_places(page).uncheck()


def test_no_errors_no_network_and_screenshot(sample_page):
    page = sample_page.page
    page.keyboard.press("Escape")
    page.evaluate("() => { document.querySelectorAll('.leaflet-popup-close-button').forEach(b => b.click()); }")
    assert sample_page.errors == []
    assert sample_page.dialogs == []
    assert sample_page.blocked == []  # the offline page asks for nothing beyond its file
    assert (ARTIFACTS / "map.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def seeds_page(browser, tmp_path_factory):
    from geo.text.documents import builtin_seeds, load_documents
    from geo.pipeline import parse_document

    docs, _ = load_documents([builtin_seeds()])
    parsed = [parse_document(d) for d in docs]
    m = render_map([e for p in parsed for e in p.events], [c for p in parsed for c in p.area_claims],
                   documents_count=len(docs))
    page = Page(browser, save_map(m, tmp_path_factory.mktemp("seeds") / "map.html"))
    yield page, m
    page.page.close()


def test_seeds_map_renders_offline(seeds_page):
    page, m = seeds_page
    assert page.labels_open() == 0  # nothing open on load
    assert page.count("path.sm-region-report") == m.strikemap_counts["region_reports"] >= 6
    assert page.count("path.sm-control-area") == m.strikemap_counts["control_areas"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "seeds-map.png"))
    assert page.errors == [] and page.dialogs == [] and page.blocked == []


def test_seeds_kursk_zone_is_one_compact_polygon_of_the_claimed_area(seeds_page):
    """The issue's acceptance: the held area reads as a held area, not a sliver and a corridor."""
    from maps.regions import region_polygon

    page, _ = seeds_page
    zones = page.features("sm-control-indicative")
    assert len(zones) == 1
    zone = shape(zones[0]["geometry"])
    assert zone.geom_type == "Polygon" and zone.is_valid
    assert isoperimetric_quotient(zone) >= 0.2  # equal-area projection inside
    assert geodesic_area_km2(zone) == pytest.approx(200.0, rel=0.01)
    kursk = region_polygon("RU.41")
    assert kursk.buffer(1e-4).contains(zone)  # inside the region (to the page's rounding)
    assert zone.distance(kursk.boundary) < 1e-4  # grown from its border


def test_deepstate_file_renders_as_control_and_front_line_layers(browser, tmp_path):
    from maps.regions import load_regions

    path = write_deepstate_like(tmp_path, occupied_shape(load_regions()))
    events, claims = sample()
    m = render_map(events, claims, control=path)
    page = Page(browser, save_map(m, tmp_path / "map.html"))
    try:
        assert page.count("path.sm-control-file") == 1
        assert page.count("path.sm-frontline-derived") >= 1
        layers = page.page.locator(".leaflet-control-layers-overlays label")
        for name in ("Control: deepstatemap data, 2025-03-19", "Front line: deepstatemap data, 2025-03-19 (derived)"):
            label = layers.filter(has_text=name)
            assert label.count() == 1 and label.locator("input").is_checked()
        assert "Areas of control: deepstatemap data" in page.page.locator(".leaflet-control-attribution").inner_text()
        assert page.labels_open() == 0
        page.js("map.setView([47.6, 37.6], 7, {animate: false}); return 0;")
        page.page.wait_for_timeout(300)
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "deepstate-map.png"))
        assert page.errors == [] and page.dialogs == [] and page.blocked == []
    finally:
        page.page.close()


def test_one_far_outlier_leaves_the_theatre_filling_the_view(browser, tmp_path):
    from maps.regions import region_polygon

    events, claims = sample()
    stray = place("Washington", "US")
    events.append(Event("us", STRIKE, "air_drone_strike", RU, DAY2, "day", {"drone": 1},
                        location=Location(stray, 1, "Washington"), sources=(source("A stray report."),)))
    m = render_map(events, claims)
    page = Page(browser, save_map(m, tmp_path / "map.html"))
    try:
        w, s, e, n = page.view()
        assert not (w <= stray.lon <= e and s <= stray.lat <= n)
        # The theatre: the shaded regions (the held zone is in Kursk) and the two point events.
        shaded = [region_polygon(code) for code in [*SIX.values(), "RU-KRS"]]
        points = [Point(x.location.place.lon, x.location.place.lat) for x in events[6:8]]
        tw0, ts0, te0, tn0 = shapely.union_all([*shaded, *points]).bounds
        assert w <= tw0 and s <= ts0 and e >= te0 and n >= tn0
        assert (te0 - tw0) / (e - w) >= 0.7 or (tn0 - ts0) / (n - s) >= 0.7  # the theatre fills the view
        outside = page.page.locator(".sm-outside")
        assert outside.is_visible()
        assert re.match(r"1 of \d+ mapped events lies outside this view", outside.inner_text())
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "outlier-map.png"))
        outside.locator("button").click()
        page.page.wait_for_timeout(500)
        w, s, e, n = page.view()
        assert w <= stray.lon <= e and s <= stray.lat <= n
        assert not outside.is_visible()
        assert page.errors == [] and page.blocked == []
    finally:
        page.page.close()


def test_dated_control_files_follow_the_time_slider(browser, tmp_path):
    """Two snapshots: the latest shows by default; the slider shows the one in force on the chosen day."""
    from shapely.geometry import box, mapping

    for day, west in (("2025-03-18", 37.0), ("2025-03-19", 36.6)):
        (tmp_path / f"held_{day}.geojson").write_text(json.dumps(
            {"type": "Feature", "properties": {}, "geometry": mapping(box(west, 47.4, 37.9, 48.3))}))
    events, claims = sample()
    m = render_map(events, claims, control=sorted(tmp_path.glob("held_*.geojson")))
    page = Page(browser, save_map(m, tmp_path / "map.html"))
    try:
        def checked(day):
            labels = page.page.locator(".leaflet-control-layers-overlays label")
            return [labels.filter(has_text=f"{kind}: held, {day}").locator("input").is_checked()
                    for kind in ("Control", "Front line")]

        assert checked("2025-03-19") == [True, True] and checked("2025-03-18") == [False, False]
        assert page.count("path.sm-control-file") == 1
        slider = page.page.locator("input.sm-slider-input")
        slider.evaluate("(el) => { el.value = 0; el.dispatchEvent(new Event('input')); }")  # 2025-03-18
        page.page.wait_for_timeout(200)
        assert checked("2025-03-18") == [True, True] and checked("2025-03-19") == [False, False]
        slider.evaluate("(el) => { el.value = el.max; el.dispatchEvent(new Event('input')); }")  # all dates
        page.page.wait_for_timeout(200)
        assert checked("2025-03-19") == [True, True] and checked("2025-03-18") == [False, False]
        assert page.count("path.sm-control-file") == 1 and page.count("path.sm-frontline-derived") == 1
        assert page.errors == [] and page.blocked == []
    finally:
        page.page.close()
