"""`strikemap summary`: per-region and per-country totals of the events in PATHS."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geo.cli.batch_options import analyze_paths, batch_options, exit_status, user_errors


@click.command("summary")
@batch_options
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True,
              help="Markdown tables, CSV of the regions, or JSON with regions and countries.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE (atomically) instead of stdout.")
@user_errors
def summary_cmd(paths, published, outlet, workers, engine, scheduler, progress, no_cache, fmt, output):
    """Summarise reports by first-level region (ADM1) and country.

    One row per region with any report: events by attacker, weapons launched
    and intercepted, killed, injured, number of sources, first and last date.

    \b
    strikemap summary reports/ --format csv > regions.csv
    """
    report = analyze_paths(paths, published=published, outlet=outlet, workers=workers, engine=engine,
                           scheduler=scheduler, progress=progress, no_cache=no_cache)
    if fmt == "md":
        text = report.summary_markdown()
    elif fmt == "csv":
        text = report.regions.to_csv(index=False)
    else:
        text = json.dumps({
            "regions": json.loads(report.regions.to_json(orient="records")),
            "countries": json.loads(report.countries.to_json(orient="records")),
        }, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        from geo.outputs.atomic import write_text

        write_text(output, text)
    exit_status(report)
