"""Scoring the geoparser's places against human-annotated gold corpora.

Scores predicted mentions, one list of ``ResolvedMention`` per document,
against gold read by ``geo.evaluate.gold``, following the convention fixed
in ``../shared/benchmarks/README.md`` and Gritta et al.'s evaluation code:

- recognition: a gold span counts as found when a predicted mention overlaps
  it; precision is predicted mentions overlapping a gold span over predicted
  mentions; exact-span figures beside them;
- resolution, end to end: a gold toponym is right when the overlapping
  predicted mention (the one with the largest overlap) resolves to the right
  place: countries by country code, first-level regions by ADM1 code (error
  0 km on a code match), everything else within 161 km, i.e.
  ``ln(1 + e) < ln(161)``; a missed toponym is wrong and, in the end-to-end
  AUC, has the maximum error of 20,039 km;
- AUC of the log error curve = ``trapz(ln(1 + e_i)) / (ln(20039) * (N - 1))``
  over the sorted errors (lower is better).

Adjectival and demonym uses ("American", "Russian") are left out of the
headline figures and reported separately. Everything here is a pure
function over plain data.

>>> round(haversine_km(50.45, 30.52, 49.99, 36.23), 0)
409.0
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gazetteer import distance_km as haversine_km
from geo.evaluate.events import EventScores, score_events
from geo.evaluate.gold import (
    ACC_KM, ADM1, COUNTRY, DEVSET_KINDS, MAX_ERROR_KM, NEAR_KM, POINT, GoldDocument, GoldToponym,
)
from geo.model import ACTOR_METONYM, EVENT_LOCATION, ROLES, ResolvedMention

# --------------------------------------------------------------------------- judging one toponym


def within(error_km: float | None, radius_km: float) -> bool:
    """Gritta et al.'s test ``ln(1 + e) < ln(radius)``."""
    return error_km is not None and math.log1p(error_km) < math.log(radius_km)


@dataclass(frozen=True, slots=True)
class Judgement:
    """How one gold toponym fared: found, right at 161 km and at 25 km, error in km.

    ``error_km`` is None when there is nothing to measure (missed, or a gold
    place without coordinates whose ADM1 code did not match).
    """

    found: bool
    right: bool
    right_near: bool
    error_km: float | None
    predicted: ResolvedMention | None = None


def judge(gold: GoldToponym, predicted: ResolvedMention | None) -> Judgement:
    """Judge one gold toponym against the predicted mention that overlaps it (or None)."""
    if predicted is None:
        return Judgement(False, False, False, None, None)
    place = predicted.place
    if place is None:
        return Judgement(True, False, False, None, predicted)
    if gold.level == COUNTRY and gold.country_code and place.country_code == gold.country_code:
        return Judgement(True, True, True, 0.0, predicted)
    if gold.level == ADM1 and gold.admin1_code and place.admin1_code == gold.admin1_code:
        return Judgement(True, True, True, 0.0, predicted)
    if gold.lat is None or gold.lon is None:
        return Judgement(True, False, False, None, predicted)
    error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
    if gold.level in (COUNTRY, ADM1):  # code levels are right only on a code match
        return Judgement(True, False, False, error, predicted)
    return Judgement(True, within(error, ACC_KM), error <= NEAR_KM, error, predicted)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two half-open spans (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def best_overlap(gold: GoldToponym, predicted: Sequence[ResolvedMention]) -> ResolvedMention | None:
    """The predicted mention sharing most characters with the gold span (first on ties)."""
    best, best_len = None, 0
    for m in predicted:
        n = overlap(gold.start, gold.end, m.start, m.end)
        if n > best_len:
            best, best_len = m, n
    return best


# --------------------------------------------------------------------------- aggregate scores


def auc_log_error(errors_km: Iterable[float]) -> float | None:
    """Area under the log error curve, ``trapz(ln(1+e)) / (ln(20039) * (N-1))``; lower is better.

    >>> auc_log_error([0.0, 0.0]), round(auc_log_error([0.0, 20039.0]), 3)
    (0.0, 0.5)
    """
    ys = sorted(math.log1p(min(max(e, 0.0), MAX_ERROR_KM)) for e in errors_km)
    if len(ys) < 2:
        return None
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / (math.log(MAX_ERROR_KM) * (len(ys) - 1))


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Recognition:
    """Recognition counts and P/R/F1, overlapping and exact spans."""

    gold: int
    predicted: int
    found: int  # gold spans some prediction overlaps
    correct: int  # predictions overlapping some gold span
    exact_found: int
    exact_correct: int

    @property
    def precision(self):
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self):
        return _ratio(self.found, self.gold)

    @property
    def f1(self):
        return _f1(self.precision, self.recall)

    @property
    def exact_precision(self):
        return _ratio(self.exact_correct, self.predicted)

    @property
    def exact_recall(self):
        return _ratio(self.exact_found, self.gold)

    @property
    def exact_f1(self):
        return _f1(self.exact_precision, self.exact_recall)

    def to_dict(self) -> dict:
        out = {f: getattr(self, f) for f in ("gold", "predicted", "found", "correct", "exact_found", "exact_correct")}
        for f in ("precision", "recall", "f1", "exact_precision", "exact_recall", "exact_f1"):
            out[f] = _round(getattr(self, f))
        return out


