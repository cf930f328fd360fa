"""D2L 0.17's text pipeline, RNN model and training loop, reimplemented for PyTorch.

This module is the reference the Swift library is checked against. It mirrors the
functions of the `d2l` package (release 0.17, PyTorch flavour) that the chapter
"Deep Recurrent Neural Networks" uses, without depending on that package:

    read_time_machine, tokenize, Vocab, load_corpus_time_machine,
    seq_data_iter_sequential, RNNModel, grad_clipping, train_epoch_ch8, predict_ch8

plus two helpers that D2L does not have but the Swift side also implements:
`preprocess_text` (D2L's per-line cleaning applied to any text) and `perplexity_on`
(one continuous sequence, batch 1, from a zero state).

Used by `make_fixtures.py` and `bench_pytorch.py` in this folder.
"""

import collections
import math
import os
import random
import re

import torch
from torch import nn
from torch.nn import functional as F

DEFAULT_DATA_DIR = "/work/shared/data"


def data_dir():
    """Where the corpora live: `$D2L_DATA_DIR`, else the project's shared data folder."""
    return os.environ.get("D2L_DATA_DIR", DEFAULT_DATA_DIR)


# ----------------------------------------------------------------------------
# Text pipeline


def clean_line(line):
    """D2L's per-line preprocessing: non-letters -> one space, strip, lower-case."""
    return re.sub("[^A-Za-z]+", " ", line).strip().lower()


def read_time_machine(path=None):
    """The Time Machine as a list of cleaned lines (D2L's `read_time_machine`)."""
    path = path or os.path.join(data_dir(), "timemachine.txt")
    with open(path) as f:
        lines = f.readlines()
    return [clean_line(line) for line in lines]


def tokenize(lines, token="word"):
    """Split each line into word or character tokens (D2L's `tokenize`)."""
    if token == "word":
        return [line.split() for line in lines]
    if token == "char":
        return [list(line) for line in lines]
    raise ValueError("unknown token type: " + token)


def count_corpus(tokens):
    """Token frequencies; `tokens` is a 1D list or a list of token lists."""
    if len(tokens) == 0 or isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]
    return collections.Counter(tokens)


class Vocab:
    """D2L's vocabulary: '<unk>' first, then reserved tokens, then by frequency.

    Python's sort is stable (also with reverse=True), so tokens of equal frequency
    keep the order in which they were first seen in the corpus.
    """

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        tokens = tokens or []
        reserved_tokens = reserved_tokens or []
        counter = count_corpus(tokens)
        self.token_freqs = sorted(counter.items(), key=lambda x: x[1], reverse=True)
        self.idx_to_token = ["<unk>"] + reserved_tokens
        self.token_to_idx = {t: i for i, t in enumerate(self.idx_to_token)}
        for token, freq in self.token_freqs:
            if freq < min_freq:
                break
            if token not in self.token_to_idx:
                self.idx_to_token.append(token)
                self.token_to_idx[token] = len(self.idx_to_token) - 1

    def __len__(self):
        return len(self.idx_to_token)

    def __getitem__(self, token):
        """Index of one token (unknown -> 0, '<unk>')."""
        return self.token_to_idx.get(token, 0)


def load_corpus_time_machine(max_tokens=-1):
    """Character-level corpus indices and vocabulary of The Time Machine."""
    lines = read_time_machine()
    tokens = tokenize(lines, "char")
    vocab = Vocab(tokens)
    corpus = [vocab[token] for line in tokens for token in line]
    if max_tokens > 0:
        corpus = corpus[:max_tokens]
    return corpus, vocab


def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """D2L's sequential partitioning; the random offset comes from Python's `random`."""
    offset = random.randint(0, num_steps)
    num_tokens = ((len(corpus) - offset - 1) // batch_size) * batch_size
    Xs = torch.tensor(corpus[offset : offset + num_tokens])
    Ys = torch.tensor(corpus[offset + 1 : offset + 1 + num_tokens])
    Xs, Ys = Xs.reshape(batch_size, -1), Ys.reshape(batch_size, -1)
    num_batches = Xs.shape[1] // num_steps
    for i in range(0, num_steps * num_batches, num_steps):
        yield Xs[:, i : i + num_steps], Ys[:, i : i + num_steps]


class SeqDataLoader:
    """Iterable over minibatches; each pass draws a new random offset (as in D2L)."""

    def __init__(self, corpus, batch_size, num_steps):
        self.corpus, self.batch_size, self.num_steps = corpus, batch_size, num_steps

    def __iter__(self):
        return seq_data_iter_sequential(self.corpus, self.batch_size, self.num_steps)


def load_data_time_machine(batch_size, num_steps, max_tokens=10000):
    """D2L's `load_data_time_machine` with the sequential iterator."""
    corpus, vocab = load_corpus_time_machine(max_tokens)
    return SeqDataLoader(corpus, batch_size, num_steps), vocab


def preprocess_text(text):
    """Clean any text like the corpus: per line, then lines joined with nothing between.

    Lines are split on '\\n' only; a CR of a CRLF ending is a non-letter and vanishes.
    """
    return "".join(clean_line(line) for line in text.split("\n"))


# ----------------------------------------------------------------------------
# Model


class RNNModel(nn.Module):
    """D2L's RNNModel: one-hot input -> recurrent layer -> Linear to the vocabulary."""

    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = self.rnn.hidden_size
        # As D2L: a bidirectional layer's outputs are both directions' 2h units.
        self.num_directions = 2 if self.rnn.bidirectional else 1
        self.linear = nn.Linear(self.num_hiddens * self.num_directions, self.vocab_size)

    def forward(self, inputs, state):
        # float32 as in D2L (float64 only when the whole model was converted).
        X = F.one_hot(inputs.T.long(), self.vocab_size).to(self.linear.weight.dtype)
        Y, state = self.rnn(X, state)
        # (num_steps * batch_size, vocab_size), time-major rows.
        output = self.linear(Y.reshape((-1, Y.shape[-1])))
        return output, state

    def begin_state(self, batch_size=1):
        shape = (self.num_directions * self.rnn.num_layers, batch_size, self.num_hiddens)
        dtype = self.linear.weight.dtype
        if isinstance(self.rnn, nn.LSTM):
            return (torch.zeros(shape, dtype=dtype), torch.zeros(shape, dtype=dtype))
        return torch.zeros(shape, dtype=dtype)


RNN_CLASSES = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}
GATES = {"rnn": 1, "gru": 3, "lstm": 4}


