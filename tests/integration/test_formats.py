"""Saved pages, Telegram Desktop exports and RSS/Atom feeds, in the real formats' structure (written here)."""

import json

import pytest
from click.testing import CliRunner

from geo.cli.main import cli
from geo.runner import read_inputs
from geo.text.documents import load_documents
from geo.text.formats import FEED, HTML, TELEGRAM, sniff
from geo.text.language import detect_language

ARTICLE = ("Russian drones struck an energy facility in the Chernihiv region overnight, the regional governor said "
           "on Thursday. Air defence units shot down nine of the twelve drones, the air force said. A substation "
           "was damaged and two workers were injured, according to the regional administration. Repair crews "
           "restored power to most homes by the morning, the energy company said in a statement.")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Drones hit Chernihiv region energy site | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta property="og:title" content="Drones hit Chernihiv region energy site">
<meta property="article:published_time" content="2025-02-06T07:15:00+02:00">
<link rel="canonical" href="https://herald.example.org/world/drones-chernihiv-energy">
</head><body>
<nav><ul><li><a href="/toronto">Toronto</a></li><li><a href="/ontario">Ontario news</a></li>
<li><a href="/calgary">Calgary</a></li></ul></nav>
<div class="ad">Subscribe now for unlimited access to Ottawa and Vancouver news</div>
<article><h1>Drones hit Chernihiv region energy site</h1>
<p>{ARTICLE}</p>
<p>Ukraine's energy ministry said the attack was the third on the region's grid this month, and that
engineers were working to stabilise supply to hospitals and schools across the north of the country.</p>
</article>
<aside class="related"><h3>Related</h3><a href="/x">Mayor of Winnipeg opens new park</a></aside>
<section id="comments"><p>Comment: this happened near Edmonton too</p></section>
<footer>Copyright Example Herald, Halifax</footer>
</body></html>"""

EXPORT = {
    "name": "Northern Front Watch", "type": "public_channel", "id": 1900000001, "username": "northfrontwatch",
    "messages": [
        {"id": 1, "type": "service", "date": "2025-02-01T09:00:00", "date_unixtime": "1738400400",
         "action": "create_channel", "text": "", "text_entities": []},
        {"id": 2, "type": "message", "date": "2025-02-06T01:30:00", "date_unixtime": "1738798200",
         "from": "Northern Front Watch",
         "text": [{"type": "bold", "text": "Chernihiv region:"}, " Russian drones hit a substation near ",
                  {"type": "text_link", "text": "Nizhyn", "href": "https://example.org/map"},
                  " overnight, the governor said. Two workers were injured."],
         "text_entities": []},
        {"id": 3, "type": "message", "date": "2025-02-06T02:00:00", "date_unixtime": "1738800000",
         "photo": "photos/photo_1.jpg", "text": "", "text_entities": []},
        {"id": 4, "type": "message", "date": "2025-02-06T23:50:00", "date_unixtime": "1738885800",
         "forwarded_from": "Regional Military Administration",
         "text": "Russian shelling damaged houses in Semenivka overnight, the regional administration said.",
         "text_entities": []},
    ],
}

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://wire.example.org</link><description>World news</description>
<item><title>Drones hit Chernihiv region energy site</title>
<link>https://wire.example.org/a/1</link><guid>https://wire.example.org/a/1</guid>
<pubDate>Thu, 06 Feb 2025 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Short summary.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Russian drones struck an energy facility in the Chernihiv region overnight, the governor said.</p><p>Two workers were injured.</p>]]></content:encoded>
</item>
<item><title>Shelling in the Sumy region</title><link>https://wire.example.org/a/2</link>
<pubDate>Fri, 07 Feb 2025 06:00:00 +0000</pubDate>
<description>&lt;p&gt;Russian artillery shelled villages in the &lt;b&gt;Sumy region&lt;/b&gt;, officials said.&lt;/p&gt;</description>
</item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom Desk</title>
<id>urn:example:desk</id><updated>2025-02-08T10:00:00Z</updated>
<entry><title>Missile strike on Odesa port</title><id>urn:example:desk:1</id>
<link href="https://desk.example.org/odesa-port"/><updated>2025-02-08T09:00:00Z</updated>
<summary type="html">&lt;p&gt;A Russian missile hit port infrastructure in Odesa, the governor said.&lt;/p&gt;</summary>
</entry></feed>"""