@dataclass(frozen=True, slots=True)
class Resolution:
    """Resolution figures end to end and on the toponyms found."""

    gold: int
    found: int
    right: int
    right_near: int
    errors_found: tuple[float, ...]  # measurable errors of found toponyms, km
    unmeasured: int = 0  # found, no error measurable (adm1-only gold, code mismatch)

    @property
    def accuracy(self):
        """End to end: right / all gold toponyms (missed ones are wrong)."""
        return _ratio(self.right, self.gold)

    @property
    def accuracy_near(self):
        return _ratio(self.right_near, self.gold)

    @property
    def accuracy_found(self):
        return _ratio(self.right, self.found)

    @property
    def mean_km(self):
        return statistics.fmean(self.errors_found) if self.errors_found else None

    @property
    def median_km(self):
        return statistics.median(self.errors_found) if self.errors_found else None

    @property
    def auc_found(self):
        return auc_log_error(self.errors_found)

    @property
    def auc(self):
        """End to end: missed and unmeasurable toponyms take the maximum error."""
        missing = self.gold - len(self.errors_found)
        return auc_log_error(list(self.errors_found) + [MAX_ERROR_KM] * missing)

    def to_dict(self) -> dict:
        out = {f: getattr(self, f) for f in ("gold", "found", "right", "right_near", "unmeasured")}
        for f in ("accuracy", "accuracy_near", "accuracy_found", "mean_km", "median_km", "auc", "auc_found"):
            out[f] = _round(getattr(self, f))
        return out


def _round(x):
    return round(x, 4) if isinstance(x, float) else x


def recognition(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    *,
    include_adjectival: bool = False,
) -> Recognition:
    """Recognition P/R/F1 over all gold spans (``toponyms`` + ``recognition_only``).

    Without ``include_adjectival``, adjectival gold spans leave the gold set
    and predictions that overlap only such spans leave the predicted set.
    """
    gold = predicted = found = correct = exact_found = exact_correct = 0
    for doc, preds in _aligned(docs, predictions):
        kept = [t for t in doc.toponyms if include_adjectival or not t.adjectival]
        dropped = [t for t in doc.toponyms if t.adjectival and not include_adjectival]
        gold += len(kept)
        exact_spans = {(t.start, t.end) for t in kept}
        for t in kept:
            found += any(overlap(t.start, t.end, m.start, m.end) for m in preds)
        exact_found += len(exact_spans & {(m.start, m.end) for m in preds})
        for m in preds:
            hits = any(overlap(t.start, t.end, m.start, m.end) for t in kept)
            if not hits and any(overlap(t.start, t.end, m.start, m.end) for t in dropped):
                continue
            predicted += 1
            correct += hits
            exact_correct += (m.start, m.end) in exact_spans
    return Recognition(gold, predicted, found, correct, exact_found, exact_correct)


