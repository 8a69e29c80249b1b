"""Read reports from files and folders into ``Document`` records.

A PATH is a ``.txt`` or ``.md`` file (one report; the title is a leading
``# `` line), a ``.jsonl`` corpus (one JSON object per line with ``text`` and
optional ``id``, ``published``, ``outlet``, ``url``, ``title``), or a folder
(searched recursively, in sorted order, for those extensions; hidden entries
skipped). A JSON sidecar in a folder, such as ``seeds/seeds.json``, gives
metadata per file::

    {"documents": [{"file": "a.txt", "outlet": "CNN", "published": "2025-03-19"}]}

Metadata precedence: the jsonl line, then the sidecar, then the caller's
``published``/``outlet`` defaults.

Bad items never stop a run: :func:`iter_documents` yields an
:class:`~geo.model.InputError` naming the file (and line) in their place and
carries on. Items that were read with a caveat (a guessed encoding,
malformed metadata) are yielded as :class:`InputWarning`, a subclass,
alongside the document; a text long enough to be read in parts gets an
:class:`InputNote`. Use :func:`is_failure` to tell failures apart.

Ids: a plain file's id is its name without the extension; a corpus record's
``id`` is kept exactly as given (a string or a number), and a record without
one is ``stem:line``. Nothing is truncated: a long text is read whole, and
the pipeline reads it in parts (:func:`split_parts`).

Text is normalised minimally (NFC, ``\\r\\n`` and ``\\r`` to ``\\n``) and
never altered after that, so offsets stay valid.

>>> docs, problems = load_documents(["seeds"])  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from geo.model import Document, InputError, where_of
from geo.text import formats
from geo.text.formats import feeds as formats_feeds
from geo.text.formats import html as formats_html
from geo.text.formats import telegram as formats_telegram
from geo.text.language import READ_LANGUAGES, detect_language

#: File suffixes read as reports when searching a folder.
TEXT_SUFFIXES = (".txt", ".md")
CORPUS_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + CORPUS_SUFFIXES + formats.SUFFIXES

#: Longest part of a text the pipeline reads at once, in characters. News
#: reports run to a few thousand words (well under 100,000 characters); a
#: longer text (a dump, a book) is read whole, in parts of at most this size
#: cut at paragraph or sentence ends, so no stage ever holds more at once.
PART_CHARS = 1_000_000
#: Largest file read, in bytes: beyond it a file is refused (never cut).
MAX_FILE_BYTES = 256 * 1024 * 1024

_SNIFF_BYTES = 64 * 1024
# Leading bytes of common binary formats a user might pass by mistake.
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
    b"\x7fELF": "ELF executable",
    b"SQLite format 3": "SQLite",
}
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = set(b"\t\n\r\f\v\x1b")


class InputWarning(InputError):
    """An input item that was read, but with a caveat the user should see.

    Yielded next to (before) the document it concerns; not a failure.
    """

    level = "warning"


class InputNote(InputWarning):
    """Something a user may want to know about an input that was read in full."""

    level = "note"


class SkippedDocument(InputNote):
    """A document read but not parsed (its language is not read yet); one summary note says how many.

    ``parse --json`` still gives it a line (its id, ``skipped`` and no mentions), so a
    script that pairs inputs and outputs loses nothing; other commands print only the summary.
    """

    level = "skipped"

    def __init__(self, where: str, problem: str, document: Document | None = None):
        super().__init__(where, problem)
        self.document = document

    def __reduce__(self):
        return (type(self), (self.where, self.problem, self.document))


class SameReport(InputNote):
    """A report that came before under the same address or with the same text: read once.

    ``document`` is the second arrival, ``first`` the id of the document read; the
    second's outlet, date and address are joined to the sources of what the first
    gives (:func:`geo.events.sources.join_same_reports`).
    """

    def __init__(self, where: str, problem: str, document: Document | None = None, first: str | int | None = None):
        super().__init__(where, problem)
        self.document = document
        self.first = first

    def __reduce__(self):
        return (type(self), (self.where, self.problem, self.document, self.first))


def is_failure(problem: InputError) -> bool:
    """True for an input that could not be read (not a mere warning)."""
    return not isinstance(problem, InputWarning)


def normalise_text(text: str) -> str:
    """NFC, and ``\\r\\n``/``\\r`` line ends as ``\\n``: the only changes made to a text."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def load_documents(
    paths: Iterable[str | os.PathLike], *, published: dt.date | None = None,
    outlet: str | None = None,
) -> tuple[list[Document], list[InputError]]:
    """All documents under ``paths`` and every problem met (errors and warnings)."""
    docs: list[Document] = []
    problems: list[InputError] = []
    for item in unique_ids(iter_documents(paths, published=published, outlet=outlet)):
        (problems if isinstance(item, InputError) else docs).append(item)
    return docs, problems