@pytest.fixture()
def inputs(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    (tmp_path / "wire.xml").write_bytes(RSS)
    (tmp_path / "desk.atom").write_bytes(ATOM)
    return tmp_path


def test_formats_are_recognised_by_content():
    assert sniff(PAGE.encode()) == HTML and sniff(RSS) == FEED and sniff(ATOM) == FEED
    assert sniff(json.dumps(EXPORT).encode()) == TELEGRAM
    assert sniff(ARTICLE.encode()) is None and sniff(b'{"id": 1, "text": "x"}\n') is None


def test_a_saved_page_keeps_the_article_and_its_metadata(inputs):
    (doc,), problems = load_documents([inputs / "page.html"])
    assert not problems
    assert "shot down nine of the twelve drones" in doc.text and "third on the region's grid" in doc.text
    for boilerplate in ("Toronto", "Subscribe now", "Winnipeg", "Edmonton", "Halifax"):
        assert boilerplate not in doc.text, boilerplate
    assert str(doc.published) == "2025-02-06" and doc.outlet == "Example Herald"
    assert doc.url == "https://herald.example.org/world/drones-chernihiv-energy"
    assert doc.title.startswith("Drones hit Chernihiv region energy site") and doc.id == "page"


def test_a_page_with_another_extension_is_still_a_page(tmp_path):
    (tmp_path / "saved.txt").write_text(PAGE, encoding="utf-8")
    (doc,), _ = load_documents([tmp_path / "saved.txt"])
    assert "<nav>" not in doc.text and doc.outlet == "Example Herald"


def test_telegram_export_one_document_per_message(inputs):
    docs, problems = load_documents([inputs / "export.json"])
    assert not problems
    assert [d.id for d in docs] == ["northfrontwatch:2", "northfrontwatch:4"]  # service and photo-only skipped
    first, forwarded = docs
    assert first.text.startswith("Chernihiv region: Russian drones hit a substation near Nizhyn overnight")
    # 01:30 local time on the exporting computer is 23:30 UTC the day before: the UTC date is kept.
    assert str(first.published) == "2025-02-05" and first.outlet == "Northern Front Watch"
    assert first.url == "https://t.me/northfrontwatch/2"
    assert str(forwarded.published) == "2025-02-06"  # 23:50 UTC, whatever the local date says
    assert forwarded.via == "Regional Military Administration"


def test_whole_account_export(tmp_path):
    chat = dict(EXPORT, name="Second Channel", username=None, id=1900000002)
    account = {"about": "export", "personal_information": {}, "chats": {"about": "chats", "list": [EXPORT, chat]},
               "left_chats": {"list": []}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account), encoding="utf-8")
    docs, _ = load_documents([path])
    assert [d.id for d in docs] == ["northfrontwatch:2", "northfrontwatch:4", "Second Channel:2", "Second Channel:4"]
    assert docs[2].url is None and docs[2].outlet == "Second Channel"


def test_rss_and_atom_feeds_one_document_per_item(inputs):
    rss, _ = load_documents([inputs / "wire.xml"])
    assert [d.url for d in rss] == ["https://wire.example.org/a/1", "https://wire.example.org/a/2"]
    assert "Two workers were injured." in rss[0].text and "Short summary" not in rss[0].text  # full content wins
    assert "<b>" not in rss[1].text and "Sumy region" in rss[1].text
    assert {d.outlet for d in rss} == {"Example Wire"} and str(rss[1].published) == "2025-02-07"
    (atom,), _ = load_documents([inputs / "desk.atom"])
    assert atom.outlet == "Example Atom Desk" and atom.url == "https://desk.example.org/odesa-port"
    assert "port infrastructure in Odesa" in atom.text and str(atom.published) == "2025-02-08"


