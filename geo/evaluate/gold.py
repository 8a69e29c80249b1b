"""Gold corpora for scoring: reading them, and the codes of their places.

Reads gold in the format of ``../shared/benchmarks/*/gold.jsonl`` (LGL,
GeoWebNews, TR-News, GeoVirus) and of the domain dev sets
(``../shared/devset*/gold.jsonl``) into ``GoldDocument``s, and attaches the
country and ADM1 codes the scoring needs (:func:`attach_codes`, the one part
that asks the gazetteer). Scoring itself is in ``geo.evaluate.places``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.model import Document, InputError

#: Half the Earth's circumference: the largest possible great-circle error.
MAX_ERROR_KM = 20039.0
#: Accuracy@161km (100 miles), as Gritta et al.
ACC_KM = 161.0
#: The stricter radius the dev set also reports (plain ``e <= 25``).
NEAR_KM = 25.0

# How a gold toponym's resolution is judged.
COUNTRY = "country"  # by country code
ADM1 = "adm1"  # by GeoNames ADM1 code (``UA.21``)
POINT = "point"  # by distance
NONE = "none"  # not scored for resolution (recognition only)

#: Dev set kinds, in the order reports print them.
DEVSET_KINDS = ("country", "adm1_region", "city_or_town", "village", "other_feature")

# GeoWebNews types that are adjectival or demonym uses (plus modifier_type "Adjective").
_GWN_ADJECTIVAL_TYPES = frozenset({"Demonym", "Language"})

# Endings of English demonyms and adjectives of place ("Russian", "Chinese",
# "Turkish", "Israeli", "French", "Palestinians"); from English morphology
# (not "-ic": Arctic, Baltic, Pacific are nouns).
_DEMONYM_ENDING = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ch)$")

# Generic words of ADM1 names, dropped when matching English region names
# ("Kyiv Oblast", "Krasnodar Krai", "Lublin Voivodeship", "Tulcea County").
_REGION_WORDS = frozenset(
    "oblast oblast' region krai kray republic of the voivodeship county province governorate "
    "autonomous okrug respublika oblast’".split()
)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold span, with what is needed to judge its resolution.

    ``level`` says how resolution is judged (``country``, ``adm1``,
    ``point`` or ``none``); ``resolvable`` is False for spans scored for
    recognition only (``recognition_only``, coordinates-only GeoWebNews
    spans, seas without coordinates in the dev set). ``adjectival`` marks
    adjectival and demonym uses. ``kind`` and ``role`` come from the dev set.
    """

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    level: str = POINT
    resolvable: bool = True
    country_code: str | None = None
    admin1_code: str | None = None
    adjectival: bool = False
    category: str | None = None  # GWN type, GeoNames fcode, or dev set kind
    kind: str | None = None
    role: str | None = None
    adm1_name: str | None = None
    country_geonameid: int | None = None
    wikipedia: str | None = None  # GeoVirus: the gold entity's article


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold document; ``toponyms`` holds every gold span, sorted by start."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    published: dt.date | None = None
    title: str | None = None
    devset: bool = False
    annotations: dict | None = None  # dev set: the raw "places", "events" and "area_claims"

    def to_document(self) -> Document:
        """The plain ``Document`` the pipeline reads."""
        return Document(id=self.id, text=self.text, published=self.published, title=self.title)


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSON Lines file (benchmark or dev set format).

    Raises ``InputError`` naming the file and line for unreadable input.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    docs = []
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 may sit in strings
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not JSON ({exc.msg})") from None
        docs.append(gold_document(data, where))
    if not docs:
        raise InputError(str(path), "no gold documents")
    return docs


