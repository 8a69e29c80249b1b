"""Scoring against gold corpora: place recognition and resolution, events and claims.

``places`` reads gold corpora and scores toponyms (Acc@161km, AUC, dev set
roles); ``events`` scores extracted events and area claims.
"""
