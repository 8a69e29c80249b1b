"""The opening view: the central mass of the events, whatever a few stray ones do."""

import numpy as np
import pytest

from gazetteer import distances_km
from maps.framing import MIN_FENCE_KM, opening_view

# Events spread over a front several hundred km long (lon, lat).
THEATRE = np.array([
    [36.23, 49.99], [37.55, 47.10], [35.14, 47.84], [34.55, 49.59], [33.39, 49.07], [32.06, 49.44],
    [30.52, 50.45], [31.99, 46.97], [30.73, 46.48], [37.62, 48.01], [38.33, 48.57], [36.19, 51.73],
])


def _boxes(points):
    return np.hstack([points, points])


def _inside(view, lon, lat):
    w, s, e, n = view.bounds
    return w <= lon <= e and s <= lat <= n


def test_the_view_holds_the_whole_theatre_and_little_else():
    view = opening_view(THEATRE, _boxes(THEATRE))
    assert view.outliers == 0
    assert all(_inside(view, lon, lat) for lon, lat in THEATRE)
    w, s, e, n = view.bounds
    assert e - w < np.ptp(THEATRE[:, 0]) * 1.3 and n - s < np.ptp(THEATRE[:, 1]) * 1.4


@pytest.mark.parametrize("stray", [[-77.04, 38.90], [-116.99, 46.73], [151.2, -33.9], [104.0, 52.3]])
def test_one_far_outlier_does_not_move_the_view(stray):
    points = np.vstack([THEATRE, [stray]])
    view = opening_view(points, _boxes(points))
    assert view.outliers == 1 and view.inside[-1] is False
    assert view.bounds == opening_view(THEATRE, _boxes(THEATRE)).bounds
    assert not _inside(view, *stray)
    assert _inside(type(view)(view.everything, None), *stray)  # "show all" reaches it


def test_a_few_outliers_among_few_events():
    points = np.vstack([THEATRE[:5], [[-77.04, 38.90], [-0.13, 51.5]]])
    view = opening_view(points, _boxes(points))
    assert view.outliers == 2
    assert all(_inside(view, lon, lat) for lon, lat in THEATRE[:5])


def test_region_boxes_are_framed_whole():
    centre = np.array([[34.8, 50.9]])
    region = np.array([[33.2, 50.1, 35.6, 52.4]])  # an oblast's bounds
    view = opening_view(centre, region)
    w, s, e, n = view.bounds
    assert w < 33.2 and s < 50.1 and e > 35.6 and n > 52.4


def test_events_in_one_town_are_not_outliers_of_each_other():
    town = np.array([[36.23, 49.99], [36.25, 50.0], [36.2, 49.97], [36.6, 50.3]])
    assert opening_view(town, _boxes(town)).outliers == 0
    assert distances_km(49.99, 36.23, np.array([50.3]), np.array([36.6]))[0] < MIN_FENCE_KM


def test_no_events_no_view():
    view = opening_view(np.empty((0, 2)), np.empty((0, 4)))
    assert view.bounds is None and view.outliers == 0


def test_distances_are_great_circle_km():
    kyiv_kharkiv = distances_km(50.45, 30.52, np.array([49.99]), np.array([36.23]))[0]
    assert kyiv_kharkiv == pytest.approx(409, abs=5)
