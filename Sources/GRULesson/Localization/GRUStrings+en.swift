extension GRUStrings {
  static let en: [String: String] = [
    "lesson.title": "Gated Recurrent Units (GRU)",
    "exercise1.title": "the best gate values when only the input at t′ should predict the output at t",
    "exercise1.hint": "Think of what each gate does at t′ and after it: the state must take in X_t′ and drop the past at t′, then keep what it has. `lessons run gru --step gru-only-one-input` builds such a GRU by hand; change tPrime and steps with `s`.",
    "exercise2.title": "hyperparameters against running time, perplexity and the output",
    "exercise2.hint": "Run the scratch training with fewer epochs and other sizes, for example `--set epochs=50 --set numHiddens=64`, and compare its tokens/s, perplexity and predictions with the run of the lesson.",
    "exercise3.title": "RNN against GRU: running time, perplexity and output",
    "exercise3.hint": "`lessons run gru --step gru-cost` measures the three cells at one hidden size; `lessons experiment 2` of deep-rnn trains GRU and LSTM side by side for perplexity.",
    "exercise4.title": "a GRU with only a reset gate, or only an update gate",
    "exercise4.hint": "Write both steps in exercises/Sources/GRUExercise4/PartialGRU.swift. 1. Reset gate only: Z_t = 0, so H_t is the candidate itself, tanh(X W_xh + (R ⊙ H) W_hh + b_h), with R = σ(X W_xr + H W_hr + b_r). 2. Update gate only: R_t = 1, so the candidate reads all of H: tanh(X W_xh + H W_hh + b_h); then H_t = Z ⊙ H + (1 − Z) ⊙ H̃. 3. Keep every bias, and `1 - Z` multiplies the candidate, not H. Once both pass, the check trains them beside the full GRU; `lessons run gru --step gru-variants` does so with the library's variants.",

    "axis.steps": "steps",
    "axis.batch": "batch",
    "axis.inputs": "inputs",
    "axis.hidden": "hidden",

    "tiny.summary": "a scratch GRU on a tiny example: every gate and state, step by step",
    "tiny.zero": "H₀ = 0. At each step (one row per sequence):",
    "tiny.range": "every reset and update gate value above lies in ({low} … {high}) ⊂ (0, 1): a sigmoid never fully opens or closes.",
    "tiny.last": "H_T, the state the next minibatch would start from",

    "only.summary": "exercise 1: gates that let only X_t′ reach the output",
    "only.order": "t′ = {t} must come before the last step T = {T}",
    "only.setup": "the marker is 1 at t′ = {t}: there R and Z close (the past is dropped, X_t′ is taken in); elsewhere Z stays open (the state is kept).",
    "only.measured": "measured: H_{T} = {H}, and tanh(x at t′) = {expected}. New values at every other step move H_T by {others}; adding 1 to the value at t′ moves it by {prime}.",

    "scratchTrain.summary": "the scratch GRU trained with the section's settings",
    "conciseTrain.summary": "the concise GRU trained with the same settings",

    "agrees.summary": "the concise GRU with the scratch GRU's trained weights",
    "agrees.book": "largest difference from the scratch GRU as the section writes it: {difference}. The concise GRU does not compute",
    "agrees.product": "largest difference from the scratch GRU with the reset gate on the product: {difference}. Like PyTorch's nn.GRU (and cuDNN), the concise GRU computes",

    "published.summary": "perplexity, tokens/s and predictions beside D2L's",
    "published.columns": "run|epochs|perplexity|tokens/s|hardware",
    "published.d2lScratch": "D2L 0.17, GRU from scratch",
    "published.d2lConcise": "D2L 0.17, nn.GRU",
    "published.gpu": "a CUDA GPU (cuda:0)",
    "published.hardware": "{cpu}, {threads} threads",
    "published.cpu": "this machine's CPU",
    "published.ourScratch": "this run, GRUScratch",
    "published.ourConcise": "this run, GRU",
    "published.ratio": "On this CPU the scratch GRU ran at {scratch}× D2L's scratch speed on a GPU, the concise one at {concise}× D2L's; the fused layer was {fused}× the scratch one. The scratch model ended {gap} above the concise one in perplexity. (tokens/s: the median over the epochs.)",

    "gates.summary": "gates you can watch: reset and update gates over a sentence",
    "gates.unit": "unit",
    "gates.legend": "the trained scratch GRU reads the sentence below from a zero state. Of its {hidden} units, the {count} whose gate moves most are drawn, a row each, a column per character ({steps} steps); blue (blank without colour) is a closed gate (0), red (█) an open one (1), pale about half open.",
    "gates.reset": "reset gate Rₜ (how much of Hₜ₋₁ the candidate reads):",
    "gates.update": "update gate Zₜ (how much of Hₜ₋₁ is kept):",
    "gates.measured": "Measured over all {hidden} units: the update gate's mean is {space} at the steps that read a space, {start} at a word's first letter and {inside} at the other letters.",
    "gates.keepsAtSpace": "So at a word boundary this GRU keeps more of its old state than inside a word.",
    "gates.writesAtSpace": "So at a word boundary this GRU takes in more of the new candidate than inside a word.",

    "variants.summary": "exercise 4: the full GRU, only a reset gate, only an update gate, side by side",
    "variants.settings": "each from the same seed, {hidden} hidden units, {epochs} epochs, lr 1, clipping 1:",
    "variants.columns": "model|parameters|perplexity|tokens/s|predict(\"time traveller\")",
    "variants.both": "GRU (both gates)",
    "variants.resetOnly": "reset gate only",
    "variants.updateOnly": "update gate only",

    "cost.summary": "exercise 3: the cost of RNN, GRU and LSTM for one hidden size",
    "cost.columns": "cell|training tokens/s|inference tokens/s|MFLOP/token training|MFLOP/token inference",
    "cost.measured": "Per token the GRU needs {gruFlops}× the RNN's arithmetic and the LSTM {lstmFlops}×; measured here (one layer, batch 32 × 35, {threads} threads) a training token took {gruTime}× the RNN's time in the GRU and {lstmTime}× in the LSTM, an inference token {gruInference}× and {lstmInference}×.",

    "exercises.summary": "the section's exercises, and where this lesson answers them",
    "exercises.item1": "Gate values when only X_t′ should predict the output at t > t′: step gru-only-one-input builds such a GRU by hand and measures it.",
    "exercises.item2": "Hyperparameters against running time, perplexity and output: `lessons run gru --step gru-scratch-train --set epochs=50 --set numHiddens=64`, or `s` on the training steps.",
    "exercises.item3": "RNN against GRU: step gru-cost measures their speed in training and inference and their arithmetic per token.",
    "exercises.item4": "Only a reset gate, or only an update gate: step gru-variants trains them beside the full GRU from the same weights.",
  ]
}
