"""Readers of saved pages, Telegram Desktop exports and feeds, on small files written here in the real structures.

No gazetteer store: reading only (pages through trafilatura, feeds through feedparser).
"""

import datetime as dt
import json
import socket

import pytest

from geo.runner import read_inputs
from geo.text.documents import SameReport, load_documents
from geo.text.formats import FEED, HTML, TELEGRAM, feeds, sniff
from geo.text.formats.html import read_page
from geo.text.formats.page_dates import date_in, stated_date
from geo.text.language import READ_LANGUAGES, detect_language

LEDE = ("Russian forces shelled the town of Vovchansk in the Kharkiv region on Monday morning, "
        "damaging a school and two houses, the head of the regional administration wrote. ")
BODY = ("Emergency crews put out a fire at the school by noon, and no one was hurt there, he added. "
        "Residents of the town have been urged to leave since the spring, when the shelling grew heavier. ")


def page(head: str = "", under: str = "", sidebar: str = "", body_extra: str = "") -> str:
    """A news page as a CMS writes it: menus, a sidebar of other stories, a footer, comments."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Shelling damages school in Vovchansk - Borderland Courier</title>{head}</head><body>
<header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather in Lisbon</a></nav></header>
<main><article><h1>Shelling damages school in Vovchansk</h1>{under}
<p>{LEDE}</p><p>{BODY}</p>
<p>The regional governor <a href="https://example.net/statement">said in a statement</a> that the school had been
empty at the time of the attack, as classes moved online two years ago.</p>{body_extra}
</article>
<aside class="sidebar"><h3>Latest news</h3>{sidebar}
<ul><li><a href="/a">Harbour festival draws record crowds in Porto</a></li></ul></aside>
<div id="comments"><h3>Comments</h3><p>Reader from Madrid: stay safe everyone</p></div></main>
<footer><p>Contact us | Advertise | Cookie settings | Copyright Borderland Courier</p></footer>
</body></html>"""


def tree(markup: str):
    from trafilatura.utils import load_html

    return load_html(markup)


# -- pages: text kept and dropped, headline, outlet, address ------------------------------

def test_page_keeps_the_article_drops_menus_sidebar_comments_and_footer():
    got = read_page(page(head='<meta property="og:site_name" content="Borderland Courier">'
                              '<link rel="canonical" href="https://courier.example.com/news/vovchansk-school">'))
    assert "shelled the town of Vovchansk" in got.text and "put out a fire at the school" in got.text
    assert "school had been\nempty" in got.text or "school had been empty" in got.text  # a paragraph with a link
    for dropped in ("Weather in Lisbon", "Harbour festival", "Reader from Madrid", "Cookie settings"):
        assert dropped not in got.text, dropped
    assert got.title == "Shelling damages school in Vovchansk"
    assert got.outlet == "Borderland Courier" and got.url == "https://courier.example.com/news/vovchansk-school"


def test_page_outlet_falls_back_to_the_publisher_then_the_host_name():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"publisher": {"@type": "Organization", "name": "Courier Media Group"}}</script>')
    assert read_page(page(head=ld)).outlet == "Courier Media Group"
    host = read_page(page(head='<link rel="canonical" href="https://www.courier.example.com/x/1">'))
    assert host.outlet == "courier.example.com"


# -- pages: the date the page states, before a guess -------------------------------------

SIDEBAR_DATES = '<p class="meta">14 March 2024, 16:00</p><p class="meta">13 March 2024, 09:00</p>'


@pytest.mark.parametrize("head, under, expected, rule", [
    ('<meta property="article:published_time" content="2024-03-04T23:30:00-05:00">', "", "2024-03-04", "meta"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
     '"datePublished": "2024-03-05T08:00:00Z", "dateModified": "2024-03-14T10:00:00Z"}]}</script>', "",
     "2024-03-05", "json_ld"),
    ("", '<div class="byline">By A. Writer <time datetime="2024-03-06T07:10:00+02:00">6 March</time></div>', "2024-03-06",
     "time_element"),
    ("", '<span class="article-date">07.03.2024 10:15 | ID: 5521</span>', "2024-03-07", "under_headline"),
    ("", '<p class="dateline">Published March 8, 2024 at 6:05 a.m.</p>', "2024-03-08", "under_headline"),
    ('<link rel="canonical" href="https://courier.example.com/2024/03/09/vovchansk-school/">', "", "2024-03-09",
     "address"),
])
def test_the_stated_date_wins_over_the_newest_date_in_the_sidebar(head, under, expected, rule):
    markup = page(head=head, under=under, sidebar=SIDEBAR_DATES)
    assert stated_date(tree(markup)) == (dt.date.fromisoformat(expected), rule)
    assert str(read_page(markup).published) == expected


