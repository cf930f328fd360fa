"""Write the PyTorch reference fixtures of the machine-translation data and the seq2seq model.

Run from the repository root (CPU torch; about a minute):

    D2L_DATA_DIR=/work/shared/data .venv/bin/python scripts/make_fixtures_seq2seq.py

Options: `--out DIR` (default Tests/D2LTests/Fixtures), `--only data,layers,model,unseen`.
Everything is seeded and single-threaded, so a re-run writes the same files.

Files written (tensors float32; token tensors int64):

  nmt_data.json                  load_data_nmt on the first 600 examples (num_steps 10 and 8):
                                 both vocabularies, the first token lists, the first rows of
                                 the arrays and every valid length; preprocess_nmt on samples.
  nmt_tiny.zip                   three pairs as fra-eng/fra.txt in a zip, for the extraction.
  seq2seq_layers.safetensors     nn.Embedding, nn.Linear over (batch, steps, features),
                                 sequence_mask, MaskedSoftmaxCELoss (values and gradients of
                                 sum(out * R)) and three torch.optim.Adam steps.
  seq2seq_model.safetensors      the book's EncoderDecoder(Seq2SeqEncoder, Seq2SeqDecoder), small
                                 sizes: parameters, a minibatch, Y_hat, the state, the summed
                                 masked loss and every parameter's gradient; one decoder step;
                                 parameters after two steps of the book's loop (clip 1, Adam).
  seq2seq_unseen_random.safetensors, seq2seq_unseen_trained.safetensors
                                 bare state_dicts of the book's model on the book's data: one
                                 freshly initialised (Xavier, as train_seq2seq), one trained
                                 briefly with other sizes. The Swift side never saw them.
  seq2seq_unseen_expected.json   their eval loss (600 pairs in order, dropout off) and greedy
                                 translations of the book's four sentences and of unseen ones.
"""

import argparse
import json
import os
import sys

import torch
from safetensors.torch import save_file
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2l_seq2seq_reference as s2s  # noqa: E402

BOOK_ENGLISH = ["go .", "i lost .", "he's calm .", "i'm home ."]
BOOK_FRENCH = ["va !", "j'ai perdu .", "il est calme .", "je suis chez moi ."]


def f32(t):
    return t.detach().to(torch.float32).contiguous().clone()


def i64(t):
    return t.detach().to(torch.int64).contiguous().clone()


def make_data(out):
    raw = s2s.read_data_nmt()
    text = s2s.preprocess_nmt(raw)
    result = {"preprocessed_head": text[:400], "raw_head": raw[:400]}
    samples = ["Go.", "Hi.\u202fThere!", "Wow,really?Yes !", "\u00a0Ça\u00a0va. Bien!", "A.B,C!D?E ?"]
    result["preprocess_samples"] = [[s, s2s.preprocess_nmt(s)] for s in samples]
    for num_steps in (10, 8):
        it, src_vocab, tgt_vocab = s2s.load_data_nmt(2, num_steps, is_train=False)
        source, target = s2s.tokenize_nmt(text, 600)
        src_array, src_valid = s2s.build_array_nmt(source, src_vocab, num_steps)
        tgt_array, tgt_valid = s2s.build_array_nmt(target, tgt_vocab, num_steps)
        result[f"steps{num_steps}"] = {
            "pairs": len(source),
            "source_vocab": src_vocab.idx_to_token,
            "target_vocab": tgt_vocab.idx_to_token,
            "source_head": source[:8],
            "target_head": target[:8],
            "source_rows": src_array[:8].tolist(),
            "target_rows": tgt_array[:8].tolist(),
            "source_valid": src_valid.tolist(),
            "target_valid": tgt_valid.tolist(),
        }
    result["truncate_pad"] = s2s.truncate_pad([47, 4], 10, 1)
    result["bleu"] = [[p, l, k, s2s.bleu(p, l, k)] for p, l, k in [
        ("va !", "va !", 2), ("il est calme .", "il est calme .", 2), ("je suis <unk> .", "je suis chez moi .", 2),
        ("j'ai perdu .", "j'ai perdu .", 2), ("il est mouillé .", "il est calme .", 2), ("a b c d", "a b c d e f", 3),
        ("a a a b", "a b a", 2), ("the the the", "the cat", 1)]]
    with open(os.path.join(out, "nmt_data.json"), "w") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    # A tiny archive laid out as D2L's fra-eng.zip, for the extraction path (fixed timestamp).
    import zipfile
    with zipfile.ZipFile(os.path.join(out, "nmt_tiny.zip"), "w") as z:
        info = zipfile.ZipInfo("fra-eng/fra.txt", date_time=(2019, 4, 7, 0, 0, 0))
        z.writestr(info, "Go.\tVa !\nHi.\tSalut !\nRun!\tCours\u202f!\n".encode("utf-8"))


