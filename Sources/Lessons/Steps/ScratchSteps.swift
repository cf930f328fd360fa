import D2L

/// The scratch RNN on real data: one layer, then two layers stacked from it.
enum ScratchSteps {
  static let layer = StepDefinition(
    id: "scratch-layer", summary: "one scratch RNN layer on a Time Machine minibatch",
    parameters: [
      .integer("batchSize", 1...256, "sequences per minibatch"), .integer("numSteps", 1...200, "time steps"),
      .integer("numHiddens", 1...1024, "hidden units"),
    ],
    requires: []
  ) { context, values in
    let (batchSize, numSteps, numHiddens) = (values.int("batchSize"), values.int("numSteps"), values.int("numHiddens"))
    // ANCHOR: scratch-layer
    let (corpus, vocab) = try context.timeMachine()
    let loader = SeqDataLoader(corpus: corpus, batchSize: batchSize, numSteps: numSteps)
    var batches = loader.batches(forEpoch: 0)
    let batch = batches.next()!  // token indices, (batch, steps)
    let X = Tensor.oneHot(
      batch.timeMajorInputs.map(Int.init), shape: [numSteps, batchSize], depth: vocab.count)
    var generator = RandomGenerator(seed: 1)
    let rnn = RNNScratch(numInputs: vocab.count, numHiddens: numHiddens, using: &generator)
    let (outputs, state) = rnn(X)
    // ANCHOR_END: scratch-layer
    context.firstBatch = batch
    context.X = X
    context.say("  the minibatch holds \(batchSize) sequences of \(numSteps) characters; the first one reads")
    context.say("  \"\(vocab.tokens(for: (0..<numSteps).map { Int(batch.input(row: 0, step: $0)) }).joined())\"")
    context.shape("tokens", [batchSize, numSteps], ["batch", "steps"])
    context.shape("X", X.shape, ["steps", "batch", "vocab"], note: "one-hot, time first")
    context.shape("W_xh", rnn.W_xh.shape, ["vocab", "hidden"])
    context.shape("W_hh", rnn.W_hh.shape, ["hidden", "hidden"])
    context.shape("b_h", rnn.b_h.shape, ["hidden"])
    context.say("  outputs: \(outputs.count) states, one per step, each (batch \(batchSize), hidden \(numHiddens))")
    context.shape("state", state.shape, ["batch", "hidden"], note: "= the last output")
    context.latex(#"\mathbf{H}_t = \tanh(\mathbf{X}_t \mathbf{W}_{xh} + \mathbf{H}_{t-1} \mathbf{W}_{hh} + \mathbf{b}_h)"#)
  }

  static let stack = StepDefinition(
    id: "scratch-stack", summary: "two scratch layers stacked: layer 2 reads layer 1's states",
    parameters: [.integer("numLayers", 1...6, "layers L"), .integer("numHiddens", 1...1024, "hidden units")],
    requires: ["scratch-layer"]
  ) { context, values in
    let (numLayers, numHiddens) = (values.int("numLayers"), values.int("numHiddens"))
    guard let X = context.X, let vocab = context.vocab else { throw StepError("run step scratch-layer first") }
    // ANCHOR: scratch-stack
    var generator = RandomGenerator(seed: 2)
    let stack = StackedRNNScratch(
      numInputs: vocab.count, numHiddens: numHiddens, numLayers: numLayers, using: &generator)
    let (outputs, states, layerOutputs) = stack(X)
    // ANCHOR_END: scratch-stack
    context.shape("X = H\(Scripts.sup(0))", X.shape, ["steps", "batch", "vocab"])
    for (l, rnn) in stack.rnns.enumerated() {
      context.say("  layer \(l + 1): W_xh \(Tensor.describe(rnn.W_xh.shape)), W_hh \(Tensor.describe(rnn.W_hh.shape)), b_h \(Tensor.describe(rnn.b_h.shape))")
      context.shape("  H\(Scripts.sup(l + 1))", layerOutputs[l].shape, ["steps", "batch", "hidden"],
                    note: l == 0 ? "reads X" : "reads H\(Scripts.sup(l))")
    }
    context.shape("outputs", outputs.shape, ["steps", "batch", "hidden"], note: "the top layer's states, for the output layer")
    context.say("  final states: \(states.count) × (batch \(states[0].shape[0]), hidden \(states[0].shape[1])), one per layer")
    context.latex(#"\mathbf{H}_t^{(l)} = \tanh(\mathbf{H}_t^{(l-1)} \mathbf{W}_{xh}^{(l)} + \mathbf{H}_{t-1}^{(l)} \mathbf{W}_{hh}^{(l)} + \mathbf{b}_h^{(l)}), \quad \mathbf{H}_t^{(0)} = \mathbf{X}_t"#)
  }
}
