"""Saved pages against a manifest: sentences kept, boilerplate dropped, the date the page states.

Reads ``MANIFEST.jsonl`` of ``../shared/inputs/`` (one line per file: ``file``, ``kind``,
``published``, ``expect_snippets``, ``boilerplate_snippets``) and prints, per page and in total,
how many expected sentences the extracted text holds (by their first 40 characters), how many
boilerplate strings it does not, and whether the date read is the manifest's.

    python scripts/check_pages.py [--inputs ../shared/inputs]
"""

from __future__ import annotations

import argparse
import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = next((p for p in (ROOT.parent / "shared" / "inputs", ROOT.parent.parent / "shared" / "inputs") if p.is_dir()),
              ROOT.parent / "shared" / "inputs")


def _list(value) -> list[str]:
    """The manifest writes some lists as Python literals in a string."""
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
    return list(value or [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inputs", type=Path, default=INPUTS)
    args = ap.parse_args()
    from geo.text.documents import decode_bytes
    from geo.text.formats.html import read_page

    totals = [0, 0, 0, 0, 0, 0]
    print("| page | kept | dropped | date read (rule) | date stated |")
    print("|---|---:|---:|---|---|")
    for line in (args.inputs / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("kind") != "html":
            continue
        page = read_page(decode_bytes((args.inputs / entry["file"]).read_bytes())[0])
        text = page.text if page else ""
        keep, drop = _list(entry.get("expect_snippets")), _list(entry.get("boilerplate_snippets"))
        kept = sum(s[:40] in text for s in keep)
        dropped = sum(s not in text for s in drop)
        stated = str(entry.get("published") or "")[:10]
        read = str(page.published) if page and page.published else ""
        for i, n in enumerate((kept, len(keep), dropped, len(drop), read == stated, 1)):
            totals[i] += n
        rule = getattr(page, "date_rule", "")
        print(f"| {Path(entry['file']).name} | {kept}/{len(keep)} | {dropped}/{len(drop)} | {read} ({rule}) | {stated} |")
    print(f"| all | {totals[0]}/{totals[1]} | {totals[2]}/{totals[3]} | {totals[4]}/{totals[5]} right | |")


if __name__ == "__main__":
    main()
