"""Namesakes chosen by the district a report puts them in ("the X district's Y").

Kharkiv Oblast alone has four villages called Kamianka, in four raions (KATOTTG);
the sentences are written for these tests.
"""

import pytest

from geo.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return Pipeline(gazetteer, cache=False)


def reading(nlp, text, surface):
    found = [m for m in nlp(text).mentions if m.surface == surface]
    assert found, f"{surface!r} not read in {text!r}"
    return found[0]


@pytest.mark.parametrize("district, raion", [
    ("Izium", "Iziumskyi Raion"),
    ("Kupiansk", "Kupianskyi Raion"),
    ("Lozova", "Lozivskyi Raion"),
])
def test_the_districts_village_is_the_namesake_in_that_raion(nlp, district, raion):
    m = reading(nlp, f"Artillery hit the {district} district's Kamianka on Thursday night.", "Kamianka")
    assert m.place is not None and m.place.raion == raion and m.place.admin1_code == "UA.07"
    assert m.rule == "stated_container"


def test_a_district_without_that_village_places_none_of_its_namesakes(nlp):
    # No Kamianka lies in Chuhuivskyi Raion: the name stays at its district, not on a namesake.
    m = reading(nlp, "Artillery hit the Chuhuiv district's Kamianka on Thursday night.", "Kamianka")
    assert m.place is None and m.container is not None and m.container.raion == "Chuhuivskyi Raion"
