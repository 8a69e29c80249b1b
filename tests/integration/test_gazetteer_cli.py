"""`strikemap gazetteer` commands, run through the real CLI and store."""

import json

import pytest
from click.testing import CliRunner

from geo.cli.main import cli

JSON_FIELDS = {"geonameid", "name", "kind", "country_code", "admin1_code", "admin1_name", "lat", "lon",
               "population", "score"}


def run(*args):
    return CliRunner().invoke(cli, ["gazetteer", *args])


@pytest.mark.parametrize("args, kind, admin1", [
    (["Sumy oblast"], "adm1", "UA.21"),
    (["Sumy"], "place", "UA.21"),
    (["Kharkov", "--country", "UA"], "place", "UA.07"),
    (["Krasnodar Krai", "--kind", "adm1"], "adm1", "RU.38"),
])
def test_search_json(gazetteer, args, kind, admin1):
    result = run("search", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data and JSON_FIELDS <= set(data[0])
    assert (data[0]["kind"], data[0]["admin1_code"]) == (kind, admin1)
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_search_limit_and_table(gazetteer):
    result = run("search", "Odessa", "--limit", "2")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and "Odesa" in lines[0]


@pytest.mark.parametrize("args", [["search", ""], ["search", "Kyiv", "--country", "Ukraine"],
                                  ["search", "Kyiv", "--kind", "town"], ["search", "Kyiv", "--limit", "0"]])
def test_search_bad_arguments(gazetteer, args):
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_search_unknown_name(gazetteer):
    result = run("search", "Qwzxv Plkjh")
    assert result.exit_code == 1
    assert json.loads(run("search", "Qwzxv Plkjh", "--json").output) == []


def test_info(gazetteer):
    result = run("info")
    assert result.exit_code == 0
    assert str(gazetteer.path) in result.output and "GeoNames" in result.output
    data = json.loads(run("info", "--json").output)
    assert data["path"] == str(gazetteer.path) and data["counts"]["adm1"] > 3000
