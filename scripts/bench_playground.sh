#!/usr/bin/env bash
# Measures how long an edited step takes from saving to its output: `lessons edit STEP` on a
# copy of the playground, once from nothing (the first build compiles the library) and then
# RUNS times after a one-line change (only the learner's file recompiles, then a link).
#   scripts/bench_playground.sh [RUNS] [STEP]     (needs D2L_DATA_DIR, a built .build/debug/lessons)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
step="${2:-scratch-stack}"
lessons="$root/.build/debug/lessons"
[ -x "$lessons" ] || { echo "build the tool first: swift build --product lessons" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s|let projectRoot = \"..\"|let projectRoot = \"$root\"|" "$root/playground/Package.swift" > "$work/Package.swift"
export D2L_PLAYGROUND="$work"

# An "editor" that changes the seed of the step's generator, a different value each time.
editor="$work/editor.sh"
cat > "$editor" <<'SH'
#!/bin/sh
sed -i -E "s/RandomGenerator\(seed: [0-9]+\)/RandomGenerator(seed: $(date +%N | cut -c1-6))/" "$1"
SH
chmod +x "$editor"

seconds() { local start end; start=$(date +%s.%N); EDITOR="$editor" "$lessons" edit "$step" > "$work/out.txt" 2>&1; end=$(date +%s.%N); awk "BEGIN { printf \"%.2f\", $end - $start }"; }

cd "$root"
first=$(seconds)
later=()
for _ in $(seq "$runs"); do sleep 1.2; later+=("$(seconds)"); done
median=$(printf '%s\n' "${later[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
echo "step: $step"
echo "first build to output: ${first} s"
echo "later edits to output: ${later[*]} s (median ${median} s)"
