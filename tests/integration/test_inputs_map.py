"""Pages, Telegram exports and feeds mapped with the real gazetteer: outlet, date and address in
events.csv and the popups, a report that arrives twice read once with its sources joined, a
forward's first channel as the claimant, and the built-in seeds mapped after a real install."""

import csv
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
STRIKE = ("Russian artillery shelled the town of Vovchansk in the Kharkiv region on Monday, damaging a school, "
          "the regional governor said.")
FORWARD = "Russian drones attacked Kupiansk in the Kharkiv region overnight, damaging a power line."

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>School hit in Vovchansk</title>
<meta property="og:site_name" content="Borderland Courier">
<meta property="article:published_time" content="2024-03-04T12:00:00+02:00">
<link rel="canonical" href="https://courier.example.com/news/vovchansk-school"></head><body>
<nav><a href="/toronto">Toronto</a> <a href="/winnipeg">Winnipeg</a> <a href="/halifax">Halifax</a></nav>
<article><h1>School hit in Vovchansk</h1><p>{STRIKE}</p>
<p>Emergency crews put out a fire by noon and nobody was hurt, officials added in a short statement.</p></article>
<aside><h3>Most read</h3><a href="/x">Calgary council votes on a new bridge over the Bow river</a></aside>
</body></html>"""

FEED = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Courier Wire</title>
<item><title>School hit in Vovchansk</title><link>https://courier.example.com/news/vovchansk-school</link>
<pubDate>Mon, 04 Mar 2024 11:00:00 +0000</pubDate><description>&lt;p&gt;{STRIKE}&lt;/p&gt;</description></item>
</channel></rss>""".encode()


def export(name, username, chat_id, messages):
    return {"name": name, "type": "public_channel", "id": chat_id, "username": username, "messages": messages}


def message(mid, text, unixtime, **extra):
    return {"id": mid, "type": "message", "date": "2024-03-05T01:00:00", "date_unixtime": str(unixtime),
            "text": text, "text_entities": [], **extra}


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "vovchansk.html").write_text(PAGE, encoding="utf-8")
    (folder / "wire.xml").write_bytes(FEED)
    channels = {"chats": {"list": [
        export("Kupiansk Desk", "kupdesk", 1500000011, [message(5, [{"type": "bold", "text": "Kupiansk:"}, " " + FORWARD],
                                                                1709600400)]),
        export("Front Digest", "frontdigest", 1500000012, [message(77, "Kupiansk: " + FORWARD, 1709604000,
                                                                   forwarded_from="Kupiansk Desk"),
                                                           message(78, "Russian drones attacked Balakliia in the Kharkiv "
                                                                   "region overnight, damaging a warehouse.", 1709604100,
                                                                   forwarded_from="Balakliia City Council")]),
    ]}}
    (folder / "account.json").write_text(json.dumps(channels), encoding="utf-8")
    return folder


def test_map_gives_outlet_date_and_address_and_joins_the_sources_of_a_report_read_twice(inputs, tmp_path, gazetteer):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(inputs / "pages"), str(inputs / "account.json"),
                                      str(inputs / "wire.xml"), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert result.output.count("read once") == 2  # the feed item and the forward
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    by_place = {r["location"][:4]: r for r in rows}  # the gazetteer's spellings: Kupyansk, Balakliya
    assert {"Vovc", "Kupi", "Kupy", "Bala"} & set(by_place) == {"Vovc", "Kupy", "Bala"}, sorted(by_place)
    assert not {"Toro", "Winn", "Hali", "Calg"} & set(by_place)  # the page's menus are not read
    school = by_place["Vovc"]
    assert school["source"].split("; ") == ["Borderland Courier", "Courier Wire"]  # read once, both sources
    assert school["source_url"] == "https://courier.example.com/news/vovchansk-school"
    assert school["source_date"] == "2024-03-04"
    kup = by_place["Kupy"]
    assert kup["source"].split("; ") == ["Kupiansk Desk", "Front Digest"]
    assert kup["source_url"].split("; ") == ["https://t.me/kupdesk/5", "https://t.me/frontdigest/77"]
    assert kup["source_date"] == "2024-03-05"  # 01:00 UTC on the 5th
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    claimants = {f["properties"]["place_name"][:4]: f["properties"].get("claimant") for f in features}
    assert claimants["Bala"] == "Balakliia City Council"  # a forward naming no claimant: its first channel's
    popup = (out / "map.html").read_text(encoding="utf-8")
    assert "Front Digest (forwarded from Balakliia City Council)" in popup
    assert "https://courier.example.com/news/vovchansk-school" in popup and "Borderland Courier, 2024-03-04" in popup


@pytest.mark.slow
def test_a_real_install_maps_the_built_in_seeds_from_an_empty_folder(tmp_path, gazetteer):
    """Build the wheel (no network: this venv's setuptools), install it into a fresh venv, run from an empty folder."""
    import setuptools

    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip(f"setuptools {setuptools.__version__} cannot build this pyproject.toml offline (needs >= 77)")
    wheels, env, empty = tmp_path / "wheels", tmp_path / "venv", tmp_path / "empty"
    empty.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(wheels), str(ROOT)], check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("strikemap-*.whl")
    venv.create(env, with_pip=True)  # ensurepip: pip's own bundled wheel, offline
    subprocess.run([str(env / "bin" / "pip"), "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True,
                   cwd=tmp_path)
    site = next(env.glob("lib/python*/site-packages"))
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "zz_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")  # after the wheel's own
    env_vars = {**os.environ, "PYTHONPATH": ""}
    where = subprocess.run([str(env / "bin" / "python"), "-c", "import geo; print(geo.__file__)"], cwd=empty,
                           env=env_vars, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site))  # the installed package, not the checkout
    done = subprocess.run([str(env / "bin" / "strikemap"), "map", "-o", "out", "--no-cache"], cwd=empty,
                          env=env_vars, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = list(csv.DictReader((empty / "out" / "events.csv").open(encoding="utf-8")))
    assert rows and sorted(os.listdir(empty)) == ["out"]
