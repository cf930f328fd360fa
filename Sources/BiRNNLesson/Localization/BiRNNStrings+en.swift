extension BiRNNStrings {
  static let en: [String: String] = [
    "lesson.title": "Bidirectional Recurrent Neural Networks",
    "exercise1.title": "different numbers of hidden units per direction: the shape of Hₜ",
    "exercise1.hint": "Hₜ puts →Hₜ and ←Hₜ side by side along the last axis, so its width is the sum of the two. Try `lessons run bi-rnn --step bi-sizes --set forwardHiddens=3 --set backwardHiddens=5`, then predict the shape for other sizes before running it.",
    "exercise2.title": "a bidirectional RNN with several hidden layers, from scratch",
    "exercise2.hint": "1. Layer 1's two directions read numInputs; every layer above reads the layer below's [→H, ←H], 2 * numHiddens wide. 2. Each direction is its own RNNScratch, drawn from the generator in turn: one object used twice shares its weights. 3. Run the backward layer on the reversed sequence, then reverse its list of states again before concatenating. 4. Concatenate forward first, along the last axis (alongAxis: 2). 5. states?[2 * l] starts layer l's forward direction, states?[2 * l + 1] its backward one; the final states come back in that order, the backward one after it has read X_1.",
    "exercise3.title": "polysemy: a word's representation in context",
    "exercise3.hint": "Pick two sentences that read the same up to the word and differ after it. The one-directional state at the word cannot tell them apart; compare how far apart the bidirectional states are: `lessons run bi-rnn --step bi-polysemy`, then `s` to change word and contexts.",

    "axis.steps": "steps",
    "axis.batch": "batch",
    "axis.inputs": "inputs",
    "axis.hidden": "hidden",
    "axis.directions": "layers·directions",

    "tiny.summary": "a bidirectional layer by hand: →Hₜ and ←Hₜ of a tiny example",
    "tiny.ownWeights": "each direction has its own",
    "tiny.order": "the backward layer computed {first} first and {last} last: {last} has read every input back to {input}.",
    "tiny.concatenated": "each step's two states side by side, forward first",

    "sizes.summary": "exercise 1: a different width per direction, and the shape of Hₜ",
    "sizes.next": "an output layer (or a layer above) on top of this one reads {width} numbers per step.",

    "agrees.summary": "RNN(bidirectional: true) reproduces the scratch layer",
    "agrees.scratch": "scratch H",
    "agrees.concise": "concise H",
    "agrees.state": "concise final state",
    "agrees.stateOrder": "forward after X_T, then backward after X_1",
    "agrees.direction": "{name}: largest difference over its {count} values: {difference}",
    "agrees.finals": "final states: forward {forward}, backward {backward}",

    "train.summary": "the section's wrong application: a bidirectional LSTM as a language model",
    "train.notBidirectional": "the training run built a one-directional model: the training set-up must build its model from the configuration (RNNModel(configuration:))",
    "train.one": "one-directional model trained: {count} parameters, the output layer reads {width} numbers per step ({seconds} s)",
    "train.bi": "bidirectional model trained: {count} parameters, the output layer reads {width} numbers per step ({seconds} s)",

    "predict.summary": "its perplexity and its predictions, beside the one-directional model",
    "predict.one": "one-directional",
    "predict.bi": "bidirectional",
    "predict.perplexity": "perplexity {perplexity} at epoch {epoch}",

    "future.summary": "why: next-character predictions with the future read, and with it unknown",
    "future.scored": "{count} predictions ({sequences} sequences of the training text × {steps} steps), each of the character at t + 1 from the output at t; \"future unknown\": every character after t replaced by <unk>",
    "future.model": "model",
    "future.with": "future read",
    "future.without": "future unknown",
    "future.cell": "{accuracy} right, ppl {perplexity}",
    "future.reading": "With the next character in its input, the bidirectional model gets {with} right; with what follows t unknown, as when it writes text, {without}. The one-directional model never reads ahead, so its two columns agree ({one}).",

    "speed.summary": "the speed claim measured: tokens/s, one-directional vs bidirectional",
    "speed.setting": "training {size}, batch {batch} × {steps} steps, {rounds} alternating rounds of {seconds} s, medians; {cpu}, {threads} threads, {kernels} kernels",
    "speed.one": "one-directional: {rate} tokens/s",
    "speed.bi": "bidirectional:   {rate} tokens/s",
    "speed.ratio": "the bidirectional model trains {ratio}× slower: twice the recurrent work per layer, and a layer above reads twice as many inputs.",
    "speed.unknownCPU": "CPU not named",

    "polysemy.summary": "exercise 3 measured: one word, two contexts, two models",
    "polysemy.twoContexts": "contexts must be two sentences separated by |, got {count}",
    "polysemy.noWord": "the word \"{word}\" is not in \"{context}\"",
    "polysemy.measure": "cosine similarity of the top layer's state at the end of \"{word}\" in the two contexts:",
    "polysemy.sameLeft": "The two contexts read the same up to the word, so the one-directional state is the same in both (similarity 1): it cannot tell the two uses apart. The bidirectional state also reads what comes after.",
    "polysemy.differentLeft": "The contexts differ before the word as well, so both models' states change; set two contexts that differ only after the word to isolate what the backward direction adds.",

    "exercises.summary": "the section's three exercises and where they are done",
    "exercises.item1": "Different numbers of hidden units per direction: step bi-sizes (`lessons run bi-rnn --step bi-sizes --set forwardHiddens=3 --set backwardHiddens=5`) prints the shape of Hₜ.",
    "exercises.item2": "A bidirectional RNN with several hidden layers, from scratch: edit exercises/Sources/BiRNNExercise2/DeepBiRNN.swift, then `lessons check bi-rnn:2` compares every Hₜ⁽ˡ⁾, shape, final state and gradient with RNN(numLayers: 2, bidirectional: true). `lessons hint bi-rnn:2` helps; `lessons reset bi-rnn:2` starts over.",
    "exercises.item3": "Polysemy: step bi-polysemy compares one word's representation in two contexts under both trained models; change `word` and `contexts` with `s`.",
  ]
}
