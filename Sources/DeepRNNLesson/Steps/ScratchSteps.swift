import D2L
import LessonEngine

/// One scratch RNN layer on a real minibatch of The Time Machine.
public enum ScratchLayerStep: LessonStep {
  public static let id = "scratch-layer"
  public static let summary = "one scratch RNN layer on a Time Machine minibatch"
  public static let parameters: [StepParameter] = [
    .integer("batchSize", 1...256, "sequences per minibatch"), .integer("numSteps", 1...200, "time steps"),
    .integer("numHiddens", 1...1024, "hidden units"),
  ]

  public struct Input {
    public var batchSize, numSteps, numHiddens: Int
  }

  /// The first minibatch, as tokens and as one-hot vectors, and the vocabulary: what the
  /// stacked and concise steps run on.
  public struct Output {
    public let batch: SequenceBatch
    /// (T, B, V), time first.
    public let X: Tensor
    public let vocab: Vocab

    public init(batch: SequenceBatch, X: Tensor, vocab: Vocab) {
      self.batch = batch
      self.X = X
      self.vocab = vocab
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(batchSize: values.int("batchSize"), numSteps: values.int("numSteps"), numHiddens: values.int("numHiddens"))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> Output {
    let (batchSize, numSteps, numHiddens) = (input.batchSize, input.numSteps, input.numHiddens)
    // ANCHOR: scratch-layer
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    let loader = SeqDataLoader(corpus: corpus, batchSize: batchSize, numSteps: numSteps)
    var batches = loader.batches(forEpoch: 0)
    let batch = batches.next()!  // token indices, (batch, steps)
    let X = Tensor.oneHot(
      batch.timeMajorInputs.map(Int.init), shape: [numSteps, batchSize], depth: vocab.count)
    var generator = RandomGenerator(seed: 1)
    let rnn = RNNScratch(numInputs: vocab.count, numHiddens: numHiddens, using: &generator)
    let (outputs, state) = rnn(X)
    // ANCHOR_END: scratch-layer
    out.say("  the minibatch holds \(batchSize) sequences of \(numSteps) characters; the first one reads")
    out.say("  \"\(vocab.tokens(for: (0..<numSteps).map { Int(batch.input(row: 0, step: $0)) }).joined())\"")
    out.shape("tokens", [batchSize, numSteps], ["batch", "steps"])
    out.shape("X", X.shape, ["steps", "batch", "vocab"], note: "one-hot, time first")
    out.shape("W_xh", rnn.W_xh.shape, ["vocab", "hidden"])
    out.shape("W_hh", rnn.W_hh.shape, ["hidden", "hidden"])
    out.shape("b_h", rnn.b_h.shape, ["hidden"])
    out.say("  outputs: \(outputs.count) states, one per step, each (batch \(batchSize), hidden \(numHiddens))")
    out.shape("state", state.shape, ["batch", "hidden"], note: "= the last output")
    out.latex(#"\mathbf{H}_t = \tanh(\mathbf{X}_t \mathbf{W}_{xh} + \mathbf{H}_{t-1} \mathbf{W}_{hh} + \mathbf{b}_h)"#)
    return Output(batch: batch, X: X, vocab: vocab)
  }
}

/// Two (or L) scratch layers stacked: layer l reads layer l−1's states.
public enum ScratchStackStep: LessonStep {
  public static let id = "scratch-stack"
  public static let summary = "two scratch layers stacked: layer 2 reads layer 1's states"
  public static let parameters: [StepParameter] = [
    .integer("numLayers", 1...6, "layers L"), .integer("numHiddens", 1...1024, "hidden units"),
  ]
  public static let requires = [ScratchLayerStep.id]

  public struct Input {
    public var numLayers, numHiddens: Int
    /// The one-hot minibatch of step scratch-layer, (T, B, V).
    public var X: Tensor
    public var vocab: Vocab
  }

  /// Every layer's states over the sequence, bottom layer first.
  public struct Output {
    public let layerOutputs: [Tensor]

    public init(layerOutputs: [Tensor]) { self.layerOutputs = layerOutputs }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let layer = try results.output(of: ScratchLayerStep.self)
    return Input(numLayers: values.int("numLayers"), numHiddens: values.int("numHiddens"), X: layer.X, vocab: layer.vocab)
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> Output {
    let (numLayers, numHiddens, X, vocab) = (input.numLayers, input.numHiddens, input.X, input.vocab)
    // ANCHOR: scratch-stack
    var generator = RandomGenerator(seed: 2)
    let stack = StackedRNNScratch(
      numInputs: vocab.count, numHiddens: numHiddens, numLayers: numLayers, using: &generator)
    let (outputs, states, layerOutputs) = stack(X)
    // ANCHOR_END: scratch-stack
    out.shape("X = H\(Scripts.sup(0))", X.shape, ["steps", "batch", "vocab"])
    for (l, rnn) in stack.rnns.enumerated() {
      out.say("  layer \(l + 1): W_xh \(Tensor.describe(rnn.W_xh.shape)), W_hh \(Tensor.describe(rnn.W_hh.shape)), b_h \(Tensor.describe(rnn.b_h.shape))")
      out.shape("  H\(Scripts.sup(l + 1))", layerOutputs[l].shape, ["steps", "batch", "hidden"],
                note: l == 0 ? "reads X" : "reads H\(Scripts.sup(l))")
    }
    out.shape("outputs", outputs.shape, ["steps", "batch", "hidden"], note: "the top layer's states, for the output layer")
    out.say("  final states: \(states.count) × (batch \(states[0].shape[0]), hidden \(states[0].shape[1])), one per layer")
    out.latex(#"\mathbf{H}_t^{(l)} = \tanh(\mathbf{H}_t^{(l-1)} \mathbf{W}_{xh}^{(l)} + \mathbf{H}_{t-1}^{(l)} \mathbf{W}_{hh}^{(l)} + \mathbf{b}_h^{(l)}), \quad \mathbf{H}_t^{(0)} = \mathbf{X}_t"#)
    return Output(layerOutputs: layerOutputs)
  }
}
