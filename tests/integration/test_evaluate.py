"""Scoring functions of geo.evaluate.places on small hand-made gold and predictions with known answers."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from gazetteer import default_gazetteer
from gazetteer.model import Place
from geo.cli.main import cli
from geo.evaluate.gold import (
    ADM1, COUNTRY, MAX_ERROR_KM, NONE, POINT, GoldDocument, GoldToponym, attach_codes, load_gold, looks_adjectival, region_keys,
)
from geo.evaluate.places import (
    auc_log_error, best_overlap, devset_scores, evaluate, haversine_km, judge, judgements, recognition, resolution, within,
)
from geo.model import ACTOR_METONYM, EVENT_LOCATION, OTHER, InputError, ResolvedMention

KYIV = Place(703448, "Kyiv", "place", "UA", "UA.12", "Kyiv City", 50.4547, 30.5238, 2797553)
KHARKIV = Place(706483, "Kharkiv", "place", "UA", "UA.07", "Kharkiv", 49.9808, 36.2527, 1430885)
UKRAINE = Place(690791, "Ukraine", "country", "UA", None, None, 49.0, 32.0, 44622516)
SUMY_OBLAST = Place(692196, "Sumy", "adm1", "UA", "UA.21", "Sumy", 51.0, 34.0)
SUMY_CITY = Place(692194, "Sumy", "place", "UA", "UA.21", "Sumy", 50.9216, 34.8003, 268409)
MOSCOW = Place(524901, "Moscow", "place", "RU", "RU.48", "Moscow", 55.7522, 37.6156, 10381222)


def mention(start, end, place=None, role=EVENT_LOCATION, surface="x"):
    return ResolvedMention(start, end, surface, 0, place, role, 1)


def gold(start, end, level=POINT, lat=None, lon=None, **kw):
    kw.setdefault("resolvable", level != NONE)
    return GoldToponym(start, end, kw.pop("name", "x" * (end - start)), lat, lon, level=level, **kw)


def doc(*toponyms, devset=False):
    return GoldDocument("d", "x" * 200, tuple(toponyms), devset=devset)


# ---------------------------------------------------------------- distances, radius, AUC


@pytest.mark.parametrize(
    "a, b, km",
    [
        ((50.4547, 30.5238), (49.9808, 36.2527), 411),  # Kyiv - Kharkiv (geopy great_circle: 410.9)
        ((51.5074, -0.1278), (48.8566, 2.3522), 344),  # London - Paris
        ((0.0, 0.0), (0.0, 180.0), 20015),  # half the equator
        ((10.0, 10.0), (10.0, 10.0), 0),
    ],
)
def test_haversine_km(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.5)


@pytest.mark.parametrize("error, radius, inside", [(0.0, 161, True), (159.9, 161, True), (160.0, 161, False), (None, 161, False)])
def test_within_follows_gritta_log_rule(error, radius, inside):
    assert within(error, radius) is inside


@pytest.mark.parametrize(
    "errors, auc",
    [
        ([0.0, 0.0, 0.0], 0.0),
        ([MAX_ERROR_KM, MAX_ERROR_KM], 1.0),
        ([0.0, MAX_ERROR_KM], 0.5),
        ([MAX_ERROR_KM, 0.0, 0.0], 0.25),  # sorted first: 0, 0, max
        ([math.e - 1, math.e - 1], 1 / math.log(MAX_ERROR_KM)),
        ([5.0], None),
        ([], None),
    ],
)
def test_auc_log_error(errors, auc):
    if auc is None:
        assert auc_log_error(errors) is None
    else:
        assert auc_log_error(errors) == pytest.approx(auc, abs=1e-4)  # ln(20040) / ln(20039) ~ 1


# ---------------------------------------------------------------- recognition


def test_recognition_overlap_exact_and_adjectival():
    g = doc(gold(0, 5), gold(10, 20), gold(30, 38, adjectival=True))
    preds = [
        mention(0, 5),  # exact on the first
        mention(12, 25),  # overlaps the second, not exact
        mention(50, 55),  # false positive
        mention(30, 38),  # on the adjectival span: left out of the headline
    ]
    head = recognition([g], [preds])
    assert (head.gold, head.predicted, head.found, head.correct) == (2, 3, 2, 2)
    assert head.precision == pytest.approx(2 / 3) and head.recall == 1.0
    assert head.f1 == pytest.approx(0.8)
    assert (head.exact_found, head.exact_correct) == (1, 1)
    assert head.exact_precision == pytest.approx(1 / 3) and head.exact_recall == 0.5
    full = recognition([g], [preds], include_adjectival=True)
    assert (full.gold, full.predicted, full.found, full.correct, full.exact_found) == (3, 4, 3, 3, 2)


def test_recognition_counts_recognition_only_spans_and_empty_predictions():
    g = doc(gold(0, 5), gold(10, 14, level=NONE))
    r = recognition([g], [[]])
    assert (r.gold, r.predicted, r.found) == (2, 0, 0)
    assert r.precision is None and r.recall == 0.0 and r.f1 is None


def test_prediction_lists_must_align_with_documents():
    with pytest.raises(ValueError, match="2 gold documents but 1"):
        recognition([doc(), doc()], [[]])


# ---------------------------------------------------------------- resolution


@pytest.mark.parametrize(
    "g, place, right, near, error",
    [
        # countries by code: a far interior point is still right, error 0
        (gold(0, 7, COUNTRY, 60.0, 100.0, country_code="UA"), UKRAINE, True, True, 0.0),
        (gold(0, 7, COUNTRY, 50.45, 30.52, country_code="RU"), KYIV, False, False, 0.0),
        # regions by ADM1 code: the city in the region counts, a near region does not
        (gold(0, 4, ADM1, 50.9, 34.8, admin1_code="UA.21"), SUMY_OBLAST, True, True, 0.0),
        (gold(0, 4, ADM1, 50.9, 34.8, admin1_code="UA.21"), SUMY_CITY, True, True, 0.0),
        (gold(0, 4, ADM1, 50.0, 36.2, admin1_code="UA.21"), KHARKIV, False, False, 4.3),
        # region without coordinates (dev set, unresolved village): code only
        (gold(0, 4, ADM1, admin1_code="UA.07"), KHARKIV, True, True, 0.0),
        (gold(0, 4, ADM1, admin1_code="UA.21"), KHARKIV, False, False, None),
        # points by distance: 161 km and 25 km
        (gold(0, 4, POINT, 50.4547, 30.5238), KYIV, True, True, 0.0),
        (gold(0, 4, POINT, 50.6, 30.5238), KYIV, True, True, 16.2),
        (gold(0, 4, POINT, 50.6786, 30.5238), KYIV, True, True, 24.9),
        (gold(0, 4, POINT, 50.6804, 30.5238), KYIV, True, False, 25.1),
        (gold(0, 4, POINT, 51.5, 30.5238), KYIV, True, False, 116.2),
        (gold(0, 4, POINT, 51.8898, 30.5238), KYIV, True, False, 159.6),
        (gold(0, 4, POINT, 51.9, 30.5238), KYIV, False, False, 160.8),
        (gold(0, 4, POINT, 49.9808, 36.2527), KYIV, False, False, 411.0),
        (gold(0, 4, POINT, 50.0, 30.0), None, False, False, None),
    ],
)
def test_judge(g, place, right, near, error):
    j = judge(g, mention(0, 4, place))
    assert (j.found, j.right, j.right_near) == (True, right, near)
    if error is None:
        assert j.error_km is None
    else:
        assert j.error_km == pytest.approx(error, abs=1.0)


def test_judge_missed():
    j = judge(gold(0, 4, POINT, 50.0, 30.0), None)
    assert (j.found, j.right, j.error_km) == (False, False, None)


def test_best_overlap_prefers_the_longest_overlap():
    g = gold(10, 22)
    a, b = mention(5, 12, KYIV), mention(12, 30, KHARKIV)
    assert best_overlap(g, [a, b]) is b
    assert best_overlap(g, [mention(0, 10), mention(22, 30)]) is None


def test_resolution_end_to_end_and_on_found():
    g = doc(
        gold(0, 4, POINT, 50.4547, 30.5238),  # right, 0 km
        gold(10, 14, POINT, 49.9808, 36.2527),  # resolved to Kyiv: 411 km, wrong
        gold(20, 27, COUNTRY, 49.0, 32.0, country_code="UA"),  # right by code
        gold(30, 34, POINT, 55.0, 37.0),  # missed
        gold(40, 44, level=NONE),  # recognition only: not in resolution
        gold(50, 58, COUNTRY, 49.0, 32.0, country_code="UA", adjectival=True),  # missed adjectival
    )
    preds = [[mention(0, 4, KYIV), mention(10, 14, KYIV), mention(20, 27, UKRAINE), mention(40, 44, KYIV)]]
    res = resolution(j for _, _, j in judgements([g], preds))
    assert (res.gold, res.found, res.right) == (4, 3, 2)
    assert res.accuracy == 0.5 and res.accuracy_found == pytest.approx(2 / 3)
    assert res.median_km == 0.0
    assert res.mean_km == pytest.approx(410.9 / 3, abs=1)
    assert res.auc_found == pytest.approx(auc_log_error([0, 0, 410.9]), abs=1e-3)
    assert res.auc == pytest.approx(auc_log_error([0, 0, 410.9, MAX_ERROR_KM]), abs=1e-3)
    full = resolution(j for _, _, j in judgements([g], preds, include_adjectival=True))
    assert (full.gold, full.right) == (5, 2)


def test_found_mention_without_a_place_is_wrong_with_the_maximum_error():
    res = resolution(j for _, _, j in judgements([doc(gold(0, 4, POINT, 50.0, 30.0))], [[mention(0, 4, None)]]))
    assert (res.found, res.right, res.errors_found) == (1, 0, (MAX_ERROR_KM,))


# ---------------------------------------------------------------- dev set figures


def test_devset_scores():
    g = doc(
        gold(0, 4, POINT, 50.4547, 30.5238, kind="city_or_town", role=EVENT_LOCATION),  # right
        gold(10, 14, ADM1, 51.0, 34.0, admin1_code="UA.21", kind="adm1_region", role=EVENT_LOCATION),  # city: code right
        gold(20, 24, POINT, 49.9808, 36.2527, kind="village", role=EVENT_LOCATION),  # missed
        gold(30, 39, level=NONE, kind="other_feature", role=EVENT_LOCATION),  # a sea: recognition only
        gold(40, 46, POINT, 55.7522, 37.6156, kind="city_or_town", role=ACTOR_METONYM),  # taken as event
        gold(50, 57, COUNTRY, 49.0, 32.0, country_code="UA", kind="country", role=ACTOR_METONYM),  # right role
        gold(60, 67, COUNTRY, 49.0, 32.0, country_code="UA", kind="country", role=OTHER),  # missed
        devset=True,
    )
    preds = [
        mention(0, 4, KYIV),
        mention(10, 14, SUMY_CITY),
        mention(30, 39, None, OTHER),
        mention(40, 46, MOSCOW, EVENT_LOCATION),
        mention(50, 57, UKRAINE, ACTOR_METONYM),
    ]
    d = devset_scores([g], [preds])
    assert (d.event_places.gold, d.event_places.right, d.event_skipped) == (3, 2, 1)
    assert d.event_places.accuracy == pytest.approx(2 / 3)
    assert (d.metonyms, d.metonyms_as_event, d.metonym_rate) == (2, 1, 0.5)
    assert d.recall_by_kind["country"] == (1, 2)
    assert d.recall_by_kind["village"] == (0, 1)
    assert d.recall_by_kind["other_feature"] == (1, 1)
    assert d.event_right_by_kind["adm1_region"] == (1, 1)
    assert d.regions_read_as_regions == (0, 1)  # the city, not the oblast
    # found: 2 event (right role), sea (event -> other), metonym as event, metonym right
    assert d.role_confusion[EVENT_LOCATION] == {EVENT_LOCATION: 2, "missed": 1, OTHER: 1}
    assert d.role_accuracy == pytest.approx(3 / 5)
    report = evaluate([g], [preds])
    assert report.devset is not None and report.to_dict()["devset"]["metonym_rate"] == 0.5


# ---------------------------------------------------------------- loading gold


BENCH_LINE = {
    "id": "7",
    "text": "Flooding hit Alexandria and Texas; Russian aid came.",
    "toponyms": [
        {"start": 13, "end": 23, "name": "Alexandria", "lat": 31.31, "lon": -92.44, "geonameid": 4314550,
         "gaz_name": "Alexandria", "fclass": "P", "fcode": "PPL", "country_geonameid": 6252001},
        {"start": 28, "end": 33, "name": "Texas", "lat": 31.25, "lon": -99.25, "geonameid": 4736286,
         "gaz_name": "Texas", "fclass": "A", "fcode": "ADM1", "country_geonameid": 6252001},
        {"start": 35, "end": 42, "name": "Russian", "lat": 60.0, "lon": 100.0, "geonameid": 2017370,
         "gaz_name": "Russian Federation", "fclass": "A", "fcode": "PCLI", "country_geonameid": 2017370},
    ],
    "recognition_only": [],
}

GWN_LINE = {
    "id": "0",
    "text": "The American envoy met in Beirut.",
    "toponyms": [
        {"start": 4, "end": 12, "name": "American", "lat": 39.76, "lon": -98.5, "geonameid": 6252001,
         "gaz_name": "United States", "type": "Non_Literal_Modifier", "modifier_type": "Adjective"},
        {"start": 26, "end": 32, "name": "Beirut", "lat": 33.89, "lon": 35.49, "geonameid": None,
         "gaz_name": None, "type": "Literal", "modifier_type": None},
    ],
    "recognition_only": [],
}

DEVSET_LINE = {
    "id": "01",
    "published": "2024-05-02",
    "text": "Drones hit the Sumy region and Kyiv; Moscow said. Black Sea.",
    "places": [
        {"surface": "Sumy region", "kind": "adm1_region", "country": "UA", "adm1": "Sumy Oblast",
         "lat": 50.9, "lon": 34.8, "role": "event_location", "offsets": [15], "n": 1},
        {"surface": "Kyiv", "kind": "city_or_town", "country": "UA", "adm1": "Kyiv City",
         "lat": 50.4547, "lon": 30.5238, "coord_source": "geonames:703448", "role": "event_location",
         "offsets": [31], "n": 1},
        {"surface": "Moscow", "kind": "city_or_town", "country": "RU", "adm1": "Moscow",
         "lat": 55.75, "lon": 37.62, "role": "actor_metonym", "offsets": [37], "n": 1},
        {"surface": "Black Sea", "kind": "other_feature", "country": None, "adm1": None,
         "lat": None, "lon": None, "role": "event_location", "offsets": [50], "n": 1},
    ],
}


def write_jsonl(path, *objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def test_load_gold_benchmark_devset_and_gwn(tmp_path):
    docs = load_gold(write_jsonl(tmp_path / "g.jsonl", BENCH_LINE, GWN_LINE, DEVSET_LINE))
    lgl, gwn, dev = docs
    assert [t.level for t in lgl.toponyms] == [POINT, ADM1, COUNTRY]
    assert not lgl.devset and dev.devset and dev.published.isoformat() == "2024-05-02"
    assert [(t.adjectival, t.resolvable) for t in gwn.toponyms] == [(True, True), (False, False)]
    assert [(t.name, t.level, t.role) for t in dev.toponyms] == [
        ("Sumy region", ADM1, EVENT_LOCATION),
        ("Kyiv", POINT, EVENT_LOCATION),
        ("Moscow", POINT, ACTOR_METONYM),
        ("Black Sea", NONE, EVENT_LOCATION),
    ]
    assert dev.toponyms[1].geonameid == 703448
    assert dev.to_document().text == DEVSET_LINE["text"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json\n", "g.jsonl:1: not JSON"),
        (json.dumps({"id": "1"}) + "\n", "g.jsonl:1: expected an object"),
        ("\n" + json.dumps({**BENCH_LINE, "text": "short"}) + "\n", "g.jsonl:2: gold span 13-23"),
        (json.dumps({**DEVSET_LINE, "published": "May"}) + "\n", "'published' is not a date"),
        (json.dumps({"id": "1", "text": "a", "toponyms": [{"start": 0}]}) + "\n", "malformed gold toponym"),
        ("\n\n", "no gold documents"),
    ],
)
def test_load_gold_bad_input_names_file_and_line(tmp_path, content, problem):
    path = tmp_path / "g.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem.replace("(", r"\(")):
        load_gold(path)


def test_load_gold_rejects_non_utf8(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(InputError, match="not UTF-8"):
        load_gold(path)


# ---------------------------------------------------------------- adjectival uses, region names


@pytest.mark.parametrize(
    "surface, is_name, expected",
    [
        ("Russian", False, True),
        ("Palestinians", False, True),
        ("Sri Lankan", False, True),
        ("Israeli", False, True),
        ("French", False, True),
        ("Sudan", True, False),  # a name that ends like a demonym
        ("Afghanistan", True, False),
        ("Texas", False, False),  # no demonym ending
        ("russian", False, False),  # not capitalised
    ],
)
def test_looks_adjectival(surface, is_name, expected):
    assert looks_adjectival(surface, lambda s: is_name) is expected


@pytest.mark.parametrize(
    "name, keys",
    [
        ("Kyiv Oblast", ("kyiv oblast", "kyiv")),
        ("Kyiv City", ("kyiv city", "kyiv city")),
        ("Krasnodar Krai", ("krasnodar krai", "krasnodar")),
        ("Lublin Voivodeship", ("lublin voivodeship", "lublin")),
        ("Zaporiz’ka Oblast'", ("zaporizka oblast", "zaporizka")),
        ("Crimea", ("crimea", "crimea")),
    ],
)
def test_region_keys(name, keys):
    assert region_keys(name) == keys


# ---------------------------------------------------------------- with the real gazetteer


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.mark.parametrize(
    "adm1, cc, code",
    [
        ("Kyiv Oblast", "UA", "UA.13"),
        ("Kyiv City", "UA", "UA.12"),
        ("Sumy Oblast", "UA", "UA.21"),
        ("Crimea", "UA", "UA.11"),
        ("Zaporizhzhia Oblast", "UA", "UA.26"),
        ("Moscow Oblast", "RU", "RU.47"),
        ("Moscow", "RU", "RU.48"),
        ("Krasnodar Krai", "RU", "RU.38"),
        ("Kursk Oblast", "RU", "RU.41"),
    ],
)
def test_attach_codes_maps_devset_region_names(gaz, adm1, cc, code):
    g = GoldDocument("d", "Region", (gold(0, 6, ADM1, adm1_name=adm1, country_code=cc),), devset=True)
    (out,) = attach_codes([g], gaz)
    assert out.toponyms[0].admin1_code == code


def test_attach_codes_benchmark_levels_and_adjectival(gaz, tmp_path):
    (d,) = attach_codes(load_gold(write_jsonl(tmp_path / "g.jsonl", BENCH_LINE)), gaz)
    alexandria, texas, russian = d.toponyms
    assert (alexandria.level, alexandria.adjectival) == (POINT, False)
    assert (texas.level, texas.admin1_code, texas.adjectival) == (ADM1, "US.TX", False)
    assert (russian.level, russian.country_code, russian.adjectival) == (COUNTRY, "RU", True)


# ---------------------------------------------------------------- the command, end to end


def test_strikemap_eval_end_to_end(tmp_path):
    text = "Russian drones struck Kharkiv overnight, and a missile hit the Odesa region on Tuesday."
    line = {
        "id": "t1",
        "published": "2024-05-02",
        "text": text,
        "places": [
            {"surface": "Kharkiv", "kind": "city_or_town", "country": "UA", "adm1": "Kharkiv Oblast",
             "lat": 49.9808, "lon": 36.2527, "role": "event_location", "offsets": [text.index("Kharkiv")], "n": 1},
            {"surface": "Odesa region", "kind": "adm1_region", "country": "UA", "adm1": "Odesa Oblast",
             "lat": 46.4775, "lon": 30.7326, "role": "event_location", "offsets": [text.index("Odesa region")], "n": 1},
        ],
    }
    path = write_jsonl(tmp_path / "tiny.jsonl", line)
    result = CliRunner().invoke(cli, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 1 and data["failed_documents"] == []
    assert data["recognition"]["gold"] == 2
    assert data["resolution"]["gold"] == 2
    assert data["devset"]["event_places"] == 2
    # two plain event places in one plain sentence: the parser finds and resolves both
    assert data["devset"]["event_places_right_161km"] == 1.0
    table = CliRunner().invoke(cli, ["eval", str(path), "--limit", "1"])
    assert table.exit_code == 0 and "Acc@161km end to end" in table.output


def test_strikemap_eval_bad_gold_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "text": "x"}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: not JSON" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "url, level, cc",
    [
        ("https://en.wikipedia.org/wiki/China", COUNTRY, "CN"),
        ("https://en.wikipedia.org/wiki/Georgia_(country)", COUNTRY, "GE"),
        ("https://en.wikipedia.org/wiki/Georgia_(U.S._state)", POINT, None),
        ("https://en.wikipedia.org/wiki/Democratic_Republic_of_the_Congo", COUNTRY, "CD"),
        ("https://en.wikipedia.org/wiki/Pandi,_Bulacan", POINT, None),
    ],
)
def test_geovirus_countries_are_judged_by_code_from_their_article(gaz, tmp_path, url, level, cc):
    line = {"id": "v", "text": "Outbreak in Placename.",
            "toponyms": [{"start": 12, "end": 21, "name": "Placename", "lat": 35.0, "lon": 103.0,
                          "geonameid": None, "wikipedia": url, "continent": False}]}
    (d,) = attach_codes(load_gold(write_jsonl(tmp_path / "g.jsonl", line)), gaz)
    (t,) = d.toponyms
    assert (t.level, t.country_code) == (level, cc)
    if level == COUNTRY:  # a country answer far from the article's point is still right
        place = gaz.country(cc)
        mention = ResolvedMention(12, 21, "Placename", 0, place, OTHER, 4)
        assert judge(t, mention).right
