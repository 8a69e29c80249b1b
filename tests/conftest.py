"""Shared fixtures: the real gazetteer (built once per machine into the user cache).

The parse cache of the test session is a file of its own (``$STRIKEMAP_PARSE_CACHE``),
so tests neither read what a user's runs stored nor fill the user's cache.
"""

import os
import tempfile

import pytest

_SESSION_CACHE = tempfile.TemporaryDirectory(prefix="strikemap-test-parses-")
os.environ["STRIKEMAP_PARSE_CACHE"] = os.path.join(_SESSION_CACHE.name, "parses.sqlite")


@pytest.fixture(scope="session")
def gazetteer():
    """The process-wide offline gazetteer (``gazetteer.default_gazetteer()``)."""
    import gazetteer as package

    return package.default_gazetteer()
