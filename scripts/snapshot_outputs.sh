#!/usr/bin/env bash
# Every output a move must leave unchanged, written to OUT, for CHECKOUT (default: this one):
#   parse --json and eval on the three dev sets and the seeds, map on the seeds and on devset2.
# Compare two snapshots with: scripts/compare_outputs.sh OUT_A OUT_B
#   scripts/snapshot_outputs.sh /tmp/before            # on the commit before a move
#   scripts/snapshot_outputs.sh /tmp/after             # after it
# Another checkout runs with this checkout's venv: PYTHONPATH=CHECKOUT scripts/snapshot_outputs.sh OUT
set -euo pipefail
out=$(realpath -m "$1"); here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/.venv/bin/strikemap"; shared="../shared"  # relative, as paths are printed
mkdir -p "$out"; cd "$here"
export STRIKEMAP_PARSE_CACHE=off
for d in devset devset2 devset3; do
  [ -f "$shared/$d/gold.jsonl" ] || continue
  "$bin" parse "$shared/$d/gold.jsonl" --json -j 1 > "$out/parse_$d.jsonl" 2>/dev/null || true
  "$bin" eval "$shared/$d/gold.jsonl" > "$out/eval_$d.txt" 2>&1 || true
done
"$bin" parse seeds --json -j 1 > "$out/parse_seeds.jsonl" 2>/dev/null || true
rm -rf "$out/map" "$out/map2"
"$bin" map -o "$out/map" --force -j 1 > /dev/null 2>&1 || true
[ -f "$shared/devset2/gold.jsonl" ] && "$bin" map "$shared/devset2/gold.jsonl" -o "$out/map2" --force -j 1 > /dev/null 2>&1 || true
echo "snapshot in $out"
