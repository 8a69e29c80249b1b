"""One unit noun governs its whole list, wherever it stands (sentences written for these tests)."""

from __future__ import annotations

import pytest

from geo.pipeline import parse_text

NAMES = ["Tula", "Oryol", "Lipetsk", "Tambov", "Ryazan", "Kursk", "Bryansk", "Voronezh", "Smolensk", "Kaluga"]


def regions_read(text: str, gazetteer) -> list[tuple[str, str]]:
    pd = parse_text(text, gazetteer=gazetteer)
    return [(m.surface, m.place.kind) for m in pd.mentions if m.place is not None and m.place.country_code == "RU"]


def _list(names: list[str], counts: bool) -> str:
    items = [f"{n} ({i + 2})" if counts else n for i, n in enumerate(names)]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@pytest.mark.parametrize("n", [2, 3, 5, 10])
@pytest.mark.parametrize("counts", [False, True])
@pytest.mark.parametrize("shape", [
    "Air defences destroyed drones over the {list} regions overnight.",
    "Air defences destroyed drones over the territories of {list}, the ministry said.",
    "Air defences destroyed drones over the regions of {list}.",
    "Drones were shot down over several regions – {list} – the ministry said.",
    "Drones were shot down over five regions: {list}.",
    "The attack spanned multiple regions including {list}.",
    "Air defences destroyed drones over the {list} Regions overnight.",
])
def test_a_plural_noun_makes_every_member_a_region(shape, n, counts, gazetteer):
    names = NAMES[:n]
    text = shape.format(list=_list(names, counts))
    got = regions_read(text, gazetteer)
    assert [s for s, _ in got] == names, got
    assert all(kind == "adm1" for _, kind in got), got


