"""Tolls that add up (split as ACLED does) and dates that cannot be (issue 20, in part)."""

import csv
import datetime as dt
import json

from click.testing import CliRunner

from geo.cli.main import cli
from geo.events.building import plausible_date
from geo.pipeline import Pipeline

SALVO = ("Russia attacked three regions with drones overnight, striking the Poltava, Chernihiv and Zhytomyr regions, "
         "the air force said. The attacks killed five people, officials said.")


def test_a_toll_given_once_for_several_places_sums_to_the_toll(tmp_path, gazetteer):
    report = tmp_path / "salvo.txt"
    report.write_text(SALVO, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(report), "-o", str(out), "--no-cache", "--published", "2025-04-02"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    assert len(rows) == 3
    assert sum(int(r["fatalities"]) for r in rows) == 5
    assert sorted(int(r["fatalities"]) for r in rows) == [1, 1, 3]  # evenly, the remainder on the first
    assert all("split evenly" in r["notes"] for r in rows)
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["report_killed"] for f in features} == {5}  # the whole figure kept
    assert sum(f["properties"]["killed"] for f in features) == 5


def test_the_seeds_fatalities_add_up_to_the_reports_toll(tmp_path, gazetteer):
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["map", "-o", str(out), "--no-cache"]).exit_code == 0
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    assert sum(int(r["fatalities"]) for r in rows) == 1


def test_a_birth_year_never_dates_an_attack(gazetteer):
    nlp = Pipeline(gazetteer, cache=False)
    text = "Russian missiles struck Kharkiv overnight, killing a man who was born in 1958, the governor said."
    for published in (None, dt.date(2025, 3, 1)):
        events = nlp(text, published=published).events
        assert events and all(e.date is None or e.date.year != 1958 for e in events)
    assert nlp(text, published=dt.date(2025, 3, 1)).events[0].date == dt.date(2025, 3, 1)


def test_dates_after_the_report_or_before_the_war_are_rejected():
    published = dt.date(2025, 3, 1)
    assert not plausible_date(dt.date(2025, 3, 28), "day", published)
    assert not plausible_date(dt.date(1999, 3, 1), "month", published)
    assert plausible_date(dt.date(2013, 11, 21), "day", published)  # given in full
    assert plausible_date(dt.date(2025, 2, 27), "day", published)