def judgements(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    *,
    include_adjectival: bool = False,
) -> list[tuple[GoldDocument, GoldToponym, Judgement]]:
    """One judgement per resolvable gold toponym."""
    out = []
    for doc, preds in _aligned(docs, predictions):
        for t in doc.toponyms:
            if t.resolvable and (include_adjectival or not t.adjectival):
                out.append((doc, t, judge(t, best_overlap(t, preds))))
    return out


def resolution(judged: Iterable[Judgement]) -> Resolution:
    """Aggregate judgements into accuracy, errors and AUC."""
    gold = found = right = near = unmeasured = 0
    errors = []
    for j in judged:
        gold += 1
        found += j.found
        right += j.right
        near += j.right_near
        if j.found:
            if j.error_km is not None:
                errors.append(j.error_km)
            elif j.predicted is not None and j.predicted.place is None:
                errors.append(MAX_ERROR_KM)
            else:
                unmeasured += 1
    return Resolution(gold, found, right, near, tuple(errors), unmeasured)


def _aligned(docs, predictions):
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} gold documents but {len(predictions)} prediction lists")
    return zip(docs, predictions)


# --------------------------------------------------------------------------- dev set figures


@dataclass(frozen=True, slots=True)
class Devset:
    """The domain figures of issue 3 on the dev set."""

    event_places: Resolution  # gold event_location spans that can be scored
    event_skipped: int  # event_location spans scored for recognition only (seas, rivers)
    metonyms: int
    metonyms_as_event: int
    recall_by_kind: dict[str, tuple[int, int]]  # kind -> (found, gold)
    event_right_by_kind: dict[str, tuple[int, int]]  # kind -> (right at 161 km, scored)
    regions_read_as_regions: tuple[int, int]  # gold adm1_region event places predicted as kind adm1
    role_confusion: dict[str, dict[str, int]]  # gold role -> predicted role (or "missed") -> count
    #: Villages, hromadas, districts and named sites (gold kinds village and other_feature with an
    #: oblast): (placed at a point in the right oblast, placed on a namesake in another, scored).
    small_places: tuple[int, int, int] = (0, 0, 0)

    @property
    def metonym_rate(self):
        return _ratio(self.metonyms_as_event, self.metonyms)

    @property
    def small_places_right(self):
        return _ratio(self.small_places[0], self.small_places[2])

    @property
    def small_places_elsewhere(self):
        return _ratio(self.small_places[1], self.small_places[2])

    @property
    def role_accuracy(self):
        """Share of found gold mentions whose predicted role is the gold role."""
        found = sum(n for row in self.role_confusion.values() for r, n in row.items() if r != "missed")
        same = sum(self.role_confusion.get(r, {}).get(r, 0) for r in ROLES)
        return _ratio(same, found)

    def to_dict(self) -> dict:
        ep = self.event_places
        return {
            "event_places": ep.gold,
            "event_places_right_161km": _round(ep.accuracy),
            "event_places_right_25km": _round(ep.accuracy_near),
            "event_places_right_on_found": _round(ep.accuracy_found),
            "event_places_detail": ep.to_dict(),
            "event_places_recognition_only": self.event_skipped,
            "metonyms": self.metonyms,
            "metonyms_as_event_location": self.metonyms_as_event,
            "metonym_rate": _round(self.metonym_rate),
            "recall_by_kind": {k: {"found": f, "gold": g, "recall": _round(_ratio(f, g))} for k, (f, g) in self.recall_by_kind.items()},
            "event_right_by_kind": {k: {"right": r, "scored": n, "accuracy": _round(_ratio(r, n))} for k, (r, n) in self.event_right_by_kind.items()},
            "regions_read_as_regions": {"adm1": self.regions_read_as_regions[0], "of": self.regions_read_as_regions[1]},
            "role_accuracy": _round(self.role_accuracy),
            "role_confusion": self.role_confusion,
            "small_places": {"scored": self.small_places[2], "right_oblast": self.small_places[0],
                             "namesake_elsewhere": self.small_places[1],
                             "right_oblast_share": _round(self.small_places_right),
                             "namesake_elsewhere_share": _round(self.small_places_elsewhere)},
        }


