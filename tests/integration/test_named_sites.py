"""Named sites of the war (gazetteer/data/sites.csv), renamed towns' old names, communities read.

Sentences are written for these tests; the names are the sites' and towns' own.
"""

import json

import pytest
from click.testing import CliRunner

from gazetteer import sites
from gazetteer.build import sites_path
from geo.cli.main import cli
from geo.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return Pipeline(gazetteer, cache=False)


def search_json(name, *options):
    result = CliRunner().invoke(cli, ["gazetteer", "search", name, "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_site_lies_at_a_town_of_its_stated_region(gazetteer):
    table = sites.read(sites_path())
    assert len(table) >= 40 and all(s.source.startswith("Wikipedia: ") for s in table)
    for s in table:
        found = [p for p in gazetteer.lookup(s.name) if p.source == "sites"]
        assert found, s.name
        site = found[0]
        assert (site.country_code, site.admin1_code, site.placement) == (s.country, s.admin1, sites.PLACEMENT)
        towns = [p for p in gazetteer.lookup(s.town, country=s.country) if p.admin1_code == s.admin1]
        assert any((t.lat, t.lon) == (site.lat, site.lon) for t in towns), s.name


@pytest.mark.parametrize("name, oblast, feature_type", [
    ("Zaporizhzhia NPP", "Zaporizhzhia Oblast", "nuclear_plant"),
    ("Kursk nuclear power plant", "Kursk Oblast", "nuclear_plant"),
    ("Kakhovka HPP", "Kherson Oblast", "dam"),
    ("Kremenchuk oil refinery", "Poltava Oblast", "refinery"),
    ("Kerch Bridge", "Crimea", "bridge"),
])
def test_search_finds_sites_in_their_region_and_says_where_they_are_placed(name, oblast, feature_type):
    best = search_json(name, "--limit", "1")[0]
    assert best["feature_type"] == feature_type and best["placement"] == sites.PLACEMENT
    assert oblast.split()[0] in best["admin1_name"]
    table = CliRunner().invoke(cli, ["gazetteer", "search", name, "--limit", "1"])
    assert "placed at the town it lies in" in table.output


def test_a_site_in_a_report_resolves_to_its_region(nlp):
    doc = nlp("Inspectors said shelling near the Khmelnytskyi NPP and the Kaniv HPP caused no damage.")
    found = {m.surface: m for m in doc.mentions}
    plant, dam = found["Khmelnytskyi NPP"], found["Kaniv HPP"]
    assert (plant.place.feature_type, plant.place.admin1_code, plant.rule) == ("nuclear_plant", "UA.09", "named_site")
    assert (dam.place.feature_type, dam.place.admin1_code, dam.rule) == ("dam", "UA.01", "named_site")


@pytest.mark.parametrize("old, new, admin1", [
    ("Krasnoarmeysk", "Pokrovsk", "UA.05"),
    ("Artemovsk", "Bakhmut", "UA.05"),
    ("Dzerzhinsk", "Toretsk", "UA.05"),
    ("Kirovograd", "Kropyvnytskyi", "UA.10"),
    ("Dimitrov", "Myrnohrad", "UA.05"),
    ("Komsomolsk", "Horishni Plavni", "UA.18"),
])
def test_soviet_era_names_find_the_renamed_town(gazetteer, old, new, admin1):
    # GeoNames lists the towns' historical names among their alternate names.
    assert any(p.name == new and p.admin1_code == admin1 for p in gazetteer.lookup(old, country="UA")), old


@pytest.mark.parametrize("text, surface", [
    ("Drones struck a warehouse in the Vilnianska hromada on Sunday.", "Vilnianska hromada"),
    ("Shelling damaged houses across the Vilniansk community overnight.", "Vilniansk community"),
    ("The head of the Vilniansk territorial community reported no casualties.", "Vilniansk territorial community"),
])
def test_a_community_in_each_form_reports_use(nlp, text, surface):
    found = [m for m in nlp(text).mentions if m.surface == surface]
    assert found, [m.surface for m in nlp(text).mentions]
    m = found[0]
    assert m.place is not None and m.place.hromada == "Vilnianska hromada" and m.place.admin1_code == "UA.26"
    assert m.precision == 2


def test_cyrillic_names_are_searchable_case_folded_with_apostrophes_unified(gazetteer):
    # The codifier's Ukrainian names stay keys of the store: another reader looks them up.
    for spelling in ("Вільнянськ", "ВІЛЬНЯНСЬК", "Слов’янськ", "Слов'янськ"):
        assert any(p.country_code == "UA" for p in gazetteer.lookup(spelling, country="UA")), spelling
