"""PyTorch side of d2l-swift's speed comparisons (D2L 0.17, "Deep Recurrent Neural Networks").

Install (CPU build of torch from PyPI, into the gitignored .venv):

    python3 -m venv .venv
    .venv/bin/pip install -r scripts/requirements-fixtures.txt

The model is D2L's RNNModel: one-hot(28) -> nn.LSTM/GRU/RNN(hidden, num_layers) -> Linear(28).
The data is D2L's load_data_time_machine: the first 10,000 character tokens of The Time
Machine ($D2L_DATA_DIR, default /work/shared/data), sequential iterator. A training step is
D2L's train_epoch_ch8: state detached between minibatches, mean cross-entropy, SGD,
gradients clipped to global norm 1. (See d2l_reference.py beside this file.)

Modes (each prints one JSON object on stdout; progress goes to stderr):

    # training throughput: warm up, then train for --seconds
    .venv/bin/python scripts/bench_pytorch.py --mode train --cell lstm --layers 2 \\
        --hidden 256 --batch-size 32 --num-steps 35 --seconds 20 --threads 2
    # the chapter's whole run (lr 2, 500 epochs): final perplexity, wall time, predictions
    .venv/bin/python scripts/bench_pytorch.py --mode full --epochs 500
    # inference: greedy generation of --chars characters, median of --repeats runs
    .venv/bin/python scripts/bench_pytorch.py --mode predict \\
        --weights Tests/D2LTests/Fixtures/unseen_lstm_l2.safetensors --chars 500
    # inference: perplexity of a checkpoint on a text, median of --repeats runs
    .venv/bin/python scripts/bench_pytorch.py --mode eval \\
        --weights Tests/D2LTests/Fixtures/unseen_lstm_l2.safetensors \\
        --text Tests/D2LTests/Fixtures/eval_sample.txt

--weights takes a bare RNNModel state_dict in safetensors (cell, hidden size and layers
are inferred from the tensor shapes); the vocabulary is D2L's 28-character one.
"""

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import time

import torch
from safetensors.torch import load_file
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2l_reference as d2l  # noqa: E402

PREFIXES = ["time traveller", "traveller"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def build(args, vocab):
    """D2L's RNNModel, SGD and loss, seeded."""
    torch.manual_seed(args.seed)
    rnn = d2l.make_rnn_layer(args.cell, len(vocab), args.hidden, args.layers, args.bidirectional)
    net = d2l.RNNModel(rnn, len(vocab))
    return net, nn.CrossEntropyLoss(), torch.optim.SGD(net.parameters(), args.lr)


def autocast(args):
    """--precision bf16: PyTorch's CPU automatic mixed precision for the forward pass and the
    loss (its matmuls and RNN cells in bf16, reductions and the loss in FP32); the weights,
    gradients and SGD stay FP32. fp32: nothing."""
    if args.precision == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def train_step(args, net, X, Y, state, loss, updater):
    """d2l.train_step, with the forward pass and loss under autocast when asked."""
    if args.precision == "fp32":
        return d2l.train_step(net, X, Y, state, loss, updater)
    y = Y.T.reshape(-1)
    with autocast(args):
        y_hat, state = net(X, state)
        l = loss(y_hat, y.long()).mean()
    updater.zero_grad()
    l.backward()
    d2l.grad_clipping(net, 1)
    updater.step()
    # The state leaves autocast in bf16; the next minibatch reads it as FP32, as D2L keeps it.
    state = tuple(s.float() for s in state) if isinstance(state, tuple) else state.float()
    return float(l.detach()), state


def endless(train_iter):
    """(starts_epoch, X, Y) over as many epochs as asked for; each epoch has a new offset."""
    while True:
        for i, (X, Y) in enumerate(train_iter):
            yield i == 0, X, Y


def mode_train(args):
    random.seed(args.seed)
    train_iter, vocab = d2l.load_data_time_machine(args.batch_size, args.num_steps)
    net, loss, updater = build(args, vocab)
    state, tokens, start = None, 0, None
    for i, (starts_epoch, X, Y) in enumerate(endless(train_iter)):
        if i == args.warmup:
            start, cpu_start = time.perf_counter(), time.process_time()
        elif start is not None and time.perf_counter() - start >= args.seconds:
            break
        # train_epoch_ch8's state handling: zero state per epoch, detached in between.
        if starts_epoch:
            state = net.begin_state(batch_size=X.shape[0])
        else:
            d2l.detach_state(state)
        _, state = train_step(args, net, X, Y, state, loss, updater)
        if start is not None:
            tokens += X.numel()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        # Per CPU second of the whole process (every thread): on a shared machine it moves far
        # less with the neighbours' load than per second does.
        "mode": "train", "tokens_per_sec": tokens / elapsed, "tokens": tokens,
        "cpu_seconds": cpu, "tokens_per_cpu_sec": tokens / cpu,
        "seconds": elapsed, "cell": args.cell, "layers": args.layers, "hidden": args.hidden,
        "bidirectional": args.bidirectional,
        "batch_size": args.batch_size, "num_steps": args.num_steps, "lr": args.lr,
        "threads": args.threads, "torch": torch.__version__, "precision": args.precision,
    }


