"""`strikemap export`: events (or area claims) as one GeoJSON, GeoPackage, CSV or Parquet file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geo.cli.batch_options import analyze_paths, batch_options, exit_status, user_errors
from geo.cli.options import force_opt
from geo.model import StrikemapError

STREAMABLE = ("geojson", "csv")


@click.command("export")
@batch_options
@click.option("--format", "fmt", type=click.Choice(["geojson", "gpkg", "csv", "parquet"]), default=None,
              help="Output format (default: from the file's suffix; geojson on stdout).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="File to write (default: stdout, for geojson and csv).")
@click.option("--claims", is_flag=True, help="Export the area-of-control claims instead of the events.")
@click.option("--acled", is_flag=True, help="CSV with ACLED-like columns (implies --format csv).")
@force_opt
@user_errors
def export_cmd(paths, published, outlet, workers, engine, scheduler, progress, no_cache, fmt, output, claims, acled,
               force):
    """Export the events found in PATHS as one file.

    GeoJSON is RFC 7946 (lon/lat, WGS84) with flat properties; CSV carries
    longitude/latitude columns; GeoPackage and Parquet keep the geometry.

    \b
    strikemap export reports/ --format gpkg -o events.gpkg
    """
    from geo.outputs.export import FORMATS, write_events, write_table

    if acled:
        fmt = fmt or "csv"
        if fmt != "csv" or claims:
            raise click.UsageError("--acled writes CSV events only")
    if fmt is None:
        suffix = output.suffix.lstrip(".").lower() if output else "geojson"
        fmt = {"json": "geojson"}.get(suffix, suffix)
        if fmt not in FORMATS:
            raise click.UsageError(f"cannot tell the format from {output.name!r}; give --format")
    if output is None and fmt not in STREAMABLE:
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    if output is not None and output.exists() and not force:
        raise StrikemapError(f"{output}: exists; use --force to replace it")
    report = analyze_paths(paths, published=published, outlet=outlet, workers=workers, engine=engine,
                           scheduler=scheduler, progress=progress, no_cache=no_cache)
    frame = report.acled if acled else (report.area_claims if claims else report.events)
    if output is None:
        _to_stdout(frame, fmt)
    elif acled:
        write_table(frame, output)
    else:
        write_events(frame, output, fmt, layer="area_claims" if claims else "events")
    exit_status(report)


def _to_stdout(frame, fmt: str) -> None:
    if fmt == "geojson" and hasattr(frame, "geometry"):
        sys.stdout.write(frame.to_json(na="null", drop_id=True, to_wgs84=True) + "\n")
    else:
        from geo.outputs.export import _plain

        table = _plain(frame) if hasattr(frame, "geometry") else frame
        table.to_csv(sys.stdout, index=False)
