import CourseKit
import D2L
import LessonEngine

/// One scratch RNN layer on a real minibatch of The Time Machine.
public enum ScratchLayerStep: LessonStep {
  public static let id = "scratch-layer"
  public static var summary: String { tr("scratchLayer.summary") }
  public static let parameters: [StepParameter] = [
    .integer("batchSize", 1...256, tr("help.batchSize2")), .integer("numSteps", 1...200, tr("help.numSteps")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")),
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
    let loader = SeqDataLoader(
      corpus: corpus, batchSize: batchSize, numSteps: numSteps)
    var batches = loader.batches(forEpoch: 0)
    let batch = batches.next()!  // token indices, (batch, steps)
    let X = Tensor.oneHot(
      batch.timeMajorInputs.map(Int.init), shape: [numSteps, batchSize],
      depth: vocab.count)
    var generator = RandomGenerator(seed: 1)
    let rnn = RNNScratch(
      numInputs: vocab.count, numHiddens: numHiddens, using: &generator)
    let (outputs, state) = rnn(X)
    // ANCHOR_END: scratch-layer
    out.say("  " + tr("scratchLayer.minibatch", ["batch": batchSize, "steps": numSteps]))
    out.say("  \"\(vocab.tokens(for: (0..<numSteps).map { Int(batch.input(row: 0, step: $0)) }).joined())\"")
    let (steps, batchAxis, vocabAxis, hiddenAxis) = (tr("axis.steps"), tr("axis.batch"), tr("axis.vocab"), tr("axis.hidden"))
    out.shape(tr("scratchLayer.tokens"), [batchSize, numSteps], [batchAxis, steps])
    out.shape("X", X.shape, [steps, batchAxis, vocabAxis], note: tr("scratchLayer.oneHot"))
    out.shape(Scripts.W("xh"), rnn.W_xh.shape, [vocabAxis, hiddenAxis])
    out.shape(Scripts.W("hh"), rnn.W_hh.shape, [hiddenAxis, hiddenAxis])
    out.shape(Scripts.W("h", letter: "b"), rnn.b_h.shape, [hiddenAxis])
    out.say("  outputs: " + tr("scratchLayer.outputs", ["count": outputs.count, "batch": batchSize, "hidden": numHiddens]))
    out.shape("state", state.shape, [batchAxis, hiddenAxis], note: tr("scratchLayer.lastOutput"))
    out.latex(#"\mathbf{H}_t = \tanh(\mathbf{X}_t \mathbf{W}_{xh} + \mathbf{H}_{t-1} \mathbf{W}_{hh} + \mathbf{b}_h)"#)
    return Output(batch: batch, X: X, vocab: vocab)
  }
}

/// Two (or L) scratch layers stacked: layer l reads layer l−1's states.
public enum ScratchStackStep: LessonStep {
  public static let id = "scratch-stack"
  public static var summary: String { tr("scratchStack.summary") }
  public static let parameters: [StepParameter] = [
    .integer("numLayers", 1...6, tr("help.numLayers")), .integer("numHiddens", 1...1024, tr("help.numHiddens")),
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
      numInputs: vocab.count, numHiddens: numHiddens, numLayers: numLayers,
      using: &generator)
    let (outputs, states, layerOutputs) = stack(X)
    // ANCHOR_END: scratch-stack
    let axes = [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")]
    out.shape("X = \(Scripts.layer("H", 0))", X.shape, [axes[0], axes[1], tr("axis.vocab")])
    for (l, rnn) in stack.rnns.enumerated() {
      let weights = [(Scripts.W("xh", l + 1), rnn.W_xh), (Scripts.W("hh", l + 1), rnn.W_hh), (Scripts.W("h", l + 1, letter: "b"), rnn.b_h)]
      out.say("  " + tr("scratchStack.layer", ["layer": l + 1])
        + weights.map { "\($0.0) \(Tensor.describe($0.1.shape))" }.joined(separator: ", "))
      out.shape("  \(Scripts.layer("H", l + 1))", layerOutputs[l].shape, axes,
                note: tr("scratchStack.reads", ["input": l == 0 ? "X" : Scripts.layer("H", l)]))
    }
    out.shape("outputs", outputs.shape, axes, note: tr("scratchStack.top"))
    out.say("  " + tr("scratchStack.final", ["count": states.count, "batch": states[0].shape[0], "hidden": states[0].shape[1]]))
    out.latex(#"\mathbf{H}_t^{(l)} = \tanh(\mathbf{H}_t^{(l-1)} \mathbf{W}_{xh}^{(l)} + \mathbf{H}_{t-1}^{(l)} \mathbf{W}_{hh}^{(l)} + \mathbf{b}_h^{(l)}), \quad \mathbf{H}_t^{(0)} = \mathbf{X}_t"#)
    return Output(layerOutputs: layerOutputs)
  }
}
