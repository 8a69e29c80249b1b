"""Indicative zones on every shipped region along the Russia-Ukraine border: area match, compactness, time.

For each Russian region bordering Ukraine (a Ukrainian claim) and each
Ukrainian region bordering Russia (a Russian claim), draws the zone of each
claimed area with ``maps.zones.border_zone`` and prints the worst area error,
the least compact zone (isoperimetric quotient 4πA/P² in an equal-area
projection; the issue asks ≥ 0.2) and the time per zone. Prints Markdown.

    python scripts/bench_zones.py --areas 10 200 1000 5000
"""

from __future__ import annotations

import argparse
import time


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--areas", type=float, nargs="*", default=[10, 200, 1000, 5000], help="claimed areas in km²")
    args = ap.parse_args(argv)

    from maps.geodesy import geodesic_area_km2, isoperimetric_quotient
    from maps.regions import country_outline, load_regions
    from maps.zones import BORDER, border_zone

    regions = load_regions()
    outlines = {cc: country_outline(cc) for cc in ("RU", "UA")}
    pairs = []
    for claimed_in, controller in (("RU", "UA"), ("UA", "RU")):
        near = outlines[controller].buffer(0.05)
        for _, row in regions[regions["country_code"] == claimed_in].iterrows():
            if row.geometry.intersects(near):
                pairs.append((row["name"], row.geometry, outlines[controller]))
    print(f"{len(pairs)} border regions ({', '.join(n for n, _, _ in pairs)})\n")
    print("| claimed km² | zones | on the shared border | worst area error % | least compact (IQ) | median IQ | ms per zone |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for area in args.areas:
        errors, iqs, times, border = [], [], [], 0
        for _, geom, controller in pairs:
            t0 = time.perf_counter()
            zone = border_zone(geom, controller, area)
            times.append(time.perf_counter() - t0)
            errors.append(abs(geodesic_area_km2(zone.geometry) - area) / area * 100)
            iqs.append(isoperimetric_quotient(zone.geometry))
            border += zone.basis == BORDER
        iqs.sort()
        times.sort()
        print(f"| {area:,.0f} | {len(pairs)} | {border} | {max(errors):.2f} | {iqs[0]:.2f} | "
              f"{iqs[len(iqs) // 2]:.2f} | {times[len(times) // 2] * 1000:.0f} |")


if __name__ == "__main__":
    main()
