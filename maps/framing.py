"""The map's opening view: the central mass of the events, never pulled out by a few outliers.

Every drawn event has an anchor (its point, or the centre of the region it
was reported in) and a box (the point, or the region's bounds). The centre
of the mass is the median anchor; an event whose anchor lies farther from it
than ``FENCE_FACTOR`` times the median distance (and at least
``MIN_FENCE_KM``) is an outlier, such as one wrongly placed on another
continent. The view is the box around the other events' boxes, padded.
Outliers stay on the map; the page counts the events outside the view.

>>> import numpy as np
>>> pts = np.array([[30.5, 50.4], [36.2, 50.0], [35.0, 48.5], [-77.0, 38.9]])
>>> view = opening_view(pts, np.hstack([pts, pts]))
>>> view.outliers, view.bounds[0] > 0
(1, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gazetteer import distances_km

#: An anchor this many times the median distance from the centre (or farther) is an outlier.
FENCE_FACTOR = 4.0
#: ... but never closer than this: events over one theatre (a front and the strikes behind it) are never outliers.
MIN_FENCE_KM = 750.0
#: Padding around the view: a share of its size, at least this many degrees.
PAD_SHARE = 0.06
MIN_PAD_DEG = 0.25


@dataclass(frozen=True)
class View:
    """Opening view and extent as (west, south, east, north) in degrees, and how many events lie outside the view."""

    bounds: tuple[float, float, float, float] | None
    everything: tuple[float, float, float, float] | None
    outliers: int = 0
    inside: tuple[bool, ...] = ()


def _padded(box: np.ndarray) -> tuple[float, float, float, float]:
    w, s, e, n = (float(v) for v in box)
    px = max(MIN_PAD_DEG, (e - w) * PAD_SHARE)
    py = max(MIN_PAD_DEG, (n - s) * PAD_SHARE)
    return max(-180.0, w - px), max(-85.0, s - py), min(180.0, e + px), min(85.0, n + py)


def opening_view(anchors: np.ndarray, boxes: np.ndarray) -> View:
    """The opening view of events with ``anchors`` (n x 2: lon, lat) and ``boxes`` (n x 4: w, s, e, n)."""
    anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    if not len(anchors):
        return View(None, None)
    lon0, lat0 = np.median(anchors[:, 0]), np.median(anchors[:, 1])
    d = distances_km(lat0, lon0, anchors[:, 1], anchors[:, 0])
    fence = max(MIN_FENCE_KM, FENCE_FACTOR * float(np.median(d)))
    core = d <= fence

    def extent(rows):
        return np.array([rows[:, 0].min(), rows[:, 1].min(), rows[:, 2].max(), rows[:, 3].max()])

    everything = _padded(extent(boxes))
    bounds = _padded(extent(boxes[core]))
    w, s, e, n = bounds
    inside = (anchors[:, 0] >= w) & (anchors[:, 0] <= e) & (anchors[:, 1] >= s) & (anchors[:, 1] <= n)
    return View(bounds, everything, int((~inside).sum()), tuple(bool(x) for x in inside))
