"""The map page as HTML: layers and counts, escaping, offline embedding, control areas, saving."""

import datetime as dt
import json
import re

import folium
import geopandas as gpd
import pytest
from shapely.geometry import box, mapping

from gazetteer import default_gazetteer
from geo.model import INTERCEPTION, RU, STRIKE, UA, AreaClaim, Event, Location, Source, StrikemapError
from maps import render_map, save_map

EVIL = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(3)</script>",
    "`${alert(4)}` \\u0041 \\ back\\slash",
    "<!-- comment --> \u2028 line separator 'single' \"double\"",
]
SIX = {"Sumy": "UA-59", "Odesa": "UA-51", "Poltava": "UA-53", "Dnipropetrovsk": "UA-12", "Kyiv": "UA-32", "Chernihiv": "UA-74"}
DAY1, DAY2 = dt.date(2025, 3, 18), dt.date(2025, 3, 19)


def adm1(name, cc):
    return next(p for p in default_gazetteer().search(name, country=cc, kind="adm1") if p.kind == "adm1")


def place(name, cc):
    return next(p for p in default_gazetteer().search(name, country=cc) if p.kind == "place")


def source(sentence, doc="cnn", outlet="CNN"):
    return Source(doc, outlet, sentence, 0, len(sentence), DAY2)


def sample():
    """Events and a claim built from real gazetteer places, with hostile text in one evidence sentence."""
    events = [
        Event(f"r{i}", STRIKE, "air_drone_strike", RU, DAY2, "day", {"drone": 145, "ballistic_missile": 2},
              location=Location(adm1(name, "UA"), 3, f"{name} region"), claimant="Ukraine's Air Force",
              sources=(source(f"The attacks targeted the {name}."),))
        for i, name in enumerate(f"{n} Oblast" for n in SIX)
    ]
    events += [
        Event("k1", STRIKE, "missile_attack", RU, DAY2, "day", {"ballistic_missile": 2}, targets=("medical",),
              killed=1, injured=14, location=Location(place("Kharkiv", "UA"), 1, "Kharkiv"),
              claimant="officials " + EVIL[0], sources=tuple(source(e, f"d{i}", f"Outlet {EVIL[1]}") for i, e in enumerate(EVIL))),
        Event("v1", STRIKE, "air_drone_strike", UA, DAY1, "day", {"drone": 1}, targets=("oil_fuel",),
              location=Location(place("Kavkazskaya", "RU"), 2, "near the village of Kavkazskaya"),
              claimant="regional authorities", sources=(source("A drone caused a fire at an oil depot.", "aj", "Al Jazeera"),)),
        Event("i1", INTERCEPTION, "interception", UA, DAY2, "day", {"drone": 57}, intercepted=35,
              intercepted_over=("Kursk",), location=Location(adm1("Kursk", "RU"), 3, "Kursk border region"),
              claimant="Russia's defence ministry", sources=(source("57 drones were shot down."),)),
        Event("c1", STRIKE, "air_drone_strike", RU, DAY2, "day", {"drone": 150},
              location=Location(default_gazetteer().country("UA"), 4, "Ukraine"), sources=(source("150 drones"),)),
    ]
    claims = [AreaClaim(UA, adm1("Kursk", "RU"), 200.0, "at most", "a Ukrainian commander", DAY1,
                        (source("Ukraine controls about 200 square kilometers of Kursk at most."),),
                        "200 square kilometers", (), "claim1")]
    return events, claims


@pytest.fixture(scope="module")
def page():
    events, claims = sample()
    m = render_map(events, claims, documents_count=3)
    return m, m.get_root().render()


@pytest.mark.parametrize("name", [
    "Strikes by Russia (1)", "Strikes by Ukraine (1)", "Interception reports (1)", "Region-level reports (6)",
    "Reported areas of control (1)", "Other places (1)", "choropleth (9 regions)",
])
def test_layer_control_names_carry_counts(page, name):
    assert name in page[1]


def test_no_unknown_side_layer_without_such_events(page):
    assert "unknown side (" not in page[1]


def test_region_level_reports_shade_regions_not_points(page):
    counts = page[0].strikemap_counts
    assert counts["region_report_codes"] == sorted(SIX.values())
    assert counts["points"] == {RU: 1, UA: 1}  # Kharkiv and the village; no pins at oblast capitals
    assert counts["region_interception_codes"] == ["RU-KRS"]
    assert counts["other"] == 1  # the country-level report, flagged under "Other places"


@pytest.mark.parametrize("payload", EVIL)
def test_article_text_never_reaches_the_page_raw(page, payload):
    html = page[1]
    assert payload not in html
    assert html.count("<script") == html.count("</script>")


def test_escaped_text_is_in_the_page(page):
    # HTML-escaped, then JSON-escaped for the <script> block.
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in page[1]


