"""Scoring the geoparser against human-annotated gold corpora.

Reads gold in the format of ``../shared/benchmarks/*/gold.jsonl`` (LGL,
GeoWebNews, TR-News, GeoVirus) and of the domain dev set
(``../shared/devset/gold.jsonl``), and scores predicted mentions, one list of
``ResolvedMention`` per document, following the convention fixed in
``../shared/benchmarks/README.md`` and Gritta et al.'s evaluation code:

- recognition: a gold span counts as found when a predicted mention overlaps
  it; precision is predicted mentions overlapping a gold span over predicted
  mentions; exact-span figures beside them;
- resolution, end to end: a gold toponym is right when the overlapping
  predicted mention (the one with the largest overlap) resolves to the right
  place: countries by country code, first-level regions by ADM1 code (error
  0 km on a code match), everything else within 161 km, i.e.
  ``ln(1 + e) < ln(161)``; a missed toponym is wrong and, in the end-to-end
  AUC, has the maximum error of 20,039 km;
- AUC of the log error curve = ``trapz(ln(1 + e_i)) / (ln(20039) * (N - 1))``
  over the sorted errors (lower is better).

Adjectival and demonym uses ("American", "Russian") are left out of the
headline figures and reported separately. Everything here is a pure
function over plain data except :func:`attach_codes`, which asks the
gazetteer for the country and ADM1 codes of gold places.

>>> round(haversine_km(50.45, 30.52, 49.99, 36.23), 0)
409.0
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import statistics
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import distance_km as haversine_km
from geo.evaluate.events import EventScores, score_events
from geo.model import ACTOR_METONYM, EVENT_LOCATION, ROLES, Document, InputError, ResolvedMention

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
    - Dev set: English ADM1 names matched to the gazetteer's regions.
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
        out.append(dataclasses.replace(doc, toponyms=tops))
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
        return t
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


# --------------------------------------------------------------------------- judging one toponym


def within(error_km: float | None, radius_km: float) -> bool:
    """Gritta et al.'s test ``ln(1 + e) < ln(radius)``."""
    return error_km is not None and math.log1p(error_km) < math.log(radius_km)


@dataclass(frozen=True, slots=True)
class Judgement:
    """How one gold toponym fared: found, right at 161 km and at 25 km, error in km.

    ``error_km`` is None when there is nothing to measure (missed, or a gold
    place without coordinates whose ADM1 code did not match).
    """

    found: bool
    right: bool
    right_near: bool
    error_km: float | None
    predicted: ResolvedMention | None = None


def judge(gold: GoldToponym, predicted: ResolvedMention | None) -> Judgement:
    """Judge one gold toponym against the predicted mention that overlaps it (or None)."""
    if predicted is None:
        return Judgement(False, False, False, None, None)
    place = predicted.place
    if place is None:
        return Judgement(True, False, False, None, predicted)
    if gold.level == COUNTRY and gold.country_code and place.country_code == gold.country_code:
        return Judgement(True, True, True, 0.0, predicted)
    if gold.level == ADM1 and gold.admin1_code and place.admin1_code == gold.admin1_code:
        return Judgement(True, True, True, 0.0, predicted)
    if gold.lat is None or gold.lon is None:
        return Judgement(True, False, False, None, predicted)
    error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
    if gold.level in (COUNTRY, ADM1):  # code levels are right only on a code match
        return Judgement(True, False, False, error, predicted)
    return Judgement(True, within(error, ACC_KM), error <= NEAR_KM, error, predicted)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two half-open spans (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def best_overlap(gold: GoldToponym, predicted: Sequence[ResolvedMention]) -> ResolvedMention | None:
    """The predicted mention sharing most characters with the gold span (first on ties)."""
    best, best_len = None, 0
    for m in predicted:
        n = overlap(gold.start, gold.end, m.start, m.end)
        if n > best_len:
            best, best_len = m, n
    return best


# --------------------------------------------------------------------------- aggregate scores


def auc_log_error(errors_km: Iterable[float]) -> float | None:
    """Area under the log error curve, ``trapz(ln(1+e)) / (ln(20039) * (N-1))``; lower is better.

    >>> auc_log_error([0.0, 0.0]), round(auc_log_error([0.0, 20039.0]), 3)
    (0.0, 0.5)
    """
    ys = sorted(math.log1p(min(max(e, 0.0), MAX_ERROR_KM)) for e in errors_km)
    if len(ys) < 2:
        return None
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / (math.log(MAX_ERROR_KM) * (len(ys) - 1))


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Recognition:
    """Recognition counts and P/R/F1, overlapping and exact spans."""

    gold: int
    predicted: int
    found: int  # gold spans some prediction overlaps
    correct: int  # predictions overlapping some gold span
    exact_found: int
    exact_correct: int

    @property
    def precision(self):
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self):
        return _ratio(self.found, self.gold)

    @property
    def f1(self):
        return _f1(self.precision, self.recall)

    @property
    def exact_precision(self):
        return _ratio(self.exact_correct, self.predicted)

    @property
    def exact_recall(self):
        return _ratio(self.exact_found, self.gold)

    @property
    def exact_f1(self):
        return _f1(self.exact_precision, self.exact_recall)

    def to_dict(self) -> dict:
        out = {f: getattr(self, f) for f in ("gold", "predicted", "found", "correct", "exact_found", "exact_correct")}
        for f in ("precision", "recall", "f1", "exact_precision", "exact_recall", "exact_f1"):
            out[f] = _round(getattr(self, f))
        return out