def devset_scores(docs: Sequence[GoldDocument], predictions: Sequence[Sequence[ResolvedMention]]) -> Devset:
    """Event places right, metonyms taken as event locations, recall by kind, roles."""
    events: list[Judgement] = []
    skipped = metonyms = as_event = 0
    recall = {k: [0, 0] for k in DEVSET_KINDS}
    right_by_kind = {k: [0, 0] for k in DEVSET_KINDS}
    regions = [0, 0]
    small = [0, 0, 0]
    confusion: dict[str, Counter] = {r: Counter() for r in ROLES}
    for doc, preds in _aligned(docs, predictions):
        for t in doc.toponyms:
            m = best_overlap(t, preds)
            if t.kind in SMALL_PLACE_KINDS and t.admin1_code:
                small[2] += 1
                where = small_place_outcome(t, m)
                small[0] += where == "right_oblast"
                small[1] += where == "elsewhere"
            kind = t.kind if t.kind in recall else "other_feature"
            recall[kind][1] += 1
            recall[kind][0] += m is not None
            if t.role in confusion:
                confusion[t.role][m.role if m is not None else "missed"] += 1
            if t.role == ACTOR_METONYM:
                metonyms += 1
                as_event += m is not None and m.role == EVENT_LOCATION
            if t.role != EVENT_LOCATION:
                continue
            if not t.resolvable:
                skipped += 1
                continue
            j = judge(t, m)
            events.append(j)
            right_by_kind[kind][1] += 1
            right_by_kind[kind][0] += j.right
            if t.kind == "adm1_region":
                regions[1] += 1
                regions[0] += bool(m is not None and m.place is not None and m.place.kind == "adm1")
    return Devset(
        event_places=resolution(events),
        event_skipped=skipped,
        metonyms=metonyms,
        metonyms_as_event=as_event,
        recall_by_kind={k: (f, g) for k, (f, g) in recall.items()},
        event_right_by_kind={k: (r, n) for k, (r, n) in right_by_kind.items()},
        regions_read_as_regions=(regions[0], regions[1]),
        role_confusion={r: dict(c) for r, c in confusion.items()},
        small_places=(small[0], small[1], small[2]),
    )


#: Gold kinds of villages, hromadas, raions, city districts and named sites (air bases, plants, ports).
SMALL_PLACE_KINDS = ("village", "other_feature")


def small_place_outcome(gold: GoldToponym, m: ResolvedMention | None) -> str:
    """Where a village-level gold mention went: "right_oblast", "elsewhere" (a namesake) or "unplaced".

    Right means a point (a settlement, site or district centre, not a region or a country) in
    the gold's first-level unit; a point in another unit is a namesake elsewhere; a mention
    missed, left without a reading or read only as its region is unplaced.
    """
    if m is None or m.place is None or m.place.kind in ("adm1", "country") or not m.place.admin1_code:
        return "unplaced"  # (a point in no oblast, such as a historical region, is no namesake either)
    return "right_oblast" if m.place.admin1_code == gold.admin1_code else "elsewhere"


# --------------------------------------------------------------------------- error categories


