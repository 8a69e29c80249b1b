"""Event dates from report words and publication dates (geo.events.dates)."""

import datetime as dt

import pytest

from geo.events.dates import find_dates, resolve_date

WED = dt.date(2025, 3, 19)  # a Wednesday


@pytest.mark.parametrize("text, date, precision", [
    ("Russia attacked overnight", WED, "day"),
    ("drones launched last night", WED, "day"),
    ("explosions this morning", WED, "day"),
    ("a strike yesterday", dt.date(2025, 3, 18), "day"),
    ("spoke by phone on Tuesday", dt.date(2025, 3, 18), "day"),
    ("the attack on Wednesday", WED, "day"),  # the most recent Wednesday is the day itself
    ("on Thursday night", dt.date(2025, 3, 13), "day"),
    ("this week", WED, "week"),
    ("last week", dt.date(2025, 3, 12), "week"),
    ("on March 19", WED, "day"),
    ("on 25 March", dt.date(2024, 3, 25), "day"),  # after publication: last year's
    ("19 March 2025", WED, "day"),
    ("March 5, 2024", dt.date(2024, 3, 5), "day"),
    ("in August", dt.date(2024, 8, 1), "month"),
    ("last month", dt.date(2025, 2, 1), "month"),
])
def test_relative_and_explicit_dates(text, date, precision):
    assert resolve_date(text, WED) == (date, precision)


@pytest.mark.parametrize("text, expected", [
    ("Russia attacked overnight", (None, None)),
    ("on Tuesday", (None, None)),
    ("on 14 July 2022", (dt.date(2022, 7, 14), "day")),
    ("July 14, 2022", (dt.date(2022, 7, 14), "day")),
])
def test_without_publication_date_only_full_dates_resolve(text, expected):
    assert resolve_date(text, None) == expected


def test_event_time_beats_statement_date():
    text = "Overnight, Russia attacked Ukraine with drones, the air force said Wednesday morning."
    assert resolve_date(text, dt.date(2025, 3, 20)) == (dt.date(2025, 3, 20), "day")
    said = [d for d in find_dates(text, WED) if d.speech]
    assert [d.text for d in said] == ["Wednesday morning"]


def test_weekday_after_said_is_a_statement_date():
    (d,) = find_dates("the commander told reporters on Tuesday", WED)
    assert d.speech and d.date == dt.date(2025, 3, 18)


def test_no_date_words():
    assert resolve_date("Drones hit a depot.", WED) == (None, None)
