"""English: the word tables of the English reader (see :mod:`geo.lang` for the shape of a folder)."""
