"""Write the fixtures that the scratch GRU and LSTM cells (GRUScratch, LSTMScratch) are tested
against: PyTorch's nn.GRU and nn.LSTM, and the sections' own equations run by PyTorch's autograd.

Run from the repository root (a CPU build of torch is enough, a few seconds):

    .venv/bin/python scripts/make_scratch_cell_fixtures.py [--out DIR]

Sizes: inputs d = 5, hidden h = 4, batch 3, steps 6. Everything is computed in float64 and
stored as float32. Each file holds a loss's inputs and weights, loss = sum(out * G) +
sum(h_n * GH) [+ sum(c_n * GC)], and for each model its outputs, final state and gradients.

  scratch_gru.safetensors
    X (T, B, d), H0 (B, h), G, GH
    weight_ih_l0 (3h, d), weight_hh_l0 (3h, h), bias_ih_l0, bias_hh_l0 (3h): nn.GRU's, gates r, z, n, with
      bias_hh's n block at zero (the scratch cell has one bias per gate: b_r = b_ir + b_hr,
      b_z = b_iz + b_hz, b_h = b_in)
    torch.*: nn.GRU: out, hn, grad.weight_ih_l0, grad.weight_hh_l0, grad.bias_ih_l0, grad.bias_hh_l0,
      grad.X, grad.H0 (PyTorch resets the product, r * (W_hn h + b_hn))
    book.*, resetOnly.*, updateOnly.*: the section's equations (reset before the product,
      (R * H) W_hh) with the same weights, and the GRU with only a reset gate (H_t = H~_t) or
      only an update gate (R_t = 1): out, hn, grad.W_xz ... grad.b_h (those the variant has),
      grad.X, grad.H0; book.R, book.Z, book.H_tilde (T, B, h)
  scratch_lstm.safetensors
    X, H0, C0 (B, h), G, GH, GC; nn.LSTM's weight_ih_l0 (4h, d), weight_hh_l0, bias_ih_l0, bias_hh_l0
      (gates i, f, g, o)
    torch.*: out, hn, cn and the gradients as above (grad.C0 too)
    book.*, noHiddenTanh.*: the section's equations, and H_t = O_t * C_t: out, hn, cn,
      grad.W_xi ... grad.b_c, grad.X, grad.H0, grad.C0; book.I, book.F, book.O, book.C_tilde
"""

import argparse
import os

import torch
from safetensors.torch import save_file
from torch import nn

D, H, B, T = 5, 4, 3, 6


def f32(t):
    return t.detach().to(torch.float32).contiguous().clone()


def leaf(t):
    return t.detach().clone().requires_grad_(True)


def blocks(w, n):
    """The n gate blocks of a stacked PyTorch weight or bias."""
    return [w[k * H:(k + 1) * H] for k in range(n)]


def gru_scratch_parameters(gru):
    wi, wh = blocks(gru.weight_ih_l0, 3), blocks(gru.weight_hh_l0, 3)
    bi, bh = blocks(gru.bias_ih_l0, 3), blocks(gru.bias_hh_l0, 3)
    # PyTorch's order is r, z, n; the section's names: reset r, update z, candidate h.
    return {
        "W_xr": leaf(wi[0].T), "W_hr": leaf(wh[0].T), "b_r": leaf(bi[0] + bh[0]),
        "W_xz": leaf(wi[1].T), "W_hz": leaf(wh[1].T), "b_z": leaf(bi[1] + bh[1]),
        "W_xh": leaf(wi[2].T), "W_hh": leaf(wh[2].T), "b_h": leaf(bi[2] + bh[2]),
    }


def gru_book(p, X, H0, gates):
    """D2L's `gru`: reset before the product. `gates`: both, resetOnly, updateOnly."""
    Hs, Rs, Zs, Hts, h = [], [], [], [], H0
    for x in X:
        R = torch.sigmoid(x @ p["W_xr"] + h @ p["W_hr"] + p["b_r"]) if gates != "updateOnly" else None
        Z = torch.sigmoid(x @ p["W_xz"] + h @ p["W_hz"] + p["b_z"]) if gates != "resetOnly" else None
        recurrent = (R * h if R is not None else h) @ p["W_hh"]
        Ht = torch.tanh(x @ p["W_xh"] + recurrent + p["b_h"])
        h = Z * h + (1 - Z) * Ht if Z is not None else Ht
        Hs.append(h), Rs.append(R), Zs.append(Z), Hts.append(Ht)
    return torch.stack(Hs), h, Rs, Zs, Hts


def lstm_scratch_parameters(lstm):
    wi, wh = blocks(lstm.weight_ih_l0, 4), blocks(lstm.weight_hh_l0, 4)
    bi, bh = blocks(lstm.bias_ih_l0, 4), blocks(lstm.bias_hh_l0, 4)
    p = {}
    # PyTorch's order is i, f, g, o; g is the candidate memory cell c.
    for k, name in zip([0, 1, 3, 2], ["i", "f", "o", "c"]):
        p["W_x" + name], p["W_h" + name], p["b_" + name] = leaf(wi[k].T), leaf(wh[k].T), leaf(bi[k] + bh[k])
    return p


