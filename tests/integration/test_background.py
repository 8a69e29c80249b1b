"""History is not an attack, and 'by <side>' names the attacker (sentences written here)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.frames import is_background
from geo.pipeline import parse_text


@pytest.mark.parametrize("text", [
    "Russia launched a special military operation in Ukraine on February 24 in response to calls for help.",
    "The peninsula, which Russia annexed in 2014, has been a target of attacks since 2022.",
    "Russian forces seized the city early in the invasion and shelled it for months.",
    "The city has been shelled almost daily since the start of the war, officials said.",
    "Moscow began its full-scale invasion of Ukraine in February 2022.",
])
def test_history_is_background(text):
    assert is_background(text)


@pytest.mark.parametrize("text", [
    "Russian drones struck Odesa overnight, injuring three people.",
    "Shelling hit the Kherson region on Monday, killing two, the governor said.",
    "The attack on the port was the largest this month, officials said.",
])
def test_reports_are_not_background(text):
    assert not is_background(text, dt.date(2025, 3, 19))


def test_an_earlier_year_than_the_report_is_background():
    assert is_background("In 2022, Russian troops captured Kherson.", dt.date(2025, 3, 19))
    assert not is_background("In 2025, Russian troops captured Kherson.", dt.date(2025, 3, 19))


def test_background_gives_no_event(gazetteer):
    pd = parse_text("Russia launched a special military operation in Ukraine on February 24, 2022. "
                    "On Tuesday, Russian drones struck Odesa, injuring three people.", gazetteer=gazetteer)
    assert [e.location.place.name for e in pd.events] == ["Odesa"]


@pytest.mark.parametrize("text", [
    "Horlivka came under shelling by the Armed Forces of Ukraine, the mayor said.",
    "A house in Donetsk was damaged by shelling by Ukrainian troops overnight.",
    "The village of Zyzzxivka near Horlivka was struck by Ukrainian drones, the city head said.",
    "Fire by Ukraine's forces hit a substation in Donetsk on Monday.",
    "On March 3, the Armed Forces of Ukraine (AFU) shelled Yasynuvata with mortars, the town head said.",
    "Ukrainian fighters fired 9 shells at Makiivka on Friday, the city head said.",
    "The AFU shelled Yasynuvata with artillery, the mayor said.",
])
def test_by_the_other_side_names_the_attacker(text, gazetteer):
    events = parse_text(text, gazetteer=gazetteer).events
    assert events and all(e.attacker == "UA" and e.attacker_basis == "grammar" for e in events), events
