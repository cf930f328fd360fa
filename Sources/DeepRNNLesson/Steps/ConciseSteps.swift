import CourseKit
import D2L
import LessonEngine

/// The concise API: a multi-layer LSTM in one line, its parameters and shapes.
public enum ConciseModelStep: LessonStep {
  public static let id = "concise-model"
  public static var summary: String { tr("conciseModel.summary") }
  public static let parameters: [StepParameter] = [
    .choice("cell", CellKind.names, tr("help.cell")), .integer("numLayers", 1...6, tr("help.numLayers")),
    .integer("numHiddens", 1...1024, tr("help.numHiddens")),
  ]
  public static let requires = [ScratchLayerStep.id]

  public struct Input {
    public var kind: CellKind
    public var numLayers, numHiddens: Int
    /// The minibatch of step scratch-layer.
    public var batch: SequenceBatch
    public var vocab: Vocab
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let layer = try results.output(of: ScratchLayerStep.self)
    return Input(
      kind: CellKind(rawValue: values.string("cell"))!, numLayers: values.int("numLayers"),
      numHiddens: values.int("numHiddens"), batch: layer.batch, vocab: layer.vocab)
  }

  public static func run(_ input: Input, _ out: StepOutput) -> RNNModel {
    let (kind, numLayers, numHiddens) = (input.kind, input.numLayers, input.numHiddens)
    let (batch, vocab) = (input.batch, input.vocab)
    // ANCHOR: concise-model
    var generator = RandomGenerator(seed: 0)
    let model = RNNModel(
      kind: kind, vocabSize: vocab.count, hiddenSize: numHiddens,
      numLayers: numLayers, using: &generator)
    let (logits, state) = model(
      batch, state: model.beginState(batchSize: batch.batchSize))
    // ANCHOR_END: concise-model
    out.say("  " + tr("conciseModel.parameters", [
      "cell": kind.displayName, "vocab": vocab.count, "hidden": numHiddens, "layers": numLayers,
      "count": Num.int(model.parameterCount),
    ]))
    for (name, p) in model.namedParameters {
      let padded = name.padding(toLength: 20, withPad: " ", startingAt: 0)
      out.say("    \(padded) \(Tensor.describe(p.shape))")
    }
    if kind == .lstm {
      out.say("  " + tr("conciseModel.gates", ["gates": "i, f, g, o", "count": 4, "hidden": numHiddens, "rows": 4 * numHiddens]))
    } else if kind == .gru {
      out.say("  " + tr("conciseModel.gates", ["gates": "r, z, n", "count": 3, "hidden": numHiddens, "rows": 3 * numHiddens]))
    }
    let axes = [tr("axis.layers"), tr("axis.batch"), tr("axis.hidden")]
    out.shape("logits", logits.shape, ["\(tr("axis.steps"))·\(tr("axis.batch"))", tr("axis.vocab")], note: tr("conciseModel.logits"))
    out.shape(tr("conciseModel.state", ["name": "H"]), state.hidden.shape, axes)
    if let c = state.cell { out.shape(tr("conciseModel.state", ["name": "C"]), c.shape, axes, note: tr("conciseModel.cells")) }
    return model
  }
}

/// The concise RNN with the scratch stack's weights computes the same states.
public enum ConciseAgreesStep: LessonStep {
  public static let id = "concise-agrees"
  public static var summary: String { tr("conciseAgrees.summary") }
  public static let parameters: [StepParameter] = [.integer("numHiddens", 1...1024, tr("help.numHiddens"))]
  public static let requires = [ScratchLayerStep.id]

  public struct Input {
    public var numHiddens: Int
    /// The one-hot minibatch of step scratch-layer, (T, B, V).
    public var X: Tensor
    public var vocab: Vocab
  }

  /// The largest difference between the two layers' outputs.
  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let layer = try results.output(of: ScratchLayerStep.self)
    return Input(numHiddens: values.int("numHiddens"), X: layer.X, vocab: layer.vocab)
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Float {
    let (numHiddens, X, vocab) = (input.numHiddens, input.X, input.vocab)
    // ANCHOR: concise-agrees
    var generator = RandomGenerator(seed: 3)
    let stack = StackedRNNScratch(
      numInputs: vocab.count, numHiddens: numHiddens, numLayers: 2,
      sigma: 0.1, using: &generator)
    let concise = RNN(
      inputSize: vocab.count, hiddenSize: numHiddens, numLayers: 2,
      using: &generator)
    // PyTorch stores W transposed, and two biases
    for (l, rnn) in stack.rnns.enumerated() {
      concise.parameter(named: "weight_ih_l\(l)")!.assign(rnn.W_xh.transposed())
      concise.parameter(named: "weight_hh_l\(l)")!.assign(rnn.W_hh.transposed())
      concise.parameter(named: "bias_ih_l\(l)")!.assign(rnn.b_h)
      concise.parameter(named: "bias_hh_l\(l)")!
        .assign(Tensor.zeros([numHiddens]))
    }
    let scratch = stack(X).outputs
    let (fast, _) = concise(X)
    // ANCHOR_END: concise-agrees
    let difference = zip(scratch.scalars, fast.scalars).map { abs($0 - $1) }.max() ?? 0
    let axes = [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")]
    out.shape(tr("conciseAgrees.scratch"), scratch.shape, axes)
    out.shape(tr("conciseAgrees.concise"), fast.shape, axes)
    out.say("  " + tr("conciseAgrees.difference", ["count": Num.int(fast.count), "difference": Num.scientific(Double(difference))]))
    out.say("  " + tr("conciseAgrees.fused", ["sum": "Xₜ\(Scripts.W("xh")) + Hₜ₋₁\(Scripts.W("hh")) + \(Scripts.W("h", letter: "b"))"]))
    return difference
  }
}
