"""Candidate toponym spans: context rules, region phrases, lists and filters (real gazetteer)."""

import pytest

from geo.model import Document
from geo.text.sentences import split_sentences
from geo.places.toponyms import find_mentions


def spans(text, gazetteer):
    doc = Document(id="t", text=text)
    return find_mentions(doc, split_sentences(text), gazetteer)


def surfaces(text, gazetteer):
    return [m.surface for m in spans(text, gazetteer)]


@pytest.mark.parametrize(
    "text, surface, lookup",
    [
        ("Shelling hit the Sumy region overnight.", "Sumy region", "Sumy"),
        ("Drones were downed over Kursk Oblast on Monday.", "Kursk Oblast", "Kursk"),
        ("Troops advanced in the Kursk border region.", "Kursk border region", "Kursk"),
        ("A fire broke out at a depot in Krasnodar Krai.", "Krasnodar Krai", "Krasnodar"),
        ("Sirens sounded across the Moscow Region at dawn.", "Moscow Region", "Moscow"),
        ("Two villages in the Zaporizhzhia region were hit.", "Zaporizhzhia region", "Zaporizhzhia"),
    ],
)
def test_region_phrase_is_one_adm1_mention(text, surface, lookup, gazetteer):
    found = [m for m in spans(text, gazetteer) if m.surface == surface]
    assert len(found) == 1, surfaces(text, gazetteer)
    assert found[0].lookup in (lookup, surface)  # the core, or the unit's own name ("Kursk Oblast")
    assert found[0].kind_hint == "adm1"
    assert text[found[0].start:found[0].end] == surface
    (unit,) = gazetteer.search(found[0].lookup, kind="adm1", limit=1)
    assert unit.name.lower().startswith(lookup.lower()[:5]), unit


@pytest.mark.parametrize(
    "text, names",
    [
        ("Missiles targeted the Kharkiv, Poltava and Odesa regions.", ["Kharkiv", "Poltava", "Odesa"]),
        ("Alerts covered the Poltava, Sumy, and Chernigov regions.", ["Poltava", "Sumy", "Chernigov"]),
        ("The Chernihiv and Zhytomyr regions were shelled.", ["Chernihiv", "Zhytomyr"]),
        ("Blackouts hit the Lviv, Volyn, Rivne & Ternopil oblasts.", ["Lviv", "Volyn", "Rivne", "Ternopil"]),
        ("Alerts were lifted in the Dnepropetrovsk, Kirovograd and other regions.", ["Dnepropetrovsk", "Kirovograd"]),
    ],
)
def test_coordinated_list_gives_one_adm1_mention_per_name(text, names, gazetteer):
    found = spans(text, gazetteer)
    assert [m.surface for m in found] == names
    assert all(m.kind_hint == "adm1" for m in found)


@pytest.mark.parametrize(
    "text, country, region",
    [
        ("Drones struck Russia's Belgorod region.", "Russia", "Belgorod region"),
        ("Shelling continued in Ukraine’s Kherson region.", "Ukraine", "Kherson region"),
    ],
)
def test_possessive_country_is_its_own_mention_and_a_hint(text, country, region, gazetteer):
    found = spans(text, gazetteer)
    assert [m.surface for m in found] == [country, region]
    assert found[1].country_hint == country