@dataclass(frozen=True, slots=True)
class Resolution:
    """Resolution figures end to end and on the toponyms found."""

    gold: int
    found: int
    right: int
    right_near: int
    errors_found: tuple[float, ...]  # measurable errors of found toponyms, km
    unmeasured: int = 0  # found, no error measurable (adm1-only gold, code mismatch)

    @property
    def accuracy(self):
        """End to end: right / all gold toponyms (missed ones are wrong)."""
        return _ratio(self.right, self.gold)

    @property
    def accuracy_near(self):
        return _ratio(self.right_near, self.gold)

    @property
    def accuracy_found(self):
        return _ratio(self.right, self.found)

    @property
    def mean_km(self):
        return statistics.fmean(self.errors_found) if self.errors_found else None

    @property
    def median_km(self):
        return statistics.median(self.errors_found) if self.errors_found else None

    @property
    def auc_found(self):
        return auc_log_error(self.errors_found)

    @property
    def auc(self):
        """End to end: missed and unmeasurable toponyms take the maximum error."""
        missing = self.gold - len(self.errors_found)
        return auc_log_error(list(self.errors_found) + [MAX_ERROR_KM] * missing)

    def to_dict(self) -> dict:
        out = {f: getattr(self, f) for f in ("gold", "found", "right", "right_near", "unmeasured")}
        for f in ("accuracy", "accuracy_near", "accuracy_found", "mean_km", "median_km", "auc", "auc_found"):
            out[f] = _round(getattr(self, f))
        return out


def _round(x):
    return round(x, 4) if isinstance(x, float) else x


def recognition(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    *,
    include_adjectival: bool = False,
) -> Recognition:
    """Recognition P/R/F1 over all gold spans (``toponyms`` + ``recognition_only``).

    Without ``include_adjectival``, adjectival gold spans leave the gold set
    and predictions that overlap only such spans leave the predicted set.
    """
    gold = predicted = found = correct = exact_found = exact_correct = 0
    for doc, preds in _aligned(docs, predictions):
        kept = [t for t in doc.toponyms if include_adjectival or not t.adjectival]
        dropped = [t for t in doc.toponyms if t.adjectival and not include_adjectival]
        gold += len(kept)
        exact_spans = {(t.start, t.end) for t in kept}
        for t in kept:
            found += any(overlap(t.start, t.end, m.start, m.end) for m in preds)
        exact_found += len(exact_spans & {(m.start, m.end) for m in preds})
        for m in preds:
            hits = any(overlap(t.start, t.end, m.start, m.end) for t in kept)
            if not hits and any(overlap(t.start, t.end, m.start, m.end) for t in dropped):
                continue
            predicted += 1
            correct += hits
            exact_correct += (m.start, m.end) in exact_spans
    return Recognition(gold, predicted, found, correct, exact_found, exact_correct)


def judgements(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    *,
    include_adjectival: bool = False,
) -> list[tuple[GoldDocument, GoldToponym, Judgement]]:
    """One judgement per resolvable gold toponym."""
    out = []
    for doc, preds in _aligned(docs, predictions):
        for t in doc.toponyms:
            if t.resolvable and (include_adjectival or not t.adjectival):
                out.append((doc, t, judge(t, best_overlap(t, preds))))
    return out


