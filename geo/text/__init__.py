"""Stage 1, reading: files and corpora into ``Document``s, texts into sentences.

``documents`` reads and guards inputs (encodings, binary files, sidecar
metadata, corpus lines); ``sentences`` splits a text into sentences that keep
their character offsets; ``abbreviations`` is the word list the splitter needs.
"""
