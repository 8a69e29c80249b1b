"""`strikemap gazetteer`: search the offline gazetteer, show what it holds, rebuild it."""

from __future__ import annotations

import json

import click

from geo.cli.options import json_opt

from gazetteer.model import KINDS as _KINDS


@click.group("gazetteer")
def gazetteer_group():
    """The offline gazetteer (GeoNames CC-BY 4.0, ADM1 regions, curated features).

    \b
    strikemap gazetteer search "Sumy oblast" --json | jq '.[0].admin1_code'
    """


def _open():
    from gazetteer import default_gazetteer
    from gazetteer.store import StoreError

    try:
        return default_gazetteer()
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
    spelling (Kharkov, Zaporozhye) or Cyrillic (Київ). Each Ukrainian place
    shows its hierarchy (hromada, raion, oblast; ``hromada``, ``raion`` and
    ``admin1_name`` in JSON); a village GeoNames lacks is placed at its
    hromada's centre and says so (``placement``).

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
        # The hierarchy, finest first: hromada, raion, oblast, country ("Tokmatska hromada, Polohivskyi Raion, ...").
        where = ", ".join(x for x in (p.hromada, p.raion, p.admin1_name if p.kind != "adm1" else None, p.country_code) if x)
        note = _PLACEMENT_NOTES.get(p.placement or "", "")
        click.echo(
            f"{p.score:6.3f}  {p.geonameid:>9}  {p.kind:<7}  {p.name}"
            + (f" ({where})" if where else "")
            + f"  {p.lat:.4f},{p.lon:.4f}  pop {p.population:,}{note}"
        )


#: What ``gazetteer search`` says after a place whose point is borrowed (``Place.placement``).
_PLACEMENT_NOTES = {"hromada_centre": "  (placed at its hromada's centre)",
                    "site_town": "  (placed at the town it lies in)"}


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
    for key, text in sources.items():  # every source with its licence and edition, as the store recorded them
        if key not in ("versions", "geonames_dumps") and isinstance(text, str):
            click.echo(f"source:     {text}")
    versions = sources.get("versions", {})
    if versions:
        click.echo("versions:   " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    dumps = info.get("geonames_files") or []
    if not dumps:
        click.echo("dumps:      none (built-in store; add with `strikemap gazetteer build --geonames FILE...`)")
    for d in dumps:
        click.echo(f"dump:       {d['name']} ({d['size']:,} bytes, sha256 {d['sha256'][:16]}, {d['added']:,} places "
                   f"added, {d['skipped']:,} bad lines skipped) from {d['path']}")


@gazetteer_group.command("build")
@click.option("--geonames", "dumps", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="A GeoNames dump (UA.zip, RU.zip, allCountries.zip or its .txt) to add; repeat for several. "
                   "Later runs use this larger store until `gazetteer build` without it.")
@click.argument("more", nargs=-1, type=click.Path(dir_okay=False), metavar="[FILE]...")
def build_cmd(dumps: tuple[str, ...], more: tuple[str, ...]) -> None:
    """Rebuild the gazetteer store from the installed data, or with GeoNames dumps.

    Without --geonames: rebuild the built-in store (GeoNames places of 500
    people or more); if the store was built with dumps, return to the
    built-in store instead (rebuilt only when out of date). With --geonames FILE...: the built-in
    data plus every populated place and ADM1/ADM2 unit of the dumps, which
    you download yourself from download.geonames.org/export/dump/ (CC-BY 4.0);
    the store records the files (name, size, SHA-256) and later runs use it.

    \b
    strikemap gazetteer build --geonames UA.zip RU.zip && strikemap gazetteer info
    """
    from gazetteer import store
    from gazetteer.geonames import DumpError

    if more and not dumps:
        raise click.UsageError("FILE arguments need --geonames (strikemap gazetteer build --geonames UA.zip RU.zip)")
    try:
        if dumps:
            path = store.use_geonames([*dumps, *more])
        else:
            path = store.use_builtin(rebuild=not store.selection(store.usable_dir()))
    except (store.StoreError, DumpError, OSError) as exc:
        raise click.ClickException(str(exc))
    from gazetteer import Gazetteer

    info = Gazetteer(path).info()
    added = sum(d["added"] for d in info["geonames_files"])
    click.echo(f"built {info['path']} ({info['size_mb']} MB, {info['counts'].get('place', 0):,} places"
               + (f", {added:,} from GeoNames dumps" if info["geonames_files"] else "") + ")")
