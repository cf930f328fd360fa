#!/usr/bin/env bash
# Training speed of d2l-swift against PyTorch (CPU), measured back to back on this machine.
#
#   scripts/compare_pytorch.sh [--seconds S] [--rounds R] [--threads N]
#
# For each model (the chapter's 2-layer LSTM, and a 2-layer GRU and RNN of the same size:
# hidden 256, vocab 28, batch 32, 35 steps) it alternates `lessons bench --json` and
# `scripts/bench_pytorch.py --mode train` R times, S seconds each, and prints the median
# tokens/s of each, their ratio, and d2l-swift's share of the machine's peak.
#
# PyTorch is optional and not part of `make test`. To install the CPU build into .venv:
#   python3 -m venv .venv && .venv/bin/pip install -r scripts/requirements-fixtures.txt
# The machine is shared and noisy: run it when nothing else is running, and quote medians.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15 rounds=3 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--rounds R] [--threads N]" >&2; exit 2 ;;
  esac
done

python=.venv/bin/python
if ! "$python" -c "import torch" 2>/dev/null; then
  echo "PyTorch is not installed in .venv. Install the CPU build with:" >&2
  echo "  python3 -m venv .venv && .venv/bin/pip install -r scripts/requirements-fixtures.txt" >&2
  exit 1
fi
: "${D2L_DATA_DIR:=$(cd .. && pwd)/shared/data}"
export D2L_DATA_DIR
swift build -c release --product lessons >/dev/null
lessons=.build/release/lessons

results=$(mktemp)
for cell in lstm gru rnn; do
  for ((r = 1; r <= rounds; r++)); do
    echo "round $r/$rounds: $cell" >&2
    "$lessons" bench --cell "$cell" --seconds "$seconds" --json | sed "s/^/swift $cell /" >>"$results"
    "$python" scripts/bench_pytorch.py --mode train --cell "$cell" --seconds "$seconds" \
      --threads "$threads" 2>/dev/null | sed "s/^/torch $cell /" >>"$results"
  done
done

"$python" - "$results" "$threads" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    who, cell, payload = line.split(" ", 2)
    rows.setdefault((who, cell), []).append(json.loads(payload))
print(f"PyTorch: torch {rows[('torch', 'lstm')][0]['torch']}, torch.set_num_threads({sys.argv[2]}); "
      f"medians of {len(rows[('torch', 'lstm')])} alternating rounds")
print(f"{'model':<22} {'d2l-swift tok/s':>16} {'PyTorch tok/s':>14} {'ratio':>6} {'GFLOP/s':>8} {'peak share':>10}")
for cell in ["lstm", "gru", "rnn"]:
    s = rows[("swift", cell)]
    t = rows[("torch", cell)]
    sm = statistics.median(r["tokens_per_sec"] for r in s)
    tm = statistics.median(r["tokens_per_sec"] for r in t)
    gf = statistics.median(r["gflops"] for r in s)
    share = statistics.median(r["peak_share"] for r in s)
    print(f"{cell.upper() + ' 2x256':<22} {sm:>16.0f} {tm:>14.0f} {sm / tm:>6.2f} {gf:>8.1f} {share:>10.0%}")
PY
rm -f "$results"
