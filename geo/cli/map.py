"""`strikemap map`: reports in, a folder of map, GeoJSON, CSV and summary out."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli.batch_options import analyze_paths, batch_options, exit_status, user_errors
from geo.cli.options import force_opt, regions_opt

control_opt = click.option(
    "--control", type=click.Path(exists=True, dir_okay=False), metavar="FILE", multiple=True,
    help="Areas of control (a DeepStateMap-style GeoJSON as it is, KML, anything GDAL reads); "
         "repeat for several dates. Each date is a layer with its front line derived from the areas' edge.",
)
control_label_opt = click.option(
    "--control-label", metavar="TEXT", multiple=True,
    help="The source of the --control files, shown on the map and credited (default: from the file name); "
         "once for all files or once per file.",
)
frontline_opt = click.option(
    "--frontline", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
    help="Front lines (GeoJSON, KML) to draw.",
)


@click.command("map")
@batch_options
@click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write the outputs into.")
@force_opt
@regions_opt
@control_opt
@control_label_opt
@frontline_opt
@click.option("--title", metavar="TEXT", help="Map title (default: the number of reports and the dates).")
@click.option("--cdn", is_flag=True, help="Load Leaflet from a CDN instead of embedding it (smaller page, needs network).")
@user_errors
def map_cmd(paths, published, outlet, workers, engine, scheduler, progress, no_cache, outdir, force, regions,
            control, control_label, frontline, title, cdn):
    """Map reports: OUTDIR/map.html, events.geojson, area_claims.geojson,
    events.csv (ACLED-like), regions.csv and summary.md.

    PATHS are .txt/.md files, .jsonl corpora or folders; with none, the
    built-in seeds/ reports. Bad inputs are reported and skipped; the exit
    status is 1 if any failed.

    \b
    strikemap map reports/ -o out/ --force --control deepstatemap_data_20250319.geojson
    """
    from geo.outputs.atomic import check_outdir
    from geo.overlays import read_controls

    check_outdir(outdir, force)  # before any work
    control = read_controls(control, control_label) or None  # a bad file fails here, before the analysis
    report = analyze_paths(paths, published=published, outlet=outlet, workers=workers, engine=engine,
                           scheduler=scheduler, progress=progress, no_cache=no_cache)
    if control:
        report = report.with_control(control)  # who holds a place informs who struck it
    report.write(outdir, force=force, cdn=cdn, regions=regions, control=control, frontline=frontline,
                 title=title)
    click.echo(f"{len(report.event_list)} events and {len(report.claim_list)} area claims from "
               f"{report.n_documents} documents written to {outdir}/", err=True)
    exit_status(report)