def make_layers(out):
    torch.manual_seed(31)
    t = {}
    # nn.Embedding
    emb = nn.Embedding(7, 4)
    idx = torch.tensor([[1, 3, 3, 0, 6], [2, 2, 5, 1, 0], [6, 4, 3, 2, 1]])
    y = emb(idx)
    R = torch.randn_like(y)
    (y * R).sum().backward()
    t.update({"emb.weight": f32(emb.weight), "emb.indices": i64(idx), "emb.out": f32(y), "emb.R": f32(R),
              "emb.grad_weight": f32(emb.weight.grad)})
    # nn.Linear over (batch, steps, features)
    lin = nn.Linear(5, 4)
    x = torch.randn(2, 3, 5, requires_grad=True)
    y = lin(x)
    R = torch.randn_like(y)
    (y * R).sum().backward()
    t.update({"lin.weight": f32(lin.weight), "lin.bias": f32(lin.bias), "lin.x": f32(x), "lin.out": f32(y), "lin.R": f32(R),
              "lin.grad_x": f32(x.grad), "lin.grad_weight": f32(lin.weight.grad), "lin.grad_bias": f32(lin.bias.grad)})
    # sequence_mask, the book's two examples
    X = torch.tensor([[1, 2, 3], [4, 5, 6]])
    t["mask.int_out"] = f32(s2s.sequence_mask(X.clone(), torch.tensor([1, 2])))
    X3 = torch.ones(2, 3, 4)
    t["mask.ones_out"] = f32(s2s.sequence_mask(X3.clone(), torch.tensor([1, 2]), value=-1))
    # MaskedSoftmaxCELoss, valid lengths full, partial and zero
    logits = (3 * torch.randn(3, 4, 6)).requires_grad_()
    labels = torch.tensor([[1, 5, 0, 2], [3, 3, 4, 0], [2, 1, 1, 5]])
    valid = torch.tensor([4, 2, 0])
    loss = s2s.MaskedSoftmaxCELoss()(logits, labels, valid)
    w = torch.randn(3)
    (loss * w).sum().backward()
    t.update({"mce.logits": f32(logits), "mce.labels": i64(labels), "mce.valid": i64(valid), "mce.loss": f32(loss),
              "mce.w": f32(w), "mce.grad_logits": f32(logits.grad)})
    # the book's own check: ones (3, 4, 10), labels ones (3, 4), valid 4, 2, 0
    book = s2s.MaskedSoftmaxCELoss()(torch.ones(3, 4, 10), torch.ones((3, 4), dtype=torch.long), torch.tensor([4, 2, 0]))
    t["mce.book_loss"] = f32(book)
    # torch.optim.Adam, three steps from given gradients
    p = nn.Parameter(torch.randn(5, 3))
    t["adam.p0"] = f32(p)
    opt = torch.optim.Adam([p], lr=0.01)
    for k in range(3):
        g = torch.randn(5, 3) * (10.0 ** (k - 1))
        p.grad = g.clone()
        opt.step()
        t[f"adam.g{k}"] = f32(g)
        t[f"adam.p{k + 1}"] = f32(p)
    save_file(t, os.path.join(out, "seq2seq_layers.safetensors"))