def mode_full(args):
    random.seed(args.seed)
    train_iter, vocab = d2l.load_data_time_machine(args.batch_size, args.num_steps)
    net, loss, updater = build(args, vocab)
    start = time.perf_counter()
    tokens = 0
    for epoch in range(1, args.epochs + 1):
        ppl, n = d2l.train_epoch_ch8(net, train_iter, loss, updater)
        tokens += n
        if epoch % 10 == 0 or epoch == args.epochs:
            elapsed = time.perf_counter() - start
            log(f"epoch {epoch}: perplexity {ppl:.2f}, {tokens / elapsed:.0f} tokens/s")
    wall = time.perf_counter() - start
    return {
        "mode": "full", "epochs": args.epochs, "perplexity": ppl, "wall_seconds": wall,
        "tokens_per_sec": tokens / wall,
        "predictions": {p: d2l.predict_ch8(p, 50, net, vocab) for p in PREFIXES},
        "cell": args.cell, "layers": args.layers, "hidden": args.hidden,
        "bidirectional": args.bidirectional,
        "batch_size": args.batch_size, "num_steps": args.num_steps, "lr": args.lr,
        "threads": args.threads, "torch": torch.__version__,
    }


def timed(fn, repeats):
    """(result of the last run, list of seconds per run)."""
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - start)
    return result, seconds


def load_checkpoint(path):
    net, cell, layers, hidden = d2l.model_from_state_dict(load_file(path))
    net.eval()
    _, vocab = d2l.load_corpus_time_machine()
    info = {"weights": path, "cell": cell, "layers": layers, "hidden": hidden,
            "threads": torch.get_num_threads(), "torch": torch.__version__}
    return net, vocab, info


def mode_predict(args):
    net, vocab, info = load_checkpoint(args.weights)
    text, seconds = timed(lambda: d2l.predict_ch8(args.prefix, args.chars, net, vocab),
                          args.repeats)
    return {"mode": "predict", "prefix": args.prefix, "chars": args.chars,
            "seconds": statistics.median(seconds), "seconds_all": seconds,
            "text": text, **info}


def mode_eval(args):
    net, vocab, info = load_checkpoint(args.weights)
    with open(args.text, "rb") as f:
        raw = f.read()
    if args.max_chars > 0:
        raw = raw[: args.max_chars]
    text = raw.decode("utf-8")
    (ppl, n), seconds = timed(lambda: d2l.perplexity_on(net, vocab, text), args.repeats)
    return {"mode": "eval", "text": args.text, "max_chars": args.max_chars,
            "perplexity": ppl, "tokens": n, "seconds": statistics.median(seconds),
            "seconds_all": seconds, **info}


def main():
    parser = argparse.ArgumentParser(
        description="PyTorch benchmark for d2l-swift (D2L 0.17 deep RNN chapter).",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--mode", choices=["train", "full", "predict", "eval"], required=True)
    parser.add_argument("--cell", choices=["lstm", "gru", "rnn"], default="lstm")
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--bidirectional", action="store_true",
                        help="train/full: nn.LSTM/GRU/RNN(..., bidirectional=True), Linear(2h)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--num-steps", type=int, default=35)
    parser.add_argument("--lr", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=20.0, help="train: timed duration")
    parser.add_argument("--warmup", type=int, default=5, help="train: untimed minibatches")
    parser.add_argument("--epochs", type=int, default=500, help="full: number of epochs")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--precision", choices=["fp32", "bf16"], default="fp32",
                        help="train: bf16 runs the forward pass and loss under torch.autocast"
                             "(\"cpu\", torch.bfloat16)")
    parser.add_argument("--weights", help="predict/eval: safetensors state_dict")
    parser.add_argument("--prefix", default="time traveller", help="predict: prompt")
    parser.add_argument("--chars", type=int, default=500, help="predict: characters")
    parser.add_argument("--text", help="eval: text file")
    parser.add_argument("--max-chars", type=int, default=0,
                        help="eval: cut the raw file to its first N bytes (0 = all)")
    parser.add_argument("--repeats", type=int, default=5, help="predict/eval: runs")
    args = parser.parse_args()
    if args.mode in ("predict", "eval") and not args.weights:
        parser.error(f"--mode {args.mode} needs --weights FILE")
    if args.mode == "eval" and not args.text:
        parser.error("--mode eval needs --text FILE")

    torch.set_num_threads(args.threads)
    run = {"train": mode_train, "full": mode_full,
           "predict": mode_predict, "eval": mode_eval}[args.mode]
    print(json.dumps(run(args)))


if __name__ == "__main__":
    main()
