"""An attack needs a war frame: general news gives no events, war reports keep theirs (sentences written here)."""

from __future__ import annotations

import pytest

from geo.pipeline import parse_text

NOT_WAR = [
    "A Goose Creek man was hit by a truck and killed early Sunday morning, the coroner said.",
    "Police in Springfield said a 16-year-old was attacked in a park on Friday night.",
    "The Ohio senator was charged with sexual assault in Columbus on Tuesday.",
    "A deal was struck in Denver after the union targeted three companies.",
    "Mississippi State hit the tying 3-pointer with seven seconds left to beat Tennessee.",
    "The storm hit Texas and Oklahoma, damaging 40 homes and killing two people.",
    "Four people died in a stampede at a nightclub in Portland when a fire broke out.",
    "The company was accused of fraud after it targeted religious orders in Montana.",
    "Two inmates were captured in Chattanooga on Thursday evening, the sheriff said.",
    "The unemployment rate in Ohio hit 8.8 percent, a two-decade high.",
    "A bomb squad was called to Richmond's east side after a suspicious package was found.",
]


@pytest.mark.parametrize("text", NOT_WAR)
def test_general_news_gives_no_events(text, gazetteer):
    assert parse_text(text, gazetteer=gazetteer).events == ()


@pytest.mark.parametrize("text, place", [
    ("Russian drones struck Odesa overnight, injuring three people.", "Odesa"),
    ("Shelling hit the Kherson region on Monday, killing two people.", "Kherson Oblast"),
    ("Blasts were heard in Kharkiv late on Sunday while the air-raid alert was still on.", "Kharkiv"),
    ("Ukrainian drones attacked an oil depot in the Bryansk region, the governor said.", "Bryansk Oblast"),
    ("Kupiansk came under enemy artillery fire again, the regional governor said.", "Kupyansk"),
    ("Air defences shot down 12 drones over the Kursk region.", "Kursk Oblast"),
])
def test_war_reports_keep_their_events(text, place, gazetteer):
    events = parse_text(text, gazetteer=gazetteer).events
    assert place in [e.location.place.name for e in events], events


@pytest.mark.parametrize("text", [
    "A Russian drone crashed in a field in eastern Poland, Polish officials said.",
    "Debris from a Russian drone fell in Romania's Tulcea county, the Romanian defence ministry said.",
])
def test_an_event_outside_the_theatre_needs_the_country_named_and_war_evidence(text, gazetteer):
    events = parse_text(text, gazetteer=gazetteer).events
    assert events and all(e.location.place.country_code in ("PL", "RO") for e in events), events


def test_a_place_abroad_the_report_does_not_name_is_not_an_event(gazetteer):
    text = "Russian missiles hit Odesa overnight. In Paris, officials met to discuss grain exports."
    events = parse_text(text, gazetteer=gazetteer).events
    assert [e.location.place.country_code for e in events] == ["UA"]