def test_offline_page_embeds_everything(page):
    html = page[1]
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", html)
    assert "L.markerClusterGroup" in html and "leaflet" in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()  # not needed, not embedded


def test_cdn_page_links_only_what_it_needs(page):
    events, claims = sample()
    html = render_map(events, claims, cdn=True).get_root().render()
    links = re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"(https://[^\"]+)\"", html)
    assert any("leaflet.js" in u for u in links) and any("markercluster" in u for u in links)
    assert not any("jquery" in u or "bootstrap" in u or "fontawesome" in u for u in links)
    assert len(html) < len(page[1]) - 150_000  # the embedded Leaflet and plugin are gone


def test_title_has_date_range_and_report_count(page):
    assert "2025-03-18 to 2025-03-19 \\u00b7 3 reports" in page[1]  # JSON-escaped in the page script
    assert "GeoNames" in page[1] and "Natural Earth" in page[1] and "CC-BY 4.0" in page[1]


def test_time_slider_only_when_dates_span_days(page):
    assert "sm-slider-input" in page[1]
    events, _ = sample()
    one_day = [e for e in events if e.date == DAY2]
    assert "sm-slider-input" not in render_map(one_day).get_root().render()


def test_indicative_zone_matches_claimed_area(page):
    (claim_id, km2, supplied), = page[0].strikemap_counts["claims_drawn"]
    assert claim_id == "claim1" and not supplied
    assert km2 == pytest.approx(200.0, rel=0.02)
    assert "INDICATIVE" in page[1]


def test_supplied_control_area_replaces_indicative_one(tmp_path):
    kursk = adm1("Kursk", "RU")
    area = box(kursk.lon - 0.2, kursk.lat - 0.1, kursk.lon + 0.2, kursk.lat + 0.1)
    line = [[kursk.lon - 0.5, kursk.lat - 0.3], [kursk.lon + 0.5, kursk.lat + 0.3]]
    control = tmp_path / "control.geojson"
    control.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "held", "date": "2025-03-17"}, "geometry": mapping(area)},
        {"type": "Feature", "properties": {"name": "pin"}, "geometry": {"type": "Point", "coordinates": [kursk.lon, kursk.lat]}},
    ]}))
    front = tmp_path / "front.geojson"
    front.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"updated": "2025-03-19"}, "geometry": {"type": "LineString", "coordinates": line}}]}))
    events, claims = sample()
    m = render_map(events, claims, control=control, frontline=front)
    (claim_id, km2, supplied), = m.strikemap_counts["claims_drawn"]
    assert supplied
    assert km2 == pytest.approx(gpd.GeoSeries([area], crs=4326).to_crs("ESRI:54009").area.iloc[0] / 1e6, rel=0.02)
    html = m.get_root().render()
    assert "Reported areas of control (1)" in html and "Front lines (1)" in html
    assert "Control: control, 2025-03-17" in html
    assert m.strikemap_counts["derived_front_lines"] == 0  # a front-line file was given


def test_control_area_in_the_claimants_own_country_does_not_replace_the_zone(tmp_path):
    """A file's areas show who holds ground in a country not theirs; a claim in one's own country is not that."""
    sumy = adm1("Sumy", "UA")
    control = tmp_path / "occupied_20250319.geojson"
    control.write_text(json.dumps({"type": "Feature", "properties": {},
                                   "geometry": mapping(box(sumy.lon - 0.3, sumy.lat - 0.2, sumy.lon + 0.3, sumy.lat + 0.2))}))
    kursk_claim = sample()[1][0]
    home = AreaClaim(UA, sumy, 30.0, None, "a commander", DAY2, (source("Ukraine holds 30 km² of Sumy."),), None,
                     (place("Sumy", "UA"),), "home")
    m = render_map([], [kursk_claim, home], control=control)
    drawn = {cid: supplied for cid, _, supplied in m.strikemap_counts["claims_drawn"]}
    assert drawn == {"claim1": False, "home": False}


def test_deepstate_style_file_becomes_a_dated_layer_with_a_derived_front_line(tmp_path):
    from control_files import occupied_shape, write_deepstate_like
    from maps.regions import load_regions

    path = write_deepstate_like(tmp_path, occupied_shape(load_regions()))
    events, claims = sample()
    m = render_map(events, claims, control=path, control_label="DeepStateMap.live https://deepstatemap.live")
    counts = m.strikemap_counts
    (title, km2), = counts["snapshots"]
    assert title == "DeepStateMap.live, 2025-03-19" and km2 > 50_000
    assert counts["derived_front_lines"] == 1
    html = m.get_root().render()
    assert "Control: DeepStateMap.live, 2025-03-19" in html and "Front line: DeepStateMap.live, 2025-03-19 (derived)" in html
    assert 'Areas of control: DeepStateMap.live \\u003ca href=\\"https://deepstatemap.live\\"\\u003e' in html
    assert counts["claims_drawn"] == [("claim1", pytest.approx(200.0, rel=0.01), False)]  # Kursk is not in it


