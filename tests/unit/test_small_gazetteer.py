"""A store built from given records (gazetteer.store.from_records): the unit tests' small gazetteer."""

import json
import os
from pathlib import Path

import pytest

from gazetteer import Gazetteer, store
from gazetteer.build import Records

SMALL_GAZETTEER = Path(__file__).resolve().parents[1] / "fixtures" / "small_gazetteer.json"


def test_the_small_store_holds_every_kind_of_place(gazetteer):
    kinds = {p.kind for name in ("Ukraine", "Kharkiv oblast", "Kharkiv", "Odessa") for p in gazetteer.search(name)}
    assert {"country", "adm1", "place"} <= kinds
    assert gazetteer.search("Sumy oblast")[0].admin1_code == "UA.21"
    assert store.check(gazetteer.path) is None  # a complete store, as the full build writes


def test_namesakes_and_far_homonyms_are_there(gazetteer):
    assert len({p.admin1_code for p in gazetteer.search("Ivanivka", limit=20)}) >= 3
    assert {p.country_code for p in gazetteer.search("Odessa", limit=10)} >= {"UA", "US"}


def test_the_same_records_reuse_the_store_and_other_records_replace_it(tmp_path):
    records = Records.from_json(SMALL_GAZETTEER)
    path = store.from_records(tmp_path / "g.sqlite", records)
    built = path.stat().st_mtime_ns
    assert store.from_records(path, records) == path and path.stat().st_mtime_ns == built
    fewer = Records(cities=[c for c in records.cities if c["countrycode"] != "US"], units=records.units,
                    countries=records.countries)
    store.from_records(path, fewer)
    assert not [p for p in Gazetteer(path).search("Odessa", limit=10) if p.country_code == "US"]
    assert sorted(os.listdir(tmp_path)) == ["g.sqlite", "gazetteer.lock"]  # no temporary file left


def test_a_fixture_of_another_shape_is_refused_naming_the_file(tmp_path):
    bad = tmp_path / "places.json"
    bad.write_text(json.dumps({"cities": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="places.json"):
        Records.from_json(bad)
