#!/usr/bin/env bash
# The book's seq2seq run: `lessons bench --model seq2seq` against the book's own PyTorch code
# (scripts/bench_seq2seq_pytorch.py), side by side in one run, best of N processes each.
# PyTorch runs twice: with its default threads (the book's code as it is) and with one thread
# (its better setting on a busy machine); the ratio is against the better of the two.
#
#   D2L_DATA_DIR=/work/shared/data scripts/compare_seq2seq.sh [processes=3] [swift seconds=5] [torch epochs=8]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}; SECONDS_SWIFT=${2:-5}; EPOCHS=${3:-8}
PY=${PYTHON:-.venv/bin/python}
LESSONS=.build/release/lessons
[ -x "$LESSONS" ] || swift build -c release --product lessons >/dev/null
best() { sort -g | tail -1; }
field() { sed -E 's/.*"tokens_per_sec": ?([0-9.e+]+).*/\1/'; }
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) (family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), model $(grep -m1 '^model\s*:' /proc/cpuinfo | cut -d: -f2 | xargs)), $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
swift=(); torch_default=(); torch_one=()
for i in $(seq "$N"); do
  swift+=("$("$LESSONS" bench --model seq2seq --seconds "$SECONDS_SWIFT" --json | field)")
  torch_default+=("$("$PY" scripts/bench_seq2seq_pytorch.py --epochs "$EPOCHS" --json | field)")
  torch_one+=("$("$PY" scripts/bench_seq2seq_pytorch.py --epochs "$EPOCHS" --threads 1 --json | field)")
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
S=$(printf '%s\n' "${swift[@]}" | best); TD=$(printf '%s\n' "${torch_default[@]}" | best); T1=$(printf '%s\n' "${torch_one[@]}" | best)
T=$(printf '%s\n%s\n' "$TD" "$T1" | best)
printf 'd2l-swift (lessons bench --model seq2seq): %s target tokens/s  (runs: %s)\n' "$(printf '%.0f' "$S")" "${swift[*]}"
printf 'PyTorch %s, default threads:  %s target tokens/s  (runs: %s)\n' "$("$PY" -c 'import torch; print(torch.__version__)')" "$(printf '%.0f' "$TD")" "${torch_default[*]}"
printf 'PyTorch, 1 thread:            %s target tokens/s  (runs: %s)\n' "$(printf '%.0f' "$T1")" "${torch_one[*]}"
printf 'ratio (best of each, against the better PyTorch): %.2fx\n' "$(echo "$S / $T" | bc -l)"
