"""Options shared by several subcommands, declared once (as rasterio's ``rio/options.py``)."""

from __future__ import annotations

import datetime as dt

import click


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")


paths_arg = click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True, path_type=str))
published_opt = click.option(
    "--published", callback=_parse_date, metavar="DATE",
    help="Publication date (YYYY-MM-DD) for documents that carry none; relative dates resolve from it.",
)
outlet_opt = click.option("--outlet", metavar="NAME", help="Outlet for documents that name none.")
json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
regions_opt = click.option(
    "--regions", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
    help="ADM1 boundaries (any file pyogrio reads) instead of the built-in Natural Earth ones.",
)
force_opt = click.option("--force", is_flag=True, help="Replace existing outputs.")
workers_opt = click.option(
    "--workers", "-j", type=click.IntRange(min=1), default=None,
    help="Worker processes (default: all cores).",
)
engine_opt = click.option(
    "--engine", type=click.Choice(["processes", "dask"]), default="processes", show_default=True,
    help="Run documents in local processes or on a Dask cluster.",
)
scheduler_opt = click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster).")
progress_opt = click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
no_cache_opt = click.option(
    "--no-cache", is_flag=True,
    help="Parse every document again: neither read nor fill the parse cache (see `strikemap cache info`).",
)
