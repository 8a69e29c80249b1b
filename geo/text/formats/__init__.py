"""Readers of what analysts collect, one module a format, chosen by the file's content.

====================== ========================================== ===============
format                 recognised by                              module
====================== ========================================== ===============
saved web page         ``<html``, ``<!doctype html``, ``<head``   :mod:`.html`
Telegram Desktop JSON  an object with ``messages`` or ``chats``   :mod:`.telegram`
RSS 2.0 / Atom feed    ``<rss``, ``<feed``, ``<rdf:RDF``          :mod:`.feeds`
====================== ========================================== ===============

A page's publication date is read by the named rules of :mod:`.page_dates` (the
page's own statement before the extractor's guess).

Anything else is read as plain text (``.txt``, ``.md``) or as a JSON Lines
corpus (``.jsonl``) by :mod:`geo.text.documents`, which calls :func:`sniff` on
every file's first bytes, so a page saved as ``.txt`` is still a page.
"""

from __future__ import annotations

import re

HTML, TELEGRAM, FEED = "html", "telegram", "feed"
#: Extensions the folder reader takes besides .txt/.md/.jsonl (their content still decides).
SUFFIXES = (".html", ".htm", ".xhtml", ".json", ".xml", ".rss", ".atom")

_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_FEED = re.compile(rb"<rss[\s>]|<feed[\s>][^>]*?xmlns|<feed[\s>]|<rdf:RDF[\s>]", re.I)
_TELEGRAM = re.compile(rb'^\s*\{\s*"(?:name|about|personal_information|chats|type|id|messages)"\s*:')


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes (a few KB), or None for text and corpora."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if _TELEGRAM.match(start) and (b'"messages"' in head or b'"chats"' in head):
        return TELEGRAM
    if start.startswith(b"<"):
        if _FEED.search(start):
            return FEED
        if _HTML.search(start):
            return HTML
    return None
