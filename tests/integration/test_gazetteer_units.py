"""First-level units by their bare names in any country, and the self-proclaimed republics' names."""

import pytest


@pytest.mark.parametrize("name, country, admin1", [
    ("Oklahoma", "US", "US.OK"), ("Texas", "US", "US.TX"), ("Kansas", "US", "US.KS"),
    ("New York", "US", "US.NY"), ("Kharkiv Oblast", "UA", "UA.07"), ("Oklahoma region", "US", "US.OK"),
])
def test_an_exact_unit_name_ranks_the_unit_first(gazetteer, name, country, admin1):
    top = gazetteer.search(name)[0]
    assert top.kind == "adm1" and top.country_code == country and top.admin1_code == admin1


@pytest.mark.parametrize("name, town", [("Oklahoma", "Oklahoma City"), ("New York", "New York City"),
                                        ("Panama", "Panama City")])
def test_a_town_whose_name_merely_contains_the_unit_name_matches_partially(gazetteer, name, town):
    found = gazetteer.search(name, limit=10)
    towns = [p for p in found if p.name == town and p.country_code == found[0].country_code]  # not Panama City, FL
    assert towns and all(p.match == "partial" for p in towns)
    first_unit_or_country = next(i for i, p in enumerate(found) if p.kind in ("adm1", "country"))
    assert first_unit_or_country < found.index(towns[0])
    # ... and still a candidate for whoever reads the grammar ("in New York").
    assert any(p.name == town and p.match == "partial" for p in gazetteer.lookup(name))
    assert any(p.name == town for p in gazetteer.exact(name))


@pytest.mark.parametrize("name", ["Oklahoma", "Texas", "Kharkiv", "Sumy", "Kursk"])
def test_the_unit_is_a_candidate_when_asked_for_a_region(gazetteer, name):
    units = gazetteer.search(name, kind="adm1")
    assert units and units[0].kind == "adm1"
    assert any(p.kind == "adm1" for p in gazetteer.exact(name))


@pytest.mark.parametrize("name, geonameid", [("Sumy", 692194), ("Kharkiv", 706483), ("Kursk", 538560)])
def test_a_city_query_still_gives_the_city(gazetteer, name, geonameid):
    top = gazetteer.search(name)[0]
    assert top.kind == "place" and top.geonameid == geonameid


def test_a_city_named_exactly_like_its_unit_is_not_partial(gazetteer):
    found = gazetteer.lookup("Quebec")
    assert any(p.kind == "place" for p in found) and all(p.match != "partial" for p in found)


@pytest.mark.parametrize("name, admin1", [
    ("DPR", "UA.05"), ("the DPR", "UA.05"), ("DNR", "UA.05"), ("Donetsk People's Republic", "UA.05"),
    ("Donetsk People’s Republic", "UA.05"), ("Donetsk Republic", "UA.05"), ("ДНР", "UA.05"),
    ("Донецкая Народная Республика", "UA.05"),
    ("LPR", "UA.14"), ("LNR", "UA.14"), ("Luhansk People's Republic", "UA.14"), ("Lugansk People's Republic", "UA.14"),
    ("Luhansk Republic", "UA.14"), ("Lugansk Republic", "UA.14"), ("the Lugansk People's Republic", "UA.14"),
    ("ЛНР", "UA.14"),
])
def test_self_proclaimed_republics_are_the_donetsk_and_luhansk_units(gazetteer, name, admin1):
    top = gazetteer.search(name)[0]
    assert top.kind == "adm1" and top.admin1_code == admin1


def test_republic_abbreviations_are_exact_names_of_the_units(gazetteer):
    assert [p.admin1_code for p in gazetteer.exact("DPR")] == ["UA.05"]
    assert [p.admin1_code for p in gazetteer.exact("LPR")] == ["UA.14"]