def test_json_ld_published_beats_a_time_element_that_gives_the_update():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-02"}</script>'
    markup = page(head=ld, under='<time datetime="2024-03-14T10:00:00Z">Updated</time>')
    assert stated_date(tree(markup))[0] == dt.date(2019, 11, 2)


def test_dates_written_in_text():
    assert date_in("Posted 3rd June 2022 | 10:00") == dt.date(2022, 6, 3)
    assert date_in("Sept. 12, 2023") == dt.date(2023, 9, 12)
    assert date_in("31.02.2024 and then 01.03.2024") == dt.date(2024, 3, 1)  # no 31 February
    assert date_in("ID 2024-99-99, room 12.5") is None


# -- Telegram Desktop exports --------------------------------------------------------------

def channel(name, username, messages, chat_id=1500000001):
    return {"name": name, "type": "public_channel", "id": chat_id, **({"username": username} if username else {}),
            "messages": messages}


def message(mid, text, unixtime, **extra):
    return {"id": mid, "type": "message", "date": "2024-03-04T01:10:00", "date_unixtime": str(unixtime),
            "from": "x", "from_id": "channel1", "text": text, "text_entities": [], **extra}


EASTERN = channel("Eastern Watch", "easternwatch", [
    {"id": 7, "type": "service", "date": "2024-03-01T10:00:00", "date_unixtime": "1709287200",
     "action": "pin_message", "message_id": 8, "text": "", "text_entities": []},
    message(8, [{"type": "hashtag", "text": "#Kharkiv"}, "\n", {"type": "bold", "text": "Vovchansk:"},
                " shelling damaged a school, ", {"type": "text_link", "text": "the administration reported",
                                                 "href": "https://t.me/example/1"},
                ". ", {"type": "mention", "text": "@easternwatch"}], 1709514600),  # 2024-03-04 01:10 UTC
    message(9, "", 1709515000, photo="photos/photo_2@04-03-2024_01-16-40.jpg", width=1280, height=960),
    message(10, "   \n ", 1709516000),
    message(11, "Drones attacked Kupiansk overnight, the regional governor said.", 1709593200,  # 23:00 UTC
            forwarded_from="Kharkiv Regional Administration"),
])


def test_export_one_document_per_message_with_entities_flattened(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EASTERN, ensure_ascii=False, indent=1), encoding="utf-8")
    docs, problems = load_documents([path])
    assert not problems
    assert [d.id for d in docs] == ["easternwatch:8", "easternwatch:11"]  # service, photo-only, blank skipped
    first, forwarded = docs
    assert first.text == "#Kharkiv\nVovchansk: shelling damaged a school, the administration reported. @easternwatch"
    assert "https://t.me/example/1" not in first.text  # a link is kept as its text
    assert first.published == dt.date(2024, 3, 4) and forwarded.published == dt.date(2024, 3, 4)
    assert first.outlet == "Eastern Watch" and first.url == "https://t.me/easternwatch/8"
    assert forwarded.via == "Kharkiv Regional Administration" and forwarded.url == "https://t.me/easternwatch/11"
    assert first.path.endswith("result.json#easternwatch:8")


def test_whole_account_export_reads_every_chat_and_left_chats(tmp_path):
    private = {"name": "Editor", "type": "personal_chat", "id": 42,
               "messages": [message(1, "Can you check the Vovchansk report before six?", 1709600000)]}
    left = channel("Old Front Notes", None, [message(3, "Shelling hit Kupiansk again.", 1709600100)], 1500000009)
    account = {"about": "Here is the data you requested.", "personal_information": {"first_name": "A"},
               "contacts": {"list": []},
               "chats": {"about": "This page lists all chats from this export.", "list": [EASTERN, private]},
               "left_chats": {"about": "Chats you left.", "list": [left]}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(account), encoding="utf-8")
    docs, _ = load_documents([path])
    assert [d.id for d in docs] == ["easternwatch:8", "easternwatch:11", "Editor:1", "Old Front Notes:3"]
    assert docs[3].url is None and docs[3].outlet == "Old Front Notes"  # no username: no address


