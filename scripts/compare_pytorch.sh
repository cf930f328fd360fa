#!/usr/bin/env bash
# Training speed of d2l-swift against PyTorch (CPU), measured back to back on this machine.
#
#   scripts/compare_pytorch.sh [--seconds S] [--processes N] [--threads T] [--avx2]
#                              [--sizes CELL:LxH:B,...] [--precision fp32,bf16] [--raw FILE]
#
# For each size (default: the chapter's LSTM 2x256 batch 32 and eight variations of it; vocab
# 28, 35 steps) it runs `lessons bench --json` and `scripts/bench_pytorch.py --mode train` in
# N separate processes each (default 3, at least 2), alternated (swift, torch, swift, torch, ...)
# so both sides see the same machine, S seconds of training each (default 10), T threads each
# (default 2). It prints a Markdown table for docs/performance.md.
#
# Why several processes, and PyTorch's best: PyTorch's speed is bimodal from process to process
# (e.g. ~36,000 or ~62,000 tokens/s for the same model): each process lands in one mode or the
# other, so the ratio that counts is d2l-swift's median against PyTorch's best process (its
# better mode); the ratio against PyTorch's median is shown too.
#
# --avx2 measures the portable x86-64 path on both sides: D2L_NO_AVX512=1 for d2l-swift,
# ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 for PyTorch. Otherwise each side uses the
# best it has (AVX-512 on this machine). --sizes picks sizes, e.g. lstm:2x256:32,gru:1x64:32;
# a cell named bilstm, bigru or birnn is bidirectional (--bidirectional on both sides), e.g.
# --sizes lstm:2x256:32,bilstm:2x256:32.
# --precision fp32,bf16 measures each size at both precisions in the same run, alternated
# process by process: d2l-swift's `--precision bf16` (bf16 products summed in FP32; needs
# AVX512_BF16) against PyTorch's CPU autocast to bf16 (`bench_pytorch.py --precision bf16`).
# The table then has a row per size and precision ("… (bf16)"), each with its own peak's share.
# --raw FILE keeps every run's JSON (one line each; scripts/compare_pytorch_table.py FILE
# prints the table again from it).
#
# PyTorch is optional and not part of `make test`. To install the CPU build into .venv:
#   python3 -m venv .venv && .venv/bin/pip install -r scripts/requirements-fixtures.txt
# The machine is shared and noisy: run it when nothing else is running.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 [--seconds S] [--processes N] [--threads T] [--avx2]" >&2
  echo "       [--sizes CELL:LAYERSxHIDDEN:BATCH,...] [--precision fp32,bf16] [--raw FILE]" >&2
  echo "  CELL is lstm, gru or rnn, or bilstm, bigru, birnn for a bidirectional one;" >&2
  echo "  e.g. --sizes lstm:2x256:32,bilstm:2x256:32,gru:1x64:32" >&2
  exit 2
}

default_sizes=lstm:2x256:32,lstm:1x256:32,lstm:3x256:32,lstm:2x512:32,lstm:2x256:128,lstm:2x64:32,gru:2x256:32,rnn:2x256:32,gru:1x64:32
seconds=10 processes=3 threads=2 avx2=0 sizes=$default_sizes raw= precisions=fp32
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
    --processes | --rounds) [ $# -ge 2 ] || usage; processes=$2; shift 2 ;;  # --rounds: its old name
    --threads) [ $# -ge 2 ] || usage; threads=$2; shift 2 ;;
    --sizes) [ $# -ge 2 ] || usage; sizes=$2; shift 2 ;;
    --raw) [ $# -ge 2 ] || usage; raw=$2; shift 2 ;;
    --precision) [ $# -ge 2 ] || usage; precisions=$2; shift 2 ;;
    --avx2) avx2=1; shift ;;
    *) usage ;;
  esac
