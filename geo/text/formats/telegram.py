"""Telegram Desktop JSON exports: one document per message that has text.

Both a single chat's ``result.json`` (``{"name", "type", "id", "messages"}``) and
a whole-account export (``{"chats": {"list": [...]}, "left_chats": ...}``) are
read. Entity lists (``"text": [..., {"type": "bold", "text": ...}]``) are
flattened to plain text, links kept as their text. The date is
``date_unixtime`` in UTC (the local ``date`` is the exporting computer's);
the outlet is the channel's name; ``forwarded_from`` names where a message came
from; the id is ``channel:message-id``, and the address is
``https://t.me/<username>/<id>`` when the export gives the username. Service
messages and messages without text are skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    text: str
    channel: str | None
    published: dt.date | None
    url: str | None
    forwarded_from: str | None


class ExportError(ValueError):
    """Not a Telegram export, or one this reader cannot follow."""


def chats(export: object) -> list[dict]:
    """The chats of an export: itself (one chat) or its ``chats.list`` and ``left_chats.list``."""
    if not isinstance(export, dict):
        raise ExportError("not a Telegram export (the top level is not an object)")
    if isinstance(export.get("messages"), list):
        return [export]
    out = []
    for key in ("chats", "left_chats"):
        part = export.get(key)
        if isinstance(part, dict) and isinstance(part.get("list"), list):
            out += [c for c in part["list"] if isinstance(c, dict)]
    if not out and "chats" not in export:
        raise ExportError("not a Telegram export (no messages and no chats list)")
    return out


def flatten(text: object) -> str:
    """A message's ``text``: a string, or a list of strings and entity objects, as plain text."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text") or "") if isinstance(part, dict) else ""
                       for part in text)
    return ""


def messages(export: object) -> Iterator[Message]:
    for chat in chats(export):
        name = chat.get("name") if isinstance(chat.get("name"), str) else None
        username = chat.get("username") if isinstance(chat.get("username"), str) else None
        key = username or name or str(chat.get("id", "chat"))
        for m in chat.get("messages") or ():
            if not isinstance(m, dict) or m.get("type") != "message":
                continue
            text = flatten(m.get("text")).strip()
            if not text:
                continue
            published = None
            stamp = m.get("date_unixtime")
            try:
                published = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date() if stamp is not None else None
            except (TypeError, ValueError, OverflowError, OSError):
                published = None
            mid = m.get("id")
            url = f"https://t.me/{username.lstrip('@')}/{mid}" if username and mid is not None else None
            fwd = m.get("forwarded_from") if isinstance(m.get("forwarded_from"), str) else None
            yield Message(f"{key}:{mid}", text, name, published, url, fwd)