def test_control_labels_are_escaped(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(box(37, 47, 38, 48))}))
    html = render_map([], control=[path], control_label=[EVIL[0] + " https://example.org/a?b=1&c=<x>"]).get_root().render()
    assert EVIL[0] not in html and "<x>" not in html
    assert '"Control: \\u0026lt;script\\u0026gt;alert(1)' in html  # the layer name, HTML- then JSON-escaped
    assert '\\u003ca href=\\"https://example.org/a?b=1\\u0026amp;c=\\"\\u003e' in html  # the credit's link


def test_several_control_files_give_one_layer_pair_per_date(tmp_path):
    older = tmp_path / "held_2025-03-01.geojson"
    newer = tmp_path / "held_2025-03-19.geojson"
    older.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(box(37.0, 47.5, 37.6, 48.2))}))
    newer.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(box(36.8, 47.5, 37.6, 48.2))}))
    m = render_map(sample()[0], control=[newer, older])
    assert [t for t, _ in m.strikemap_counts["snapshots"]] == ["held, 2025-03-01", "held, 2025-03-19"]
    assert m.strikemap_counts["derived_front_lines"] == 2
    shown = {g.layer_name: g.show for g in m._children.values() if isinstance(g, folium.FeatureGroup)}
    assert [shown[k] for k in sorted(k for k in shown if k.startswith("Control: held"))] == [False, True]
    assert not shown["Front line: held, 2025-03-01 (derived)"] and shown["Front line: held, 2025-03-19 (derived)"]


def test_labels_are_never_permanent():
    events, claims = sample()
    html = render_map(events, claims, cdn=True).get_root().render()  # our script only, Leaflet linked
    assert "permanent" not in html
    assert "bindTooltip" in html and "sm-zone-label" in html  # hover labels; the zone's has its own style


def test_one_far_outlier_leaves_the_view_on_the_theatre():
    events, claims = sample()
    washington = place("Washington", "US")
    stray = Event("us", STRIKE, "air_drone_strike", RU, DAY2, "day", {"drone": 1},
                  location=Location(washington, 1, "Washington"), sources=(source("A stray."),))
    m = render_map([*events, stray], claims)
    w, s, e, n = m.strikemap_counts["view"]
    assert m.strikemap_counts["outside_view"] == 1
    assert w > 20 and s > 40 and e < 50 and n < 60  # Ukraine and its neighbours, not the Atlantic
    assert (w, s, e, n) == render_map(events, claims).strikemap_counts["view"]


def test_regions_from_a_user_file(tmp_path):
    from maps.regions import load_regions

    ua = load_regions()
    ua = ua[ua["country_code"] == "UA"]
    path = tmp_path / "ua.geojson"
    ua.to_file(path, driver="GeoJSON")
    events, claims = sample()
    m = render_map(events, claims, regions=str(path))
    assert m.strikemap_counts["region_report_codes"] == sorted(SIX.values())
    assert "user-supplied" in m.get_root().render()


def test_empty_input_still_renders():
    html = render_map([]).get_root().render()
    assert "Strikes by Russia (0)" in html and "undated" in html


def test_save_map_is_atomic(tmp_path, page):
    out = save_map(page[0], tmp_path / "map.html")
    assert (tmp_path / "map.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    with pytest.raises(StrikemapError, match="does not exist"):
        save_map(page[0], tmp_path / "missing" / "map.html")
    assert out.endswith("map.html")


def test_seeds_through_the_pipeline():
    """The issue's acceptance: six region-level Russian strikes, the Krasnodar village, Kursk interception and holding."""
    from geo.text.documents import builtin_seeds, load_documents
    from geo.pipeline import parse_document

    docs, _ = load_documents([builtin_seeds()])
    parsed = [parse_document(d) for d in docs]
    events = [e for p in parsed for e in p.events]
    claims = [c for p in parsed for c in p.area_claims]
    m = render_map(events, claims, documents_count=len(docs))
    counts = m.strikemap_counts
    assert set(SIX.values()) <= set(counts["region_report_codes"])
    village = [e for e in events if e.attacker == UA and e.location and e.location.precision <= 2
               and e.location.place.admin1_code == "RU.38"]
    assert village and counts["points"].get(UA, 0) >= 1
    assert "RU-KRS" in counts["region_interception_codes"]
    kursk = [(cid, km2) for cid, km2, supplied in counts["claims_drawn"] if not supplied]
    assert any(km2 == pytest.approx(200.0, rel=0.02) for _, km2 in kursk)