def iter_documents(
    paths: Iterable[str | os.PathLike], *, published: dt.date | None = None,
    outlet: str | None = None,
) -> Iterator[Document | InputError]:
    """Yield each document under ``paths`` in order, or an ``InputError`` in its place.

    ``published`` and ``outlet`` fill what neither the file nor a sidecar gives.
    Ids are as the module docstring says, not yet unique: pass the stream
    through :func:`unique_ids` (as ``load_documents`` and the runner do).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    reader = _Reader(published, outlet)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                yield InputError(str(path), f"no {', '.join(SUFFIXES)} files in this folder")
            for file in files:
                yield from map(with_language, reader.read(file, root=path, named=False))
        elif path.is_file():
            yield from map(with_language, reader.read(path, root=path.parent))
        elif path.exists():
            yield InputError(str(path), "not a regular file or folder")
        else:
            yield InputError(str(path), "no such file or folder")


def with_language(item: Document | InputError) -> Document | InputError:
    """A document with its language detected (:mod:`geo.text.language`) unless it says one."""
    if isinstance(item, Document) and item.language is None:
        return replace(item, language=detect_language(item.text))
    return item


def readable(items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
    """Pass ``items`` on, but read each report once and only in a language the reader reads.

    A document whose address came before, or a forwarded or addressed item whose text
    came before (a feed item also saved as a page, a forwarded message), is read once:
    a :class:`SameReport` note names the first and carries the second, whose source is
    joined to the first's events. Documents in a language detected and not read yet
    (:data:`~geo.text.language.READ_LANGUAGES`) are counted and skipped, with one note at
    the end (a text too short to tell is read). Ids should be unique already
    (:func:`unique_ids` first), so a note's ``first`` names one document.
    """
    seen_urls: dict[str, tuple[str, str | int]] = {}
    seen_texts: dict[int, tuple[str, str | int]] = {}
    skipped: dict[str, int] = {}
    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        if item.language not in (None, "und") and item.language not in READ_LANGUAGES:
            skipped[item.language] = skipped.get(item.language, 0) + 1
            yield SkippedDocument(where_of(item), f"in {item.language}, a language not read yet", item)
            continue
        url = (item.url or "").split("#")[0].rstrip("/").lower()
        text_key = hash(" ".join(item.text.split()))
        first = seen_urls.get(url) if url else None
        if first is None and (item.via or item.url):  # a forward, or a page also in a feed: the same text
            first = seen_texts.get(text_key)
        if first is not None:
            yield SameReport(where_of(item), f"the same report as {first[0]}; read once, sources joined", item, first[1])
            continue
        if url:
            seen_urls[url] = (where_of(item), item.id)
        seen_texts.setdefault(text_key, (where_of(item), item.id))
        yield item
    if skipped:
        counts = ", ".join(f"{lang} {n}" for lang, n in sorted(skipped.items(), key=lambda kv: -kv[1]))
        yield InputNote("inputs", f"skipped {sum(skipped.values())} document{'s' if sum(skipped.values()) != 1 else ''} "
                                  f"in languages not read yet: {counts}")


def unique_ids(items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
    """Pass ``items`` through; a document whose id was seen before gets ``#2``, ``#3``... and a warning."""
    seen: set = set()
    for item in items:
        if isinstance(item, Document):
            new, n = item.id, 1
            while new in seen:
                n += 1
                new = f"{item.id}#{n}"
            if new != item.id:
                yield InputWarning(where_of(item), f"duplicate document id {item.id!r}; kept as {new!r}")
                item = replace(item, id=new)
            seen.add(new)
        yield item


