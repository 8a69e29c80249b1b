"""`strikemap eval`: score the parser against a gold corpus."""

from __future__ import annotations

import json
import logging

import click

from geo.cli.options import json_opt

log = logging.getLogger(__name__)


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@json_opt
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Score only the first N documents.")
@click.option(
    "--include-adjectival", is_flag=True,
    help="Headline figures with adjectival and demonym uses (\"Russian\") counted as toponyms.",
)
def eval_cmd(gold: str, as_json: bool, limit: int | None, include_adjectival: bool) -> None:
    """Score recognition and resolution against GOLD, a gold JSON Lines corpus.

    GOLD is in the format of the benchmark corpora (LGL, GeoWebNews, TR-News,
    GeoVirus) or of the domain dev set. Every document is run through the
    full pipeline; figures follow Gritta et al. (Acc@161km, AUC of the log
    error curve) with countries and regions judged by code. A last table scores
    every rule on its own: how often it fired and how often it was right.

    \b
    strikemap eval ../shared/benchmarks/lgl/gold.jsonl --json | jq .resolution
    """
    from gazetteer import default_gazetteer
    from geo.evaluate.gold import attach_codes, load_gold
    from geo.evaluate.places import evaluate
    from geo.evaluate.rules import format_rule_scores, rule_scores
    from geo.model import StrikemapError

    try:
        docs = load_gold(gold)[:limit]
        gaz = default_gazetteer()
        docs = attach_codes(docs, gaz)
        parsed, failed = run_parser(docs, gaz)
    except StrikemapError as exc:
        raise click.ClickException(str(exc)) from None
    predictions = [p.mentions if p is not None else () for p in parsed]
    report = evaluate(docs, predictions, failed, parsed)
    rules = rule_scores(docs, parsed)
    if as_json:
        data = report.to_dict()
        data["rules"] = [r.to_dict() for r in rules]
        data["gold"] = gold
        data["headline_includes_adjectival"] = include_adjectival
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, gold, include_adjectival))
        click.echo("\n" + "\n".join(format_rule_scores(rules)))


def run_parser(docs, gaz):
    """Parse each gold text through the runner: ``ParsedDocument``s in order, and the ids a stage failed on."""
    from geo.pipeline import Pipeline
    from geo.runner import parse_many

    errors: list = []
    parsed = parse_many([doc.to_document() for doc in docs], pipeline=Pipeline(gaz), errors=errors, progress=False)
    for err in errors:
        log.warning("%s", err)
    return [None if p.error else p for p in parsed], [p.document.id for p in parsed if p.error]


def _fmt(x, digits=3) -> str:
    if x is None:
        return "-"
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def format_report(report, gold: str, include_adjectival: bool = False) -> str:
    """A readable table of every figure."""
    rec, res = (report.recognition_all, report.resolution_all) if include_adjectival else (report.recognition, report.resolution)
    other_rec, other_res = (report.recognition, report.resolution) if include_adjectival else (report.recognition_all, report.resolution_all)
    which = "adjectival uses included" if include_adjectival else "adjectival uses left out"
    other = "left out" if include_adjectival else "included"
    lines = [
        f"{gold}: {report.documents} documents ({which}; {report.adjectival_gold} adjectival gold spans)",
    ]
    if report.failed:
        lines.append(f"parser failed on {len(report.failed)} documents: {', '.join(report.failed[:10])}")
    lines += [
        "",
        "recognition            gold  pred      P      R     F1",
        f"  overlapping spans  {rec.gold:6d} {rec.predicted:5d}  {_fmt(rec.precision)}  {_fmt(rec.recall)}  {_fmt(rec.f1)}",
        f"  exact spans        {rec.gold:6d} {rec.predicted:5d}  {_fmt(rec.exact_precision)}  {_fmt(rec.exact_recall)}  {_fmt(rec.exact_f1)}",
        f"  overlapping, adjectival {other:8s} F1 {_fmt(other_rec.f1)}",
        "",
        "resolution (countries/ADM1 by code, others by distance)",
        f"  gold toponyms            {res.gold}",
        f"  found                    {res.found}",
        f"  Acc@161km end to end     {_fmt(res.accuracy)}   (adjectival {other}: {_fmt(other_res.accuracy)})",
        f"  Acc@161km on found       {_fmt(res.accuracy_found)}",
        f"  mean error km (found)    {_fmt(res.mean_km, 1)}",
        f"  median error km (found)  {_fmt(res.median_km, 1)}",
        f"  AUC end to end           {_fmt(res.auc)}   (missed = 20,039 km)",
        f"  AUC on found             {_fmt(res.auc_found)}",
    ]
    dev = report.devset
    if dev is not None:
        ep = dev.event_places
        lines += [
            "",
            "dev set",
            f"  event places scored              {ep.gold}  (+{dev.event_skipped} seas/rivers: recognition only)",
            f"  event places right (161 km/code) {_fmt(ep.accuracy)}",
            f"  event places right (25 km/code)  {_fmt(ep.accuracy_near)}",
            f"  metonyms taken as event location {dev.metonyms_as_event}/{dev.metonyms} = {_fmt(dev.metonym_rate)}",
            f"  role accuracy (found mentions)   {_fmt(dev.role_accuracy)}",
            f"  regions read as ADM1 units       {dev.regions_read_as_regions[0]}/{dev.regions_read_as_regions[1]}",
            f"  villages, hromadas, districts, sites ({dev.small_places[2]}): in the right oblast "
            f"{_fmt(dev.small_places_right)} ({dev.small_places[0]}), on a namesake elsewhere "
            f"{_fmt(dev.small_places_elsewhere)} ({dev.small_places[1]})",
            "  kind            recall   found/gold   event places right",
        ]
        for kind, (found, n) in dev.recall_by_kind.items():
            r, scored = dev.event_right_by_kind[kind]
            lines.append(
                f"  {kind:14s}  {_fmt(found / n if n else None)}   {found:4d}/{n:<4d}    "
                f"{_fmt(r / scored if scored else None)} ({r}/{scored})"
            )
        lines.append("  roles (gold -> predicted): " + "; ".join(
            f"{g}: " + ", ".join(f"{p} {n}" for p, n in sorted(row.items())) for g, row in dev.role_confusion.items()
        ))
    if report.events is not None:
        lines += ["", "dev set events and area claims"]
        for label, num, den, ratio in report.events.rows():
            lines.append(f"  {label:52s} {num:4d}/{den:<4d} {_fmt(ratio)}")
    return "\n".join(lines)
