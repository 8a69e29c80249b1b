"""The JavaScript and CSS the map page needs, linked from a CDN or embedded for offline use.

folium links Leaflet and its plugins from CDNs. The ``folium-offline`` package
(module ``offlinefolium``) carries the same files as strings keyed by their
CDN address; :func:`embed_assets` puts them inline in the page header, so the
page works from a file with no network. The map draws its markers as inline
SVG and binds its own popups, so jQuery, Bootstrap and the icon fonts folium
links by default are not needed and are dropped in both variants.
"""

from __future__ import annotations

import folium
from branca.element import Element, MacroElement

from geo.model import StrikemapError

#: The folium defaults this map uses (Leaflet itself); the rest (jQuery, Bootstrap, icon fonts) is dropped.
KEEP_JS = ("leaflet",)
KEEP_CSS = ("leaflet_css",)


def _assets() -> dict[str, str]:
    try:
        from offlinefolium.elements import _res  # the package's table: CDN address -> file text
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise StrikemapError("offline map needs the folium-offline package (pip install folium-offline)") from exc
    return _res


def _lookup(table: dict[str, str], url: str) -> str:
    """File text for a CDN address; falls back to the same file name at another address."""
    if url in table:
        return table[url]
    tail = url.rsplit("/", 1)[-1]
    for key, text in table.items():
        if key.rsplit("/", 1)[-1] == tail and key.split("@")[0] == url.split("@")[0]:
            return text
    raise StrikemapError(f"offline map: no embedded copy of {url}; use --cdn")


def trim_defaults(m: folium.Map) -> None:
    """Keep only the folium default assets this map uses."""
    m.default_js = [(n, u) for n, u in folium.Map.default_js if n in KEEP_JS]
    m.default_css = [(n, u) for n, u in folium.Map.default_css if n in KEEP_CSS]


def _inline(kind: str, text: str) -> str:
    # Closing tags inside an inline block would end it early.
    if kind == "script":
        return "<script>" + text.replace("</script", "<\\/script") + "</script>"
    return "<style>" + text.replace("</style", "<\\/style") + "</style>"


def embed_assets(m: folium.Map, elements: list[MacroElement]) -> None:
    """Inline the JS/CSS of ``m`` and of each plugin in ``elements`` into the page header.

    Each element's link lists are emptied afterwards, so the rendered page
    holds no ``<script src>`` or ``<link href>`` pointing to the network.
    """
    table = _assets()
    header = m.get_root().header
    for el in [m, *elements]:
        for name, url in el.default_js:
            header.add_child(Element(_inline("script", _lookup(table, url))), name=f"sm_js_{name}")
        for name, url in el.default_css:
            header.add_child(Element(_inline("style", _lookup(table, url))), name=f"sm_css_{name}")
        el.default_js = []
        el.default_css = []
