"""One attack told in several ways within a report (sentences written here, in many shapes)."""

from __future__ import annotations

import pytest

from geo.pipeline import parse_text


def events(text, gazetteer):
    return parse_text(text, gazetteer=gazetteer).events


@pytest.mark.parametrize("marker", ["-", "•", "*", "–"])
def test_a_bullet_list_under_a_tally_gives_each_place_its_share(marker, gazetteer):
    text = ("Russia launched 90 drones at Ukraine overnight, the air force said. Air defences shot down 60 of them:\n"
            f"{marker} 20 over the Kyiv region;\n{marker} 25 over the Sumy region;\n{marker} 15 over the Poltava region.")
    got = {e.location.place.name: e.intercepted for e in events(text, gazetteer)}
    assert got == {"Kyiv Oblast": 20, "Sumy Oblast": 25, "Poltava Oblast": 15}, got


def test_a_bullet_list_with_its_own_verbs_after_a_plain_paragraph_is_read_as_it_stands(gazetteer):
    text = ("Overnight news in brief.\n- Russian drones hit Odesa, injuring two.\n"
            "- Ukrainian drones attacked an oil depot in the Bryansk region.")
    got = {(e.location.place.name, e.attacker) for e in events(text, gazetteer)}
    assert got == {("Odesa", "RU"), ("Bryansk Oblast", "UA")}, got


@pytest.mark.parametrize("text, expected", [
    ("Air defences destroyed six drones over the Tula (3), Oryol (2) and Lipetsk (1) regions overnight.",
     {"Tula Oblast": 3, "Orel Oblast": 2, "Lipetsk Oblast": 1}),
    ("Drones were intercepted over the Kursk (12 drones), Bryansk (4) and Belgorod (2) regions.",
     {"Kursk Oblast": 12, "Bryansk Oblast": 4, "Belgorod Oblast": 2}),
])
def test_counts_in_brackets_are_per_place_interceptions(text, expected, gazetteer):
    assert {e.location.place.name: e.intercepted for e in events(text, gazetteer)} == expected


@pytest.mark.parametrize("lede", [
    "Russian missiles struck Kharkiv and Zaporizhzhia on Tuesday, killing five people.",
    "Five people were killed on Tuesday when Russian missiles struck Kharkiv and Zaporizhzhia.",
    "Russian missile strikes on Kharkiv and Zaporizhzhia killed five people on Tuesday, officials said.",
])
def test_a_lede_and_its_paragraphs_are_one_event_per_place(lede, gazetteer):
    text = (lede + "\n\nIn Kharkiv, a missile hit an apartment block, killing three, the governor said.\n\n"
            "In Zaporizhzhia, two people were killed when a missile hit a house, the regional head said.")
    got = sorted((e.location.place.name, e.killed) for e in events(text, gazetteer))
    assert got == [("Kharkiv", 3), ("Zaporizhzhya", 2)], got


def test_two_different_strikes_on_one_place_stay_two(gazetteer):
    text = ("Russian drones struck Kharkiv on Monday, injuring four people.\n\n"
            "On Wednesday, a missile hit Kharkiv, killing two people, the mayor said.")
    assert len(events(text, gazetteer)) == 2


@pytest.mark.parametrize("gap", [
    "Fires broke out. Rescuers worked through the night.",
    "Fires broke out.",
    "Fires broke out. Rescuers worked through the night. Power was cut to thousands of homes.",
])
def test_a_toll_stated_a_few_sentences_later_belongs_to_the_attack(gap, gazetteer):
    text = ("Russian drones struck an energy facility in the Odesa region overnight. " + gap +
            " Emergency services said later that two people were killed and four injured.")
    (e,) = events(text, gazetteer)
    assert (e.killed, e.injured) == (2, 4)


def test_a_toll_that_was_already_told_is_not_taken_twice(gazetteer):
    text = ("Russian drones struck the Odesa region overnight, killing one person. Fires broke out. "
            "Rescuers worked through the night. Power was cut. Separately, two people were killed in a road accident.")
    (e,) = [e for e in events(text, gazetteer) if e.location.place.name == "Odesa Oblast"]
    assert e.killed == 1
