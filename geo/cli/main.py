"""Entry point of the ``strikemap`` command."""

from __future__ import annotations

import logging

import click

from geo.cli.cache import cache_group
from geo.cli.eval import eval_cmd
from geo.cli.export import export_cmd
from geo.cli.gazetteer import gazetteer_group
from geo.cli.map import map_cmd
from geo.cli.parse import parse_cmd
from geo.cli.summary import summary_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="strikemap")
@click.option("-v", "--verbose", count=True, help="More log output (repeatable).")
def cli(verbose: int) -> None:
    """Geocoded, sourced strike events from news reports on the Russia-Ukraine war.

    Place names resolve through an offline gazetteer built from GeoNames
    (CC-BY 4.0, geonames.org); no network is used.

    \b
    strikemap map -o out/            # map the built-in seed reports
    strikemap parse report.txt --json | jq .
    """
    logging.basicConfig(level=logging.WARNING - 10 * verbose, format="%(levelname)s %(name)s: %(message)s")


cli.add_command(gazetteer_group)
cli.add_command(parse_cmd)
cli.add_command(eval_cmd)
cli.add_command(map_cmd)
cli.add_command(export_cmd)
cli.add_command(summary_cmd)
cli.add_command(cache_group)


if __name__ == "__main__":
    cli()
