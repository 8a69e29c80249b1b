"""Strike, interception and ground events per clause (geo.events.building), with the real gazetteer.

Sentences are written here; place mentions are built from real gazetteer
places (the resolver's output format), so each test checks extraction only.
The seed tests at the end run the whole pipeline.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from gazetteer import default_gazetteer
from geo.events.building import extract_events
from geo.model import ACTOR_METONYM, EVENT_LOCATION, GROUND_ASSAULT, INTERCEPTION, OTHER, STRIKE, Document, ResolvedMention
from geo.pipeline import parse_document
from geo.text.sentences import split_sentences

PUB = dt.date(2025, 3, 19)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def g():
    return default_gazetteer()


def place(g, name, kind=None, country=None):
    return g.search(name, kind=kind, country=country)[0]


def events_of(g, text, specs, published=PUB, outlet="Test Wire", doc_id="t"):
    """Events of ``text``; ``specs`` are (surface, name, kind, role) with an optional nth occurrence."""
    sentences = split_sentences(text)
    mentions = []
    for spec in specs:
        surface, name, kind, role, *rest = spec
        nth = rest[0] if rest else 0
        start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
        p = place(g, name, kind)
        prec = 4 if p.kind == "country" else 3 if p.kind == "adm1" else 1
        s = next(s.index for s in sentences if s.start <= start < s.end)
        mentions.append(ResolvedMention(start, start + len(surface), surface, s, p, role, prec))
    mentions.sort(key=lambda m: m.start)
    doc = Document(doc_id, text, outlet, published)
    return extract_events(doc, sentences, mentions, g)


E, M, O = EVENT_LOCATION, ACTOR_METONYM, OTHER
TALLY = ("Overnight, Russia attacked Ukraine with 145 drones, 2 ballistic missiles, and 4 anti-aircraft missiles, "
         "Ukraine's Air Force said. The attacks targeted the Sumy, Poltava and Chernihiv regions. "
         "72 drones were shot down, the air force said. The attacks killed one person and injured 14.")
TALLY_SPECS = [("Ukraine", "Ukraine", "country", E, 0), ("Ukraine", "Ukraine", "country", M, 1),
               ("Sumy", "Sumy", "adm1", E), ("Poltava", "Poltava", "adm1", E), ("Chernihiv", "Chernihiv", "adm1", E)]


def test_region_list_gives_one_region_event_each_with_the_shared_tally(g):
    evs = events_of(g, TALLY, TALLY_SPECS)
    assert [e.location.place.name for e in evs] == ["Sumy Oblast", "Poltava Oblast", "Chernihiv Oblast"]
    for e in evs:
        assert (e.type, e.attacker, e.attacker_basis) == (STRIKE, "RU", "grammar")
        assert e.location.precision == 3
        assert e.weapons == {"drone": 145, "ballistic_missile": 2, "anti_aircraft_missile": 4}
        assert (e.intercepted, e.killed, e.injured) == (72, 1, 14)
        assert e.qualifiers["shared"] == "weapons,intercepted,killed,injured"
        assert e.qualifiers["group_size"] == "3"
        assert e.claimant == "Ukraine's Air Force"
        assert (e.date, e.date_precision) == (PUB, "day")
    assert len({e.qualifiers["group"] for e in evs}) == 1
    assert [e.id for e in evs] == ["t:e1", "t:e2", "t:e3"]


def test_evidence_points_into_the_text(g):
    for e in events_of(g, TALLY, TALLY_SPECS):
        assert e.sources
        for s in e.sources:
            assert (s.document, s.outlet, s.published) == ("t", "Test Wire", PUB)
            assert TALLY[s.start:s.end].strip() == s.sentence


@pytest.mark.parametrize("text, specs, side", [
    ("Russia attacked Ukraine with 40 drones overnight.", [("Ukraine", "Ukraine", "country", E)], "RU"),
    ("Air defences shot down 57 drones launched by Ukraine over the Belgorod region.", [("Belgorod", "Belgorod", "adm1", E)], "UA"),
    ("Officials said a Ukrainian drone had caused a fire at a depot in the Rostov region.", [("Rostov", "Rostov", "adm1", E)], "UA"),
    ("Russian strikes hit the Kharkiv region on Monday.", [("Kharkiv", "Kharkiv", "adm1", E)], "RU"),
    ("Moscow accused Ukraine of attacking a refinery in the Samara region.", [("Moscow", "Moscow", None, M), ("Samara", "Samara", "adm1", E)], "UA"),
    ("Russian forces shelled the Kherson region.", [("Kherson", "Kherson", "adm1", E)], "RU"),
])
def test_attacker_from_grammar(g, text, specs, side):
    (e,) = events_of(g, text, specs)
    assert (e.attacker, e.attacker_basis) == (side, "grammar")


@pytest.mark.parametrize("text, specs, side", [
    ("Explosions hit a substation in the Odesa region overnight.", [("Odesa", "Odesa", "adm1", E)], "RU"),
    ("Drones struck an oil depot in the Bryansk region.", [("Bryansk", "Bryansk", "adm1", E)], "UA"),
])
def test_attacker_from_where_the_target_lies(g, text, specs, side):
    (e,) = events_of(g, text, specs)
    assert (e.attacker, e.attacker_basis) == (side, "target_country")


def test_two_attackers_in_one_sentence_is_flagged_not_guessed(g):
    text = "Russia attacked and Ukraine attacked the Belgorod region overnight."
    (e,) = events_of(g, text, [("Belgorod", "Belgorod", "adm1", E)])
    assert (e.attacker, e.attacker_basis) == ("unknown", "conflicting")


@pytest.mark.parametrize("text, weapons, sub_type", [
    ("Russia launched seven drones at the Odesa region.", {"drone": 7}, "air_drone_strike"),
    ("Russia fired three Iskander missiles and two Kalibr cruise missiles at the Odesa region.",
     {"ballistic_missile": 3, "cruise_missile": 2}, "missile_attack"),
    ("Russia struck the Odesa region with a dozen Shahed drones and 4 Kh-101 missiles.", {"drone": 12, "cruise_missile": 4}, "air_drone_strike"),
    ("Russian aircraft dropped 5 guided aerial bombs on the Odesa region.", {"glide_bomb": 5}, "glide_bomb"),
    ("Russian troops shelled the Odesa region with artillery and MLRS.", {"artillery": None}, "shelling_artillery"),
    ("Russia attacked the Odesa region with 2 S-300 missiles.", {"anti_aircraft_missile": 2}, "missile_attack"),
])
def test_weapons_by_kind_and_sub_type(g, text, weapons, sub_type):
    (e,) = events_of(g, text, [("Odesa", "Odesa", "adm1", E)])
    assert e.weapons == weapons
    assert e.sub_type == sub_type


def test_count_qualifiers_are_kept(g):
    (e,) = events_of(g, "Ukraine launched more than 30 drones at the Kursk region, killing at least 2 people.",
                     [("Kursk", "Kursk", "adm1", E)])
    assert e.weapons == {"drone": 30}
    assert e.qualifiers["weapons.drone"] == "more than"
    assert (e.killed, e.qualifiers["killed"]) == (2, "at least")


@pytest.mark.parametrize("text, killed, injured", [
    ("A Russian missile hit the Sumy region, killing two people and injuring 9.", 2, 9),
    ("A Russian missile hit the Sumy region; 3 people were killed and 12 were wounded.", None, None),
    ("A Russian missile hit the Sumy region. Three people were killed and 12 were wounded.", 3, 12),
    ("A Russian missile hit the Sumy region. There were no casualties.", 0, 0),
    ("A Russian missile hit the Sumy region. No one was injured.", None, 0),
])
def test_casualties(g, text, killed, injured):
    evs = events_of(g, text, [("Sumy", "Sumy", "adm1", E)])
    e = evs[0]
    if killed is None and injured is None:  # the second clause names no place: joined, not lost
        assert (e.killed, e.injured) == (3, 12)
    else:
        assert (e.killed, e.injured) == (killed, injured)


def test_interception_report_per_place(g):
    text = "Russia's defence ministry said it had shot down 57 drones launched by Ukraine overnight, with 35 of those intercepted over the Kursk region."
    (e,) = events_of(g, text, [("Russia", "Russia", "country", M), ("Ukraine", "Ukraine", "country", M), ("Kursk", "Kursk", "adm1", E)])
    assert (e.type, e.sub_type, e.attacker) == (INTERCEPTION, "interception", "UA")
    assert e.intercepted == 35
    assert e.qualifiers["intercepted_total"] == "57"
    assert e.intercepted_over == ("Kursk Oblast",)
    assert e.claimant == "Russia's defence ministry"


def test_downed_over_a_city(g):
    text = "Russia's Defence Ministry claimed it had downed seven drones at power facilities in Mykolaiv."
    (e,) = events_of(g, text, [("Russia", "Russia", "country", M), ("Mykolaiv", "Mykolayiv", None, E)])
    assert (e.type, e.intercepted, e.weapons) == (INTERCEPTION, 7, {"drone": 7})
    assert "energy" in e.targets


@pytest.mark.parametrize("text, specs, precision, name", [
    ("A Ukrainian drone caused a fire at an oil depot near the village of Kavkazskaya in the Krasnodar region.",
     [("Kavkazskaya", "Kavkazskaya", None, E), ("Krasnodar", "Krasnodar", "adm1", E)], 2, "Kavkazskaya"),
    ("Russian drones hit Kharkiv overnight.", [("Kharkiv", "Kharkiv", "place", E)], 1, "Kharkiv"),
    ("Russian drones hit the Kharkiv region overnight.", [("Kharkiv", "Kharkiv", "adm1", E)], 3, "Kharkiv Oblast"),
])
def test_precision_is_honest(g, text, specs, precision, name):
    (e,) = events_of(g, text, specs)
    assert (e.location.place.name, e.location.precision) == (name, precision)


def test_country_only_strike_is_kept_and_flagged_not_pinned(g):
    (e,) = events_of(g, "Russia attacked Ukraine with 150 drones overnight.", [("Russia", "Russia", "country", M), ("Ukraine", "Ukraine", "country", E)])
    assert e.location.place.kind == "country" and e.location.precision == 4
    assert e.qualifiers["location"] == "country only"


@pytest.mark.parametrize("text, specs", [
    ("The Kremlin said Ukraine attacked with 40 drones.", [("Kremlin", "Moscow", None, M)]),
    ("Talks in Riyadh followed drone strikes.", [("Riyadh", "Riyadh", None, O)]),
    ("Russia attacked with 40 drones, the governor of the Kharkiv region said.", [("Kharkiv", "Kharkiv", "adm1", O)]),
])
def test_metonyms_and_venues_never_become_event_places(g, text, specs):
    assert events_of(g, text, specs) == []


def test_speaker_is_not_a_place_hit_even_if_resolved_as_one(g):
    text = "Moscow condemned an overnight attack on an oil facility in the Belgorod region."
    (e,) = events_of(g, text, [("Moscow", "Moscow", None, E), ("Belgorod", "Belgorod", "adm1", E)])
    assert e.location.place.name == "Belgorod Oblast"


def test_reference_point_after_a_place_is_not_a_second_event(g):
    text = "Ukraine attacked an energy facility in the Krasnodar region, near Crimea, with three drones."
    (e,) = events_of(g, text, [("Krasnodar", "Krasnodar", "adm1", E), ("Crimea", "Crimea", "adm1", E)])
    assert e.location.place.name == "Krasnodar Krai"
    assert e.weapons == {"drone": 3} and "energy" in e.targets


@pytest.mark.parametrize("text, targets", [
    ("Russian missiles damaged a hospital and apartment blocks in the Sumy region.", ("medical", "residential")),
    ("Russian drones hit a power plant and the railway in the Sumy region.", ("energy", "rail")),
    ("Russian drones hit a seaport and grain terminals in the Sumy region.", ("port",)),
])
def test_targets(g, text, targets):
    (e,) = events_of(g, text, [("Sumy", "Sumy", "adm1", E)])
    assert set(targets) <= set(e.targets)


def test_targets_follow_their_own_place(g):
    text = ("Russian strikes hit a hospital in the Sumy region and an electricity system powering the railways "
            "in the Dnipropetrovsk region.")
    a, b = events_of(g, text, [("Sumy", "Sumy", "adm1", E), ("Dnipropetrovsk", "Dnipropetrovsk", "adm1", E)])
    assert "medical" in a.targets and "rail" not in a.targets
    assert {"energy", "rail"} <= set(b.targets) and "medical" not in b.targets


@pytest.mark.parametrize("text, claimant", [
    ("Russia attacked the Sumy region with 20 drones, Ukraine's Air Force said.", "Ukraine's Air Force"),
    ("Russia's defence ministry said Ukraine attacked the Belgorod region with 9 drones.", "Russia's defence ministry"),
    ("Russia attacked the Sumy region with 20 drones, according to the regional governor.", "the regional governor"),
    ("Officials said a Ukrainian drone hit the Belgorod region, Reuters reported.", "Officials (via Reuters)"),
])
def test_claimant(g, text, claimant):
    region = "Sumy" if "Sumy" in text else "Belgorod"
    (e,) = events_of(g, text, [(region, region, "adm1", E)])
    assert e.claimant == claimant


def test_no_publication_date_still_gives_the_event_undated(g):
    (e,) = events_of(g, "Russian drones hit the Sumy region overnight.", [("Sumy", "Sumy", "adm1", E)], published=None)
    assert e.date is None and e.date_precision is None
    (e,) = events_of(g, "Russian drones hit the Sumy region on 14 July 2022.", [("Sumy", "Sumy", "adm1", E)], published=None)
    assert (e.date, e.date_precision) == (dt.date(2022, 7, 14), "day")


def test_ground_assault(g):
    text = "Russian troops captured the village of Zahirne in the Zaporizhzhia region, the defence ministry said."
    (e,) = events_of(g, text, [("Zaporizhzhia", "Zaporizhzhia", "adm1", E)])
    assert (e.type, e.sub_type, e.attacker) == (GROUND_ASSAULT, "ground_assault", "RU")


@pytest.mark.parametrize("text, specs", [
    ("Russia attacked with 145 drones overnight.", []),  # no place
    ("If Russia attacks the Sumy region, we will respond.", [("Sumy", "Sumy", "adm1", E)]),
    ("Putin agreed to halt strikes on energy targets in the Sumy region.", [("Sumy", "Sumy", "adm1", E)]),
    ("Air raid sirens sounded in the Sumy region.", [("Sumy", "Sumy", "adm1", E)]),
    ("", []),
])
def test_no_event(g, text, specs):
    assert events_of(g, text, specs) == []


def test_implausible_count_is_flagged(g):
    (e,) = events_of(g, "Russia launched 90000 drones at the Sumy region.", [("Sumy", "Sumy", "adm1", E)])
    assert e.weapons == {"drone": 90000} and e.qualifiers["weapons.drone"] == "implausible"


# --- the seed reports, through the real pipeline ------------------------------------------------

def _seed_docs():
    meta = json.loads((SEEDS / "seeds.json").read_text())["documents"]
    return [Document(m["file"], (SEEDS / m["file"]).read_text(encoding="utf-8"), m["outlet"], dt.date.fromisoformat(m["published"]))
            for m in meta]


@pytest.fixture(scope="module")
def seeds(g):
    return {d.outlet: parse_document(d, g) for d in _seed_docs()}


def test_seed_region_level_russian_strikes(seeds):
    evs = [e for e in seeds["CNN"].events if e.location.precision == 3 and e.attacker == "RU"]
    names = {e.location.place.name: e for e in evs}
    assert {"Sumy Oblast", "Odesa Oblast", "Poltava Oblast", "Dnipropetrovsk Oblast", "Kyiv Oblast", "Chernihiv Oblast"} <= set(names)
    for name in ("Sumy Oblast", "Odesa Oblast", "Poltava Oblast", "Dnipropetrovsk Oblast", "Kyiv Oblast", "Chernihiv Oblast"):
        e = names[name]
        assert e.weapons == {"drone": 145, "ballistic_missile": 2, "anti_aircraft_missile": 4}
        assert e.intercepted == 72
        assert (e.killed, e.injured) == (1, 14)
        assert e.type == STRIKE and e.date == dt.date(2025, 3, 19)
    assert "medical" in names["Sumy Oblast"].targets
    assert {"energy", "rail"} <= set(names["Dnipropetrovsk Oblast"].targets)


def test_seed_russian_claim_of_drones_downed_over_kursk(seeds):
    (e,) = [e for e in seeds["CNN"].events if e.type == INTERCEPTION]
    assert (e.attacker, e.location.place.name, e.location.precision) == ("UA", "Kursk Oblast", 3)
    assert (e.intercepted, e.qualifiers["intercepted_total"]) == (35, "57")
    assert "defense ministry" in e.claimant


def test_seed_drones_downed_over_mykolaiv(seeds):
    (e,) = [e for e in seeds["Al Jazeera"].events if e.type == INTERCEPTION]
    assert e.location.place.admin1_code == "UA.16"
    assert (e.intercepted, e.weapons) == (7, {"drone": 7})
    assert "Defence Ministry" in e.claimant


def test_seed_ukrainian_strikes_on_the_oil_facility(seeds):
    (cnn,) = [e for e in seeds["CNN"].events if e.attacker == "UA" and e.type == STRIKE]
    assert (cnn.location.place.name, cnn.location.precision) == ("Kavkazskaya", 2)
    assert "oil_fuel" in cnn.targets
    (aj,) = [e for e in seeds["Al Jazeera"].events if e.attacker == "UA"]
    assert (aj.location.place.name, aj.weapons) == ("Krasnodar Krai", {"drone": 3})


def test_seed_metonyms_never_placed(seeds):
    for parsed in seeds.values():
        for e in parsed.events:
            assert e.location.place.name not in ("Kremlin", "Riyadh", "Helsinki", "Saudi Arabia", "Finland", "Washington")


@pytest.mark.parametrize("text, weapons, intercepted", [
    ("Russia fired 40 missiles at the Lviv region; 31 missiles of 40 fired were shot down.", {"missile_unspecified": 40}, 31),
    ("Russia attacked the Lviv region overnight. Of the 50 drones launched, 44 were downed.", {"drone": 50}, 44),
    ("Russia launched 12 missiles at the Lviv region: 10 cruise missiles and 2 ballistic missiles.",
     {"cruise_missile": 10, "ballistic_missile": 2}, None),
    ("Russia unleashed a nine-hour drone attack on the Lviv region. It fired at least 200 drones.", {"drone": 200}, None),
])
def test_counts_as_reports_write_them(g, text, weapons, intercepted):
    (e,) = events_of(g, text, [("Lviv", "Lviv", "adm1", E)])
    assert (e.weapons, e.intercepted) == (weapons, intercepted)


@pytest.mark.parametrize("text, specs", [
    ("Russian cruise missiles launched from a ship in the Black Sea hit the Odesa region.",
     [("Black Sea", "Black Sea", None, E), ("Odesa", "Odesa", "adm1", E)]),
    ("Drones hit a depot 20 miles from the border of the Chernihiv region in the Odesa region.",
     [("Chernihiv", "Chernihiv", "adm1", E), ("Odesa", "Odesa", "adm1", E)]),
    ("Explosions in the Odesa region damaged a bridge linking it with Crimea.", [("Odesa", "Odesa", "adm1", E), ("Crimea", "Crimea", "adm1", E)]),
])
def test_origins_distances_and_routes_are_not_places_hit(g, text, specs):
    (e,) = events_of(g, text, specs)
    assert e.location.place.name == "Odesa Oblast"


def test_a_clause_about_another_country_does_not_join_the_attack(g):
    text = ("Russia attacked Ukraine with 90 drones overnight. "
            "Moscow also condemned an attack on an oil depot in Russia, blaming Kyiv.")
    (e,) = events_of(g, text, [("Ukraine", "Ukraine", "country", E), ("Russia", "Russia", "country", M, 1)])
    assert e.location.place.name == "Ukraine" and "oil_fuel" not in e.targets


def test_a_continuation_without_a_place_joins_the_attack(g):
    text = "Ukraine attacked an energy facility in the Belgorod region. It said four drones targeted a fuel depot, causing a fire."
    (e,) = events_of(g, text, [("Belgorod", "Belgorod", "adm1", E)])
    assert e.weapons == {"drone": 4} and {"energy", "oil_fuel"} <= set(e.targets)
    assert len(e.sources) == 2


@pytest.mark.parametrize("text, killed, injured", [
    ("Two people were killed and at least 8 wounded.", 2, 8),
    ("The attack killed one and wounded five others.", 1, 5),
    ("A woman died and three other people were hurt.", 1, 3),
    ("The strike killed a 70-year-old man, officials said.", 1, None),
    ("An elderly man was wounded by shrapnel.", None, 1),
    ("Forty people, among them six children, were injured.", None, 40),
    ("The blast wounded 31 people, including 4 children, and killed two.", 2, 31),
    ("A 9-year-old girl was among the injured.", None, None),
    ("Four children were among the dead.", None, None),
    ("The number of injured has risen to 64.", None, 64),
    ("Officials said the death toll climbed to 11 on Tuesday.", 11, None),
    ("There are 29 people injured and three of them in critical condition.", None, 29),
    ("Rescuers said 12 had been killed and 40 people hurt, 10 of them seriously.", 12, 40),
])
def test_casualty_phrasings(text, killed, injured):
    from geo.events.figures import read_casualties
    assert read_casualties(text)[:2] == (killed, injured)


def test_a_toll_update_wins_over_the_first_figure(g):
    text = ("A Russian missile hit the Sumy region, killing at least three people. "
            "Officials said later that the death toll had risen to 9 and 30 people were injured.")
    (e,) = events_of(g, text, [("Sumy", "Sumy", "adm1", E)])
    assert (e.killed, e.injured) == (9, 30)
    assert e.qualifiers.get("killed.update") == "toll" and "killed" not in e.qualifiers


def test_an_exact_figure_replaces_the_lower_bound_before_it(g):
    text = ("Russian drones hit the Sumy region, injuring more than 10 people. "
            "The governor said 14 people were injured.")
    (e,) = events_of(g, text, [("Sumy", "Sumy", "adm1", E)])
    assert e.injured == 14 and "injured" not in e.qualifiers


def test_a_later_smaller_figure_does_not_replace_an_exact_one(g):
    text = "Russian drones hit the Sumy region, injuring 14 people. Three were hospitalised and two injured were children."
    (e,) = events_of(g, text, [("Sumy", "Sumy", "adm1", E)])
    assert e.injured == 14


@pytest.mark.parametrize("text, launched, intercepted", [
    ("Overnight the enemy sent 80 attack drones and decoys, of which 61 were shot down.", {"drone": 80}, {"unspecified": 61}),
    ("Moscow launched 45 drones; air defence units downed 30 of them.", {"drone": 45}, {"unspecified": 30}),
    ("Air defence shot down 12 of 15 drones over the region.", {"drone": 15}, {"drone": 12}),
    ("Six Kalibr sea-launched cruise missiles and one Kinzhal were fired.", {"cruise_missile": 6, "hypersonic_missile": 1}, {}),
    ("Crews managed to destroy eleven missiles, including six Kh-101 missiles and five Iskanders.", {}, {"missile_unspecified": 11}),
    ("The army launched 70 drones, including 40 Shahed drones.", {"drone": 70}, {}),
    ("Most of the 25 drones and two missiles launched overnight were downed.", {"drone": 25, "missile_unspecified": 2}, {}),
    ("Gunners downed 14 drones and 3 cruise missiles.", {}, {"drone": 14, "cruise_missile": 3}),
    ("The missile destroyed 40 apartments and damaged a school.", {"missile_unspecified": None}, {}),
    ("Three uncrewed surface vessels approached the harbour.", {"drone": 3}, {}),
    ("Sailors destroyed two unmanned boats near the port.", {}, {"drone": 2}),
])
def test_launched_and_intercepted_as_reports_write_them(text, launched, intercepted):
    from geo.events.figures import read_weapons
    got_launched, got_intercepted, *_ = read_weapons(text)
    assert (got_launched, got_intercepted) == (launched, intercepted)


def test_per_region_interception_list_that_calls_drones_aircraft(g):
    text = ("Air defences intercepted 31 Ukrainian drones overnight, the ministry said. "
            "Twelve aircraft were destroyed over the Kursk region, 11 were shot down over the Bryansk region and eight over the Oryol region.")
    evs = events_of(g, text, [("Kursk", "Kursk", "adm1", E), ("Bryansk", "Bryansk", "adm1", E), ("Oryol", "Oryol", "adm1", E)])
    got = {e.location.place.name: (e.type, e.attacker, e.intercepted, e.qualifiers.get("intercepted_total")) for e in evs}
    assert got == {"Kursk Oblast": (INTERCEPTION, "UA", 12, "31"), "Bryansk Oblast": (INTERCEPTION, "UA", 11, "31"),
                   "Orel Oblast": (INTERCEPTION, "UA", 8, "31")}


# --- places the gazetteer lacks ------------------------------------------------------

@pytest.mark.parametrize(
    "text, name, precision, surface",
    [
        ("Russian drones struck the village of Stara Hrebynka in the Sumy region overnight, killing two people.",
         "Sumy Oblast", 3, "Stara Hrebynka"),
        ("Shelling hit a house in Nova Zarichna near Kupiansk on Tuesday, injuring a woman.",
         "Kupyansk", 2, "Nova Zarichna"),
        ("A guided bomb fell on the settlement of Kruhla Dolyna, Zaporizhzhia Oblast, on Monday.",
         "Zaporizhzhia Oblast", 3, "Kruhla Dolyna"),
    ],
)
def test_unlisted_village_is_placed_at_its_container_and_says_so(g, text, name, precision, surface):
    (event,) = [e for e in parse_document(Document("u", text, "Wire", PUB), g).events]
    loc = event.location
    assert (loc.place.name, loc.precision, loc.surface, loc.unlisted) == (name, precision, surface, True)
    assert f"({surface}, not in the gazetteer)" in loc.precision_words
    assert loc.to_dict()["unlisted"] is True


def test_unlisted_village_without_a_container_is_not_pinned(g):
    text = "Russian drones struck the village of Stara Hrebynka overnight, killing two people."
    events = parse_document(Document("u", text, "Wire", PUB), g).events
    assert all(e.location is None or not e.location.unlisted for e in events)


# --- phrasings from a read of fresh reports (sentences written here) ----------------------

def _events(g, text):
    return parse_document(Document("x", text, "Wire", PUB), g).events


def test_a_count_does_not_bind_across_a_verb_to_a_weapon(g):
    (e,) = _events(g, "In Chernihiv three residents were killed and 14 were hurt after a drone hit a school, the mayor said.")
    assert (e.killed, e.injured) == (3, 14)
    assert e.weapons == {"drone": 1}  # "a drone": the 14 hurt are not drones


def test_a_passive_is_not_a_claimant(g):
    (e,) = _events(g, "Ukrainian drones hit a fuel depot in the city of Tambov overnight. No casualties were reported.")
    assert e.claimant is None or not e.claimant.lower().startswith("no ")


@pytest.mark.parametrize("text, claimant", [
    ("Russian drones struck Chernihiv overnight, damaging a school, regional governor Petro Adamenko said.",
     "regional governor Petro Adamenko"),
    ("A missile hit a warehouse in Lviv on Monday, said regional head Maksym Hrytsenko.", "regional head Maksym Hrytsenko"),
    ("Russian shelling hit Nikopol overnight, local officials said.", "local officials"),
])
def test_lower_case_role_words_open_a_claimant(g, text, claimant):
    (e,) = _events(g, text)
    assert e.claimant == claimant


def test_military_administration_is_not_a_military_target(g):
    (e,) = _events(g, "Russian glide bombs struck Kupiansk, injuring two civilians, the city military administration said.")
    assert "military" not in e.targets
    (e,) = _events(g, "Ukrainian drones struck military facilities in the city of Kursk overnight.")
    assert "military" in e.targets


def test_a_toll_for_a_strike_on_two_cities_is_shared_by_both(g):
    events = _events(g, "Russia struck Kharkiv and Dnipro with drones overnight, killing at least six people and "
                        "wounding 30, officials said.")
    assert sorted(e.location.place.name for e in events) == ["Dnipro", "Kharkiv"]
    for e in events:
        assert (e.killed, e.injured) == (6, 30)
        assert set(e.qualifiers["shared"].split(",")) >= {"killed", "injured"}


def test_destroyed_drones_over_regions_is_an_interception_report(g):
    events = _events(g, "Russia's Defence Ministry said air defence units had destroyed 23 Ukrainian drones over "
                        "the Bryansk and Oryol regions.")
    assert {e.type for e in events} == {INTERCEPTION}
    assert all(e.intercepted == 23 and not e.targets for e in events)


def test_a_strike_named_after_a_shoot_down_report_does_not_join_it(g):
    text = ("Ukrainian drones attacked an oil depot in the city of Bryansk overnight, the governor said. "
            "Russia's Defence Ministry said it had destroyed 17 drones over the Bryansk region. "
            "A Ukrainian security source said the agency was behind the strike on the depot.")
    interceptions = [e for e in _events(g, text) if e.type == INTERCEPTION]
    assert interceptions and all("oil_fuel" not in e.targets for e in interceptions)


def test_a_capture_and_an_air_strike_in_one_region_are_two_events(g):
    text = ("Russia's Defence Ministry said its forces had taken control of the town of Toretsk in the Donetsk region. "
            "Russian glide bombs struck Druzhkivka, injuring three civilians.")
    kinds = {e.location.place.name: e.type for e in _events(g, text)}
    assert kinds.get("Druzhkivka") == STRIKE
    assert GROUND_ASSAULT in kinds.values()


def test_repelled_attacks_are_ground_fighting(g):
    (e,) = _events(g, "Ukraine's General Staff said its troops repelled 35 Russian attacks near Kurakhove on Monday.")
    assert (e.type, e.attacker) == (GROUND_ASSAULT, "RU")


def test_a_headline_and_its_lede_are_one_event(g):
    text = ("Russian missile strike on Chernihiv kills 4\n\n"
            "A Russian ballistic missile struck an apartment block in Chernihiv on Tuesday, killing four people and "
            "injuring 20, the regional administration said.")
    (e,) = _events(g, text)
    assert (e.location.place.name, e.killed, e.injured, len(e.sources)) == ("Chernihiv", 4, 20, 2)


def test_a_national_tally_after_a_local_strike_is_another_attack_with_its_regions(g):
    text = ("Later in the day, Russian forces attacked the town of Vovchansk with guided aerial bombs, injuring two people. "
            "Overnight, Russia launched 80 drones and 4 missiles against Ukraine, the Air Force said. "
            "Impacts were recorded in the Poltava and Vinnytsia oblasts.")
    by_place = {e.location.place.name: e for e in _events(g, text)}
    assert by_place["Vovchansk"].weapons == {"glide_bomb": None} and by_place["Vovchansk"].injured == 2
    for region in ("Poltava Oblast", "Vinnytsia Oblast"):
        assert by_place[region].weapons.get("drone") == 80 and by_place[region].location.precision == 3


def test_a_target_in_occupied_crimea_was_struck_by_the_side_that_does_not_hold_it(g):
    (e,) = _events(g, "A man was injured by falling debris in Sevastopol overnight, the city's governor said.")
    assert (e.attacker, e.attacker_basis, e.attacker_inferred) == ("UA", "held_by_other_side", True)  # issue 20
    (e,) = _events(g, "A man was injured by falling debris in Kherson overnight, the city's governor said.")
    assert e.attacker == "RU"


def test_a_figureless_headline_folds_into_the_better_dated_lede(g):
    text = ("Drone attack sparks fire at Russian oil depot in Tambov\n\n"
            "Ukrainian drones attacked an oil depot in Tambov early on Tuesday, the regional governor said.")
    (e,) = _events(g, text)
    assert (e.location.place.name, e.date, e.date_precision, len(e.sources)) == ("Tambov", dt.date(2025, 3, 18), "day", 2)


def test_two_days_of_strikes_on_one_city_stay_two_events(g):
    text = ("Russian drones struck Kharkiv on Monday, the mayor said. "
            "On Tuesday, Russian missiles struck Kharkiv again, the mayor said.")
    assert len([e for e in _events(g, text) if e.location.place.name == "Kharkiv"]) == 2


def test_a_strike_without_a_named_weapon_says_so(g):
    (e,) = _events(g, "Russian attacks killed two people in Kramatorsk on Monday, the governor said.")
    assert e.sub_type == "strike_unspecified" and e.weapons == {}


@pytest.mark.parametrize("text, launched, intercepted", [
    ("The air force said it had shot down 58 of 74 drones launched overnight, as well as 2 of 4 Kh-101 cruise missiles.",
     {"drone": 74, "cruise_missile": 4}, {"drone": 58, "cruise_missile": 2}),
    ("Air defences shot down 20 of 25 drones and 1 of 3 missiles.",
     {"drone": 25, "missile_unspecified": 3}, {"drone": 20, "missile_unspecified": 1}),
])
def test_part_of_total_lists_bind_each_weapon(text, launched, intercepted):
    from geo.events.figures import read_weapons
    got_launched, got_intercepted = read_weapons(text)[:2]
    assert (got_launched, got_intercepted) == (launched, intercepted)


def test_a_national_air_defence_tally_is_a_country_level_report_not_the_last_city(g):
    text = ("In the southern city of Odesa, a drone hit a port facility, the governor said. "
            "Ukraine's air force said it had shot down 58 of 74 drones launched overnight.")
    by_place = {e.location.place.name: e for e in _events(g, text)}
    assert by_place["Odesa"].weapons == {"drone": 1}
    national = by_place["Ukraine"]
    assert (national.location.precision, national.attacker, national.weapons, national.intercepted) == (4, "RU", {"drone": 74}, 58)
    assert national.qualifiers["location"] == "country only"


def test_a_total_since_the_start_of_the_war_is_not_a_report(g):
    events = _events(g, "Ukraine's air force said it had shot down 9,000 drones since the start of the year.")
    assert list(events) == []
