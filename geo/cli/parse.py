"""`strikemap parse`: the place mentions (and events) read from each report."""

from __future__ import annotations

import json

import click

from geo.cli.batch_options import report_problems, user_errors
from geo.cli.options import json_opt, no_cache_opt, outlet_opt, paths_arg, progress_opt, published_opt, workers_opt

_COLUMNS = ("doc", "surface", "role", "prec", "place", "kind", "cc", "admin1", "lat", "lon")


@click.command("parse")
@paths_arg
@published_opt
@outlet_opt
@json_opt
@workers_opt
@progress_opt
@no_cache_opt
@click.option("--explain", is_flag=True,
              help="Say which rule read each mention (its reading and its role) and made each event, and why.")
@user_errors
def parse_cmd(paths, published, outlet, as_json, workers, progress, no_cache, explain):
    """Find and resolve the place mentions of each report.

    PATHS are .txt/.md files, .jsonl corpora (one report a line) or folders;
    with none, the built-in seed reports. With --json, one JSON object per
    document, streamed as each is ready, in input order (JSON Lines: id as
    the input gave it, path, line, mentions with start, end, surface, role,
    precision, place and container, events, area_claims; "error" when a
    pipeline stage failed on that document); otherwise a table. A name the
    text calls a place but the gazetteer lacks ("the village of X in the Y
    region") has place null and, when the text names one, the region or
    town it is in or near as its container. Bad inputs are reported on
    stderr and skipped; the exit status is 1 if any failed.

    \b
    Every mention carries the reading rule that placed it (``rule``) and the
    role rule that gave its role (``role_rule``), and every event the rule
    that made it (``rule``); --explain prints them beside each mention and
    event with their reasons (in JSON: a ``reason`` for each).

    \b
    strikemap parse report.txt --json | jq '.mentions[] | select(.role == "event_location")'
    strikemap parse report.txt --explain
    """
    from geo.model import ParsedDocument
    from geo.pipeline import Pipeline
    from geo.runner import run
    from geo.text.documents import SkippedDocument, builtin_seeds, is_failure

    if not paths:
        paths = [str(builtin_seeds())]
    failures = 0
    why = _reasons() if explain else {}
    if not as_json:
        click.echo(_row(_COLUMNS + (("rule", "role rule") if explain else ())))
    pipeline = Pipeline(cache=not no_cache)
    for result in run(list(paths), published=published, outlet=outlet, workers=workers, progress=progress,
                      pipeline=pipeline):
        if not isinstance(result, ParsedDocument):
            report_problems([result])
            failures += is_failure(result)
            doc = result.document if isinstance(result, SkippedDocument) else None
            if as_json and doc is not None:  # skipped for its language: the id still comes back
                click.echo(json.dumps({"id": doc.id, "path": doc.path, "line": doc.line, "language": doc.language,
                                       "skipped": result.problem, "mentions": [], "events": [], "area_claims": []},
                                      ensure_ascii=False))
        elif as_json:
            data = result.to_dict()
            if explain:
                for item in data["mentions"] + data["events"]:
                    item["reason"] = "; ".join(why.get(r, "") for r in (item.get("rule"), item.get("role_rule")) if r)
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            for m in result.mentions:
                extra = (m.rule or "-", m.role_rule or "-") if explain else ()
                click.echo(_row(_cells(result.document.id, m) + extra))
            if explain:
                for e in result.events:
                    where = e.location.place.name if e.location and e.location.place else "?"
                    click.echo(f"  event {e.id}: {e.type} at {where}, attacker {e.attacker} ({e.attacker_basis}); "
                               f"rule {e.rule}: {why.get(e.rule, '')}")
    if failures:
        click.echo(f"error: {failures} input{'s' if failures != 1 else ''} failed; the rest were processed", err=True)
        raise SystemExit(1)


def _cells(doc_id: str, m) -> tuple:
    """One table row; a place the gazetteer lacks shows as "?" with the region or town it is in or near."""
    p = m.place
    if p is None:
        c = m.container
        where = "-" if c is None else (c.admin1_name or c.name if c.kind == "adm1" else f"near {c.name}")
        return (doc_id, m.surface, m.role, m.precision, "? (not in gazetteer)", "-",
                (c.country_code or "-") if c else "-", where, "-", "-")
    return (
        doc_id, m.surface, m.role, m.precision,
        p.name, p.kind, p.country_code or "-", p.admin1_name or p.admin1_code or "-",
        f"{p.lat:.4f}", f"{p.lon:.4f}",
    )


_WIDTHS = (14, 28, 14, 4, 26, 8, 3, 22, 9, 9, 22, 22)


def _reasons() -> dict[str, str]:
    """Every rule's one-line reason, by name (reading, role and event rules)."""
    from geo.events.building import EVENT_TYPE_RULES
    from geo.places import roles
    from geo.places.readings import READING_RULES
    from geo.rules import reasons

    return reasons(READING_RULES, roles.ROLE_RULES, roles.ROLE_PASSES, EVENT_TYPE_RULES)


def _row(cells) -> str:
    """Fixed-width columns; long cells are cut with an ellipsis so rows stay aligned."""
    out = []
    for value, width in zip(cells, _WIDTHS):
        text = str(value).replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        out.append(text.ljust(width))
    return " ".join(out).rstrip()
