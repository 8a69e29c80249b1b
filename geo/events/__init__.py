"""Stage 3, events: strikes, interceptions, ground fighting and area claims, then fusion.

``building`` reads events clause by clause; ``claims`` reads area-of-control
claims; ``fuse`` merges reports of one event across documents; ``numbers``,
``dates`` is what they read with; word lists are in ``geo.lang.en``.
"""
