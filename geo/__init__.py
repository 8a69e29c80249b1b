"""strikemap's text-to-events pipeline: documents, toponyms, events, fusion, exports.

``geo.analyze(paths_or_texts) -> geo.Report`` is the Python entry point
(see ``geo.api``). It is imported on first use, so ``import geo.model`` in a
worker stays light and nothing happens at import time.
"""

__all__ = ["analyze", "Report"]


def __getattr__(name):
    if name in __all__:
        from geo import api

        return getattr(api, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
