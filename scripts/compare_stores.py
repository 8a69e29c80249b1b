"""Do two gazetteer stores hold the same rows? ``python scripts/compare_stores.py A.sqlite B.sqlite``.

Prints, per table, the row count and a SHA-256 over its rows in key order, for both stores, and
"same" or "DIFFERENT" (the ``meta`` table's build time and input hash are left out). Used to check
that a change of the build code leaves the store as it was (BENCHMARKS.md, section 17).
"""

import hashlib
import sqlite3
import sys

TABLES = (("places", "id"), ("names", "key, id"), ("blobs", "name"))


def digest(path: str) -> dict:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table, order in TABLES:
            h, n = hashlib.sha256(), 0
            for row in con.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                h.update(repr(row).encode())
                n += 1
            out[table] = (n, h.hexdigest()[:16])
        out["counts"] = dict(con.execute("SELECT key, value FROM meta")).get("counts")
        return out
    finally:
        con.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    a, b = digest(argv[0]), digest(argv[1])
    for key in a:
        print(key, a[key], b[key], "same" if a[key] == b[key] else "DIFFERENT")
    return 0 if a == b else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