def gold_document(data: object, where: str = "gold") -> GoldDocument:
    """One gold document from its JSON object (benchmark or dev set shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or "id" not in data:
        raise InputError(where, "expected an object with 'id' and 'text'")
    text = data["text"]
    try:
        if "places" in data:
            spans = _devset_toponyms(data["places"], text)
        else:
            spans = _benchmark_toponyms(data, text)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(where, f"malformed gold toponym ({type(exc).__name__}: {exc})") from None
    for t in spans:
        if not (0 <= t.start < t.end <= len(text)) or text[t.start : t.end] != t.name:
            raise InputError(where, f"gold span {t.start}-{t.end} {t.name!r} does not match the text")
    published = None
    if data.get("published"):
        try:
            published = dt.date.fromisoformat(str(data["published"])[:10])
        except ValueError:
            raise InputError(where, f"'published' is not a date: {data['published']!r}") from None
    return GoldDocument(
        id=str(data["id"]),
        text=text,
        toponyms=tuple(sorted(spans, key=lambda t: (t.start, t.end))),
        published=published,
        title=data.get("title"),
        devset="places" in data,
        annotations={k: data.get(k) or [] for k in ("places", "events", "area_claims")} if "places" in data else None,
    )


def _benchmark_toponyms(data: dict, text: str) -> list[GoldToponym]:
    spans = []
    for t in data.get("toponyms") or ():
        gid = t.get("geonameid")
        has_point = t.get("lat") is not None and t.get("lon") is not None
        fcode = t.get("fcode")
        gwn_type = t.get("type")
        if "wikipedia" in t:  # GeoVirus: no GeoNames ids, every span scored by distance
            resolvable = has_point
        else:  # LGL, TR-News, GeoWebNews: resolution over spans with a GeoNames id
            resolvable = gid is not None and has_point
        level = POINT
        if fcode and fcode.startswith("PCL"):
            level = COUNTRY
        elif fcode == "ADM1":
            level = ADM1
        spans.append(
            GoldToponym(
                start=int(t["start"]),
                end=int(t["end"]),
                name=t["name"],
                lat=t.get("lat"),
                lon=t.get("lon"),
                geonameid=gid,
                level=level if resolvable else NONE,
                resolvable=resolvable,
                adjectival=_gwn_adjectival(t),
                category=gwn_type or fcode or ("continent" if t.get("continent") else "location"),
                country_geonameid=t.get("country_geonameid"),
                wikipedia=t.get("wikipedia") or None,
            )
        )
    for t in data.get("recognition_only") or ():
        spans.append(
            GoldToponym(
                start=int(t["start"]),
                end=int(t["end"]),
                name=t["name"],
                level=NONE,
                resolvable=False,
                adjectival=_gwn_adjectival(t),
                category=t.get("type") or "recognition_only",
            )
        )
    return spans


def _gwn_adjectival(t: dict) -> bool:
    """GeoWebNews marks adjectival uses with ``modifier_type`` and demonyms by ``type``."""
    return t.get("modifier_type") == "Adjective" or t.get("type") in _GWN_ADJECTIVAL_TYPES


def _devset_toponyms(places: list, text: str) -> list[GoldToponym]:
    """Dev set ``places[]`` entries, one span per offset.

    Countries are judged by country code, ADM1 regions by ADM1 code (the name
    is mapped to a code by :func:`attach_codes`), other places by distance;
    places with null coordinates by their ADM1 only; places with neither
    coordinates nor a country (seas, rivers) for recognition only.
    """
    spans = []
    for p in places:
        has_point = p.get("lat") is not None and p.get("lon") is not None
        kind = p["kind"]
        if kind == "country" and p.get("country"):
            level = COUNTRY
        elif kind == "adm1_region" and p.get("adm1") and p.get("country"):
            level = ADM1
        elif has_point:
            level = POINT
        elif p.get("adm1") and p.get("country"):
            level = ADM1
        else:
            level = NONE
        source = p.get("coord_source") or ""
        gid = int(source.split(":", 1)[1]) if source.startswith("geonames:") else None
        for offset in p["offsets"]:
            spans.append(
                GoldToponym(
                    start=int(offset),
                    end=int(offset) + len(p["surface"]),
                    name=p["surface"],
                    lat=p.get("lat"),
                    lon=p.get("lon"),
                    geonameid=gid,
                    level=level,
                    resolvable=level != NONE,
                    country_code=p.get("country"),
                    category=kind,
                    kind=kind,
                    role=p.get("role"),
                    adm1_name=p.get("adm1"),
                )
            )
    return spans


# --------------------------------------------------------------------------- gold codes (gazetteer)


def attach_codes(docs: Sequence[GoldDocument], gazetteer) -> list[GoldDocument]:
    """Fill the country and ADM1 codes of gold places from the gazetteer.

    - LGL, TR-News: ``fcode`` PCL* is a country, ADM1 a region; codes from
      ``get(geonameid)``, else the country from ``country_geonameid`` and the
      ADM1 from ``reverse(lat, lon)``.
    - GeoWebNews: ``get(geonameid)``; a country or ADM1 in the store is
      judged by code, anything else by distance.
    - Dev set: English ADM1 names matched to the gazetteer's regions, for the toponyms and for the
      ``places`` the event scoring reads (``adm1_code``).
    - Adjectival uses in corpora without a type field (LGL, TR-News): see
      :func:`looks_adjectival`.
    A code that cannot be found falls back to judging by distance (or to
    recognition only when the gold has no coordinates).
    """
    cache: dict = {}
    regions = _RegionNames(gazetteer)
    is_name = _name_test(gazetteer)
    out = []
    for doc in docs:
        tops = tuple(_attach_one(t, doc, gazetteer, regions, is_name, cache) for t in doc.toponyms)
        annotations = doc.annotations
        if annotations and annotations.get("places"):
            # Event scoring compares regions by code too: "Oryol Oblast" and "Orel Oblast" are one unit.
            places = [{**p, "adm1_code": regions.code(p.get("adm1"), p.get("country"))} for p in annotations["places"]]
            annotations = {**annotations, "places": places}
        out.append(dataclasses.replace(doc, toponyms=tops, annotations=annotations))
    return out


def _attach_one(t: GoldToponym, doc: GoldDocument, gaz, regions, is_name, cache) -> GoldToponym:
    if not t.resolvable:
        return t
    if doc.devset:
        if t.level == ADM1:
            code = regions.code(t.adm1_name, t.country_code)
            if code:
                return dataclasses.replace(t, admin1_code=code)
            return dataclasses.replace(t, level=POINT if t.lat is not None else NONE, resolvable=t.lat is not None)
        code = regions.code(t.adm1_name, t.country_code) if t.adm1_name else None
        return dataclasses.replace(t, admin1_code=code) if code else t  # judged by distance; the code says its oblast
    if t.geonameid is None and t.wikipedia:
        return _attach_wikipedia(t, gaz)
    place = _get(gaz, t.geonameid, cache)
    level = t.level
    if level == POINT and place is not None and place.geonameid == t.geonameid:
        # GeoWebNews has no feature code: take the level from the store.
        level = {"country": COUNTRY, "adm1": ADM1}.get(place.kind, POINT)
    cc = place.country_code if place is not None else None  # for error categories
    code = None
    if level == COUNTRY:
        if not (place is not None and place.kind == "country" and place.country_code):
            country = _get(gaz, t.country_geonameid, cache)
            cc = country.country_code if country is not None else None
        if not cc:
            level = POINT
    elif level == ADM1:
        if place is not None and place.kind == "adm1" and place.admin1_code:
            code = place.admin1_code
        elif t.lat is not None:
            near = _reverse(gaz, t.lat, t.lon)
            code = near.admin1_code if near is not None else None
        if not code:
            level = POINT
        cc = code.split(".")[0] if code else cc
    adjectival = t.adjectival or (
        _area_level(t) and looks_adjectival(t.name, lambda s: is_name(s, t.geonameid, level, cc, code))
    )
    return dataclasses.replace(t, level=level, country_code=cc, admin1_code=code, adjectival=adjectival)


def _attach_wikipedia(t: GoldToponym, gaz) -> GoldToponym:
    """GeoVirus: a gold entity whose Wikipedia article is a country is judged by country code.

    The article's coordinates for a country are an arbitrary interior point,
    as GeoNames' are, so distance would punish a right answer; the article
    title names the entity ("China", "Democratic_Republic_of_the_Congo").
    Everything else stays judged by distance.
    """
    title = urllib.parse.unquote(t.wikipedia.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")
    title = re.sub(r"\s*\(country\)$", "", title)  # "Georgia (country)", not "Georgia (U.S. state)"
    try:
        countries = {p.country_code for p in gaz.exact(title) if p.kind == "country" and p.country_code}
    except (LookupError, ValueError):
        countries = set()
    if len(countries) != 1:
        return t
    return dataclasses.replace(t, level=COUNTRY, country_code=countries.pop())


def _area_level(t: GoldToponym) -> bool:
    """Countries, regions and continents: the places demonyms and adjectives derive from."""
    cat = t.category or ""
    return cat.startswith("PCL") or cat in {"ADM1", "ADMD", "RGN", "CONT"}


def looks_adjectival(surface: str, is_name: Callable[[str], bool]) -> bool:
    """True for demonym-shaped words that are not themselves place names.

    Used on corpora without a type annotation (LGL, TR-News), for gold
    countries, regions and continents only: "Russian", "Georgian",
    "Palestinians", "Texan" are adjectival; "Sudan", "Iran", "Afghanistan"
    are names (``is_name`` finds them).

    >>> looks_adjectival("Georgian", lambda s: False), looks_adjectival("Sudan", lambda s: True)
    (True, False)
    """
    words = surface.split()
    if not words or len(words) > 3 or not surface[:1].isupper():
        return False
    return bool(_DEMONYM_ENDING.search(words[-1])) and not is_name(surface)


def _get(gaz, geonameid, cache):
    if geonameid is None:
        return None
    if geonameid not in cache:
        try:
            cache[geonameid] = gaz.get(int(geonameid))
        except (KeyError, LookupError, ValueError):
            cache[geonameid] = None
    return cache[geonameid]


def _reverse(gaz, lat, lon):
    """The nearest populated place, whatever shape ``reverse`` returns it in."""
    try:
        found = gaz.reverse(lat, lon)
    except (KeyError, LookupError, ValueError):
        return None
    found = getattr(found, "place", found)  # ReverseResult(place, region, distance_km)
    return found if hasattr(found, "admin1_code") else None


def _name_test(gaz) -> Callable[..., bool]:
    """Whether a surface is a name or alternate name of the gold place (id, country or ADM1 code)."""
    memo: dict[str, tuple] = {}

    def is_name(surface: str, geonameid, level, cc, code) -> bool:
        if surface not in memo:
            try:
                memo[surface] = tuple(gaz.exact(surface))
            except (LookupError, ValueError):
                memo[surface] = ()
        for p in memo[surface]:
            if geonameid is not None and p.geonameid == geonameid:
                return True
            if level == COUNTRY and p.kind == "country" and cc and p.country_code == cc:
                return True
            if level == ADM1 and p.kind == "adm1" and code and p.admin1_code == code:
                return True
        return False

    return is_name


def normalise_name(name: str) -> str:
    """Case-folded, accent-free, apostrophes and hyphens unified: for comparing names.

    >>> normalise_name("Zaporiz’ka  Oblast'")
    'zaporizka oblast'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’ʼ`]", "", text)
    text = re.sub(r"[\s\-‑–.,/]+", " ", text)
    return text.strip()


def region_keys(name: str) -> tuple[str, str]:
    """The full normalised name and the name without generic words.

    >>> region_keys("Moscow Oblast")
    ('moscow oblast', 'moscow')
    """
    full = normalise_name(name)
    short = " ".join(w for w in full.split() if w not in _REGION_WORDS)
    return full, short or full


class _RegionNames:
    """English ADM1 names ("Kyiv Oblast", "Crimea") to the gazetteer's admin1 codes.

    An exact normalised name wins; then a region that has the name as a name
    or alternate name in the gazetteer (so "Moscow" is the city region, not
    "Moscow Oblast"); then a unique match without the generic words
    ("Crimea" for "Autonomous Republic of Crimea"); then the gazetteer's own
    ADM1 search within the country.
    """

    def __init__(self, gaz):
        self._gaz = gaz
        self._index: dict[str, dict[str, list[str]]] = {}

    def _country(self, cc: str) -> dict[str, list[str]]:
        if cc not in self._index:
            by_key: dict[str, list[str]] = {}
            for p in self._gaz.regions(cc):
                if p.admin1_code:
                    full, short = region_keys(p.name)
                    by_key.setdefault("=" + full, []).append(p.admin1_code)
                    by_key.setdefault("~" + short, []).append(p.admin1_code)
            self._index[cc] = by_key
        return self._index[cc]

    def _search(self, name: str, cc: str) -> list:
        try:
            return self._gaz.search(name, country=cc, kind="adm1", limit=5)
        except (LookupError, ValueError):
            return []

    def code(self, name: str | None, cc: str | None) -> str | None:
        if not name or not cc:
            return None
        by_key = self._country(cc)
        for part in name.split(" / "):  # "Donetsk Oblast / Luhansk Oblast": the first
            full, short = region_keys(part)
            codes = sorted(set(by_key.get("=" + full, ())))
            if len(codes) == 1:
                return codes[0]
            try:  # a name or alternate name of exactly one region ("Moscow" for "Moskva")
                named = {p.admin1_code for p in self._gaz.exact(part, country=cc) if p.kind == "adm1"}
            except (LookupError, ValueError):
                named = set()
            if len(named) == 1:
                return named.pop()
            if named:  # several ("Moscow": the city region and the oblast): the gazetteer's ranking
                ranked = [p.admin1_code for p in self._search(part, cc) if p.admin1_code in named]
                if ranked:
                    return ranked[0]
            codes = sorted(set(by_key.get("~" + short, ())))
            if len(codes) == 1:
                return codes[0]
            hits = self._search(part, cc)
            if hits and hits[0].admin1_code:
                return hits[0].admin1_code
        return None


