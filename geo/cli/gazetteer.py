"""`strikemap gazetteer`: search the offline gazetteer, show what it holds, rebuild it."""

from __future__ import annotations

import json

import click

from geo.cli.options import json_opt

_KINDS = ("country", "adm1", "place", "feature")


@click.group("gazetteer")
def gazetteer_group():
    """The offline gazetteer (GeoNames CC-BY 4.0, ADM1 regions, curated features).

    \b
    strikemap gazetteer search "Sumy oblast" --json | jq '.[0].admin1_code'
    """


def _open(rebuild: bool = False):
    from gazetteer import Gazetteer, default_gazetteer
    from gazetteer.store import StoreError

    try:
        return Gazetteer.open(rebuild=True) if rebuild else default_gazetteer()
    except (StoreError, OSError) as exc:
        raise click.ClickException(f"gazetteer store: {exc}")


@gazetteer_group.command("search")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166-1 alpha-2).")
@click.option("--kind", type=click.Choice(_KINDS), help="Only places of this kind.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, metavar="N", help="At most N results.")
@json_opt
def search_cmd(name: str, country: str | None, kind: str | None, limit: int, as_json: bool) -> None:
    """Places called NAME, best first.

    NAME may be a region phrase ("Kursk region", "Sumska oblast"), a variant
    spelling (Kharkov, Zaporozhye) or Cyrillic (Київ).

    \b
    strikemap gazetteer search Kharkov --country UA --limit 3
    """
    if not name.strip():
        raise click.BadParameter("NAME is empty", param_hint="NAME")
    if country is not None and not (len(country.strip()) == 2 and country.strip().isalpha()):
        raise click.BadParameter(f"{country!r} is not a two-letter country code", param_hint="--country")
    places = _open().search(name, country=country, kind=kind, limit=limit)
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2))
        return
    if not places:
        click.echo(f"no place called {name!r}", err=True)
        raise SystemExit(1)
    for p in places:
        where = ", ".join(x for x in (p.admin1_name if p.kind != "adm1" else None, p.country_code) if x)
        click.echo(
            f"{p.score:6.3f}  {p.geonameid:>9}  {p.kind:<7}  {p.name}"
            + (f" ({where})" if where else "")
            + f"  {p.lat:.4f},{p.lon:.4f}  pop {p.population:,}"
        )


@gazetteer_group.command("info")
@json_opt
def info_cmd(as_json: bool) -> None:
    """Sources, counts, build date and location of the gazetteer store.

    \b
    strikemap gazetteer info
    """
    info = _open().info()
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"store:      {info['path']} ({info['size_mb']} MB)")
    click.echo(f"built:      {info['built']}")
    click.echo(f"input hash: {info['input_hash'][:16]}")
    counts = info["counts"]
    click.echo("counts:     " + ", ".join(f"{counts.get(k, 0):,} {k}" for k in (*_KINDS, "names")))
    sources = info["sources"]
    for key in ("geonames", "adm1", "supplement"):
        if key in sources:
            click.echo(f"source:     {sources[key]}")
    versions = sources.get("versions", {})
    if versions:
        click.echo("versions:   " + ", ".join(f"{k} {v}" for k, v in versions.items()))


@gazetteer_group.command("build")
def build_cmd() -> None:
    """Rebuild the gazetteer store from the installed data (about a minute).

    \b
    strikemap gazetteer build && strikemap gazetteer info
    """
    gaz = _open(rebuild=True)
    info = gaz.info()
    click.echo(f"built {info['path']} ({info['size_mb']} MB, {info['counts'].get('place', 0):,} places)")
