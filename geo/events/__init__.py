"""Stage 3, events: strikes, interceptions, ground fighting and area claims, then fusion.

``building`` reads events clause by clause; ``claims`` reads area-of-control
claims; ``fuse`` merges reports of one event across documents; ``numbers``,
``dates`` and ``lexicon`` are what they read with.
"""
