"""Training speed of the book's own seq2seq code in PyTorch (CPU), in target tokens/s.

The book's run (D2L 0.17, sec_seq2seq): load_data_nmt(64, 10) on 600 examples, embed 32,
hidden 32, 2-layer GRU encoder and decoder with dropout 0.1, Adam at 0.005, clipping at 1.
After one warm-up epoch, whole epochs of the book's train_seq2seq loop run for --epochs; tokens/s is Σ valid target tokens / time, the figure the book prints.

    D2L_DATA_DIR=/work/shared/data .venv/bin/python scripts/bench_seq2seq_pytorch.py --epochs 30 --json
"""

import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import d2l_seq2seq_reference as s2s  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: PyTorch's default)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    train_iter, src_vocab, tgt_vocab = s2s.load_data_nmt(64, 10)
    net = s2s.EncoderDecoder(s2s.Seq2SeqEncoder(len(src_vocab), 32, 32, 2, 0.1),
                             s2s.Seq2SeqDecoder(len(tgt_vocab), 32, 32, 2, 0.1))
    # The book's train_seq2seq as it is (Xavier initialisation, Adam, its loop), for --epochs;
    # the epochs after the first are timed (their tokens/s is what the book prints).
    stamps = []
    s2s.train_seq2seq(net, train_iter, 0.005, args.epochs, tgt_vocab,
                      on_epoch=lambda epoch, loss, tps: stamps.append((time.perf_counter(), tps)))
    epochs = len(stamps) - 1
    tokens_per_epoch = sum(float(batch[3].sum()) for batch in train_iter)
    tokens, start = tokens_per_epoch * epochs, stamps[0][0]
    seconds = stamps[-1][0] - start
    result = {"tokens_per_sec": tokens / seconds, "seconds": seconds, "epochs": epochs,
              "threads": torch.get_num_threads(), "torch": torch.__version__}
    print(json.dumps(result) if args.json else f"{result['tokens_per_sec']:.0f} target tokens/s "
          f"({epochs} epochs in {seconds:.1f} s, {result['threads']} threads, torch {torch.__version__})")


if __name__ == "__main__":
    main()
