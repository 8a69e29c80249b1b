"""Offline gazetteer. PLACEHOLDER exports until the store lands."""

from gazetteer.model import Place


class Gazetteer:  # placeholder
    pass


def default_gazetteer():
    raise RuntimeError("gazetteer not built yet")