def test_an_item_that_arrives_twice_is_read_once(tmp_path):
    page = PAGE.replace("https://herald.example.org/world/drones-chernihiv-energy", "https://wire.example.org/a/1")
    (tmp_path / "a_page.html").write_text(page, encoding="utf-8")
    (tmp_path / "b_wire.xml").write_bytes(RSS)
    items = list(read_inputs([str(tmp_path)]))
    urls = [i.url for i in items if hasattr(i, "url")]
    assert urls.count("https://wire.example.org/a/1") == 1
    assert any("read once" in str(i) for i in items if not hasattr(i, "url"))


@pytest.mark.parametrize("name, data", [
    ("broken.html", b"<!DOCTYPE html><html><body><script>while(1){}</script></body></html>"),
    ("broken.json", b'{"name": "x", "messages": [{"id": 1, "type": "message", "text": '),
    ("broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>unclosed"),
])
def test_a_hostile_file_is_one_line_and_the_batch_goes_on(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.html").write_text(PAGE, encoding="utf-8")
    docs, problems = load_documents([tmp_path / name, tmp_path / "ok.html"])
    assert [d.id for d in docs] == ["ok"]
    assert len(problems) == 1 and name in str(problems[0]) and "\n" not in str(problems[0])


def test_reports_in_languages_not_read_yet_are_counted_and_skipped(tmp_path):
    (tmp_path / "en.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "uk.txt").write_text("Вночі ворог атакував громаду ударними дронами, є пошкодження.", encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Ночью беспилотники атаковали город, есть разрушения.", encoding="utf-8")
    (tmp_path / "de.txt").write_text("In der Nacht griffen Drohnen die Stadt an, und es gibt Schäden an den Häusern.",
                                     encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert sorted(i.id for i in items if hasattr(i, "text")) == ["en", "ru", "uk"]  # Ukrainian and Russian are read
    (note,) = [i for i in items if getattr(i, "level", None) == "note"]
    assert "skipped 1 document" in str(note) and "de 1" in str(note)
    skipped = [i for i in items if getattr(i, "level", None) == "skipped"]
    assert [i.document.id for i in skipped] == ["de"]  # parse --json still gives its id


def test_parse_json_gives_a_line_for_a_skipped_report(tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    german = "In der Nacht griffen Drohnen die Stadt an, und es gibt Schäden an den Häusern."
    corpus.write_text(json.dumps({"id": 41, "text": german}) + "\n"
                      + json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(corpus), "--json", "--no-cache"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert [x["id"] for x in lines] == [41, "b"] and lines[0]["skipped"] and lines[0]["language"] == "de"
    assert detect_language("Ночью беспилотники атаковали город.") == "ru"


def test_map_reads_pages_exports_and_feeds_with_outlet_date_and_address(inputs, tmp_path, gazetteer):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["map", str(inputs / "page.html"), str(inputs / "export.json"),
                                      str(inputs / "wire.xml"), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    csv = (out / "events.csv").read_text(encoding="utf-8")
    assert "Example Herald" in csv and "Northern Front Watch" in csv and "Example Wire" in csv
    assert "https://t.me/northfrontwatch/2" in csv or "https://t.me/northfrontwatch/2" in (out / "events.geojson").read_text()
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "Example Herald" in html and "2025-02-06" in html
    assert "https://herald.example.org/world/drones-chernihiv-energy" in html  # the address, as a link


def test_built_in_seeds_are_mapped_from_any_folder(tmp_path, monkeypatch, gazetteer):
    from importlib import resources

    shipped = resources.files("geo") / "seeds"
    assert shipped.is_dir() and any(p.name.endswith(".txt") for p in shipped.iterdir())
    monkeypatch.chdir(tmp_path)  # a folder with no seeds/ of its own
    result = CliRunner().invoke(cli, ["map", "-o", "out", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "events.csv").exists()
