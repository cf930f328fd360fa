extension S2SStrings {
  static let en: [String: String] = [
    "lesson.title": "Sequence-to-Sequence Learning",
    "exercise1.title": "adjust the hyperparameters to improve the translations",
    "exercise1.hint": "Change one thing at a time and keep the budget: `lessons run seq2seq --step s2s-hyper --set settings=\"numHiddens=64|dropout=0\"`. With 600 pairs, a bigger model can learn them by heart; look at the loss and at the four translations.",
    "exercise2.title": "training without the mask; the masked loss, written yourself",
    "exercise2.hint": "1. sequenceMask: build a Float array of X's size, 1 where t < validLength[i] (for every entry of the step's trailing axes), 0 elsewhere; X * mask + (1 - mask) * value. 2. loss: log softmax along the last axis (subtract each row's largest score, then the log of the sum of exp); pick each label with Tensor.oneHot(labels, shape: [n, T], depth: V) and a sum along axis 2; multiply by sequenceMask(ones [n, T]); mean along axis 1. Step s2s-no-mask shows what the mask changes in training.",
    "exercise3.title": "an encoder and a decoder of different sizes: the decoder's first state",
    "exercise3.hint": "The decoder needs one (batch, hidden) state per layer and a context; the encoder gives (layers, batch, its hidden). A dense layer from one to the other, learned with the rest, is one answer; zeros plus the context is another. Step s2s-sizes trains the first.",
    "exercise4.title": "training without teacher forcing",
    "exercise4.hint": "Feed the decoder its own best word of the step before, one step at a time, and compare with teacher forcing at the same budget: `lessons run seq2seq --step s2s-no-teacher`. Early in training its own words are wrong, so what does each step learn from?",
    "exercise5.title": "LSTM layers instead of GRU layers",
    "exercise5.hint": "Seq2SeqConfiguration.cell = .lstm; the state then carries the memory cells too. `lessons run seq2seq --step s2s-lstm`.",
    "exercise6.title": "other designs for the decoder's output layer",
    "exercise6.hint": "The dense layer reads only the top layer's state. It could also read the context, or the embedded input word; its weights could be tied to the target embedding's. Which of these fits the interface without changing it?",

    "axis.batch": "batch",
    "axis.steps": "steps",
    "axis.hidden": "hidden",
    "axis.layers": "layers",
    "axis.embed": "embed",
    "axis.vocab": "vocab",

    "encoder.summary": "the RNN encoder at the book's toy sizes: outputs and state",
    "encoder.tokens": "token indices, all 0 as in the book",
    "encoder.embedded": "the rows of the embedding table, time first",
    "encoder.outputs": "the top layer's state at every step",
    "encoder.state": "every layer's state after the last step",
    "encoder.parameters": "its parameters, by PyTorch's names:",

    "decoder.summary": "the RNN decoder: the context at every step, scores and state",
    "decoder.context": "the encoder's top layer after the last step, at every step",
    "decoder.reads": "what the decoder's GRU reads per step",
    "decoder.output": "a score for every target word, at every step",
    "decoder.state": "every layer after the last step",

    "mask.summary": "masking on the book's small examples",
    "mask.row": "row {row}, valid length {valid}:",

    "loss.summary": "the masked loss on the book's check: valid lengths 4, 2 and 0",
    "loss.reading": "each counted step costs log 10 = {log} (equal scores for 10 words), averaged over 4 steps: the first row counts 4 steps, the second 2 ({ratio}× less), the third none",

    "train.summary": "the book's training run, the loss drawn live",
    "train.loss": "loss",
    "train.chart": "the book's printed loss, per epoch",
    "train.result": "loss {loss}, {rate} tokens/s on the CPU ({threads} threads), {seconds} s",

    "bleu.summary": "BLEU on the book's two examples",
    "bleu.penalty": "brevity penalty exp(min(0, 1 − 6/5)) = {value}",
    "bleu.short": "(p₁ = p₂ = 1, but the penalty exp(1 − 6/2) = {penalty} pulls it down)",

    "translate.summary": "the four translations of the book, with their BLEU",
    "translate.counts": "sentences and references must pair up: {sentences} sentences, {references} references",

    "compare.book": "the book's run (s2s-train)",
    "compare.chart": "cross-entropy per valid target token, per epoch",
    "compare.loss": "loss/token",
    "compare.bleu": "mean BLEU",
    "compare.seconds": "seconds",
    "compare.norm": "‖g‖ median",
    "compare.clipped": "clipped",

    "meansum.summary": "mean or sum in the masked loss: both trained, side by side",
    "meansum.reading": "Both runs start from the same weights and read the same minibatches; only the constant factor 1/numSteps differs, so the gradient before clipping is that factor larger with sum (median norms {meanNorm} and {sumNorm}). Clipping at 1 acted on {mean}% of the mean run's updates and {sum}% of the sum run's; where it acts, it removes the factor, and Adam, which divides each update by a running size of the gradient, removes most of the rest. The per-token losses at the end ({meanLoss} and {sumLoss}) and the translations above are the measured answer. Neither version can shorten or lengthen its sentences to lower its loss: the mask does not depend on the model.",
    "meansum.reading.allClipped": "Both runs start from the same weights and read the same minibatches; only the constant factor 1/numSteps differs. But the gradient of the loss summed over a minibatch is larger than 1 even with mean (median norms {meanNorm} and {sumNorm}), so clipping at 1 acted on every update of both runs: each update starts from a gradient of norm 1 in the same direction, and Adam sees the same numbers. The two runs are the same algorithm; they drift apart only through rounding, which compounds over thousands of updates. The per-token losses at the end ({meanLoss} and {sumLoss}) and the translations above show how far that drift goes. Neither version can shorten or lengthen its sentences to lower its loss: the mask does not depend on the model.",

    "exercises.summary": "the section's six exercises and where they are done",
    "exercises.item1": "Can you adjust the hyperparameters to improve the translations? Step s2s-hyper trains the book's model with one change at a time.",
    "exercises.item2": "Train without masks in the loss: what happens, and why? Step s2s-no-mask measures it. Code: write the sequence mask and the masked loss yourself in exercises/Sources/Seq2SeqExercise2/MaskedLoss.swift; `lessons check 2 --lesson seq2seq` compares them with their definitions, `lessons hint 2 --lesson seq2seq` helps, `lessons reset 2 --lesson seq2seq` starts over.",
    "exercises.item3": "If the encoder and the decoder differ in layers or hidden units, how can the decoder's hidden state start? Step s2s-sizes trains one answer: a dense layer from the encoder's last state to every decoder layer.",
    "exercises.item4": "Replace teacher forcing with the decoder's own prediction of the step before. How does training change? Step s2s-no-teacher measures it.",
    "exercises.item5": "Replace the GRU with an LSTM. Step s2s-lstm measures it.",
    "exercises.item6": "Are there other ways to design the decoder's output layer? A question to think about: the hint lists a few.",

    "hyper.summary": "exercise 1 measured: one hyperparameter changed at a time",
    "hyper.bad": "\"{part}\" is not name=value with a name among {names} and a positive value",

    "nomask.summary": "exercise 2 measured: training without the mask",
    "nomask.name": "no mask",
    "nomask.reading": "Without the mask, every padded position is a label too: after <eos> the model must predict <pad>, and short sentences have many such positions (\"va !\" with <eos> is 3 tokens padded to 10). The per-token column counts only the valid tokens, as for the book's run, so the two rows can be compared.",

    "sizes.summary": "exercise 3 measured: an encoder of another size under the book's decoder",
    "sizes.name": "encoder {hidden} × {layers}",

    "noteacher.summary": "exercise 4 measured: training without teacher forcing",
    "noteacher.name": "own predictions",
    "noteacher.reading": "Without teacher forcing, a wrong word early in a sentence is the input of every later step, so in early epochs the later steps learn from inputs that the reference never contains; and the decoder runs one step at a time, which costs time. In exchange, training sees what prediction will see.",

    "lstm.summary": "exercise 5 measured: LSTM layers instead of GRU layers",
  ]
}