def error_categories(
    docs: Sequence[GoldDocument], predictions: Sequence[Sequence[ResolvedMention]], *, include_adjectival: bool = False
) -> dict[str, dict[str, int]]:
    """Aggregate error counts for whoever improves the parser.

    ``missed`` by gold category (GWN type, GeoNames feature code, dev set
    kind), ``wrong`` resolutions by kind of mistake, ``false_positive``
    predictions by the shape of their surface and the kind of place chosen.
    """
    missed: Counter = Counter()
    wrong: Counter = Counter()
    spurious: Counter = Counter()
    for doc, preds in _aligned(docs, predictions):
        kept = [t for t in doc.toponyms if include_adjectival or not t.adjectival]
        for t in kept:
            m = best_overlap(t, preds)
            if m is None:
                missed[t.category or "?"] += 1
                continue
            if not t.resolvable:
                continue
            j = judge(t, m)
            if j.right:
                continue
            p = m.place
            if p is None:
                wrong["found, no place"] += 1
            elif t.level in (COUNTRY, ADM1) and (t.country_code is None or p.country_code == t.country_code):
                wrong[f"gold {t.level}: same country, other unit ({p.kind})"] += 1
            elif t.country_code and p.country_code != t.country_code:
                wrong[f"gold {t.level}: other country ({p.kind})"] += 1
            elif t.level == POINT and j.error_km is not None:
                wrong[f"gold point: {p.kind} > 161 km"] += 1
            else:
                wrong[f"gold {t.level}: other ({p.kind})"] += 1
        for m in preds:
            if any(overlap(t.start, t.end, m.start, m.end) for t in doc.toponyms):
                continue
            spurious[f"{_shape(doc.text, m)}, {m.place.kind if m.place else 'no place'}"] += 1
    return {
        "missed": dict(missed.most_common()),
        "wrong": dict(wrong.most_common()),
        "false_positive": dict(spurious.most_common()),
    }


def _shape(text: str, m: ResolvedMention) -> str:
    """Coarse surface shape of a mention: all caps, sentence start, multiword, single word."""
    s = m.surface
    if s.isupper() and len(s) > 1:
        return "all caps"
    before = text[max(0, m.start - 3) : m.start].strip()
    if m.start == 0 or before[-1:] in {".", "!", "?", "\n", '"', "“"} or not before:
        return "sentence start"
    return "multiword" if " " in s else "single word"


# --------------------------------------------------------------------------- one call


@dataclass(frozen=True)
class Report:
    """All figures for one gold corpus."""

    documents: int
    recognition: Recognition
    resolution: Resolution
    recognition_all: Recognition  # adjectival uses included
    resolution_all: Resolution
    devset: Devset | None = None
    adjectival_gold: int = 0
    failed: tuple[str, ...] = field(default=())
    events: EventScores | None = None  # dev set: events and area claims

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "failed_documents": list(self.failed),
            "adjectival_gold_spans": self.adjectival_gold,
            "recognition": self.recognition.to_dict(),
            "resolution": self.resolution.to_dict(),
            "with_adjectival": {
                "recognition": self.recognition_all.to_dict(),
                "resolution": self.resolution_all.to_dict(),
            },
            "devset": self.devset.to_dict() if self.devset else None,
            "events": self.events.to_dict() if self.events else None,
        }


def evaluate(
    docs: Sequence[GoldDocument],
    predictions: Sequence[Sequence[ResolvedMention]],
    failed: Sequence[str] = (),
    parsed: Sequence | None = None,
) -> Report:
    """Every figure: headline (adjectival uses left out), with them, and the dev set's.

    ``parsed``: the ``ParsedDocument`` of each gold document (None where the
    parser failed); with it, dev set events and area claims are scored too.
    """
    dev = [i for i, d in enumerate(docs) if d.devset]
    devset = devset_scores([docs[i] for i in dev], [predictions[i] for i in dev]) if dev else None
    events = None
    if parsed is not None and dev:
        events = score_events([docs[i].annotations or {} for i in dev], [parsed[i] for i in dev])
    return Report(
        documents=len(docs),
        recognition=recognition(docs, predictions),
        resolution=resolution(j for _, _, j in judgements(docs, predictions)),
        recognition_all=recognition(docs, predictions, include_adjectival=True),
        resolution_all=resolution(j for _, _, j in judgements(docs, predictions, include_adjectival=True)),
        devset=devset,
        adjectival_gold=sum(t.adjectival for d in docs for t in d.toponyms),
        failed=tuple(failed),
        events=events,
    )
