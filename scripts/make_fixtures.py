"""Write the PyTorch reference fixtures that the Swift tests compare against.

Run from the repository root (a CPU build of torch is enough, ~2 minutes):

    python3 -m venv .venv
    .venv/bin/pip install -r scripts/requirements-fixtures.txt
    D2L_DATA_DIR=/work/shared/data .venv/bin/python scripts/make_fixtures.py

Options: `--out DIR` (default Tests/D2LTests/Fixtures), `--only vocab,model,layer,packed,unseen,bi,biunseen`
(`bi` and `biunseen` are the bidirectional ones; `--only bi,biunseen` writes just those and adds
their entries to unseen_expected.json, keeping the others).
Everything is seeded and runs single-threaded, so a re-run writes the same files.

Files written (all tensors float32, token tensors int64):

  timemachine_vocab.json       D2L 0.17's char vocabulary of The Time Machine, corpus size,
                               first 50 corpus indices, first 20 tokens of the word vocabulary.
  model_{cell}_l{L}.safetensors    RNNModel (one-hot -> nn.RNN/GRU/LSTM -> Linear), vocab 7,
                               hidden 5, batch 3, steps 4: parameters, inputs, outputs, loss,
                               and gradients of the mean cross-entropy.
  layer_{cell}_l{L}.safetensors    bare nn.RNN/GRU/LSTM, input 6, hidden 5, dense input:
                               loss = sum(out*R) + sum(h_n*S) [+ sum(c_n*Sc)], with gradients.
  layer_{cell}_l2_packed.safetensors   the same with input 32, hidden 64, batch 8, steps 4:
                               sizes where the Swift side runs its packed per-step kernels,
                               the input products inside the time loop, and the split loop.
  model_{cell}_l2_packed.safetensors   RNNModel with vocab 28, hidden 64, batch 8, steps 4: the
                               one-hot gather inside the time loop at the same sizes.
  model_{cell}_l{L}_bi.safetensors, layer_{cell}_l{L}_bi.safetensors  (L = 1, 2)
                               the same with bidirectional=True: states (2L, B, H) in PyTorch's
                               order, outputs 2H wide, `*_reverse` parameters and gradients.
  model_{cell}_l2_bi_packed.safetensors   bidirectional, vocab 28, hidden 16, batch 8: whole
                               panels, and the loop split by rows.
  unseen_gru_l1.safetensors, unseen_lstm_l2.safetensors, unseen_bigru_l1.safetensors,
  unseen_bilstm_l2.safetensors
                               bare state_dicts (no metadata) of models trained briefly on the
                               first 10,000 tokens of The Time Machine (the bi* ones
                               bidirectional, as in D2L's bidirectional RNN section).
  unseen_expected.json         their greedy predictions and perplexities on eval texts.

`eval_sample.txt` in the same folder is hand-written and read, not written, by this script.
"""

import argparse
import json
import os
import random
import sys
import time

import torch
from safetensors.torch import load_file, save_file
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2l_reference as d2l  # noqa: E402

CELLS = ["rnn", "gru", "lstm"]
LAYERS = [1, 2, 3]


def f32(t):
    """A detached, contiguous float32 copy, as stored in the fixtures."""
    return t.detach().to(torch.float32).contiguous().clone()


def config_seed(base, cell, num_layers):
    """A fixed seed per configuration, e.g. 1000 + 10 * cell + layers."""
    return base + 10 * CELLS.index(cell) + num_layers


# ----------------------------------------------------------------------------
# a) Vocabulary


def make_vocab_fixture(out_dir):
    lines = d2l.read_time_machine()
    tokens = d2l.tokenize(lines, "char")
    vocab = d2l.Vocab(tokens)
    corpus = [vocab[token] for line in tokens for token in line]
    word_vocab = d2l.Vocab(d2l.tokenize(lines, "word"))
    fixture = {
        "idx_to_token": vocab.idx_to_token,
        "num_corpus_tokens": len(corpus),
        "first_tokens": corpus[:50],
        "word_vocab_first20": word_vocab.idx_to_token[:20],
        "token_freqs": [[t, f] for t, f in vocab.token_freqs],
        "num_lines": len(lines),
    }
    write_json(os.path.join(out_dir, "timemachine_vocab.json"), fixture)
    print(f"vocab: {len(vocab)} tokens {vocab.idx_to_token}, corpus {len(corpus)} tokens")


