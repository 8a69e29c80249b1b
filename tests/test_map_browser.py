"""The map page in a real browser: Debian's headless Chromium, every network request blocked.

Saves test-artifacts/map.png (and test-artifacts/seeds-map.png) for a look.
"""

import os
import shutil
from pathlib import Path

import pytest

from maps import render_map, save_map
from test_map_render import EVIL, sample

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
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

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def count(self, selector):
        return self.page.locator(selector).count()


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
    assert sample_page.count(".sm-zone-label") == 1
    assert "INDICATIVE" in sample_page.page.locator(".sm-zone-label").inner_text()


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


def test_other_places_toggle_and_time_slider(sample_page):
    page = sample_page.page
    page.locator(".leaflet-control-layers-overlays label", has_text="Other places").locator("input").check()
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
    page.locator(".leaflet-control-layers-overlays label", has_text="Other places").locator("input").uncheck()


def test_no_errors_no_network_and_screenshot(sample_page):
    page = sample_page.page
    page.keyboard.press("Escape")
    page.evaluate("() => { document.querySelectorAll('.leaflet-popup-close-button').forEach(b => b.click()); }")
    assert sample_page.errors == []
    assert sample_page.dialogs == []
    assert sample_page.blocked == []  # the offline page asks for nothing beyond its file
    assert (ARTIFACTS / "map.png").stat().st_size > 10_000


def test_seeds_map_renders_offline(browser, tmp_path):
    from geo.text.documents import builtin_seeds, load_documents
    from geo.pipeline import parse_document

    docs, _ = load_documents([builtin_seeds()])
    parsed = [parse_document(d) for d in docs]
    m = render_map([e for p in parsed for e in p.events], [c for p in parsed for c in p.area_claims],
                   documents_count=len(docs))
    page = Page(browser, save_map(m, tmp_path / "map.html"))
    try:
        assert page.count("path.sm-region-report") == m.strikemap_counts["region_reports"] >= 6
        assert page.count("path.sm-control-area") == m.strikemap_counts["control_areas"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "seeds-map.png"))
        assert page.errors == [] and page.dialogs == [] and page.blocked == []
    finally:
        page.page.close()
