"""Stage 2, places: find toponym mentions in sentences and resolve them.

``toponyms`` finds candidate spans from context and the gazetteer's names;
``resolve`` chooses a place for each, with its role and geo-precision;
Their word lists are in ``geo.lang.en`` (one folder per language).
"""