def _folder_files(folder: Path) -> list[Path]:
    """Report files under ``folder``, recursively, sorted, hidden entries skipped."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                out.append(Path(dirpath) / name)
    return out


class _Reader:
    """State of one run: caller defaults, sidecars already read, ids already used."""

    def __init__(self, published, outlet):
        self.published = published
        self.outlet = outlet
        self.sidecars: dict[Path, dict[Path, dict]] = {}

    # -- metadata -----------------------------------------------------------

    def sidecar_for(self, file: Path, root: Path) -> Iterator[InputWarning | dict]:
        """Yield warnings about sidecars met, then the sidecar entry for ``file`` ({} if none)."""
        file = file.resolve()
        root = root.resolve()
        entry: dict = {}
        folder = file.parent
        while True:
            if folder not in self.sidecars:
                meta, warnings = _read_sidecars(folder)
                self.sidecars[folder] = meta
                yield from warnings
            if not entry and file in self.sidecars[folder]:
                entry = self.sidecars[folder][file]
            if folder == root or root not in folder.parents:
                break
            folder = folder.parent
        yield entry

    def metadata(self, where: str, *layers: dict) -> Iterator[InputWarning | dict]:
        """Merge metadata layers (first wins), checking types; yield warnings, then the fields."""
        out = {"published": self.published, "outlet": self.outlet, "url": None, "title": None, "language": None}
        for layer in reversed(layers):
            for key in ("outlet", "url", "title", "language"):
                value = layer.get(key)
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    out[key] = value.strip() or out[key]
                else:
                    yield InputWarning(where, f"{key} is not a string ({value!r}); ignored")
            if layer.get("published") not in (None, ""):
                date = parse_date(layer["published"])
                if date is None:
                    yield InputWarning(where, f"published {layer['published']!r} is not a date (YYYY-MM-DD); ignored")
                else:
                    out["published"] = date
        yield out

    # -- files --------------------------------------------------------------

    def read(self, file: Path, root: Path, named: bool = True) -> Iterator[Document | InputError]:
        """The documents of one file; ``named``: the user named it (in a folder, other JSON and XML is skipped)."""
        where = str(file)
        entry: dict = {}
        for item in self.sidecar_for(file, root):
            if isinstance(item, InputError):
                yield item
            else:
                entry = item
        try:
            with file.open("rb") as fh:
                kind = formats.sniff(fh.read(_SNIFF_BYTES))
            if kind is not None:  # a page, an export or a feed: read whole, within the size limit
                data = self._bytes(file)
                if isinstance(data, InputError):
                    yield data
                    return
                reader = {formats.HTML: self.read_page, formats.TELEGRAM: self.read_telegram,
                          formats.FEED: self.read_feed}[kind]
                yield from reader(file, data, entry)
            elif file.suffix.lower() in CORPUS_SUFFIXES:
                yield from self.read_jsonl(file, entry)
            elif file.suffix.lower() in (".json", ".xml", ".rss", ".atom") and (not named or _is_sidecar(file)):
                return  # a folder's metadata sidecar, or some other data file beside the reports
            elif file.suffix.lower() in (".json", ".xml", ".rss", ".atom"):
                yield InputError(where, "neither a Telegram Desktop export, an RSS/Atom feed nor a .jsonl corpus")
            else:
                yield from self.read_text(file, entry)
        except OSError as exc:
            yield InputError(where, f"cannot read: {exc.strerror or exc}")

    # -- pages, exports, feeds (geo.text.formats) --------------------------------

    def _bytes(self, file: Path) -> bytes | InputError:
        size = file.stat().st_size
        if size == 0:
            return InputError(str(file), "empty file")
        if size > MAX_FILE_BYTES:
            return InputError(str(file), f"{size / 1e6:,.0f} MB file: larger than the {MAX_FILE_BYTES / 1e6:,.0f} MB "
                                         "strikemap reads")
        with file.open("rb") as fh:
            return fh.read()

    def _document(self, where: str, own: dict, entry: dict, **fields) -> Iterator[Document | InputError]:
        """A document with metadata: what the item says of itself first, then the sidecar, then the caller."""
        meta = {}
        for item in self.metadata(where, own, entry):
            if isinstance(item, InputError):
                yield item
            else:
                meta = item
        text = normalise_text(fields.pop("text"))
        yield Document(text=text, path=where, **meta, **fields)

    def read_page(self, file: Path, data: bytes, entry: dict) -> Iterator[Document | InputError]:
        where = str(file)
        try:
            markup, _ = decode_bytes(data)
            page = formats_html.read_page(markup)
        except InputError as exc:
            yield InputError(where, exc.problem)
            return
        except Exception as exc:  # noqa: BLE001 - a hostile page: one line, the batch goes on
            yield InputError(where, f"cannot read this web page ({type(exc).__name__}: {exc})")
            return
        if page is None:
            yield InputError(where, "web page without an article text")
            return
        own = {"title": page.title, "outlet": page.outlet, "url": page.url,
               "published": page.published.isoformat() if page.published else None}
        yield from self._document(where, own, entry, id=file.stem, text=page.text)

    def read_telegram(self, file: Path, data: bytes, entry: dict) -> Iterator[Document | InputError]:
        where = str(file)
        try:
            export = json.loads(decode_bytes(data)[0])
            found = list(formats_telegram.messages(export))
        except (InputError, ValueError) as exc:
            yield InputError(where, f"not a readable Telegram export: {getattr(exc, 'problem', exc)}")
            return
        if not found:
            yield InputError(where, "Telegram export without a message that has text")
            return
        for msg in found:
            own = {"outlet": msg.channel, "url": msg.url,
                   "published": msg.published.isoformat() if msg.published else None}
            yield from self._document(f"{where}#{msg.id}", own, entry, id=msg.id, text=msg.text, via=msg.forwarded_from)

    def read_feed(self, file: Path, data: bytes, entry: dict) -> Iterator[Document | InputError]:
        where = str(file)
        try:
            found, problem = formats_feeds.items(data)
        except Exception as exc:  # noqa: BLE001 - a hostile feed: one line, the batch goes on
            found, problem = [], f"{type(exc).__name__}: {exc}"
        if problem or not found:
            yield InputError(where, problem or "feed without an item that has text")
            return
        for item in found:
            own = {"title": item.title, "outlet": item.outlet, "url": item.url,
                   "published": item.published.isoformat() if item.published else None}
            yield from self._document(where, own, entry, id=item.id, text=item.text)

    def read_text(self, file: Path, entry: dict) -> Iterator[Document | InputError]:
        where = str(file)
        size = file.stat().st_size
        if size == 0:
            yield InputError(where, "empty file")
            return
        if size > MAX_FILE_BYTES:
            yield InputError(where, f"{size / 1e6:,.0f} MB file: larger than the {MAX_FILE_BYTES / 1e6:,.0f} MB "
                                    "strikemap reads; split it into reports (a .jsonl corpus, one a line)")
            return
        with file.open("rb") as fh:
            data = fh.read()
        try:
            text, note = decode_bytes(data)
        except InputError as exc:
            yield InputError(where, exc.problem)
            return
        if note:
            yield InputWarning(where, note)
        text = normalise_text(text)
        if not text.strip():
            yield InputError(where, "no text (only whitespace)")
            return
        yield from _parts_note(where, text)
        meta = {}
        for item in self.metadata(where, {"title": _title(text)}, entry):
            if isinstance(item, InputError):
                yield item
            else:
                meta = item
        yield Document(id=file.stem, text=text, path=where, **meta)

    def read_jsonl(self, file: Path, entry: dict) -> Iterator[Document | InputError]:
        where = str(file)
        if file.stat().st_size == 0:
            yield InputError(where, "empty file")
            return
        with file.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
            kind = _binary_kind(head)
            if kind and not head.startswith(codecs.BOM_UTF8):
                yield InputError(where, kind)
                return
            fh.seek(0)
            seen = 0
            for lineno, raw in enumerate(fh, start=1):
                if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                seen += 1
                yield from self.read_line(file, lineno, raw, entry)
        if not seen:
            yield InputError(where, "no records (only blank lines)")

    def read_line(self, file: Path, lineno: int, raw: bytes, entry: dict) -> Iterator[Document | InputError]:
        where = f"{file}:{lineno}"
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield InputError(where, f"not UTF-8 (byte {exc.start + 1}); line skipped")
            return
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped")
            return
        if not isinstance(record, dict):
            yield InputError(where, f"expected a JSON object, got {type(record).__name__}; line skipped")
            return
        text = record.get("text")
        if not isinstance(text, str):
            problem = "no 'text' field" if text is None else "'text' is not a string"
            yield InputError(where, f"{problem}; line skipped")
            return
        text = normalise_text(text)
        if not text.strip():
            yield InputError(where, "empty 'text'; line skipped")
            return
        yield from _parts_note(where, text)
        doc_id = record.get("id")
        if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
            doc_id = f"{file.stem}:{lineno}"
        elif not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            yield InputWarning(where, f"id {doc_id!r} is not a string or an integer; "
                                      f"{file.stem}:{lineno} used")
            doc_id = f"{file.stem}:{lineno}"
        meta = {}
        for item in self.metadata(where, record, entry):
            if isinstance(item, InputError):
                yield item
            else:
                meta = item
        yield Document(id=doc_id, text=text, path=str(file), line=lineno, **meta)


# -- pure helpers -------------------------------------------------------------


def parse_date(value) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` or an ISO timestamp; None when it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def decode_bytes(data: bytes, *, final: bool = True) -> tuple[str, str | None]:
    """Decode report bytes; return the text and a note when the encoding was guessed.

    Tries a BOM (UTF-8, UTF-16, UTF-32), then UTF-8, then UTF-16 without BOM
    (recognised by its NUL pattern), then cp1252 / latin-1 when the result
    looks like text. Raises ``InputError`` (with an empty ``where``) for
    binary data or bytes no encoding fits. ``final=False`` tolerates a
    character cut at the end of ``data`` (a truncated read).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _decode(data, encoding, final), None
            except UnicodeDecodeError as exc:
                raise InputError("", f"starts with a {encoding} byte-order mark but is not {encoding} "
                                     f"(byte {exc.start + 1})") from None
    sniff = data[:_SNIFF_BYTES]
    utf16 = _utf16_without_bom(sniff)
    if utf16:
        try:
            return _decode(data, utf16, final), f"no byte-order mark; decoded as {utf16.upper()} (guessed)"
        except UnicodeDecodeError:
            pass
    kind = _binary_kind(sniff)
    if kind:
        raise InputError("", kind)
    try:
        return _decode(data, "utf-8", final), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, f"not UTF-8 (byte {first_bad + 1}); decoded as {encoding} (guessed)"
    raise InputError("", f"not UTF-8 (byte {first_bad + 1}), and no fallback encoding (cp1252, latin-1) "
                         "gives plausible text; save it as UTF-8")


