#!/usr/bin/env bash
# Compare two output snapshots (scripts/snapshot_outputs.sh): byte for byte, except folium's random
# element ids in map.html. Prints each file that differs, then IDENTICAL or DIFFERENT (exit 1).
set -uo pipefail
a=$1; b=$2; ok=1
for f in $(cd "$a" && ls *.jsonl *.txt 2>/dev/null); do cmp -s "$a/$f" "$b/$f" || { echo "differs: $f"; ok=0; }; done
for m in map map2; do
  [ -d "$a/$m" ] || continue
  for f in $(cd "$a/$m" && ls); do
    if [ "$f" = map.html ]; then
      cmp -s <(sed -E 's/_[0-9a-f]{32}/_ID/g' "$a/$m/$f") <(sed -E 's/_[0-9a-f]{32}/_ID/g' "$b/$m/$f") || { echo "differs: $m/$f"; ok=0; }
    else
      cmp -s "$a/$m/$f" "$b/$m/$f" || { echo "differs: $m/$f"; ok=0; }
    fi
  done
done
if [ $ok = 1 ]; then echo IDENTICAL; else echo DIFFERENT; exit 1; fi
