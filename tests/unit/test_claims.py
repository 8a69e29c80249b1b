"""Area-of-control claims (geo.events.claims) read from sentences written here, on the small gazetteer."""

import datetime as dt

import pytest

from geo.events.claims import extract_area_claims
from geo.model import EVENT_LOCATION, Document, ResolvedMention
from geo.events.numbers import SQ_MILE_KM2
from geo.text.sentences import split_sentences

PUB = dt.date(2025, 3, 19)


@pytest.fixture(scope="module")
def g(gazetteer):
    return gazetteer


def claims_of(g, text, specs=(), published=PUB):
    sentences = split_sentences(text)
    mentions = []
    for surface, name, kind, role in specs:
        start = text.index(surface)
        p = g.search(name, kind=kind)[0]
        s = next(s.index for s in sentences if s.start <= start < s.end)
        mentions.append(ResolvedMention(start, start + len(surface), surface, s, p, role, 3))
    return extract_area_claims(Document("c", text, "Wire", published), sentences, sorted(mentions, key=lambda m: m.start), g)


@pytest.mark.parametrize("text, specs, controller, km2, qualifier, region", [
    ("By a brigade officer's estimate, Kyiv now controls about 310 square kilometres (120 square miles) of the Belgorod region at most.",
     [("Belgorod", "Belgorod", "adm1", EVENT_LOCATION)], "UA", 310.0, "about, at most", "Belgorod Oblast"),
    ("Russian forces captured 449 square kilometres in the Donetsk region in May.",
     [("Donetsk", "Donetsk", "adm1", EVENT_LOCATION)], "RU", 449.0, None, "Donetsk Oblast"),
    ("Ukrainian troops have liberated more than 8,500 sq km in the Kharkiv region.",
     [("Kharkiv", "Kharkiv", "adm1", EVENT_LOCATION)], "UA", 8500.0, "more than", "Kharkiv Oblast"),
    ("Kyiv's forces held roughly 54 square miles of the Kursk region.",
     [("Kursk", "Kursk", "adm1", EVENT_LOCATION)], "UA", round(54 * SQ_MILE_KM2, 1), "about", "Kursk Oblast"),
    ("Ukraine lost 100 km2 of territory in the Kursk region this week.",
     [("Kursk", "Kursk", "adm1", EVENT_LOCATION)], "RU", 100.0, None, "Kursk Oblast"),
])
def test_area_claims(g, text, specs, controller, km2, qualifier, region):
    (c,) = claims_of(g, text, specs)
    assert (c.controller, c.area_km2, c.qualifier, c.region.name) == (controller, km2, qualifier, region)
    assert c.sources[0].sentence == text and c.id == "c:c1"
    assert c.date == (dt.date(2024, 5, 1) if "in May" in text else PUB)


@pytest.mark.parametrize("text, controller", [
    ("About 1,000 square kilometres were liberated from Russian occupation last week.", "UA"),
    ("Kyiv's troops, pushing north, took control of 300 sq km in the border area.", "UA"),
    ("Over three days Russia's 'Centre' grouping of forces took control of 120 square kilometres of land.", "RU"),
    ("The army seized 449 square kilometers of land.", "unknown"),
])
def test_controller_phrasings(g, text, controller):
    (c,) = claims_of(g, text)
    assert c.controller == controller


def test_claimant_and_country_region(g):
    text = "Russian troops have seized 2,310 square kilometres of Ukraine since January, the Royal United Services Institute said."
    (c,) = claims_of(g, text, [("Ukraine", "Ukraine", "country", EVENT_LOCATION)])
    assert (c.controller, c.area_km2, c.region.kind) == ("RU", 2310.0, "country")
    assert c.claimant == "the Royal United Services Institute"
    assert c.date == dt.date(2025, 1, 1)


@pytest.mark.parametrize("text", [
    "The fire at the market spread over 15,000 square metres.",
    "The village lies 30 km from the border and 5 miles from the river.",
    "Russian forces advanced an area roughly the size of Washington.",
    "Russian forces gained an average of 14.5 km² (5.6 sq mi) per day.",
    "",
])
def test_distractors_give_no_claim(g, text):
    assert claims_of(g, text) == []


def test_equivalent_units_are_one_claim(g):
    (c,) = claims_of(g, "Russia seized 449 square kilometres (173 square miles) of Ukrainian territory.")
    assert c.area_km2 == 449.0 and c.controller == "RU"


def test_square_miles_alone_are_converted(g):
    (c,) = claims_of(g, "Ukraine controls 77 square miles of territory.", [])
    assert c.area_km2 == round(77 * SQ_MILE_KM2, 1)
    assert c.area_text == "77 square miles"