def resolution(judged: Iterable[Judgement]) -> Resolution:
    """Aggregate judgements into accuracy, errors and AUC."""
    gold = found = right = near = unmeasured = 0
    errors = []
    for j in judged:
        gold += 1
        found += j.found
        right += j.right
        near += j.right_near
        if j.found:
            if j.error_km is not None:
                errors.append(j.error_km)
            elif j.predicted is not None and j.predicted.place is None:
                errors.append(MAX_ERROR_KM)
            else:
                unmeasured += 1
    return Resolution(gold, found, right, near, tuple(errors), unmeasured)


def _aligned(docs, predictions):
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} gold documents but {len(predictions)} prediction lists")
    return zip(docs, predictions)


# --------------------------------------------------------------------------- dev set figures


@dataclass(frozen=True, slots=True)
class Devset:
    """The domain figures of issue 3 on the dev set."""

    event_places: Resolution  # gold event_location spans that can be scored
    event_skipped: int  # event_location spans scored for recognition only (seas, rivers)
    metonyms: int
    metonyms_as_event: int
    recall_by_kind: dict[str, tuple[int, int]]  # kind -> (found, gold)
    event_right_by_kind: dict[str, tuple[int, int]]  # kind -> (right at 161 km, scored)
    regions_read_as_regions: tuple[int, int]  # gold adm1_region event places predicted as kind adm1
    role_confusion: dict[str, dict[str, int]]  # gold role -> predicted role (or "missed") -> count

    @property
    def metonym_rate(self):
        return _ratio(self.metonyms_as_event, self.metonyms)

    @property
    def role_accuracy(self):
        """Share of found gold mentions whose predicted role is the gold role."""
        found = sum(n for row in self.role_confusion.values() for r, n in row.items() if r != "missed")
        same = sum(self.role_confusion.get(r, {}).get(r, 0) for r in ROLES)
        return _ratio(same, found)

    def to_dict(self) -> dict:
        ep = self.event_places
        return {
            "event_places": ep.gold,
            "event_places_right_161km": _round(ep.accuracy),
            "event_places_right_25km": _round(ep.accuracy_near),
            "event_places_right_on_found": _round(ep.accuracy_found),
            "event_places_detail": ep.to_dict(),
            "event_places_recognition_only": self.event_skipped,
            "metonyms": self.metonyms,
            "metonyms_as_event_location": self.metonyms_as_event,
            "metonym_rate": _round(self.metonym_rate),
            "recall_by_kind": {k: {"found": f, "gold": g, "recall": _round(_ratio(f, g))} for k, (f, g) in self.recall_by_kind.items()},
            "event_right_by_kind": {k: {"right": r, "scored": n, "accuracy": _round(_ratio(r, n))} for k, (r, n) in self.event_right_by_kind.items()},
            "regions_read_as_regions": {"adm1": self.regions_read_as_regions[0], "of": self.regions_read_as_regions[1]},
            "role_accuracy": _round(self.role_accuracy),
            "role_confusion": self.role_confusion,
        }


def devset_scores(docs: Sequence[GoldDocument], predictions: Sequence[Sequence[ResolvedMention]]) -> Devset:
    """Event places right, metonyms taken as event locations, recall by kind, roles."""
    events: list[Judgement] = []
    skipped = metonyms = as_event = 0
    recall = {k: [0, 0] for k in DEVSET_KINDS}
    right_by_kind = {k: [0, 0] for k in DEVSET_KINDS}
    regions = [0, 0]
    confusion: dict[str, Counter] = {r: Counter() for r in ROLES}
    for doc, preds in _aligned(docs, predictions):
        for t in doc.toponyms:
            m = best_overlap(t, preds)
            kind = t.kind if t.kind in recall else "other_feature"
            recall[kind][1] += 1
            recall[kind][0] += m is not None
            if t.role in confusion:
                confusion[t.role][m.role if m is not None else "missed"] += 1
            if t.role == ACTOR_METONYM:
                metonyms += 1
                as_event += m is not None and m.role == EVENT_LOCATION
            if t.role != EVENT_LOCATION:
                continue
            if not t.resolvable:
                skipped += 1
                continue
            j = judge(t, m)
            events.append(j)
            right_by_kind[kind][1] += 1
            right_by_kind[kind][0] += j.right
            if t.kind == "adm1_region":
                regions[1] += 1
                regions[0] += bool(m is not None and m.place is not None and m.place.kind == "adm1")
    return Devset(
        event_places=resolution(events),
        event_skipped=skipped,
        metonyms=metonyms,
        metonyms_as_event=as_event,
        recall_by_kind={k: (f, g) for k, (f, g) in recall.items()},
        event_right_by_kind={k: (r, n) for k, (r, n) in right_by_kind.items()},
        regions_read_as_regions=(regions[0], regions[1]),
        role_confusion={r: dict(c) for r, c in confusion.items()},
    )


