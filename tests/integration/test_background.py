"""History is not an attack, and 'by <side>' names the attacker (sentences written here)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.frames import is_background
from geo.pipeline import parse_text


@pytest.mark.parametrize("text", [
    "The Kremlin says it started its special military operation to shield the Russian speakers of the east.",
    "The peninsula, which Russia annexed in 2014, has been a target of attacks since 2022.",
    "Russian forces seized the city early in the invasion and shelled it for months.",
    "The city has been shelled almost daily since the start of the war, officials said.",
    "Ever since Russia began the full-scale war, the border villages have emptied.",
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
    pd = parse_text("When Moscow launched its invasion in 2022, its armoured columns rolled toward Kyiv. "
                    "On Thursday night a Russian missile hit Mykolaiv, wounding five residents.", gazetteer=gazetteer)
    assert [e.location.place.name for e in pd.events] == ["Mykolayiv"]  # the gazetteer's spelling


@pytest.mark.parametrize("text", [
    "Early on Sunday Yenakiieve came under mortar fire by Ukrainian troops, the local administration said.",
    "A house in Donetsk was damaged by shelling by Ukrainian troops overnight.",
    "The village of Zyzzxivka near Horlivka was struck by Ukrainian drones, the city head said.",
    "Fire by Ukraine's forces hit a substation in Donetsk on Monday.",
    "Late on Friday, the Armed Forces of Ukraine (AFU) fired rockets at Horlivka, its mayor said.",
    "Ukrainian fighters fired 9 shells at Makiivka on Friday, the city head said.",
    "The AFU shelled Yasynuvata with artillery, the mayor said.",
])
def test_by_the_other_side_names_the_attacker(text, gazetteer):
    events = parse_text(text, gazetteer=gazetteer).events
    assert events and all(e.attacker == "UA" and e.attacker_basis == "grammar" for e in events), events
