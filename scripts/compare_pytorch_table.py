"""The Markdown table of scripts/compare_pytorch.sh, from its JSON lines (its --raw FILE).

    .venv/bin/python scripts/compare_pytorch_table.py FILE

The first line describes the run ("side": "meta"); every other line is one process's
`lessons bench --json` ("side": "d2l-swift") or `bench_pytorch.py --mode train` ("side":
"pytorch") output, tagged with its size (cell:LAYERSxHIDDEN:BATCH) and process number.
"""

import json
import statistics
import sys

PATHS = {
    "avx2": "AVX2 (d2l-swift: D2L_NO_AVX512=1; PyTorch: ATEN_CPU_CAPABILITY=avx2 "
            "ONEDNN_MAX_CPU_ISA=AVX2)",
    "avx512": "AVX-512 (each side's default: d2l-swift's AVX-512 kernels, PyTorch's own dispatch)",
    "default": "each side's default (this CPU has no AVX-512)",
}


def label(size):
    size, _, precision = size.partition("@")
    cell, shape, batch = size.split(":")
    layers, hidden = shape.split("x")
    direction = "bidirectional " if cell.startswith("bi") else ""
    tag = f" ({precision}: d2l-swift bf16 products, PyTorch autocast)" if precision else ""
    return f"{direction}{cell.removeprefix('bi').upper()} {layers} × {hidden}, batch {batch}{tag}"


def main():
    lines = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    meta = next(r for r in lines if r["side"] == "meta")
    runs = {}
    for r in lines:
        if r["side"] != "meta":
            runs.setdefault((r["side"], r["size"]), []).append(r)
    sizes = [s for s in meta["sizes"] if ("d2l-swift", s) in runs and ("pytorch", s) in runs]
    swift_runs = [r for s in sizes for r in runs[("d2l-swift", s)]]
    peaks = {}
    for r in swift_runs:
        peaks.setdefault(r.get("precision", "fp32"), []).append(r["peak_gflops"])
    threads = sorted({r["threads"] for r in swift_runs})
    if threads != [meta["threads"]]:
        print(f"warning: d2l-swift ran on {threads} threads, PyTorch on {meta['threads']}",
              file=sys.stderr)
    done = min(len(runs[(side, s)]) for s in sizes for side in ("d2l-swift", "pytorch"))

    family = f" (family {meta['cpu_family']}, model {meta['cpu_model']})" if meta["cpu_family"] else ""
    print(f"- CPU: {meta['cpu'] or 'unknown'}{family}; {meta['threads']} thread{'s' if meta['threads'] != 1 else ''} each side")
    load = meta.get("load_average")
    print(f"- Date: {meta['date']}" + (f"; load average before the runs {load:.2f}" if load is not None else ""))
    kernels = ", ".join(sorted({r.get("kernels", "unknown") for r in swift_runs}))
    print(f"- Path: {PATHS[meta['path']]}; d2l-swift's kernels (as it reports them): {kernels}; "
          f"PyTorch's ATen CPU capability: {meta['torch_capability']}")
    print(f"- PyTorch: torch {meta['torch']}, torch.set_num_threads({meta['threads']})")
    print(f"- {done} processes per size and side (of {meta['processes']} asked), alternated "
          f"(d2l-swift, PyTorch, ...), {meta['seconds']:g} s of training each")
    for precision, values in peaks.items():
        loop = "VDPBF16PS (bf16 pairs into FP32)" if precision == "bf16" else "independent FMAs"
        print(f"- d2l-swift's measured {precision} peak: {statistics.median(values):.1f} GFLOP/s "
              f"(median; {loop} on every training thread, with the kernels of this path)")
    print("- Ratios: d2l-swift's median over PyTorch's best process (its better mode; PyTorch's "
          "speed is bimodal between processes), and over PyTorch's median")
    print()
    print("| model (vocab 28, 35 steps) | d2l-swift tokens/s (median) | PyTorch best process "
          "| PyTorch median | ratio vs best | ratio vs median | d2l-swift GFLOP/s "
          "| share of measured peak | share of peak per CPU second | ratio per CPU second |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    spread = []
    for size in sizes:
        s, t = runs[("d2l-swift", size)], runs[("pytorch", size)]
        swift = statistics.median(r["tokens_per_sec"] for r in s)
        torch_all = [r["tokens_per_sec"] for r in t]
        best, median = max(torch_all), statistics.median(torch_all)
        gflops = statistics.median(r["gflops"] for r in s)
        share = statistics.median(r["peak_share"] for r in s)
        # Per CPU second (lessons bench's cpu_peak_share): the training's FLOPs per CPU second
        # of the process over the loop's per CPU second of a thread, which a busy machine moves
        # far less than the wall-clock share.
        cpu_shares = [r["cpu_peak_share"] for r in s if "cpu_peak_share" in r]
        cpu_share = f"{statistics.median(cpu_shares):.0%}" if cpu_shares else "n/a"
        # Tokens per CPU second, d2l-swift's median over PyTorch's best process: with one thread
        # a side (--threads 1) the per-core comparison a loaded machine still allows.
        per_cpu = "n/a"
        if all("tokens_per_cpu_sec" in r for r in s + t):
            per_cpu = (f"{statistics.median(r['tokens_per_cpu_sec'] for r in s) / max(r['tokens_per_cpu_sec'] for r in t):.2f}")
        print(f"| {label(size)} | {swift:,.0f} | {best:,.0f} | {median:,.0f} | "
              f"**{swift / best:.2f}** | {swift / median:.2f} | {gflops:.1f} | {share:.0%} | {cpu_share} | {per_cpu} |")
        spread.append(f"{label(size)}: d2l-swift "
                      + " / ".join(f"{r['tokens_per_sec']:,.0f}" for r in s)
                      + "; PyTorch " + " / ".join(f"{v:,.0f}" for v in torch_all)
                      + (f" (per CPU second: d2l-swift "
                         + " / ".join(f"{r['tokens_per_cpu_sec']:,.0f}" for r in s) + "; PyTorch "
                         + " / ".join(f"{r['tokens_per_cpu_sec']:,.0f}" for r in t) + ")"
                         if per_cpu != "n/a" else ""))
    print()
    print("Each process's tokens/s, in the order run:")
    print()
    for line in spread:
        print(f"- {line}")


if __name__ == "__main__":
    main()
