"""District, raion and hromada names resolved to their administrative centres in the real store."""

import pytest

from gazetteer import districts


@pytest.mark.parametrize("name, kw, centre", [
    ("Lgovsky", {"admin1": "RU.41"}, "L’govskiy"),                 # GeoNames' name of the town of Lgov
    ("Lgovsky district", {"admin1": "Kursk region"}, "L’govskiy"),
    ("the Lgovsky municipal district", {"country": "RU"}, "L’govskiy"),
    ("Rakityansky urban district", {"admin1": "Belgorod"}, "Rakitnoye"),
    ("Rakityansky", {"country": "RU"}, "Rakitnoye"),
    ("Surazhsky", {"admin1": "Bryansk Oblast"}, "Surazh"),
    ("Surazhsky municipal district", {}, "Surazh"),
    ("Sumy", {"country": "UA"}, "Sumy"),
    ("the Sumy raion", {"admin1": "UA.21"}, "Sumy"),
    ("Sumskyi raion", {"admin1": "Sumy"}, "Sumy"),
    ("Krasnopilska hromada", {"admin1": "Sumy"}, "Krasnopillya"),
    ("Krasnopillia hromada", {"admin1": "Sumy"}, "Krasnopillya"),
    ("the Myropilska community", {"admin1": "Sumy"}, "Myropillia"),
    ("Myropilska territorial community", {}, "Myropillia"),
    ("Bohodukhivskyi", {"admin1": "Kharkiv"}, "Bohodukhiv"),
    ("Bohodukhivskyi raion", {}, "Bohodukhiv"),
    ("Kupiansk raion", {"admin1": "Kharkiv Oblast"}, "Kupyansk"),
    ("Kupyansky district", {"country": "UA"}, "Kupyansk"),
    ("Lozivskyi raion", {"admin1": "Kharkiv"}, "Lozova"),
    ("Nikopol", {"admin1": "Dnipropetrovsk"}, "Nikopol"),
    ("Nikopolskyi raion", {"country": "UA"}, "Nikopol"),
    ("Velykoburlutska hromada", {"admin1": "Kharkiv"}, "Velykyi Burluk"),
    ("Prylutskyi raion", {"admin1": "Chernihiv"}, "Pryluky"),
    ("Huliaipilska hromada", {"admin1": "Zaporizhzhia"}, "Hulyaypole"),
    ("Льговский район", {"admin1": "RU.41"}, "L’govskiy"),            # Cyrillic, Russian
    ("Краснопільська громада", {"admin1": "UA.21"}, "Krasnopillya"),  # Cyrillic, Ukrainian
])
def test_district_names_resolve_to_their_centre(gazetteer, name, kw, centre):
    got = districts.centre(gazetteer, name, **kw)
    assert got is not None and got.name == centre and got.kind == "place" and got.match == "district_centre"


def test_the_region_restricts_the_centre(gazetteer):
    sumy = districts.centre(gazetteer, "Krasnopilska", admin1="UA.21")
    assert sumy.admin1_code == "UA.21"
    elsewhere = districts.candidates(gazetteer, "Krasnopilska", country="UA")
    assert sumy in elsewhere or any(p.geonameid == sumy.geonameid for p in elsewhere)
    assert districts.centre(gazetteer, "Lgovsky district", admin1="Sumy") is None  # Lgov is in the Kursk region


@pytest.mark.parametrize("name, kw", [("Zzyxovsky district", {}), ("Qwertyanska hromada", {"country": "UA"}),
                                       ("", {}), ("district", {})])
def test_no_centre_when_none_is_plausible(gazetteer, name, kw):
    assert districts.centre(gazetteer, name, **kw) is None


def test_unknown_region_is_an_error(gazetteer):
    with pytest.raises(ValueError, match="unknown region"):
        districts.centre(gazetteer, "Lgovsky", admin1="Atlantis")


def test_a_centre_the_adjective_comes_from_beats_a_hamlet_named_like_the_adjective(gazetteer):
    got = districts.centre(gazetteer, "Dovzhanskyi raion", admin1="Luhansk")
    assert got is not None and got.name.startswith("Dovzhansk") and not got.name.endswith("yi")


def test_candidates_rank_by_population_within_a_region(gazetteer):
    found = districts.candidates(gazetteer, "Bohodukhivskyi")
    assert found[0].name == "Bohodukhiv"


@pytest.mark.parametrize("phrase, core", [
    ("lgovsky district", "lgovsky"), ("the sumy raion", "sumy"), ("krasnopilska territorial community", "krasnopilska"),
    ("surazhsky municipal district", "surazhsky"), ("lgovskiy rayon", "lgovskiy"), ("myropilska hromada", "myropilska"),
])
def test_unit_nouns_are_stripped(phrase, core):
    assert districts.strip_unit_noun(phrase) == core


@pytest.mark.parametrize("stem, noun", [
    ("lgov", "lgov"), ("ryl", "rylsk"), ("sum", "sumy"), ("loziv", "lozova"), ("krasnopil", "krasnopillia"),
    ("huliaipil", "huliaipole"), ("sudzhan", "sudzha"), ("rakityan", "rakitnoye"), ("glushkov", "glushkovo"),
    ("shchigrov", "shchigry"), ("okhtyr", "okhtyrka"), ("valuy", "valuyki"), ("shostkyn", "shostka"),
    ("romen", "romny"), ("prylut", "pryluky"), ("trostianet", "trostianets"), ("volnova", "volnovakha"),
    ("velykoburlut", "velykyi burluk"), ("krasnoyaruzh", "krasnaya yaruga"), ("svativ", "svatove"),
])
def test_noun_forms_rebuild_the_centre_from_the_stem(stem, noun):
    assert noun in districts.noun_forms(stem)
