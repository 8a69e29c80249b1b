"""Shared fixtures: the real gazetteer (built once per machine into the user cache)."""

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The process-wide offline gazetteer (``gazetteer.default_gazetteer()``)."""
    import gazetteer as package

    return package.default_gazetteer()
