"""A small GeoNames dump written for the tests, in the exact 19-column format of download.geonames.org.

Villages of fewer than 500 people (which the built-in cities500 extract lacks), a
second-level unit (raion) with its seat, Cyrillic alternate names, a row for a
place the built-in store already has (Sumy, with its feature code), and rows the
store does not take (a stream, class H). Names and ids of the invented places are
made up for the tests; ids lie far above GeoNames' range so they never collide.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

SUMY_ID = 692194
VILLAGE_ID = 990_000_001
CYRILLIC_VILLAGE_ID = 990_000_002
SEAT_ID = 990_000_003
RAION_ID = 990_000_010
STREAM_ID = 990_000_020


def row(gid, name, alternates, lat, lon, fclass, fcode, cc="UA", admin1="21", admin2="", population=0) -> str:
    ascii_name = name.encode("ascii", "ignore").decode() or name
    cols = [str(gid), name, ascii_name, ",".join(alternates), f"{lat}", f"{lon}", fclass, fcode, cc, "",
            admin1, admin2, "", "", str(population), "", "150", "Europe/Kyiv", "2024-05-01"]
    assert len(cols) == 19
    return "\t".join(cols)


ROWS = [
    row(VILLAGE_ID, "Zhuravlynka Persha", ["Журавлинка Перша", "Zhuravlinka Pervaya"], 51.1201, 34.8802, "P", "PPL",
        admin2="9901", population=212),
    # A village the data knows only in Cyrillic (Russian spelling): found by its romanisations.
    row(CYRILLIC_VILLAGE_ID, "Zhabotynka", ["Жаботинка Вторая", "Жаботинка"], 51.2002, 34.9503, "P", "PPL",
        admin2="9901", population=64),
    row(SEAT_ID, "Dubove Pole", ["Дубове Поле"], 51.0504, 34.7005, "P", "PPLA2", admin2="9901", population=480),
    row(RAION_ID, "Stepovyi Raion", ["Степовий район", "Stepovoy Rayon"], 51.08, 34.8, "A", "ADM2", admin2="9901"),
    row(SUMY_ID, "Sumy", ["Суми", "Сумы"], 50.9216, 34.80029, "P", "PPLA", admin2="5908", population=256474),
    row(STREAM_ID, "Zhuravka", ["Журавка"], 51.1, 34.9, "H", "STM"),
]


def write_txt(path: Path, rows=ROWS, bad_line: str | None = None) -> Path:
    lines = list(rows)
    if bad_line is not None:
        lines.insert(2, bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_zip(path: Path, rows=ROWS) -> Path:
    """A country dump as GeoNames ships it: ``XX.zip`` holding ``XX.txt`` and a readme."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{path.stem}.txt", "\n".join(rows) + "\n")
        zf.writestr("readme.txt", "GeoNames dump written for the tests.\n")
    return path
