"""Unit tests: seconds, no real gazetteer store.

The ``gazetteer`` fixture here is the small store of ``tests/fixtures/small_gazetteer.json``
(built by the real build code into a temporary folder). A unit test that opens the
real store (``default_gazetteer()``, ``geo.analyze`` without a gazetteer, the CLI) builds
one in the cache dir on a fresh machine; the session then fails, naming the rule, so
such a test goes to ``tests/integration/`` or is given the small gazetteer.

Run: ``STRIKEMAP_CACHE_DIR=$(mktemp -d) .venv/bin/python -m pytest tests/unit -q``
"""

from pathlib import Path

import pytest

from gazetteer import store

UNIT = Path(__file__).resolve().parent


def _stores() -> set:
    directory = store.cache_dir()
    return set(directory.glob(f"{store.STORE_PREFIX}*.sqlite")) if directory.is_dir() else set()


_BEFORE = _stores()  # this conftest is imported before any test runs


def pytest_sessionfinish(session, exitstatus):
    """A session of unit tests only must leave the cache dir without a new store."""
    items = getattr(session, "items", [])
    if not items or any(UNIT not in Path(str(item.path)).parents for item in items):
        return  # integration tests build the store by design
    built = _stores() - _BEFORE
    if built:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"unit tests must not build the real gazetteer store, but {', '.join(map(str, sorted(built)))} was "
            "built: give the test the `gazetteer` fixture (the small store) or move it to tests/integration/",
            red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def gazetteer(small_gazetteer):
    """The small gazetteer (a few hundred real places), in place of the real store."""
    return small_gazetteer