# ----------------------------------------------------------------------------
# b) RNNModel fixtures (token input, cross-entropy loss)

VOCAB, HIDDEN, BATCH, STEPS = 7, 5, 3, 4
LAYER_INPUT = 6


def make_model_fixture(out_dir, cell, num_layers, sizes=(VOCAB, HIDDEN, BATCH, STEPS), suffix="", seed_base=1000,
                       bidirectional=False):
    VOCAB, HIDDEN, BATCH, STEPS = sizes  # noqa: N806 (shadow the defaults for this fixture)
    torch.manual_seed(config_seed(seed_base, cell, num_layers))
    net = d2l.RNNModel(d2l.make_rnn_layer(cell, VOCAB, HIDDEN, num_layers, bidirectional), VOCAB)
    X = torch.randint(0, VOCAB, (BATCH, STEPS), dtype=torch.int64)
    Y = torch.randint(0, VOCAB, (BATCH, STEPS), dtype=torch.int64)
    directions = 2 if bidirectional else 1
    shape = (num_layers * directions, BATCH, HIDDEN)
    h0 = torch.randn(shape).requires_grad_()
    c0 = torch.randn(shape).requires_grad_() if cell == "lstm" else None
    state = (h0, c0) if cell == "lstm" else h0

    # RNNModel.forward, spelled out to keep the recurrent layer's output.
    inputs = nn.functional.one_hot(X.T, VOCAB).to(torch.float32)
    rnn_out, new_state = net.rnn(inputs, state)
    logits = net.linear(rnn_out.reshape(-1, HIDDEN * directions))
    check_logits, _ = net(X, state)
    assert torch.equal(logits, check_logits)
    loss = nn.CrossEntropyLoss()(logits, Y.T.reshape(-1))
    loss.backward()

    tensors = {name: f32(p) for name, p in net.state_dict().items()}
    tensors["input.X"] = X.contiguous()
    tensors["input.Y"] = Y.contiguous()
    tensors["input.h0"] = f32(h0)
    tensors["output.rnn"] = f32(rnn_out)
    tensors["output.logits"] = f32(logits)
    h_n = new_state[0] if cell == "lstm" else new_state
    tensors["output.h"] = f32(h_n)
    tensors["output.loss"] = f32(loss.reshape(1))
    for name, p in net.named_parameters():
        tensors["grad." + name] = f32(p.grad)
    tensors["grad.h0"] = f32(h0.grad)
    if cell == "lstm":
        tensors["input.c0"] = f32(c0)
        tensors["output.c"] = f32(new_state[1])
        tensors["grad.c0"] = f32(c0.grad)
    save_file(tensors, os.path.join(out_dir, f"model_{cell}_l{num_layers}{suffix}.safetensors"))


# ----------------------------------------------------------------------------
# c) Bare recurrent layer fixtures (dense input, weighted-sum loss)


