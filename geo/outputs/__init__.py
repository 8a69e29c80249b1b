"""Stage 4, outputs: flat tables and files (GeoJSON, GeoPackage, CSV, summaries).

``export`` builds GeoDataFrames and writes them; ``summary`` aggregates by
region and country; ``atomic`` writes every file whole or not at all.
"""
