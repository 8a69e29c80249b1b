"""Numbers and areas as reports write them (geo.events.numbers)."""

import pytest

from geo.events.numbers import SQ_MILE_KM2, find_areas, find_quantities, words_to_number


@pytest.mark.parametrize("text, value", [
    ("seven", 7), ("three", 3), ("a dozen", 12), ("three dozen", 36), ("two hundred", 200),
    ("two hundred and five", 205), ("twenty-one", 21), ("one thousand", 1000), ("a hundred", 100),
    ("banana", None),
])
def test_words_to_number(text, value):
    assert words_to_number(text) == value


@pytest.mark.parametrize("text, expected", [
    ("145 drones, 2 ballistic missiles, and 4 anti-aircraft missiles", [(145, None), (2, None), (4, None)]),
    ("at least 21 people", [(21, "at least")]),
    ("more than 40 missiles", [(40, "more than")]),
    ("over three dozen drones", [(36, "more than")]),
    ("about a dozen drones", [(12, "about")]),
    ("nearly 7,000 drones", [(7000, "almost")]),
    ("up to 30 missiles", [(30, "up to")]),
    ("at most 5 km", [(5, "at most")]),
    ("around 1 500 troops", [(1500, "about")]),
    ("dozens of rockets", [(None, "dozens")]),
    ("killed one person and injured 14", [(1, None), (14, None)]),
])
def test_quantities_values_and_qualifiers(text, expected):
    assert [(q.value, q.qualifier) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, low, high", [("10-12 drones", 10, 12), ("between 10 and 12 drones", 10, 12), ("10 to 12", 10, 12)])
def test_ranges_keep_both_bounds(text, low, high):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.value, q.qualifier) == (low, high, high, "range")


@pytest.mark.parametrize("text", ["Kh-101 missiles", "S-300 systems", "a 14-year-old girl", "the 225th regiment", "the 11th floor"])
def test_model_names_ages_and_ordinals_are_not_counts(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, km2, qualifier, unit", [
    ("about 200 square kilometers", 200.0, "about", "km2"),
    ("1,246 sq km", 1246.0, None, "km2"),
    ("4,168 km²", 4168.0, None, "km2"),
    ("8 500 km2", 8500.0, None, "km2"),
    ("more than 100 square kilometres", 100.0, "more than", "km2"),
    ("77 square miles", round(77 * SQ_MILE_KM2, 1), None, "sq mi"),
    ("54 sq mi", round(54 * SQ_MILE_KM2, 1), None, "sq mi"),
    ("300 hectares", 3.0, None, "ha"),
])
def test_areas_convert_to_km2(text, km2, qualifier, unit):
    (a,) = find_areas(text)
    assert (a.km2, a.qualifier, a.unit) == (km2, qualifier, unit)


@pytest.mark.parametrize("text", ["a fire over 15,000 square metres", "30 km from the border", "5 miles away", "the size of Washington"])
def test_distractors_are_not_areas(text):
    assert find_areas(text) == []


@pytest.mark.parametrize("text", [
    "report dated 2024-03-17 on drones", "posted 17/03/2024 at dawn", "sirens at 04:30 local time",
    "over the 2022-2023 winter", "during the 2023/24 heating season",
])
def test_dates_times_and_year_spans_are_not_counts(text):
    assert [q.value for q in find_quantities(text)] == []


def test_a_count_next_to_a_date_is_still_read():
    assert [q.value for q in find_quantities("On 2024-03-17, 42 drones were launched")] == [42]


@pytest.mark.parametrize("text, km2", [
    ("troops freed some 2,000 [square] kilometers in the south", 2000),
    ("about 300 [square] miles", 777.0),
    ("150 square kilometres", 150),
])
def test_an_editors_bracketed_square_is_still_an_area(text, km2):
    (a,) = find_areas(text)
    assert round(a.km2) == round(km2)