def make_rnn_layer(cell, input_size, hidden, num_layers, bidirectional=False):
    """nn.RNN (tanh), nn.GRU or nn.LSTM with PyTorch's default initialisation."""
    return RNN_CLASSES[cell](input_size, hidden, num_layers, bidirectional=bidirectional)


def model_from_state_dict(state_dict):
    """Rebuild an RNNModel from a bare state_dict, inferring cell, sizes and layers.

    The gate multiple of `rnn.weight_ih_l0`'s rows tells the cell: 1 RNN, 3 GRU, 4 LSTM.
    """
    vocab_size = state_dict["linear.weight"].shape[0]
    hidden = state_dict["rnn.weight_hh_l0"].shape[1]
    gates = state_dict["rnn.weight_ih_l0"].shape[0] // hidden
    cell = {v: k for k, v in GATES.items()}[gates]
    bidirectional = "rnn.weight_hh_l0_reverse" in state_dict
    num_layers = len([k for k in state_dict if k.startswith("rnn.weight_hh_l") and not k.endswith("_reverse")])
    net = RNNModel(make_rnn_layer(cell, vocab_size, hidden, num_layers, bidirectional), vocab_size)
    net.load_state_dict(state_dict)
    return net, cell, num_layers, hidden


# ----------------------------------------------------------------------------
# Training and prediction


def grad_clipping(net, theta):
    """Scale all gradients so that their global L2 norm is at most `theta`."""
    params = [p for p in net.parameters() if p.requires_grad]
    norm = torch.sqrt(sum(torch.sum(p.grad**2) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm


def train_step(net, X, Y, state, loss, updater):
    """One minibatch of D2L's `train_epoch_ch8`: forward, mean CE, backward, clip, SGD.

    Returns (mean loss as a float, new state).
    """
    y = Y.T.reshape(-1)
    y_hat, state = net(X, state)
    l = loss(y_hat, y.long()).mean()
    updater.zero_grad()
    l.backward()
    grad_clipping(net, 1)
    updater.step()
    return float(l.detach()), state


def detach_state(state):
    """Cut the graph at a minibatch boundary (sequential iterator): keep values, drop history."""
    for s in state if isinstance(state, tuple) else (state,):
        s.detach_()
    return state


def train_epoch_ch8(net, train_iter, loss, updater):
    """One epoch of D2L's `train_epoch_ch8` (sequential: state kept, but detached).

    Returns (perplexity, number of tokens).
    """
    state = None
    total_loss, total_tokens = 0.0, 0
    for X, Y in train_iter:
        if state is None:
            state = net.begin_state(batch_size=X.shape[0])
        else:
            detach_state(state)
        l, state = train_step(net, X, Y, state, loss, updater)
        total_loss += l * Y.numel()
        total_tokens += Y.numel()
    return math.exp(total_loss / total_tokens), total_tokens


def predict_ch8(prefix, num_preds, net, vocab):
    """D2L's greedy generation: warm up on the prefix, then `num_preds` argmax steps."""
    state = net.begin_state(batch_size=1)
    outputs = [vocab[prefix[0]]]

    def get_input():
        return torch.tensor([outputs[-1]]).reshape((1, 1))

    with torch.no_grad():
        for y in prefix[1:]:
            _, state = net(get_input(), state)
            outputs.append(vocab[y])
        for _ in range(num_preds):
            y, state = net(get_input(), state)
            outputs.append(int(y.argmax(dim=1).reshape(1)))
    return "".join(vocab.idx_to_token[i] for i in outputs)


def perplexity_on(net, vocab, text):
    """Perplexity of `net` on `text` as one continuous sequence (batch 1, zero state).

    Predicts token t+1 from tokens <= t, for n = len(tokens) - 1 predictions.
    The forward pass runs in the model's dtype; the mean cross-entropy is summed in
    float64. Returns (perplexity, n).
    """
    cleaned = preprocess_text(text)
    ids = torch.tensor([vocab[c] for c in cleaned], dtype=torch.int64)
    n = len(ids) - 1
    with torch.no_grad():
        logits, _ = net(ids[:-1].reshape(1, -1), net.begin_state(batch_size=1))
        ce = F.cross_entropy(logits.double(), ids[1:], reduction="mean")
    return math.exp(float(ce)), n