# --------------------------------------------------------------------------- error categories


def error_categories(
    docs: Sequence[GoldDocument], predictions: Sequence[Sequence[ResolvedMention]], *, include_adjectival: bool = False
) -> dict[str, dict[str, int]]:
    """Aggregate error counts for whoever improves the parser.

    ``missed`` by gold category (GWN type, GeoNames feature code, dev set
    kind), ``wrong`` resolutions by kind of mistake, ``false_positive``
    predictions by the shape of their surface and the kind of place chosen.
    """
    missed: Counter = Counter()
    wrong: Counter = Counter()
    spurious: Counter = Counter()
    for doc, preds in _aligned(docs, predictions):
        kept = [t for t in doc.toponyms if include_adjectival or not t.adjectival]
        for t in kept:
            m = best_overlap(t, preds)
            if m is None:
                missed[t.category or "?"] += 1
                continue
            if not t.resolvable:
                continue
            j = judge(t, m)
            if j.right:
                continue
            p = m.place
            if p is None:
                wrong["found, no place"] += 1
            elif t.level in (COUNTRY, ADM1) and (t.country_code is None or p.country_code == t.country_code):
                wrong[f"gold {t.level}: same country, other unit ({p.kind})"] += 1
            elif t.country_code and p.country_code != t.country_code:
                wrong[f"gold {t.level}: other country ({p.kind})"] += 1
            elif t.level == POINT and j.error_km is not None:
                wrong[f"gold point: {p.kind} > 161 km"] += 1
            else:
                wrong[f"gold {t.level}: other ({p.kind})"] += 1
        for m in preds:
            if any(overlap(t.start, t.end, m.start, m.end) for t in doc.toponyms):
                continue
            spurious[f"{_shape(doc.text, m)}, {m.place.kind if m.place else 'no place'}"] += 1
    return {
        "missed": dict(missed.most_common()),
        "wrong": dict(wrong.most_common()),
        "false_positive": dict(spurious.most_common()),
    }


def _shape(text: str, m: ResolvedMention) -> str:
    """Coarse surface shape of a mention: all caps, sentence start, multiword, single word."""
    s = m.surface
    if s.isupper() and len(s) > 1:
        return "all caps"
    before = text[max(0, m.start - 3) : m.start].strip()
    if m.start == 0 or before[-1:] in {".", "!", "?", "\n", '"', "“"} or not before:
        return "sentence start"
    return "multiword" if " " in s else "single word"


# --------------------------------------------------------------------------- one call


@dataclass(frozen=True)
class Report:
    """All figures for one gold corpus."""

    documents: int
    recognition: Recognition
    resolution: Resolution
    recognition_all: Recognition  # adjectival uses included
    resolution_all: Resolution
    devset: Devset | None = None
    adjectival_gold: int = 0
    failed: tuple[str, ...] = field(default=())
    events: EventScores | None = None  # dev set: events and area claims

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failed_documents": list(self.failed),
            "adjectival_gold_spans": self.adjectival_gold,
            "recognition": self.recognition.to_dict(),
            "resolution": self.resolution.to_dict(),
            "with_adjectival": {
                "recognition": self.recognition_all.to_dict(),
                "resolution": self.resolution_all.to_dict(),
            },
            "devset": self.devset.to_dict() if self.devset else None,
            "events": self.events.to_dict() if self.events else None,
        }


def evaluate(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    failed: Sequence[str] = (),
    parsed: Sequence | None = None,
) -> Report:
    """Every figure: headline (adjectival uses left out), with them, and the dev set's.

    ``parsed``: the ``ParsedDocument`` of each gold document (None where the
    parser failed); with it, dev set events and area claims are scored too.
    """
    dev = [i for i, d in enumerate(docs) if d.devset]
    devset = devset_scores([docs[i] for i in dev], [predictions[i] for i in dev]) if dev else None
    events = None
    if parsed is not None and dev:
        events = score_events([docs[i].annotations or {} for i in dev], [parsed[i] for i in dev])
    return Report(
        documents=len(docs),
        recognition=recognition(docs, predictions),
        resolution=resolution(j for _, _, j in judgements(docs, predictions)),
        recognition_all=recognition(docs, predictions, include_adjectival=True),
        resolution_all=resolution(j for _, _, j in judgements(docs, predictions, include_adjectival=True)),
        devset=devset,
        adjectival_gold=sum(t.adjectival for d in docs for t in d.toponyms),
        failed=tuple(failed),
        events=events,
    )