@pytest.mark.parametrize("text, units, kind", [
    ("Airstrikes hit the Homs and Aleppo governorates on Friday.", ["Homs", "Aleppo"], "adm1"),
    ("Officials in the provinces of Kandahar and Helmand said the road was closed.", ["Kandahar", "Helmand"], "adm1"),
    ("Moscow-installed officials in the Luhansk and Donetsk People's Republics reported shelling.", ["Luhansk", "Donetsk"],
     "adm1"),
])
def test_unit_nouns_of_every_country(text, units, kind, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    got = {m.surface: m.place.kind for m in pd.mentions if m.place is not None}
    assert all(got.get(u) == kind for u in units), got


@pytest.mark.parametrize("text", [
    "Kursk regions are not a thing but the Sumy region is.",       # one name before a plural: its own phrase
    "The regions of the country were hit.",                       # no capitalised member
    "Residents of the regions said little, Governor Ivan Petrov said.",
])
def test_no_list_no_members(text, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    assert all("list:regions" not in m.cues or m.surface in ("Sumy",) for m in pd.mentions), pd.mentions


def test_settlement_list_after_its_noun_with_counts(gazetteer):
    text = "Russian shelling hit the villages of Velykyi Burluk, Dvorichna (2) and Kupiansk in the Kharkiv region."
    pd = parse_text(text, gazetteer=gazetteer)
    listed = [m.surface for m in pd.mentions if "list:settlements" in m.cues]
    assert listed == ["Velykyi Burluk", "Dvorichna", "Kupiansk"]


@pytest.mark.parametrize("text, expected", [
    ("Of the 19 drones, six were downed over the Saratov province, five others over Penza, four over Tambov "
     "and one over Lipetsk.", ["Saratov", "Penza", "Tambov", "Lipetsk"]),
    ("Nine drones were destroyed over the Bryansk region; three over Kursk; and two more over Oryol.",
     ["Bryansk", "Kursk", "Oryol"]),
    ("Air defences downed 12 drones over the Voronezh region, 4 UAVs over Tambov and 2 over Lipetsk.",
     ["Voronezh", "Tambov", "Lipetsk"]),
])
def test_a_per_place_tally_shares_the_unit_noun_of_its_first_member(text, expected, gazetteer):
    got = regions_read(text, gazetteer)
    assert [s.split()[0] for s, _ in got] == expected and all(k == "adm1" for _, k in got), got


@pytest.mark.parametrize("text, name, kind", [
    ("Shelling in northern Chernihiv damaged homes, officials said.", "Chernihiv", "adm1"),
    ("Russian forces struck targets in southern Kherson overnight.", "Kherson", "adm1"),
    ("Russia said it captured two villages in Luhansk and one in Donetsk.", "Luhansk", "adm1"),
    ("Russia said it captured two villages in Luhansk and one in Donetsk.", "Donetsk", "adm1"),
    ("Settlements in Zaporizhzhia came under fire again.", "Zaporizhzhia", "adm1"),
    ("Russian drones struck Kharkiv overnight, injuring three people.", "Kharkiv", "place"),   # no region cue: the city
    ("A missile hit the centre of Chernihiv on Monday.", "Chernihiv", "place"),
])
def test_direction_words_and_settlements_in_make_a_bare_name_the_region(text, name, kind, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    got = {m.surface: m.place.kind for m in pd.mentions if m.place is not None}
    assert got.get(name) == kind, got


def test_a_comma_container_is_not_a_tally(gazetteer):
    pd = parse_text("Rylsk, Kursk region, was shelled on Monday.", gazetteer=gazetteer)
    got = {m.surface: m.place.kind for m in pd.mentions if m.place is not None}
    assert got == {"Rylsk": "place", "Kursk region": "adm1"}


def test_central_is_the_city_centre_not_the_region(gazetteer):
    pd = parse_text("Russian missiles damaged historic buildings in central Lviv on Wednesday.", gazetteer=gazetteer)
    assert [(m.surface, m.place.kind) for m in pd.mentions] == [("Lviv", "place")]


def test_a_place_the_gazetteer_lacks_in_a_bare_named_region_stays_there(gazetteer):
    text = "On Friday, Moscow claimed its units had seized Toretsk in Donetsk and Zzyzxivka in Kharkiv."
    pd = parse_text(text, gazetteer=gazetteer)
    got = {m.surface: (m.place.name if m.place else None, m.container.name if m.container else None) for m in pd.mentions}
    assert got["Donetsk"] == ("Donetsk Oblast", None) and got["Kharkiv"] == ("Kharkiv Oblast", None)
    assert got["Zzyzxivka"] == (None, "Kharkiv Oblast")


@pytest.mark.parametrize("text, expected", [
    ("Air defences destroyed 9 drones over Tula territory and 6 over Kaluga territory.",
     {"Tula territory": "adm1", "Kaluga territory": "adm1"}),
    ("Drones hit fuel depots in three regions of Russia - Saratov, Penza and Tambov.",
     {"Saratov": "adm1", "Penza": "adm1", "Tambov": "adm1"}),
    ("Drones attacked the Pavlohrad and Kryvyi Rih districts of the Dnipropetrovsk region overnight.",
     {"Dnipropetrovsk region": "adm1"}),
    ("Officials said the shelling hit a village in Donetsk, Ukraine, on Monday.", {"Donetsk": "adm1"}),
])
def test_more_unit_shapes(text, expected, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    got = {m.surface: m.place.kind for m in pd.mentions if m.place is not None}
    assert all(got.get(k) == v for k, v in expected.items()), got


def test_a_lower_case_territory_is_a_region_only_after_a_regions_name(gazetteer):
    pd = parse_text("The drones fell on Ukrainian territory and on Kyiv territory, officials said.", gazetteer=gazetteer)
    assert not any(m.surface.startswith("Ukrainian") for m in pd.mentions)


@pytest.mark.parametrize("text, surface, kind, precision", [
    ("Russian forces attacked Ukrainian positions in the Siversk direction on Monday.", "Siversk direction", "place", 2),
    ("Heavy fighting continued on the Huliaipole axis, the general staff said.", "Huliaipole axis", "place", 2),
    ("Russian troops shelled positions in the Orikhiv sector.", "Orikhiv sector", "place", 2),
    ("Clashes continued on the Belgorod front overnight.", "Belgorod front", "adm1", 3),
    ("Fighting raged on the Kharkiv front, officials said.", "Kharkiv front", "adm1", 3),
])
def test_front_sectors_are_event_locations_with_honest_precision(text, surface, kind, precision, gazetteer):
    pd = parse_text(text, gazetteer=gazetteer)
    (m,) = [m for m in pd.mentions if m.surface == surface]
    assert (m.place.kind, m.precision, m.role) == (kind, precision, "event_location")


def test_a_front_line_is_not_a_front(gazetteer):
    pd = parse_text("The Kharkiv front line held, officials said.", gazetteer=gazetteer)
    assert [m.surface for m in pd.mentions] == ["Kharkiv"]
