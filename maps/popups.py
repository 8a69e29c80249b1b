"""Popup and tooltip HTML for events, regions and control areas.

Every piece of text that comes from an article, a claim or a user file goes
through :func:`esc` (``html.escape``): Leaflet inserts popup and tooltip
strings as HTML, so a report quoting ``<script>`` must show as text.

>>> esc('<img src=x onerror=alert(1)>')
'&lt;img src=x onerror=alert(1)&gt;'
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from geo.model import INTERCEPTION, AreaClaim, Event, Source
from maps.style import SIDE_NAMES


def esc(value: object) -> str:
    """HTML-escape any value (None becomes an empty string)."""
    return "" if value is None else html.escape(str(value), quote=True)


def words(code: str | None) -> str:
    """``"ballistic_missile"`` -> ``"ballistic missile"``."""
    return (code or "").replace("_", " ")


def side_name(side: str | None) -> str:
    return SIDE_NAMES.get(side or "", words(side) or "unknown side")


def _date(d: dt.date | None, precision: str | None = None) -> str:
    if d is None:
        return "date not stated"
    text = d.isoformat()
    return text if precision in (None, "day") else f"{text} (to the {precision})"


def _row(label: str, value_html: str) -> str:
    return f'<tr><th style="text-align:left;padding-right:6px;vertical-align:top">{esc(label)}</th><td>{value_html}</td></tr>'


def _qual(event: Event, key: str) -> str:
    q = event.qualifiers.get(key)
    return f"{esc(q)} " if q else ""


def event_title(event: Event) -> str:
    """Plain-text title: ``"Strike by Russia"``, ``"Interception report"``."""
    if event.type == INTERCEPTION:
        return f"Interception report ({side_name(event.attacker)} weapons)"
    return f"{words(event.type).capitalize()} by {side_name(event.attacker)}"


def sources_html(sources: Iterable[Source]) -> str:
    """An ordered list of sources: outlet (and where it had it from), date, address (a link when it is http/https) and the evidence quoted."""
    items = []
    for s in sources:
        head = esc(s.outlet or s.document)
        if s.via:
            head += f" (forwarded from {esc(s.via)})"
        if s.published:
            head += f", {esc(s.published.isoformat())}"
        link = ""
        if s.url and s.url.lower().startswith(("http://", "https://")):
            link = f' <a href="{esc(s.url)}" target="_blank" rel="noopener noreferrer">[link]</a>'
        items.append(f'<li><b>{head}</b>{link}: <q>{esc(s.sentence.strip())}</q></li>')
    if not items:
        return ""
    return '<ol style="margin:2px 0 0 16px;padding:0">' + "".join(items) + "</ol>"


def event_popup(event: Event) -> str:
    """Popup HTML: type, date, attacker, weapons, intercepted, targets, casualties, claimant, sources, precision."""
    rows = [
        _row("Type", esc(f"{words(event.type)} ({words(event.sub_type)})" if event.sub_type else words(event.type))),
        _row("Date", esc(_date(event.date, event.date_precision))),
        _row("Attacker", esc(side_name(event.attacker))
             + (f" <i>({esc(words(event.attacker_basis))})</i>" if event.attacker_basis else "")
             + (" <i>inferred: the report does not say who struck</i>" if event.attacker_inferred else "")),
    ]
    if event.weapons:
        parts = [
            f"{_qual(event, 'weapons.' + k)}{esc(n) if n is not None else 'number not stated'} {esc(words(k))}"
            for k, n in event.weapons.items()
        ]
        rows.append(_row("Weapons", "<br>".join(parts)))
    if event.intercepted is not None:
        over = f" over {esc(', '.join(event.intercepted_over))}" if event.intercepted_over else ""
        rows.append(_row("Intercepted", f"{_qual(event, 'intercepted')}{esc(event.intercepted)}{over}"))
    if event.targets:
        rows.append(_row("Targets", esc(", ".join(words(t) for t in event.targets))))
    if event.killed is not None or event.injured is not None:
        cas = []
        if event.killed is not None:
            cas.append(f"{_qual(event, 'killed')}{esc(event.killed)} killed")
        if event.injured is not None:
            cas.append(f"{_qual(event, 'injured')}{esc(event.injured)} injured")
        rows.append(_row("Casualties", ", ".join(cas)))
    if event.claimant:
        rows.append(_row("Claimant", esc(event.claimant)))
    if event.location is not None:
        rows.append(_row("Location", esc(event.location.precision_words)))
    for d in event.disagreements:
        vals = "; ".join(f"{esc(v)} ({esc(src)})" for v, src in d.values)
        rows.append(_row(f"Sources disagree on {words(d.field)}", vals))
    n = len(event.sources)
    rows.append(_row(f"Source{'s' if n != 1 else ''} ({n})", sources_html(event.sources) or "none"))
    return (
        f'<div class="sm-popup"><b>{esc(event_title(event))}</b>'
        f'<table style="font-size:12px;border-collapse:collapse">{"".join(rows)}</table></div>'
    )


def event_tooltip(event: Event) -> str:
    """One line: title, date, place and precision (escaped)."""
    where = event.location.precision_words if event.location else "no location"
    return f"{esc(event_title(event))} · {esc(_date(event.date))} · {esc(where)}"


def region_popup(region_name: str, events: list[Event], what: str) -> str:
    """Popup of a shaded region: every event reported only at the level of the region."""
    parts = [f'<div class="sm-popup"><b>{esc(what)}: {esc(region_name)}</b> ({len(events)})']
    for e in events:
        parts.append('<hr style="margin:4px 0">' + event_popup(e))
    return "".join(parts) + "</div>"


def region_tooltip(region_name: str, events: list[Event], what: str) -> str:
    return f"{esc(region_name)}: {len(events)} {esc(what.lower())}"


def choropleth_tooltip(region_name: str, count: int) -> str:
    return f"{esc(region_name)}: {count} event{'s' if count != 1 else ''}"


def claim_popup(claim: AreaClaim, *, drawn_km2: float | None, supplied: bool, supplied_label: str | None = None,
                note: str | None = None) -> str:
    """Popup of a claimed area: the claim, claimant, date, source, claimed and drawn areas, and how it was drawn.

    ``note`` says how an indicative zone was placed ("grown from the border with Ukraine").
    """
    region = claim.region.name if claim.region else "unknown region"
    claimed = (
        f"{esc(claim.qualifier) + ' ' if claim.qualifier else ''}{claim.area_km2:,.0f} km²"
        if claim.area_km2 is not None else "no area stated"
    )
    if claim.area_text:
        claimed += f" (as written: {esc(claim.area_text)})"
    rows = [
        _row("Claim", f"{esc(side_name(claim.controller))} controls {claimed} of {esc(region)}"),
        _row("Claimant", esc(claim.claimant or "not stated")),
        _row("Date", esc(_date(claim.date))),
    ]
    if supplied:
        rows.append(_row("Drawn", f"area of control from {esc(supplied_label or 'a file')}, "
                                  f"{drawn_km2:,.0f} km² inside {esc(region)} (claimed {claimed})"))
    elif drawn_km2 is not None:
        rows.append(_row("Drawn", f"INDICATIVE zone of {drawn_km2:,.0f} km², {esc(note or 'sized from the claim')}; "
                                  "its shape and place are drawn by rule, not reported"))
    rows.append(_row(f"Sources ({len(claim.sources)})", sources_html(claim.sources) or "none"))
    head = "Claimed area of control" if supplied else "INDICATIVE area of control (sized from a claim)"
    return f'<div class="sm-popup"><b>{esc(head)}</b><table style="font-size:12px">{"".join(rows)}</table></div>'


def claim_tooltip(claim: AreaClaim, supplied: bool, drawn_km2: float | None = None) -> str:
    """The hover label of a claimed area: INDICATIVE (or reported), who, how much of where, claimant and date."""
    region = claim.region.name if claim.region else "unknown region"
    area = f"{claim.area_km2:,.0f} km²" if claim.area_km2 is not None else "area not stated"
    qual = f"{claim.qualifier} " if claim.qualifier and claim.area_km2 is not None else ""
    tag = "from a control file" if supplied else "INDICATIVE"
    drawn = f" · drawn {drawn_km2:,.0f} km²" if drawn_km2 is not None else ""
    return (f"{tag}: {esc(side_name(claim.controller))}, {esc(qual + area)} of {esc(region)} claimed"
            f"<br>{esc(claim.claimant or 'claimant not stated')}, {esc(_date(claim.date))}{esc(drawn)}")


def overlay_popup(kind: str, name: str | None, date: dt.date | None, source: str, km2: float | None = None,
                  note: str | None = None) -> str:
    """Popup of a feature from a --control or --frontline file (``note``: how it was derived)."""
    rows = [_row("From file", esc(source)), _row("Date", esc(_date(date)))]
    if name:
        rows.insert(0, _row("Name", esc(name)))
    if km2 is not None:
        rows.append(_row("Area", f"{km2:,.0f} km² (geodesic)"))
    if note:
        rows.append(_row("How", esc(note)))
    return f'<div class="sm-popup"><b>{esc(kind)}</b><table style="font-size:12px">{"".join(rows)}</table></div>'