def make_model(out):
    torch.manual_seed(32)
    enc = s2s.Seq2SeqEncoder(11, 6, 8, 2)
    dec = s2s.Seq2SeqDecoder(13, 6, 8, 2)
    net = s2s.EncoderDecoder(enc, dec)
    net.apply(s2s.xavier_init_weights)
    t = {"param." + k: f32(v) for k, v in net.state_dict().items()}
    X = torch.randint(0, 11, (4, 5))
    Y = torch.randint(0, 13, (4, 5))
    X_valid = torch.tensor([5, 3, 2, 4])
    Y_valid = torch.tensor([5, 4, 1, 3])
    bos = torch.tensor([2] * 4).reshape(-1, 1)
    dec_X = torch.cat([bos, Y[:, :-1]], 1)
    net.train()
    Y_hat, state = net(X, dec_X, X_valid)
    l = s2s.MaskedSoftmaxCELoss()(Y_hat, Y, Y_valid)
    l.sum().backward()
    t.update({"X": i64(X), "Y": i64(Y), "X_valid": i64(X_valid), "Y_valid": i64(Y_valid), "dec_X": i64(dec_X),
              "Y_hat": f32(Y_hat), "state": f32(state), "loss": f32(l)})
    t.update({"grad." + k: f32(p.grad) for k, p in net.named_parameters()})
    # One decoder step from the encoder's state, as predict_seq2seq takes it.
    with torch.no_grad():
        enc_state = net.encoder(X)[1]
        step_logits, step_state = net.decoder(torch.tensor([[2], [5], [7], [12]]), enc_state)
    t.update({"step.tokens": i64(torch.tensor([2, 5, 7, 12])), "step.logits": f32(step_logits.reshape(4, 13)),
              "step.state": f32(step_state)})
    # Two steps of the book's loop: zero_grad, forward, loss.sum().backward(), clip 1, Adam.
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(2):
        opt.zero_grad()
        Y_hat, _ = net(X, dec_X, X_valid)
        s2s.MaskedSoftmaxCELoss()(Y_hat, Y, Y_valid).sum().backward()
        s2s.grad_clipping(net, 1)
        opt.step()
    t.update({"trained." + k: f32(v) for k, v in net.state_dict().items()})
    save_file(t, os.path.join(out, "seq2seq_model.safetensors"))


def unseen_sentences():
    """English sentences the models never trained on: fra.txt lines 5000-5039, preprocessed,
    and a few of our own."""
    text = s2s.preprocess_nmt(s2s.read_data_nmt())
    lines = text.split("\n")[5000:5040]
    own = ["i am cold .", "we are late .", "he is here .", "go home .", "she runs .", "who are you ?"]
    return [l.split("\t")[0] for l in lines] + own


def make_unseen(out):
    torch.manual_seed(33)
    _, src_vocab, tgt_vocab = s2s.load_data_nmt(64, 10)
    text = s2s.preprocess_nmt(s2s.read_data_nmt())
    source, target = s2s.tokenize_nmt(text, 600)
    arrays = [*s2s.build_array_nmt(source, src_vocab, 10), *s2s.build_array_nmt(target, tgt_vocab, 10)]
    sentences = BOOK_ENGLISH + unseen_sentences()
    expected = {"sentences": sentences, "models": {}}
    # Freshly initialised, the book's sizes.
    random_net = s2s.EncoderDecoder(s2s.Seq2SeqEncoder(len(src_vocab), 32, 32, 2, 0.1),
                                    s2s.Seq2SeqDecoder(len(tgt_vocab), 32, 32, 2, 0.1))
    random_net.apply(s2s.xavier_init_weights)
    # Trained briefly, other sizes (hidden 40: not a whole number of 16-wide panels).
    train_iter, _, _ = s2s.load_data_nmt(64, 10)
    trained_net = s2s.EncoderDecoder(s2s.Seq2SeqEncoder(len(src_vocab), 24, 40, 2, 0.2),
                                     s2s.Seq2SeqDecoder(len(tgt_vocab), 24, 40, 2, 0.2))
    s2s.train_seq2seq(trained_net, train_iter, 0.005, 120, tgt_vocab)
    for name, net in [("random", random_net), ("trained", trained_net)]:
        net.eval()
        save_file({k: f32(v) for k, v in net.state_dict().items()}, os.path.join(out, f"seq2seq_unseen_{name}.safetensors"))
        expected["models"][name] = {
            "eval_loss": s2s.eval_loss(net, *arrays, tgt_vocab),
            "translations": [s2s.predict_seq2seq(net, s, src_vocab, tgt_vocab, 10) for s in sentences],
        }
        print(name, expected["models"][name]["eval_loss"], expected["models"][name]["translations"][:4])
    with open(os.path.join(out, "seq2seq_unseen_expected.json"), "w") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="Tests/D2LTests/Fixtures")
    parser.add_argument("--only", default="data,layers,model,unseen")
    args = parser.parse_args()
    torch.set_num_threads(1)
    groups = set(args.only.split(","))
    for name, make in [("data", make_data), ("layers", make_layers), ("model", make_model), ("unseen", make_unseen)]:
        if name in groups:
            make(args.out)
            print("wrote", name)


if __name__ == "__main__":
    main()
