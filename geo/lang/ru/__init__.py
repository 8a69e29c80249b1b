"""Russian words the reader uses, by concern (the shape of spaCy's ``spacy/lang/ru/``)."""
