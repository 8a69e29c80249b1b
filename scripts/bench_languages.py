"""Reading throughput per language: characters per second through the whole pipeline, cache off.

Usage: python scripts/bench_languages.py [gold.jsonl ...]   (default: ../shared/devset2 and devset3)
Each corpus's documents are grouped by detected language; every group is read twice (the first
pass warms the gazetteer and the analysers) and the second pass is timed.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from geo.model import Document
from geo.pipeline import Pipeline
from geo.text.language import detect_language

DEFAULT = ["../shared/devset2/gold.jsonl", "../shared/devset3/gold.jsonl"]


def main(paths: list[str]) -> None:
    groups: dict[str, list[Document]] = defaultdict(list)
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
            text = json.loads(line)["text"]
            groups[detect_language(text)].append(Document(id=f"{path}:{n}", text=text))
    nlp = Pipeline(cache=False)
    rates = {}
    for lang, docs in sorted(groups.items()):
        for d in docs:
            nlp.parse(d)
        start = time.perf_counter()
        for d in docs:
            nlp.parse(d)
        took = time.perf_counter() - start
        chars = sum(len(d.text) for d in docs)
        rates[lang] = chars / took
        print(f"{lang}: {len(docs)} documents, {chars:,} characters, {took:.2f} s, {chars / took:,.0f} characters/s")
    if "en" in rates:
        for lang, rate in rates.items():
            if lang != "en":
                print(f"{lang} / en = {rate / rates['en']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT)
