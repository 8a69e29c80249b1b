"""Shared fixtures and helpers for the three kinds of tests.

* ``tests/unit/``: fast, no real store; its ``gazetteer`` fixture is a small
  store built from ``tests/fixtures/small_gazetteer.json`` (see its conftest).
* ``tests/integration/``: the real gazetteer store (built once per machine into
  the cache dir, ``$STRIKEMAP_CACHE_DIR``), the real seeds, the CLI.
* ``tests/browser/``: the map in Debian's Chromium (Playwright).

The helper modules here (``shapes``, ``control_files``, ``geonames_dump``) are
importable from all three: pytest puts this folder on ``sys.path`` because this
conftest sits in it and the folder is not a package.

The parse cache of the test session is a file of its own (``$STRIKEMAP_PARSE_CACHE``),
so tests neither read what a user's runs stored nor fill the user's cache.
"""

import os
import tempfile
from pathlib import Path

import pytest

_SESSION_CACHE = tempfile.TemporaryDirectory(prefix="strikemap-test-parses-")
os.environ["STRIKEMAP_PARSE_CACHE"] = os.path.join(_SESSION_CACHE.name, "parses.sqlite")

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
SMALL_GAZETTEER = TESTS / "fixtures" / "small_gazetteer.json"


@pytest.fixture(scope="session")
def gazetteer():
    """The process-wide offline gazetteer (``gazetteer.default_gazetteer()``); unit tests override it."""
    import gazetteer as package

    return package.default_gazetteer()


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory):
    """A store of the few hundred real places in ``tests/fixtures/small_gazetteer.json``.

    Built in well under a second by the real build code (:func:`gazetteer.store.from_records`)
    into the session's temporary folder, never into the cache dir.
    """
    from gazetteer import Gazetteer, store
    from gazetteer.build import Records

    path = store.from_records(tmp_path_factory.mktemp("small-gazetteer") / "small.sqlite",
                              Records.from_json(SMALL_GAZETTEER))
    return Gazetteer(path)
