"""`strikemap cache`: see and empty the parse cache (what was read from each document before)."""

from __future__ import annotations

import json

import click

from geo.cli.options import json_opt


@click.group("cache")
def cache_group():
    """The parse cache: results of documents parsed before, reused while the pipeline is unchanged.

    It lives beside the gazetteer store ($STRIKEMAP_CACHE_DIR, or the user
    cache directory); $STRIKEMAP_PARSE_CACHE names another file, or "off".
    A code change, a rebuilt gazetteer store or another stage list is a new
    pipeline version: its documents are parsed again.

    \b
    strikemap cache info && strikemap cache clear --stale
    """


def _current_version() -> str | None:
    """This installation's pipeline version (opens the gazetteer store, building it if needed)."""
    from gazetteer.store import StoreError
    from geo.pipeline import Pipeline

    try:
        return Pipeline().version
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"gazetteer store: {exc}")


@cache_group.command("info")
@json_opt
def info_cmd(as_json: bool) -> None:
    """Where the parse cache is, its size, and how many entries this pipeline version can use.

    \b
    strikemap cache info --json | jq .current_entries
    """
    from geo.cache import info

    data = info(version=_current_version())
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    if not data["enabled"]:
        click.echo("parse cache: off ($STRIKEMAP_PARSE_CACHE)")
        return
    click.echo(f"cache:      {data['path']} ({data['size_mb']} MB{'' if data['exists'] else ', not created yet'})")
    click.echo(f"version:    {data['current_version']}")
    others = data["versions"] - (1 if data["current_entries"] else 0)
    click.echo(f"entries:    {data['current_entries']:,} for this version; "
               f"{data['entries'] - data['current_entries']:,} of {others} other version{'s' if others != 1 else ''}")
    if data.get("last_written"):
        click.echo(f"written:    {data['last_written']}")
    if data.get("error"):
        click.echo(f"error:      {data['error']}")


@cache_group.command("clear")
@click.option("--stale", is_flag=True, help="Only entries of other pipeline versions (this version's stay).")
def clear_cmd(stale: bool) -> None:
    """Empty the parse cache (or, with --stale, drop what this version cannot use).

    \b
    strikemap cache clear
    """
    from geo.cache import clear, default_path

    path = default_path()
    if path is None:
        click.echo("parse cache: off ($STRIKEMAP_PARSE_CACHE); nothing to clear")
        return
    n = clear(path, keep_version=_current_version() if stale else None)
    click.echo(f"removed {n:,} entries from {path}")