def lstm_book(p, X, H0, C0, hidden_tanh):
    Hs, gates, h, c = [], {"I": [], "F": [], "O": [], "C_tilde": []}, H0, C0
    for x in X:
        I = torch.sigmoid(x @ p["W_xi"] + h @ p["W_hi"] + p["b_i"])
        F = torch.sigmoid(x @ p["W_xf"] + h @ p["W_hf"] + p["b_f"])
        O = torch.sigmoid(x @ p["W_xo"] + h @ p["W_ho"] + p["b_o"])
        Ct = torch.tanh(x @ p["W_xc"] + h @ p["W_hc"] + p["b_c"])
        c = F * c + I * Ct
        h = O * (torch.tanh(c) if hidden_tanh else c)
        Hs.append(h)
        for k, v in zip(["I", "F", "O", "C_tilde"], [I, F, O, Ct]):
            gates[k].append(v)
    return torch.stack(Hs), h, c, gates


def store_grads(out, prefix, named):
    for name, t in named.items():
        if t.grad is not None:
            out[f"{prefix}.grad.{name}"] = f32(t.grad)


def make_gru(out_dir):
    torch.manual_seed(3001)
    gru = nn.GRU(D, H).double()
    with torch.no_grad():
        gru.bias_hh_l0[2 * H:] = 0  # the scratch cell's candidate has one bias, b_h
    X, H0 = torch.randn(T, B, D, dtype=torch.float64), torch.randn(B, H, dtype=torch.float64)
    G, GH = torch.randn(T, B, H, dtype=torch.float64), torch.randn(B, H, dtype=torch.float64)
    tensors = {"X": f32(X), "H0": f32(H0), "G": f32(G), "GH": f32(GH)}
    for name in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]:
        tensors[name + "_l0"] = f32(getattr(gru, name + "_l0"))

    x, h0 = leaf(X), leaf(H0)
    out, hn = gru(x, h0[None])
    ((out * G).sum() + (hn[0] * GH).sum()).backward()
    tensors["torch.out"], tensors["torch.hn"] = f32(out), f32(hn[0])
    store_grads(tensors, "torch", {n + "_l0": getattr(gru, n + "_l0") for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]})
    store_grads(tensors, "torch", {"X": x, "H0": h0})

    for form in ["both", "resetOnly", "updateOnly"]:
        prefix = "book" if form == "both" else form
        p = gru_scratch_parameters(gru)
        x, h0 = leaf(X), leaf(H0)
        outs, hn, Rs, Zs, Hts = gru_book(p, x, h0, form)
        ((outs * G).sum() + (hn * GH).sum()).backward()
        tensors[prefix + ".out"], tensors[prefix + ".hn"] = f32(outs), f32(hn)
        used = {k: v for k, v in p.items()
                if not (form == "resetOnly" and k.endswith("z")) and not (form == "updateOnly" and k.endswith("r"))}
        store_grads(tensors, prefix, used)
        store_grads(tensors, prefix, {"X": x, "H0": h0})
        if form == "both":
            for key, seq in [("R", Rs), ("Z", Zs), ("H_tilde", Hts)]:
                tensors["book." + key] = f32(torch.stack(seq))
    save_file(tensors, os.path.join(out_dir, "scratch_gru.safetensors"))


def make_lstm(out_dir):
    torch.manual_seed(3002)
    lstm = nn.LSTM(D, H).double()
    X = torch.randn(T, B, D, dtype=torch.float64)
    H0, C0 = torch.randn(B, H, dtype=torch.float64), torch.randn(B, H, dtype=torch.float64)
    G = torch.randn(T, B, H, dtype=torch.float64)
    GH, GC = torch.randn(B, H, dtype=torch.float64), torch.randn(B, H, dtype=torch.float64)
    tensors = {"X": f32(X), "H0": f32(H0), "C0": f32(C0), "G": f32(G), "GH": f32(GH), "GC": f32(GC)}
    for name in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]:
        tensors[name + "_l0"] = f32(getattr(lstm, name + "_l0"))

    x, h0, c0 = leaf(X), leaf(H0), leaf(C0)
    out, (hn, cn) = lstm(x, (h0[None], c0[None]))
    ((out * G).sum() + (hn[0] * GH).sum() + (cn[0] * GC).sum()).backward()
    tensors["torch.out"], tensors["torch.hn"], tensors["torch.cn"] = f32(out), f32(hn[0]), f32(cn[0])
    store_grads(tensors, "torch", {n + "_l0": getattr(lstm, n + "_l0") for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]})
    store_grads(tensors, "torch", {"X": x, "H0": h0, "C0": c0})

    for prefix, hidden_tanh in [("book", True), ("noHiddenTanh", False)]:
        p = lstm_scratch_parameters(lstm)
        x, h0, c0 = leaf(X), leaf(H0), leaf(C0)
        outs, hn, cn, gates = lstm_book(p, x, h0, c0, hidden_tanh)
        ((outs * G).sum() + (hn * GH).sum() + (cn * GC).sum()).backward()
        tensors[prefix + ".out"], tensors[prefix + ".hn"], tensors[prefix + ".cn"] = f32(outs), f32(hn), f32(cn)
        store_grads(tensors, prefix, p)
        store_grads(tensors, prefix, {"X": x, "H0": h0, "C0": c0})
        if hidden_tanh:
            for key, seq in gates.items():
                tensors["book." + key] = f32(torch.stack(seq))
    save_file(tensors, os.path.join(out_dir, "scratch_lstm.safetensors"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="Tests/D2LTests/Fixtures")
    args = parser.parse_args()
    torch.set_num_threads(1)
    make_gru(args.out)
    make_lstm(args.out)


if __name__ == "__main__":
    main()
