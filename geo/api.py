"""The Python API: ``analyze(paths or texts) -> Report``, for notebooks and scripts.

>>> import geo
>>> report = geo.analyze(["seeds/"])                                # doctest: +SKIP
>>> report.events.query("attacker == 'RU'")[["place_name", "w_drone"]]  # doctest: +SKIP
>>> report.write("out/", force=True)                                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.model import AreaClaim, Document, Event, InputError, ParsedDocument, StrikemapError
from geo.outputs.atomic import atomic_path, prepare_outdir, write_text
from geo.text.documents import InputWarning, is_failure

#: Files ``Report.write`` produces, in the order written.
OUTPUTS = ("events.geojson", "area_claims.geojson", "events.csv", "regions.csv", "summary.md", "map.html")


@dataclass
class Report:
    """What a run found: parsed documents, input problems, events and claims.

    Tables are built on first access: ``events`` and ``area_claims`` are
    GeoDataFrames (EPSG:4326, flat columns, see ``geo.outputs.export``), ``regions``
    and ``countries`` DataFrames (see ``geo.outputs.summary``).
    """

    documents: list[ParsedDocument]
    errors: list[InputError] = field(default_factory=list)
    event_list: list[Event] = field(default_factory=list)
    claim_list: list[AreaClaim] = field(default_factory=list)
    #: Documents read (``documents`` is empty when a streaming run did not keep them).
    n_documents: int | None = None

    def __post_init__(self):
        if self.n_documents is None:
            self.n_documents = len(self.documents)

    def with_control(self, snapshots) -> "Report":
        """The same report, attackers the reports did not name re-inferred from control files."""
        from geo.control import infer_attackers

        return Report(self.documents, self.errors, infer_attackers(self.event_list, snapshots), self.claim_list,
                      self.n_documents)

    @property
    def failures(self) -> list[InputError]:
        """Inputs that could not be read (errors, not warnings)."""
        return [e for e in self.errors if is_failure(e)]

    @property
    def warnings(self) -> list[InputWarning]:
        return [e for e in self.errors if not is_failure(e)]

    @cached_property
    def events(self) -> gpd.GeoDataFrame:
        from geo.outputs.export import events_frame

        return events_frame(self.event_list)

    @cached_property
    def area_claims(self) -> gpd.GeoDataFrame:
        from geo.outputs.export import claims_frame
        from maps.zones import claim_zones  # the map's indicative zones, as polygons in the table

        return claims_frame(self.claim_list, claim_zones(self.claim_list))

    @cached_property
    def regions(self) -> pd.DataFrame:
        from geo.outputs.summary import region_summary

        return region_summary(self.event_list, self.claim_list)

    @cached_property
    def countries(self) -> pd.DataFrame:
        from geo.outputs.summary import country_totals

        return country_totals(self.event_list, self.claim_list)

    @cached_property
    def acled(self) -> pd.DataFrame:
        """Events with ACLED-like columns (``events.csv``)."""
        from geo.outputs.export import acled_frame

        return acled_frame(self.event_list)

    def summary_markdown(self) -> str:
        from geo.outputs.summary import to_markdown

        return to_markdown(self.regions, self.countries)

    def to_map(self, **kw):
        """A ``folium.Map`` of the events and claims (keywords go to ``maps.render_map``)."""
        try:
            import maps
            render_map = maps.render_map
        except (ImportError, AttributeError) as exc:
            raise StrikemapError(f"map rendering is not available: the maps package has no render_map ({exc})") from None
        return render_map(self.event_list, self.claim_list, **kw)

    def to_geojson(self, path: str | os.PathLike | None = None) -> dict | Path:
        """The events as RFC 7946 GeoJSON: written to ``path`` (returned), or returned as a dict."""
        from geo.outputs.export import write_events

        if path is not None:
            return write_events(self.events, path, "geojson")
        return json.loads(self.events.to_json(na="null", drop_id=True, to_wgs84=True))

    def write(self, outdir: str | os.PathLike, force: bool = False, cdn: bool = False, regions=None,
              control=None, frontline=None, title: str | None = None) -> dict[str, Path]:
        """Write every output into ``outdir``; return name -> path of what was written.

        Refuses an existing non-empty ``outdir`` unless ``force``. Each file is
        written atomically. The data files are written first; if the map
        cannot be drawn, they stay and a ``StrikemapError`` says why.
        """
        from geo.outputs.export import write_events, write_table

        out = prepare_outdir(outdir, force)
        written = {
            "events.geojson": write_events(self.events, out / "events.geojson", "geojson"),
            "area_claims.geojson": write_events(self.area_claims, out / "area_claims.geojson", "geojson",
                                                layer="area_claims"),
            "events.csv": write_table(self.acled, out / "events.csv"),
            "regions.csv": write_table(self.regions, out / "regions.csv"),
            "summary.md": write_text(out / "summary.md", self.summary_markdown()),
        }
        fmap = self.to_map(regions=regions, control=control, frontline=frontline,
                           title=title or _default_title(self), cdn=cdn, documents_count=self.n_documents)
        import maps

        if hasattr(maps, "save_map"):
            maps.save_map(fmap, out / "map.html")  # atomic
        else:
            with atomic_path(out / "map.html") as tmp:
                fmap.save(str(tmp))
        written["map.html"] = out / "map.html"
        return written


def _default_title(report: Report) -> str:
    dates = sorted(e.date for e in report.event_list if e.date)
    n = report.n_documents
    span = ""
    if dates:
        span = f", {dates[0].isoformat()}" + (f" to {dates[-1].isoformat()}" if dates[-1] != dates[0] else "")
    return f"Reported strikes: {n} report{'s' if n != 1 else ''}{span}"


def gather_documents(
    paths_or_texts, *, published: dt.date | None = None, outlet: str | None = None,
) -> tuple[list[Document], list[InputError]]:
    """Documents from paths (files, folders), texts and ``Document`` objects, in order, and the
    problems met reading them (see ``geo.runner.read_inputs``)."""
    from geo.runner import read_inputs

    docs: list[Document] = []
    problems: list[InputError] = []
    for item in read_inputs(paths_or_texts, published=published, outlet=outlet):
        (problems if isinstance(item, InputError) else docs).append(item)
    return docs, problems


def analyze(
    paths_or_texts: Iterable | str | os.PathLike, published: dt.date | str | None = None,
    outlet: str | None = None, workers: int | None = None, engine: str = "processes",
    scheduler=None, fuse: bool = True, progress: bool | None = False, cache=True, keep_documents: bool = True,
    pipeline=None,
) -> Report:
    """Read, parse and (by default) fuse reports; return a ``Report``.

    ``paths_or_texts``: paths of files or folders, report texts, ``Document``
    objects, or a mix. ``published``/``outlet`` fill what the inputs do not
    give. ``workers``/``engine``/``scheduler``/``cache`` as in
    ``geo.runner.parse_stream`` (default: all cores in local processes, the
    parse cache on). ``keep_documents=False`` streams: each document is
    dropped once read, ``report.documents`` stays empty and only the events,
    claims and problems are kept (on Dask, fusion then runs on the cluster).
    Bad inputs, and documents a pipeline stage failed on, land in
    ``report.errors``; they never raise. ``pipeline``: a
    :class:`~geo.pipeline.Pipeline` of your own (its stages, gazetteer and
    cache; ``cache`` is then ignored), handed whole to the engine.
    """
    from geo.pipeline import Pipeline
    from geo.runner import collect, read_inputs

    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise StrikemapError(f"published {published!r} is not a date (YYYY-MM-DD)") from None
    pipeline = pipeline if pipeline is not None else Pipeline(cache=cache)
    got = collect(read_inputs(paths_or_texts, published=published, outlet=outlet), fuse=fuse,
                  keep_documents=keep_documents, engine=engine, workers=workers, scheduler=scheduler,
                  progress=progress, pipeline=pipeline)
    return Report(got.documents, got.problems, got.events, got.claims, n_documents=got.n_documents)