def make_layer_fixture(out_dir, cell, num_layers, sizes=(LAYER_INPUT, HIDDEN, BATCH, STEPS), suffix="",
                       seed_base=2000, bidirectional=False):
    layer_input, hidden, batch, steps = sizes
    torch.manual_seed(config_seed(seed_base, cell, num_layers))
    rnn = d2l.make_rnn_layer(cell, layer_input, hidden, num_layers, bidirectional)
    directions = 2 if bidirectional else 1
    shape = (num_layers * directions, batch, hidden)
    X = torch.randn(steps, batch, layer_input).requires_grad_()
    h0 = torch.randn(shape).requires_grad_()
    c0 = torch.randn(shape).requires_grad_() if cell == "lstm" else None
    R = torch.randn(steps, batch, hidden * directions)
    S = torch.randn(shape)
    Sc = torch.randn(shape) if cell == "lstm" else None

    if cell == "lstm":
        out, (h_n, c_n) = rnn(X, (h0, c0))
        loss = (out * R).sum() + (h_n * S).sum() + (c_n * Sc).sum()
    else:
        out, h_n = rnn(X, h0)
        loss = (out * R).sum() + (h_n * S).sum()
    loss.backward()

    tensors = {name: f32(p) for name, p in rnn.state_dict().items()}
    tensors.update({
        "input.X": f32(X), "input.h0": f32(h0), "input.R": f32(R), "input.S": f32(S),
        "output.out": f32(out), "output.h": f32(h_n), "output.loss": f32(loss.reshape(1)),
        "grad.X": f32(X.grad), "grad.h0": f32(h0.grad),
    })
    for name, p in rnn.named_parameters():
        tensors["grad." + name] = f32(p.grad)
    if cell == "lstm":
        tensors.update({
            "input.c0": f32(c0), "input.Sc": f32(Sc),
            "output.c": f32(c_n), "grad.c0": f32(c0.grad),
        })
    save_file(tensors, os.path.join(out_dir, f"layer_{cell}_l{num_layers}{suffix}.safetensors"))


# ----------------------------------------------------------------------------
# d) "Unseen" checkpoints: trained in PyTorch, loaded by the Swift side

UNSEEN = [
    # file stem, cell, layers, hidden, lr, epochs, seed
    ("unseen_gru_l1", "gru", 1, 64, 1.0, 300, 7),
    ("unseen_lstm_l2", "lstm", 2, 64, 2.0, 400, 8),
]
# Bidirectional, as D2L's section trains them (lr 1): they read the future, so the training
# perplexity falls fast and the greedy text is poor. Few epochs keep the script short.
UNSEEN_BIDIRECTIONAL = [
    ("unseen_bigru_l1", "gru", 1, 32, 1.0, 40, 9),
    ("unseen_bilstm_l2", "lstm", 2, 32, 1.0, 40, 10),
]
PREFIXES = ["time traveller", "traveller"]
NUM_PREDS = 50
INVISIBLE_MAN = "wells-the-invisible-man.txt"
INVISIBLE_MAN_MAX_CHARS = 20000


def eval_texts(out_dir):
    """(name, text, extra JSON fields) of the texts perplexity is measured on."""
    with open(os.path.join(out_dir, "eval_sample.txt")) as f:
        sample = f.read()
    with open(os.path.join(d2l.data_dir(), INVISIBLE_MAN), "rb") as f:
        raw = f.read()[:INVISIBLE_MAN_MAX_CHARS].decode("ascii")
    return [
        ("eval_sample.txt", sample, {}),
        (INVISIBLE_MAN, raw, {"max_chars": INVISIBLE_MAN_MAX_CHARS}),
    ]


def train_unseen(cell, num_layers, hidden, lr, epochs, seed, bidirectional=False):
    random.seed(seed)
    torch.manual_seed(seed)
    train_iter, vocab = d2l.load_data_time_machine(batch_size=32, num_steps=35,
                                                   max_tokens=10000)
    net = d2l.RNNModel(d2l.make_rnn_layer(cell, len(vocab), hidden, num_layers, bidirectional), len(vocab))
    loss = nn.CrossEntropyLoss()
    updater = torch.optim.SGD(net.parameters(), lr)
    for _ in range(epochs):
        ppl, _ = d2l.train_epoch_ch8(net, train_iter, loss, updater)
    return net, vocab, ppl


