import D2L

/// The concise API: a multi-layer LSTM in one line, and a check that the concise RNN computes
/// what the scratch stack computes.
enum ConciseSteps {
  static let model = StepDefinition(
    id: "concise-model", summary: "RNNModel with an LSTM of numLayers 2: parameters and shapes",
    parameters: [
      .choice("cell", ["rnn", "gru", "lstm"], "recurrent cell"), .integer("numLayers", 1...6, "layers L"),
      .integer("numHiddens", 1...1024, "hidden units"),
    ],
    requires: ["scratch-layer"]
  ) { context, values in
    let (numLayers, numHiddens) = (values.int("numLayers"), values.int("numHiddens"))
    let kind = CellKind(rawValue: values.string("cell"))!
    guard let batch = context.firstBatch, let vocab = context.vocab else { throw StepError("run step scratch-layer first") }
    // ANCHOR: concise-model
    var generator = RandomGenerator(seed: 0)
    let model = RNNModel(
      kind: kind, vocabSize: vocab.count, hiddenSize: numHiddens, numLayers: numLayers, using: &generator)
    let (logits, state) = model(batch, state: model.beginState(batchSize: batch.batchSize))
    // ANCHOR_END: concise-model
    context.say("  \(kind.displayName)(vocab \(vocab.count), hidden \(numHiddens), numLayers \(numLayers)) + Linear(\(numHiddens) → \(vocab.count)): \(model.parameterCount) parameters")
    for (name, p) in model.namedParameters {
      let padded = name.padding(toLength: 20, withPad: " ", startingAt: 0)
      context.say("    \(padded) \(Tensor.describe(p.shape))")
    }
    if kind == .lstm {
      context.say("  weight_ih and weight_hh stack the gates i, f, g, o: 4 × \(numHiddens) = \(4 * numHiddens) rows.")
    } else if kind == .gru {
      context.say("  weight_ih and weight_hh stack the gates r, z, n: 3 × \(numHiddens) = \(3 * numHiddens) rows.")
    }
    context.shape("logits", logits.shape, ["steps·batch", "vocab"], note: "one row per (step, sequence), time first")
    context.shape("state H", state.hidden.shape, ["layers", "batch", "hidden"])
    if let c = state.cell { context.shape("state C", c.shape, ["layers", "batch", "hidden"], note: "the LSTM's memory cells") }
  }

  static let agreement = StepDefinition(
    id: "concise-agrees", summary: "the concise RNN(numLayers: 2) reproduces the scratch stack",
    parameters: [.integer("numHiddens", 1...1024, "hidden units")],
    requires: ["scratch-layer"]
  ) { context, values in
    let numHiddens = values.int("numHiddens")
    guard let X = context.X, let vocab = context.vocab else { throw StepError("run step scratch-layer first") }
    // ANCHOR: concise-agrees
    var generator = RandomGenerator(seed: 3)
    let stack = StackedRNNScratch(
      numInputs: vocab.count, numHiddens: numHiddens, numLayers: 2, sigma: 0.1, using: &generator)
    let concise = RNN(inputSize: vocab.count, hiddenSize: numHiddens, numLayers: 2, using: &generator)
    for (l, rnn) in stack.rnns.enumerated() {  // PyTorch stores W transposed, and two biases
      concise.parameter(named: "weight_ih_l\(l)")!.assign(rnn.W_xh.transposed())
      concise.parameter(named: "weight_hh_l\(l)")!.assign(rnn.W_hh.transposed())
      concise.parameter(named: "bias_ih_l\(l)")!.assign(rnn.b_h)
      concise.parameter(named: "bias_hh_l\(l)")!.assign(Tensor.zeros([numHiddens]))
    }
    let scratch = stack(X).outputs
    let (fast, _) = concise(X)
    // ANCHOR_END: concise-agrees
    let difference = zip(scratch.scalars, fast.scalars).map { abs($0 - $1) }.max() ?? 0
    context.shape("scratch outputs", scratch.shape, ["steps", "batch", "hidden"])
    context.shape("concise outputs", fast.shape, ["steps", "batch", "hidden"])
    context.say("  largest difference over all \(fast.count) values: \(String(format: "%.2e", difference))")
    context.say("  the concise layer computes the same equations, fused: per step, X_t W_xh + H_{t-1} W_hh + b on weights packed once, then tanh.")
  }
}
