"""Region-level summaries: one row per ADM1 unit with any report, and country totals.

Counts come only from what the events say: ``launched`` sums the weapon
counts events give (a kind named without a number adds nothing), and an
event counts for a region only when its location lies in that region (a
country-only report counts in ``country_totals`` alone).

>>> print(to_markdown(region_summary(events), country_totals(events)))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pandas as pd

from geo.model import RU, UA, AreaClaim, Event

#: Weapon kinds summed as missiles in ``launched_missiles``.
MISSILE_KINDS = ("ballistic_missile", "cruise_missile", "hypersonic_missile",
                 "anti_aircraft_missile", "missile_unspecified")
_COUNTS = ("events", "events_ru", "events_ua", "events_unknown", "launched", "launched_drones",
           "launched_missiles", "intercepted", "killed", "injured", "n_sources", "area_claims")
REGION_COLUMNS = ("admin1_code", "region", "country_code", *_COUNTS, "first_date", "last_date")
COUNTRY_COLUMNS = ("country_code", "country", "regions", *_COUNTS, "first_date", "last_date")
NO_LOCATION = "(no location)"


def _shared_fields(e: Event) -> set[str]:
    """Fields whose figure is one tally shared by several region-level reports."""
    return set(filter(None, e.qualifiers.get("shared", "").split(",")))


def _event_rows(events: Iterable[Event], *, shared: str = "drop") -> pd.DataFrame:
    """One row of counts per event.

    A tally shared by a group of region-level reports ("90 drones on the Kharkiv,
    Poltava and Kyiv regions") cannot be attributed to any one region: with
    ``shared="drop"`` its fields count nothing (region rows); with
    ``shared="once"`` they count once per group (country totals).
    """
    rows = []
    seen_groups: set[str] = set()
    for e in events:
        place = e.location.place if e.location else None
        counts = {k: n for k, n in e.weapons.items() if isinstance(n, int)}
        dropped = _shared_fields(e)
        if dropped and shared == "once":
            group = e.qualifiers.get("group", e.id)
            if group not in seen_groups:
                seen_groups.add(group)
                dropped = set()
        if "weapons" in dropped:
            counts = {}
        if dropped & {"intercepted", "killed", "injured"}:
            e = replace(e, **{f: None for f in dropped & {"intercepted", "killed", "injured"}})
        rows.append({
            "admin1_code": place.admin1_code if place else None,
            "region": place.admin1_name if place else None,
            "country_code": place.country_code if place else None,
            "events": 1,
            "events_ru": int(e.attacker == RU),
            "events_ua": int(e.attacker == UA),
            "events_unknown": int(e.attacker not in (RU, UA)),
            "launched": sum(counts.values()),
            "launched_drones": counts.get("drone", 0),
            "launched_missiles": sum(counts.get(k, 0) for k in MISSILE_KINDS),
            "intercepted": e.intercepted or 0,
            "killed": e.killed or 0,
            "injured": e.injured or 0,
            "area_claims": 0,
            "documents": frozenset(s.document for s in e.sources),
            "date": e.date,
            "attacker": e.attacker,
            # A salvo's figure told as a whole: a tally shared by several places, or a country's.
            "salvo": bool(counts or e.intercepted) and ("weapons" in _shared_fields(e) or (
                e.location is not None and e.location.precision == 4)),
        })
    return pd.DataFrame(rows, columns=[*REGION_COLUMNS[:3], *_COUNTS[:-2], "area_claims", "documents", "date",
                                       "attacker", "salvo"])


#: Figures a salvo told as a whole also holds for the places it hit.
_SALVO_FIGURES = ("launched", "launched_drones", "launched_missiles", "intercepted")


def _salvos_once(rows: pd.DataFrame) -> pd.DataFrame:
    """A salvo told as a whole ("120 drones overnight") and in parts ("six downed over X")
    is counted once: per country, night and side, each figure is the larger of the whole and the
    sum of the parts, not their sum. The parts keep their events; only their figures give way."""
    if rows.empty or not rows["salvo"].any():
        return rows
    out = rows.copy()
    for _, group in rows.groupby(["country_code", "date", "attacker"], dropna=False, sort=False):
        whole, parts = group[group["salvo"]], group[~group["salvo"]]
        if whole.empty or parts.empty:
            continue
        for col in _SALVO_FIGURES:
            told, split = int(whole[col].sum()), int(parts[col].sum())
            if told and split:
                out.loc[parts.index, col] = 0  # the parts' figures are inside the whole's ...
                out.loc[whole.index[0], col] = max(told, split) - int(whole[col].iloc[1:].sum())  # ... unless larger
    return out


def _claim_rows(claims: Iterable[AreaClaim]) -> pd.DataFrame:
    rows = [{
        "admin1_code": c.region.admin1_code if c.region else None,
        "region": c.region.admin1_name or c.region.name if c.region else None,
        "country_code": c.region.country_code if c.region else None,
        "area_claims": 1,
        "documents": frozenset(s.document for s in c.sources),
        "date": c.date,
    } for c in claims]
    return pd.DataFrame(rows, columns=["admin1_code", "region", "country_code", "area_claims", "documents", "date"])


def _aggregate(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum the counts per key; union the documents; first and last date."""
    counts = [c for c in _COUNTS if c != "n_sources"]
    for col in counts:
        rows[col] = rows[col].fillna(0).astype("int64")
    out = []
    for key, group in rows.groupby(keys, dropna=False, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        row = dict(zip(keys, key))
        row.update({c: int(group[c].sum()) for c in counts})
        row["n_sources"] = len(frozenset().union(*group["documents"]))
        dates = [d for d in group["date"] if d is not None and not pd.isna(d)]
        row["first_date"] = min(dates).isoformat() if dates else None
        row["last_date"] = max(dates).isoformat() if dates else None
        out.append(row)
    return pd.DataFrame(out)


def region_summary(events: Iterable[Event], claims: Iterable[AreaClaim] = ()) -> pd.DataFrame:
    """One row per ADM1 unit with any located event or area claim, busiest first."""
    rows = pd.concat([_event_rows(events), _claim_rows(claims)], ignore_index=True)
    rows = rows[rows["admin1_code"].notna()]
    if rows.empty:
        return _typed(pd.DataFrame(columns=list(REGION_COLUMNS)))
    # One name per code (the first given), so a unit never splits into two rows.
    names = rows.dropna(subset=["region"]).groupby("admin1_code")["region"].first()
    rows = rows.assign(region=rows["admin1_code"].map(names))
    out = _aggregate(rows, ["admin1_code", "region", "country_code"])
    out = out.sort_values(["events", "area_claims", "country_code", "admin1_code"],
                          ascending=[False, False, True, True], kind="stable")
    return _typed(out.reindex(columns=list(REGION_COLUMNS)).reset_index(drop=True))


def country_totals(events: Iterable[Event], claims: Iterable[AreaClaim] = ()) -> pd.DataFrame:
    """One row per country, over all events (region-level, place-level and country-only).

    Events with no location form a last row with ``country_code`` None.
    """
    events = list(events)
    claims = list(claims)
    rows = pd.concat([_salvos_once(_event_rows(events, shared="once")), _claim_rows(claims)], ignore_index=True)
    if rows.empty:
        return _typed(pd.DataFrame(columns=list(COUNTRY_COLUMNS)))
    out = _aggregate(rows.drop(columns=["admin1_code", "region", "attacker", "salvo"], errors="ignore"), ["country_code"])
    regions = region_summary(events, claims).groupby("country_code").size()
    out["regions"] = out["country_code"].map(regions).fillna(0).astype("int64")
    out["country"] = [_country_name(c) for c in out["country_code"]]
    out["_unlocated"] = out["country_code"].isna()
    out = out.sort_values(["_unlocated", "events", "country_code"], ascending=[True, False, True], kind="stable")
    return _typed(out.reindex(columns=list(COUNTRY_COLUMNS)).reset_index(drop=True))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for col in (*_COUNTS, "regions"):
        if col in df:
            df[col] = df[col].fillna(0).astype("int64")
    return df


def _country_name(code) -> str:
    if not isinstance(code, str) or not code:
        return NO_LOCATION
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return (getattr(country, "common_name", None) or country.name) if country else code


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(df: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table of ``df`` (numbers right-aligned)."""
    cols = list(df.columns)
    align = ["---:" if pd.api.types.is_numeric_dtype(df[c]) else "---" for c in cols]
    lines = ["| " + " | ".join(cols) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def to_markdown(regions: pd.DataFrame, countries: pd.DataFrame | None = None, *,
                title: str = "Reported strikes by region") -> str:
    """summary.md: the region table, then country totals, with a note on what counts."""
    parts = [f"# {title}", "",
             "One row per first-level region (ADM1) with any report. `launched` sums the weapon "
             "counts the reports give; `intercepted` the numbers reported shot down; `n_sources` "
             "counts distinct documents. Region rows count only events located inside the region, and "
             "leave out tallies a report shares across several regions (\"90 drones on the Kharkiv, "
             "Poltava and Kyiv regions\"); country totals count each such tally once and also count "
             "region-less and country-only reports.", "",
             "## Regions", ""]
    parts.append(markdown_table(regions) if len(regions) else "_No located reports._")
    if countries is not None:
        parts += ["", "## Countries", "", markdown_table(countries) if len(countries) else "_No reports._"]
    return "\n".join(parts) + "\n"