@pytest.mark.parametrize(
    "text, surface",
    [
        ("The Kharkiv-based volunteers left.", "Kharkiv"),
        ("A Russia-installed official spoke.", "Russia"),
        ("The Odesa-born singer returned.", "Odesa"),
    ],
)
def test_hyphenated_adjective_mentions_the_toponym_part(text, surface, gazetteer):
    found = spans(text, gazetteer)
    assert [m.surface for m in found] == [surface]
    assert "hyphen_adj" in found[0].cues


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Strikes hit Kryvyi Rih and Nova Kakhovka.", ["Kryvyi Rih", "Nova Kakhovka"]),
        ("A drone fell in Rostov-on-Don.", ["Rostov-on-Don"]),
        ("Shelling hit Velyka Pysarivka again.", ["Velyka Pysarivka"]),
        ("Traffic stopped on the Crimean bridge after blasts.", ["Crimean bridge"]),
        ("Blasts shook the Saki air base.", ["Saki air base"]),
        ("Ships left the Black Sea port.", ["Black Sea"]),
        ("Aid arrived in St. Petersburg and New York City.", ["St. Petersburg", "New York City"]),
    ],
)
def test_multiword_names(text, expected, gazetteer):
    assert surfaces(text, gazetteer) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Emmanuel Macron spoke to Chancellor Olaf Scholz.",
        "The talks took place in August, on a Tuesday.",
        "CNN and Reuters quoted the White House and the Pentagon.",
        "The Washington Post cited the New York Times.",
        "The Armed Forces of Ukraine repelled the attack.",
        "The Kharkiv Regional Military Administration reported damage.",
        "The cruiser Moskva sank.",
        "Russian and Ukrainian officials met Polish and Crimean delegates.",
        "We left. Even so, Police said nothing.",
        "The Russia-Ukraine war and the Trump-Putin call dominated.",
        "Foreign ministry spokeswoman Maria Zakharova said so.",
        "A former deputy governor of the Sumy regional administration was detained.",
        "The units of Battlegroup Vostok advanced, the Khortitsa battlegroup said.",
        "Neptune missiles sank the ship.",
    ],
)
def test_non_places_are_not_mentions(text, gazetteer):
    assert surfaces(text, gazetteer) == []


def test_surname_seen_with_a_given_name_is_not_a_place_later(gazetteer):
    text = "John Kerry arrived on Monday. Kerry said the talks would go on."
    assert surfaces(text, gazetteer) == []


def test_us_state_abbreviation_after_a_town(gazetteer):
    found = spans("ALBUQUERQUE, N.M. (AP) - A storm hit Santa Fe.", gazetteer)
    state = [m for m in found if m.surface == "N.M."]
    assert state and state[0].lookup == "New Mexico" and state[0].kind_hint == "adm1"


def test_dateline_is_normalised(gazetteer):
    text = "KYIV, March 19 (Reuters) - Drones hit the capital."
    found = spans(text, gazetteer)
    assert found[0].surface == "KYIV"
    assert found[0].lookup == "Kyiv"
    assert "dateline" in found[0].cues


@pytest.mark.parametrize(
    "text, surface, cue",
    [
        ("Fires broke out near the village of Kozinka.", "Kozinka", "noun:place"),
        ("Officials in the southern region of Krasnodar said so.", "Krasnodar", "noun:adm1"),
        ("The town of Huliaipole was shelled.", "Huliaipole", "noun:place"),
    ],
)
def test_settlement_nouns_are_cues(text, surface, cue, gazetteer):
    found = [m for m in spans(text, gazetteer) if m.surface == surface]
    assert found and cue in found[0].cues


def test_offsets_and_order(gazetteer):
    text = "Drones hit Odesa. Later, missiles struck Dnipro and Zaporizhzhia.\nKHERSON - Shelling continued."
    found = spans(text, gazetteer)
    assert [m.surface for m in found] == ["Odesa", "Dnipro", "Zaporizhzhia", "KHERSON"]
    for m in found:
        assert text[m.start:m.end] == m.surface
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Удар по Харкову: загинули двоє людей.",
        "俄罗斯无人机袭击了乌克兰。",
        "",
        "!!! ??? ... — – -",
        "Zzyzxqv Qwrtpl Xkcdzz region Vbnmq",
    ],
)
def test_other_scripts_and_nonsense_do_not_crash_or_flood(text, gazetteer):
    assert len(spans(text, gazetteer)) <= 1


# ---------------------------------------------------------------- names the gazetteer lacks