# -- feeds -------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Borderland Courier - Ukraine</title><link>https://courier.example.com/</link>
<description>News</description><lastBuildDate>Tue, 05 Mar 2024 09:00:00 +0000</lastBuildDate>
<item><title>Shelling damages school in Vovchansk</title>
<link>https://courier.example.com/news/vovchansk-school</link>
<guid isPermaLink="false">courier-88121</guid><dc:creator>A. Writer</dc:creator>
<pubDate>Mon, 04 Mar 2024 10:30:00 +0200</pubDate>
<description>&lt;img src="https://courier.example.com/i.jpg"&gt;&lt;p&gt;Teaser only.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Russian forces <b>shelled</b> Vovchansk on Monday.</p><script>track()</script><p>A school was damaged.</p>]]></content:encoded>
</item>
<item><title>Power restored in Kupiansk</title><link>https://courier.example.com/news/kupiansk-power</link>
<pubDate>Tue, 05 Mar 2024 07:00:00 +0000</pubDate>
<description>&lt;p&gt;Engineers restored power to &lt;em&gt;most&lt;/em&gt; of Kupiansk.&lt;/p&gt;</description></item>
<item><title></title><link>https://courier.example.com/news/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title type="text">Front Desk Updates</title><id>tag:desk.example.org,2024:feed</id>
<updated>2024-03-06T12:00:00Z</updated><link rel="self" href="https://desk.example.org/feed.atom"/>
<entry><title>Drones downed over Sumy region</title><id>tag:desk.example.org,2024:1</id>
<link rel="alternate" type="text/html" href="https://desk.example.org/2024/03/sumy-drones"/>
<published>2024-03-05T22:40:00Z</published><updated>2024-03-06T08:00:00Z</updated>
<summary>Short.</summary>
<content type="html">&lt;p&gt;Air defence downed six drones over the Sumy region overnight, the air force said.&lt;/p&gt;</content>
</entry></feed>""".encode()


def test_rss_one_document_per_item_full_content_before_the_summary(tmp_path):
    (tmp_path / "ukraine.rss").write_bytes(RSS)
    docs, problems = load_documents([tmp_path / "ukraine.rss"])
    assert not problems
    assert [d.url for d in docs] == ["https://courier.example.com/news/vovchansk-school",
                                     "https://courier.example.com/news/kupiansk-power"]  # the empty item skipped
    school, power = docs
    assert school.text == "Shelling damages school in Vovchansk\n\nRussian forces shelled Vovchansk on Monday.\n\nA school was damaged."
    assert "Teaser" not in school.text and "track()" not in school.text
    assert school.published == dt.date(2024, 3, 4) and school.outlet == "Borderland Courier - Ukraine"
    assert school.id == "courier-88121" and school.title == "Shelling damages school in Vovchansk"
    assert power.text.endswith("Engineers restored power to most of Kupiansk.") and power.published == dt.date(2024, 3, 5)


def test_atom_entry_date_link_and_outlet(tmp_path):
    (tmp_path / "desk.xml").write_bytes(ATOM)
    (doc,), _ = load_documents([tmp_path / "desk.xml"])
    assert doc.outlet == "Front Desk Updates" and doc.url == "https://desk.example.org/2024/03/sumy-drones"
    assert doc.published == dt.date(2024, 3, 5)  # published, not updated
    assert "six drones over the Sumy region" in doc.text and "Short." not in doc.text


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "<rss>").write_bytes(RSS)  # a file named like the feed's content
    found, problem = feeds.items(b"<rss>")
    assert found == [] and problem


def test_nothing_is_fetched(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network refused in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert read_page("https://courier.example.com/news/vovchansk-school") is None
    feeds.items(b"https://courier.example.com/feed.xml")
    feeds.items(b'<rss version="2.0"><channel><title>x</title><item><link>http://courier.example.com/a</link>'
                b'<description>Shelling hit Vovchansk.</description><enclosure url="/rel.mp3"/></item></channel></rss>')
    read_page(page(head='<link rel="canonical" href="https://courier.example.com/x"><base href="https://courier.example.com/">'))
    assert calls == []


# -- recognised by content ------------------------------------------------------------------

@pytest.mark.parametrize("name, data, kind", [
    ("saved_page", page().encode(), HTML),
    ("page.txt", b"\xef\xbb\xbf\n  " + page().encode(), HTML),
    ("feed.txt", RSS, FEED),
    ("desk.dat", ATOM, FEED),
    ("export.txt", json.dumps(EASTERN).encode(), TELEGRAM),
    ("notes.txt", LEDE.encode(), None),
    ("corpus.jsonl", b'{"id": "a", "text": "<html> in a report"}\n', None),
])
def test_formats_are_recognised_by_content(name, data, kind):
    assert sniff(data) == kind


def test_a_folder_of_mixed_files_is_read_by_content(tmp_path):
    (tmp_path / "page.htm").write_text(page(), encoding="utf-8")
    (tmp_path / "page_saved_as.txt").write_text(page(), encoding="utf-8")
    (tmp_path / "feed.xml").write_bytes(RSS)
    (tmp_path / "channel").mkdir()
    (tmp_path / "channel" / "result.json").write_text(json.dumps(EASTERN), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Note\n\n" + LEDE, encoding="utf-8")
    (tmp_path / "other.json").write_text('{"config": true}', encoding="utf-8")  # not a report: passed over
    docs, problems = load_documents([tmp_path])
    assert sorted(str(d.id) for d in docs) == sorted([
        "easternwatch:8", "easternwatch:11", "courier-88121", "https://courier.example.com/news/kupiansk-power",
        "notes", "page", "page_saved_as"])
    assert [p for p in problems if p.level == "error"] == []


# -- hostile and malformed files: one line each, the batch goes on --------------------------

@pytest.mark.parametrize("name, data, says", [
    ("nested.html", b"<html><body>" + b"<div>" * 50000 + b"</body></html>", "web page"),
    ("nul.html", b"<!DOCTYPE html><html>\x00\x00\x00\x00" * 100, "binary"),
    ("cut.json", json.dumps(EASTERN).encode()[:300], "Telegram export"),
    ("wrong.json", b'{"name": "x", "messages": {"id": 1}}', "Telegram export"),
    ("texts.json", b'{"name": "x", "messages": [{"id": 1, "type": "message", "text": 5, "date_unixtime": "zz"}]}',
     "Telegram export"),
    ("garbage.xml", b"<rss version='2.0'><channel>" + bytes(range(1, 9)) * 200, "feed"),
    ("nothing.xml", b"<rss version='2.0'><channel><title>Empty</title></channel></rss>", "feed"),
])
def test_a_hostile_file_gives_one_line_naming_it_and_the_batch_goes_on(tmp_path, name, data, says):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    docs, problems = load_documents([tmp_path / name, tmp_path / "good.html"])
    assert [d.id for d in docs if d.path.endswith("good.html")] == ["good"]
    errors = [p for p in problems if p.level == "error"]
    assert len(errors) == 1 and name in str(errors[0]) and says in str(errors[0]) and "\n" not in str(errors[0])


def test_an_entity_expansion_bomb_in_a_feed_stays_small(tmp_path):
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{levels}]><rss version="2.0"><channel>'
            f"<title>T</title><item><title>&l9;</title><description>Shelling hit Vovchansk.</description>"
            f"</item></channel></rss>").encode()
    (tmp_path / "bomb.xml").write_bytes(bomb)
    docs, problems = load_documents([tmp_path / "bomb.xml"])
    assert sum(len(d.text) for d in docs) < 10_000 and all("\n" not in str(p) for p in problems)


# -- read once, sources joined; languages --------------------------------------------------

def test_an_item_that_arrives_twice_is_read_once_and_names_the_first(tmp_path):
    (tmp_path / "a_page.html").write_text(page(head='<link rel="canonical" '
                                                    'href="https://courier.example.com/news/vovchansk-school/">'),
                                          encoding="utf-8")
    (tmp_path / "b_feed.xml").write_bytes(RSS)
    second = channel("Second Watch", "secondwatch", [message(30, EASTERN["messages"][4]["text"], 1709600000,
                                                             forwarded_from="Eastern Watch")], 1500000002)
    (tmp_path / "c_eastern.json").write_text(json.dumps(EASTERN), encoding="utf-8")
    (tmp_path / "d_second.json").write_text(json.dumps(second), encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    docs = [i for i in items if hasattr(i, "text")]
    same = [i for i in items if isinstance(i, SameReport)]
    assert [str(d.id) for d in docs] == ["a_page", "https://courier.example.com/news/kupiansk-power",
                                         "easternwatch:8", "easternwatch:11"]
    assert [(s.first, s.document.outlet) for s in same] == [("a_page", "Borderland Courier - Ukraine"),
                                                            ("easternwatch:11", "Second Watch")]
    assert all("read once" in str(s) and "\n" not in str(s) for s in same)


def test_language_of_a_report():
    assert detect_language(LEDE + BODY) == "en"
    assert detect_language("Уночі російські війська обстріляли Вовчанськ, пошкоджено школу та два будинки.") == "uk"
    assert detect_language("Ночью российские войска обстреляли Волчанск, повреждены школа и два дома.") == "ru"
    assert detect_language("Die Schule in der Stadt wurde in der Nacht von einer Drohne getroffen, sagte der Bürgermeister.") == "de"
    assert detect_language("1234 5678") == "und"
    assert "en" in READ_LANGUAGES


def test_reports_in_languages_not_read_yet_are_skipped_with_one_line(tmp_path):
    rows = [{"id": 1, "text": LEDE},
            {"id": 2, "text": "La escuela de la ciudad fue alcanzada por un dron durante la noche, dijo el alcalde."},
            {"id": 3, "text": "Die Schule in der Stadt wurde in der Nacht von einer Drohne getroffen, sagte der Bürgermeister."},
            {"id": 4, "text": "Los bomberos apagaron el incendio en la escuela antes del mediodía, según el alcalde."}]
    (tmp_path / "mixed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "mixed.jsonl")]))
    assert [i.id for i in items if hasattr(i, "text")] == [1]
    (note,) = [i for i in items if getattr(i, "level", "") == "note"]
    assert str(note).endswith("skipped 3 documents in languages not read yet: es 2, de 1")
