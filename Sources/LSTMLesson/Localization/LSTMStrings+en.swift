extension LSTMStrings {
  static let en: [String: String] = [
    "lesson.title": "Long Short-Term Memory (LSTM)",
    "exercise1.title": "hyperparameters against running time, perplexity and the output",
    "exercise1.hint": "Run the scratch training with fewer epochs and other sizes, for example `--set epochs=50 --set numHiddens=64`, and compare its tokens/s, perplexity and predictions with the run of the lesson.",
    "exercise2.title": "words instead of characters",
    "exercise2.hint": "Only the tokenizer and the vocabulary change: the inputs become one-hot vectors over thousands of words, and so does the output layer. The data side already has a word tokenizer; see the exercises step for what grows.",
    "exercise3.title": "the cost of GRU, LSTM and RNN for one hidden size, in training and in inference",
    "exercise3.hint": "`lessons run lstm --step lstm-cost` measures the three cells; compare the FLOPs per token with the time per token.",
    "exercise4.title": "why the hidden state needs a second tanh",
    "exercise4.hint": "The candidate is in (−1, 1), but the memory cell adds one candidate per step, scaled by the input gate, and keeps the old cell, scaled by the forget gate: nothing keeps Cₜ in (−1, 1). Write the step in exercises/Sources/LSTMExercise4/NoTanhLSTM.swift: the four gate lines and Cₜ are the LSTM's; only Hₜ = Oₜ ⊙ Cₜ changes (no tanh). Keep every bias, and the forget gate multiplies Cₜ₋₁, the input gate C̃ₜ. Then `lessons run lstm --step lstm-hidden-range` measures Hₜ with and without the tanh.",
    "exercise5.title": "an LSTM for time-series prediction",
    "exercise5.hint": "Replace the one-hot inputs by the series' values (d = 1) and the output layer over the vocabulary by one unit with a squared loss; the cell itself does not change.",

    "axis.steps": "steps",
    "axis.batch": "batch",
    "axis.inputs": "inputs",
    "axis.hidden": "hidden",

    "tiny.summary": "a scratch LSTM on a tiny example: every gate, memory cell and state, step by step",
    "tiny.zero": "H₀ = C₀ = 0. At each step (one row per sequence):",
    "tiny.range": "the largest |Cₜ| above is {c}; the largest |Hₜ| is {h}, inside (−1, 1) because of Hₜ's tanh and the output gate.",

    "scratchTrain.summary": "the scratch LSTM trained with the section's settings",
    "conciseTrain.summary": "the concise LSTM trained with the same settings",

    "agrees.summary": "the concise LSTM with the scratch LSTM's trained weights",
    "agrees.difference": "largest difference over every Hₜ: {h}; over the last memory cell C_T: {c}. PyTorch's LSTM is the section's, gate for gate (its two biases per gate add up to one).",

    "published.summary": "perplexity, tokens/s and predictions beside D2L's",
    "published.columns": "run|epochs|perplexity|tokens/s|hardware",
    "published.d2lScratch": "D2L 0.17, LSTM from scratch",
    "published.d2lConcise": "D2L 0.17, nn.LSTM",
    "published.gpu": "a CUDA GPU (cuda:0)",
    "published.hardware": "{cpu}, {threads} threads",
    "published.cpu": "this machine's CPU",
    "published.ourScratch": "this run, LSTMScratch",
    "published.ourConcise": "this run, LSTM",
    "published.ratio": "On this CPU the scratch LSTM ran at {scratch}× D2L's scratch speed on a GPU, the concise one at {concise}× D2L's; the fused layer was {fused}× the scratch one. The scratch model ended {gap} above the concise one in perplexity. (tokens/s: the median over the epochs.)",

    "gates.summary": "gates you can watch: input, forget and output gates over a sentence",
    "gates.unit": "unit",
    "gates.legend": "the trained scratch LSTM reads the sentence below from a zero state. Of its {hidden} units, the {count} whose gate moves most are drawn, a row each, a column per character ({steps} steps); blue (blank without colour) is a closed gate (0), red (█) an open one (1), pale about half open.",
    "gates.input": "input gate Iₜ (how much of the candidate C̃ₜ is written):",
    "gates.forget": "forget gate Fₜ (how much of Cₜ₋₁ is kept):",
    "gates.output": "output gate Oₜ (how much of tanh(Cₜ) is shown as Hₜ):",
    "gates.measured": "Measured over all {hidden} units: the forget gate's mean is {space} at the steps that read a space, {start} at a word's first letter and {inside} at the other letters.",
    "gates.keepsAtSpace": "So at a word boundary this LSTM keeps more of its memory cell than inside a word.",
    "gates.forgetsAtSpace": "So at a word boundary this LSTM forgets more of its memory cell than inside a word.",

    "range.summary": "exercise 4: the range of Hₜ without the second tanh",
    "range.trained": "the trained LSTM over the sentence: largest |Hₜ| {h}, largest |Cₜ| {c}. The same weights without Hₜ's tanh (Hₜ = Oₜ ⊙ Cₜ): largest |Hₜ| {without}.",
    "range.settings": "two LSTMs from the same seed, {hidden} hidden units, {epochs} epochs, lr 1, clipping 1; the range over the same sentence:",
    "range.columns": "hidden state|perplexity|largest magnitude of Hₜ|largest magnitude of Cₜ",
    "range.with": "Hₜ = Oₜ ⊙ tanh(Cₜ)",
    "range.without": "Hₜ = Oₜ ⊙ Cₜ",

    "cost.summary": "exercise 3: the cost of RNN, GRU and LSTM for one hidden size",
    "cost.columns": "cell|training tokens/s|inference tokens/s|MFLOP/token training|MFLOP/token inference",
    "cost.measured": "Per token the GRU needs {gruFlops}× the RNN's arithmetic and the LSTM {lstmFlops}×; measured here (one layer, batch 32 × 35, {threads} threads) a training token took {gruTime}× the RNN's time in the GRU and {lstmTime}× in the LSTM, an inference token {gruInference}× and {lstmInference}×.",

    "exercises.summary": "the section's exercises, and where this lesson answers them",
    "exercises.item1": "Hyperparameters against running time, perplexity and output: `lessons run lstm --step lstm-scratch-train --set epochs=50 --set numHiddens=64`, or `s` on the training steps.",
    "exercises.item2": "Words instead of characters: the cell stays; the tokenizer, the vocabulary (thousands of words instead of 28 characters), the one-hot inputs and the output layer grow with it, and so does the data a model needs to see each word often enough.",
    "exercises.item3": "The cost of GRU, LSTM and RNN: step lstm-cost measures them in training and inference.",
    "exercises.item4": "The second tanh: step lstm-hidden-range measures the range of Hₜ with and without it.",
    "exercises.item5": "Time series: one input per step instead of a one-hot vector, one output with a squared loss instead of the vocabulary's softmax; the LSTM cell is the same.",
  ]
}
