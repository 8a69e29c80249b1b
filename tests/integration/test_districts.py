"""District, raion and hromada phrases, and city districts, through the pipeline (sentences written here)."""

from __future__ import annotations

import pytest

from geo.pipeline import parse_text


def mention(text, surface, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    return next(m for m in pd.mentions if m.surface == surface)


@pytest.mark.parametrize("text, surface, centre, region", [
    ("Shelling hit the Lgovsky district of the Kursk region.", "Lgovsky district", "L’govskiy", "RU.41"),
    ("A drone hit a house in the Rakityansky urban district, officials in Belgorod said.",
     "Rakityansky urban district", "Rakitnoye", "RU.09"),
    ("Shelling hit the Surazhsky municipal district in the Bryansk region.", "Surazhsky municipal district",
     "Surazh", "RU.10"),
    ("Russian forces shelled the Sumy raion overnight.", "Sumy raion", "Sumy", "UA.21"),
    ("Russian artillery hit the Krasnopillia hromada in the Sumy region.", "Krasnopillia hromada", "Krasnopillya",
     "UA.21"),
    ("Shelling hit the Myropilska community in the Sumy region.", "Myropilska community", "Myropillia", "UA.21"),
    ("Ukrainian drones attacked an oil depot in the Liskinsky district of the Voronezh region.", "Liskinsky district",
     "Liski", "RU.86"),
])
def test_a_district_phrase_resolves_to_its_centre_in_its_region(text, surface, centre, region, gazetteer):
    m = mention(text, surface, gazetteer)
    assert (m.place.name, m.place.admin1_code, m.precision, m.role) == (centre, region, 2, "event_location")


@pytest.mark.parametrize("text, surface, city", [
    ("A missile hit Mykolaiv's Inhulskyi district overnight.", "Inhulskyi district", "Mykolayiv"),
    ("In Kharkiv, Saltivskyi district, a drone hit a high-rise.", "Saltivskyi district", "Kharkiv"),
    ("Ukrainian forces fired rockets at the Kyivskyi district of Donetsk.", "Kyivskyi district", "Donetsk"),
    ("Drones struck the Darnytskyi district of Kyiv, the mayor said.", "Darnytskyi district", "Kyiv"),
])
def test_a_city_district_stays_in_its_city(text, surface, city, gazetteer):
    m = mention(text, surface, gazetteer)
    assert (m.place.name, m.precision) == (city, 2) and "city_district" in m.cues


def test_a_district_with_no_centre_in_its_region_stays_there_unresolved(gazetteer):
    text = "Russian drones attacked the Zyzzxovsky district of the Kursk region, the governor said."
    m = mention(text, "Zyzzxovsky district", gazetteer)
    assert m.place is None and m.container.admin1_code == "RU.41" and m.precision == 3


def test_a_village_in_a_named_district_is_placed_near_its_centre(gazetteer):
    m = mention("Shelling damaged a house in the Izium district's Zyzzxivka village.", "Zyzzxivka", gazetteer)
    assert m.place is None and m.container.name == "Izyum" and m.precision == 2


@pytest.mark.parametrize("text, absent", [
    ("The project was organised by The Edmonton Community Partnership.", "Edmonton Community"),
    ("U.S. District Judge Michael Barrett in Cincinnati sentenced him.", "U.S. District"),
    ("Residents of the Jewish community in Odesa gathered on Sunday.", "Jewish community"),
])
def test_institutions_are_not_districts(text, absent, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    assert all(m.surface != absent for m in pd.mentions)