@pytest.mark.parametrize(
    "text, surface",
    [
        ("Drones struck the village of Stara Pavlivka in the Sumy region.", "Stara Pavlivka"),
        ("Shelling damaged houses in the village of Zarichne-Velyke overnight.", "Zarichne-Velyke"),
        ("Two people were killed in Khmelivske village on Monday.", "Khmelivske"),
        ("A guided bomb hit the settlement of Nova Zorianka.", "Nova Zorianka"),
        ("Fighting continued near Mala Tsyrkunivka in Kharkiv region.", "Mala Tsyrkunivka"),
        ("Fighting continued near Mala Tsyrkunivka, in the Kharkiv region.", "Mala Tsyrkunivka"),
        ("A drone hit a farm near Zelenyi Yar (Donetsk Oblast).", "Zelenyi Yar"),
        ("A shell hit a school in Dovhe Pole, Zaporizhzhia Oblast.", "Dovhe Pole"),
        ("Troops advanced outside Kruhla Balka near Kupiansk.", "Kruhla Balka"),
        ("Troops pushed on near Novo-Zarichne in Ukraine's Kharkiv region.", "Novo-Zarichne"),
        ("Russian troops attacked positions near Pryvilne in the southern Zaporizhzhia region.", "Pryvilne"),
    ],
)
def test_cued_names_unknown_to_the_gazetteer_are_candidates(text, surface, gazetteer):
    found = [m for m in spans(text, gazetteer) if m.surface == surface]
    assert len(found) == 1, surfaces(text, gazetteer)
    assert text[found[0].start:found[0].end] == surface


def test_villages_of_a_list_are_one_candidate_each(gazetteer):
    text = "Russia claimed the villages of Stara Pavlivka, Lypove and Nova Dubrava in the Donetsk region."
    found = {m.surface: m for m in spans(text, gazetteer)}
    assert {"Stara Pavlivka", "Lypove", "Nova Dubrava", "Donetsk region"} <= set(found), list(found)
    assert all("list:settlements" in found[n].cues for n in ("Stara Pavlivka", "Lypove", "Nova Dubrava"))


def test_last_list_member_with_a_container_is_a_candidate(gazetteer):
    text = "Russian forces shelled Lypivka and Khmelove in the Sumy region."
    assert "Khmelove" in surfaces(text, gazetteer)


@pytest.mark.parametrize(
    "text, surface, cue",
    [
        ("Shelling hit the village of Zarichne-Velyke.", "Zarichne-Velyke", "settlement_noun"),
        ("Two people were killed in Khmelivske village.", "Khmelivske", "settlement_noun"),
        ("Fighting went on near Mala Tsyrkunivka in Kharkiv region.", "Mala Tsyrkunivka", "container_after"),
        ("A drone hit a farm near Zelenyi Yar (Donetsk Oblast).", "Zelenyi Yar", "container_after"),
    ],
)
def test_unlisted_name_cues(text, surface, cue, gazetteer):
    found = [m for m in spans(text, gazetteer) if m.surface == surface]
    assert found and cue in found[0].cues, [(m.surface, m.cues) for m in spans(text, gazetteer)]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Reporter Anna Smith in the Kharkiv region said so.", "Smith"),
        ("It happened in July in the Kharkiv region.", "July"),
        ("Teams from Starlink in the Kharkiv region restored links.", "Starlink"),
        ("The Hollowmere Energy Company in the Kharkiv region repaired lines.", "Hollowmere"),
        ("They moved to the village of their parents in the Sumy region.", "their"),
        ("Officials visited the city's Planning Commission.", "Planning"),
        ("Crowds gathered in the Hollowmere town centre.", "Hollowmere"),
        ("The Trump-Putin summit in the Kharkiv region was postponed.", "Trump-Putin"),
        ("He spoke at Mala Tsyrkunivka District Court in Kharkiv.", "Mala Tsyrkunivka"),
    ],
)
def test_unlisted_names_need_a_real_cue(text, absent, gazetteer):
    assert not [s for s in surfaces(text, gazetteer) if absent in s], surfaces(text, gazetteer)


def test_adjectival_region_name_is_a_district(gazetteer):
    (m,) = [m for m in spans("A depot burned in the Rylsky region overnight.", gazetteer) if m.surface.startswith("Rylsky")]
    assert m.kind_hint == "district"
    (k,) = [m for m in spans("Drones struck the Kursk region.", gazetteer) if m.surface.startswith("Kursk")]
    assert k.kind_hint == "adm1"