done
[[ $seconds =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "--seconds: expected a number, got '$seconds'" >&2; usage; }
[[ $processes =~ ^[0-9]+$ ]] && [ "$processes" -ge 2 ] || { echo "--processes: expected 2 or more, got '$processes'" >&2; usage; }
[[ $threads =~ ^[0-9]+$ ]] && [ "$threads" -ge 1 ] || { echo "--threads: expected 1 or more, got '$threads'" >&2; usage; }
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a precision_list <<<"$precisions"
for precision in "${precision_list[@]}"; do
  [[ $precision == fp32 || $precision == bf16 ]] || { echo "--precision: expected fp32 or bf16, got '$precision'" >&2; usage; }
done
# A size at bf16 is tagged SIZE@bf16 in the results and the table.
tagged_sizes=$(for s in "${size_list[@]}"; do for p in "${precision_list[@]}"; do
  if [ "$p" = fp32 ]; then echo "$s"; else echo "$s@$p"; fi; done; done | paste -sd, -)
[ ${#size_list[@]} -gt 0 ] || usage
for size in "${size_list[@]}"; do
  [[ $size =~ ^(bi)?(lstm|gru|rnn):[1-9][0-9]*x[1-9][0-9]*:[1-9][0-9]*$ ]] || { echo "--sizes: bad size '$size'" >&2; usage; }
done

python=${PYTHON:-.venv/bin/python}  # PYTHON: another environment's interpreter with torch
if ! "$python" -c "import torch" 2>/dev/null; then
  echo "PyTorch is not installed in .venv (or \$PYTHON). Install the CPU build with:" >&2
  echo "  python3 -m venv .venv && .venv/bin/pip install -r scripts/requirements-fixtures.txt" >&2
  exit 1
fi
: "${D2L_DATA_DIR:=$(cd .. && pwd)/shared/data}"
export D2L_DATA_DIR
swift build -c release --product lessons >/dev/null
lessons=.build/release/lessons

# Each side's kernels, whatever the caller's environment says; the same thread count for both.
clean=(env -u D2L_KERNELS -u D2L_NO_AVX512 -u ATEN_CPU_CAPABILITY -u ONEDNN_MAX_CPU_ISA)
if [ "$avx2" = 1 ]; then
  path=avx2
  swift_env=("${clean[@]}" D2L_THREADS="$threads" D2L_NO_AVX512=1)
  torch_env=("${clean[@]}" ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2)
else
  path=avx512
  grep -qw avx512f /proc/cpuinfo 2>/dev/null || path=default
  swift_env=("${clean[@]}" D2L_THREADS="$threads")
  torch_env=("${clean[@]}")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=${raw:-$tmp/results.jsonl}
lscpu_field() { lscpu 2>/dev/null | sed -n "s/^$1:[[:space:]]*//p" | head -n 1; }
# The first line describes the run (the table's header), then one line per process.
"${torch_env[@]}" "$python" - "$(lscpu_field 'Model name')" "$(lscpu_field 'CPU family')" \
  "$(lscpu_field 'Model')" "$path" "$processes" "$seconds" "$threads" "$tagged_sizes" >"$results" <<'PY'
import datetime, json, os, sys, torch
cpu, family, model, path, processes, seconds, threads, sizes = sys.argv[1:]
print(json.dumps({"side": "meta", "cpu": cpu, "cpu_family": family, "cpu_model": model,
                  "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
                  "path": path, "torch": torch.__version__,
                  "torch_capability": torch.backends.cpu.get_cpu_capability(),
                  "processes": int(processes), "seconds": float(seconds),
                  "threads": int(threads), "sizes": sizes.split(","),
                  "load_average": os.getloadavg()[0]}))
PY

# run SIDE SIZE PROCESS COMMAND...: appends the command's JSON line, tagged, to $results.
run() {
  local side=$1 size=$2 process=$3 line
  shift 3
  if ! line=$("$@" 2>"$tmp/stderr" | tail -n 1) || [[ $line != "{"* ]]; then
    echo "$side failed for $size (process $process): $*" >&2
    tail -n 20 "$tmp/stderr" >&2
    exit 1
  fi
  echo "{\"side\":\"$side\",\"size\":\"$size\",\"process\":$process,\"path\":\"$path\",${line#\{}" >>"$results"
}

for size in "${size_list[@]}"; do
  IFS=':x' read -r cell layers hidden batch <<<"$size"
  shape=(--cell "${cell#bi}" --layers "$layers" --hidden "$hidden" --batch-size "$batch" --seconds "$seconds")
  [[ $cell == bi* ]] && shape+=(--bidirectional)
  for ((p = 1; p <= processes; p++)); do
    for precision in "${precision_list[@]}"; do
      tag=$size
      [ "$precision" = fp32 ] || tag=$size@$precision
      echo "$tag: process $p/$processes" >&2
      run d2l-swift "$tag" "$p" "${swift_env[@]}" "$lessons" bench "${shape[@]}" --precision "$precision" --json
      run pytorch "$tag" "$p" "${torch_env[@]}" "$python" scripts/bench_pytorch.py --mode train \
        "${shape[@]}" --threads "$threads" --precision "$precision"
    done
  done
done

"$python" scripts/compare_pytorch_table.py "$results"