def make_unseen_fixtures(out_dir, models=UNSEEN, bidirectional=False):
    """Trains and writes `models`; their entries replace or join those in unseen_expected.json."""
    json_path = os.path.join(out_dir, "unseen_expected.json")
    expected = {}
    if os.path.exists(json_path):
        with open(json_path) as f:
            expected = json.load(f)["files"]
    vocab = None
    texts = eval_texts(out_dir)
    for stem, cell, num_layers, hidden, lr, epochs, seed in models:
        start = time.time()
        net, vocab, train_ppl = train_unseen(cell, num_layers, hidden, lr, epochs, seed, bidirectional)
        path = os.path.join(out_dir, stem + ".safetensors")
        save_file({k: v.contiguous() for k, v in net.state_dict().items()}, path)

        # Everything expected is computed from the file as written.
        loaded, *_ = d2l.model_from_state_dict(load_file(path))
        loaded64, *_ = d2l.model_from_state_dict(load_file(path))
        loaded64 = loaded64.double()
        predictions = {p: d2l.predict_ch8(p, NUM_PREDS, loaded, vocab) for p in PREFIXES}
        perplexities = {}
        for name, text, extra in texts:
            ppl, n = d2l.perplexity_on(loaded, vocab, text)
            ppl64, n64 = d2l.perplexity_on(loaded64, vocab, text)
            assert n == n64
            perplexities[name] = {"perplexity": ppl, "tokens": n, **extra,
                                  "perplexity_float64_forward": ppl64}
        expected[stem + ".safetensors"] = {
            "cell": cell, "num_layers": num_layers, "hidden": hidden, "vocab_size": len(vocab),
            "bidirectional": bidirectional,
            "training": {"epochs": epochs, "lr": lr, "seed": seed, "batch_size": 32,
                         "num_steps": 35, "max_tokens": 10000,
                         "final_train_perplexity": train_ppl},
            "num_preds": NUM_PREDS,
            "predictions": predictions,
            "perplexity": perplexities,
        }
        print(f"{stem}: train ppl {train_ppl:.3f} ({time.time() - start:.1f}s)")
        for p, text in predictions.items():
            print(f"  {p!r} -> {text!r}")
        for name, r in perplexities.items():
            print(f"  ppl on {name}: {r['perplexity']:.4f} over {r['tokens']} predictions")

    fixture = {
        "idx_to_token": vocab.idx_to_token,
        "notes": ("predictions: D2L predict_ch8 (output includes the prefix). perplexity: "
                  "text cleaned per line ([^A-Za-z]+ -> ' ', strip, lower; lines split on "
                  "'\\n' and joined with nothing), unknown -> 0, one sequence, batch 1, zero "
                  "state, exp(mean CE) over tokens-1 predictions; float32 forward, CE summed "
                  "in float64. perplexity_float64_forward: same with the model in float64. "
                  "max_chars: the raw file cut to its first N bytes before cleaning."),
        "files": expected,
    }
    write_json(json_path, fixture)


# ----------------------------------------------------------------------------


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(repo, "Tests", "D2LTests", "Fixtures"))
    parser.add_argument("--only", default="vocab,model,layer,packed,unseen,bi,biunseen")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    torch.set_num_threads(1)  # deterministic reductions; the models are tiny anyway
    os.makedirs(args.out, exist_ok=True)

    if "vocab" in parts:
        make_vocab_fixture(args.out)
    for cell in CELLS:
        for num_layers in LAYERS:
            if "model" in parts:
                make_model_fixture(args.out, cell, num_layers)
            if "layer" in parts:
                make_layer_fixture(args.out, cell, num_layers)
        if "packed" in parts:
            make_layer_fixture(args.out, cell, 2, sizes=(32, 64, 8, 4), suffix="_packed", seed_base=3000)
            make_model_fixture(args.out, cell, 2, sizes=(28, 64, 8, 4), suffix="_packed", seed_base=4000)
        if "bi" in parts:
            for num_layers in [1, 2]:
                make_model_fixture(args.out, cell, num_layers, suffix="_bi", seed_base=5000, bidirectional=True)
                make_layer_fixture(args.out, cell, num_layers, suffix="_bi", seed_base=6000, bidirectional=True)
            make_model_fixture(args.out, cell, 2, sizes=(28, 16, 8, 4), suffix="_bi_packed", seed_base=7000,
                               bidirectional=True)
    if "unseen" in parts:
        make_unseen_fixtures(args.out)
    if "biunseen" in parts:
        make_unseen_fixtures(args.out, UNSEEN_BIDIRECTIONAL, bidirectional=True)


if __name__ == "__main__":
    main()