def _decode(data: bytes, encoding: str, final: bool) -> str:
    if final:
        return data.decode(encoding)
    return codecs.getincrementaldecoder(encoding)().decode(data, final=False)


def _utf16_without_bom(sniff: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when most odd/even bytes are NUL, as in ASCII text in UTF-16."""
    if len(sniff) < 8:
        return None
    even, odd = sniff[0::2], sniff[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _binary_kind(sniff: bytes) -> str | None:
    """A message when the bytes are binary (NUL bytes, a known format, mostly control bytes)."""
    for magic, name in _MAGIC.items():
        if sniff.startswith(magic):
            return f"binary file ({name}), not text"
    if b"\x00" in sniff:
        return "binary file (contains NUL bytes), not text"
    if sniff:
        controls = sum(1 for b in sniff if b < 0x20 and b not in _TEXT_CONTROLS)
        if controls > 0.05 * len(sniff):
            return "binary file (mostly non-text bytes), not text"
    return None


def _looks_like_text(text: str) -> bool:
    """English-language text in an 8-bit code page: few non-ASCII letters, no C1 controls."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return False
    if any("\x80" <= ch <= "\x9f" for ch in sample):
        return False
    non_ascii = sum(1 for ch in sample if ord(ch) > 127)
    return non_ascii <= 0.1 * len(sample)


def _title(text: str) -> str | None:
    """The title from a leading ``# `` line (Markdown heading), if any."""
    first = text.lstrip("\n").split("\n", 1)[0]
    if first.startswith("# ") and first[2:].strip():
        return first[2:].strip()
    return None


def split_parts(text: str, max_chars: int = PART_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``max_chars`` long.

    Each cut is at the last paragraph end, else line end, else sentence end
    (". ", "! ", "? ") in the second half of the span; only a text with none
    of them is cut mid-run. Offsets are the whole text's.

    >>> split_parts("a. b. c. d", 6)
    [(0, 6), (6, 10)]
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    parts: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        stop = start + max_chars
        floor = start + max_chars // 2
        cut = -1
        for sep in ("\n\n", "\n", ". ", "! ", "? "):
            pos = text.rfind(sep, floor, stop)
            if pos >= floor:
                cut = pos + len(sep)
                break
        if cut <= start:
            cut = stop
        parts.append((start, cut))
        start = cut
    parts.append((start, n))
    return parts


def _parts_note(where: str, text: str) -> Iterator[InputNote]:
    """Say so when a text is long enough to be read in parts."""
    if len(text) > PART_CHARS:
        n = len(split_parts(text))
        yield InputNote(where, f"{len(text):,} characters: read whole, in {n} parts cut at paragraph or "
                               f"sentence ends (at most {PART_CHARS:,} characters each)")


def _is_sidecar(file: Path) -> bool:
    """A JSON file with a ``documents`` list: metadata for a folder's reports (see the module docstring)."""
    try:
        data = json.loads(file.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and isinstance(data.get("documents"), list)


def _read_sidecars(folder: Path) -> tuple[dict[Path, dict], list[InputWarning]]:
    """Metadata entries of the JSON sidecars in ``folder``, keyed by resolved file path."""
    meta: dict[Path, dict] = {}
    warnings: list[InputWarning] = []
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file()
                            and formats.sniff(p.open("rb").read(_SNIFF_BYTES)) is None)  # not an export
    except OSError:
        return meta, warnings
    for sidecar in candidates:
        where = str(sidecar)
        try:
            data = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(InputWarning(where, f"metadata sidecar unreadable ({exc}); ignored"))
            continue
        except json.JSONDecodeError as exc:
            warnings.append(InputWarning(where, f"metadata sidecar is not valid JSON ({exc.msg}, line {exc.lineno}); ignored"))
            continue
        if not isinstance(data, dict) or "documents" not in data:
            continue  # some other JSON file, not a sidecar
        entries = data["documents"]
        if not isinstance(entries, list):
            warnings.append(InputWarning(where, "metadata sidecar: 'documents' is not a list; ignored"))
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                warnings.append(InputWarning(where, f"metadata sidecar: entry {i + 1} has no 'file' name; ignored"))
                continue
            meta[(folder / entry["file"]).resolve()] = entry
    return meta, warnings


def builtin_seeds() -> Path:
    """The sample corpus ``strikemap map`` reads when given no paths.

    The seeds ship inside the ``geo`` package (``geo/seeds``, package data; in a
    checkout a link to the top-level ``seeds/``), so any folder works after ``pip
    install``; a checkout's own ``seeds/`` is the fallback.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    from geo.model import StrikemapError

    raise StrikemapError("no input paths given and the built-in seeds/ folder was not found")
