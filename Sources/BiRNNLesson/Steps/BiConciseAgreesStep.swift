import D2L
import LessonEngine

/// The concise `RNN(bidirectional: true)`, given the scratch layer's weights, computes the same
/// states in both directions and the same final states.
public enum BiConciseAgreesStep: LessonStep {
  public static let id = "bi-concise-agrees"
  public static var summary: String { tr("agrees.summary") }
  public static let parameters: [StepParameter] = [
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("inputs", 1...1024, tr("help.inputs")),
    .integer("batch", 1...256, tr("help.batch")), .integer("steps", 1...200, tr("help.steps")),
  ]

  public struct Input {
    public var numHiddens, inputs, batch, steps: Int
  }

  /// The largest difference between the two layers, over every H_t and both final states.
  public typealias Output = Float

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(numHiddens: values.int("numHiddens"), inputs: values.int("inputs"), batch: values.int("batch"), steps: values.int("steps"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Float {
    let (numHiddens, inputs, batch, steps) = (input.numHiddens, input.inputs, input.batch, input.steps)
    // ANCHOR: bi-concise-agrees
    var generator = RandomGenerator(seed: 5)
    let X = Tensor.normal([steps, batch, inputs], using: &generator)
    let scratch = BiRNNScratch(
      numInputs: inputs, numHiddens: numHiddens, sigma: 0.1, using: &generator)
    let concise = RNN(
      inputSize: inputs, hiddenSize: numHiddens, bidirectional: true,
      using: &generator)
    // PyTorch stores W transposed, has two biases, and names the
    // backward direction's parameters "..._reverse"
    let directions = [("", scratch.forward), ("_reverse", scratch.backward)]
    for (suffix, rnn) in directions {
      let weight = { concise.parameter(named: $0 + "_l0" + suffix)! }
      weight("weight_ih").assign(rnn.W_xh.transposed())
      weight("weight_hh").assign(rnn.W_hh.transposed())
      weight("bias_ih").assign(rnn.b_h)
      weight("bias_hh").assign(Tensor.zeros([numHiddens]))
    }
    let mine = scratch(X)
    let (H, state) = concise(X)  // H: (T, n, 2h), state: (2, n, h)
    // ANCHOR_END: bi-concise-agrees
    let axes = [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")]
    out.shape(tr("agrees.scratch"), mine.outputs.shape, axes)
    out.shape(tr("agrees.concise"), H.shape, axes)
    out.shape(tr("agrees.state"), state.hidden.shape, [tr("axis.directions"), tr("axis.batch"), tr("axis.hidden")],
              note: tr("agrees.stateOrder"))
    let h = numHiddens
    var worstForward: Float = 0, worstBackward: Float = 0
    let (a, b) = (mine.outputs.scalars, H.scalars)
    for i in 0..<min(a.count, b.count) {
      let d = abs(a[i] - b[i])
      if i % (2 * h) < h { worstForward = max(worstForward, d) } else { worstBackward = max(worstBackward, d) }
    }
    let finals = [
      BiConciseAgreesStep.largestDifference(mine.forwardState, state.hidden[0]),
      BiConciseAgreesStep.largestDifference(mine.backwardState, state.hidden[1]),
    ]
    out.say("  " + tr("agrees.direction", ["name": "→H", "count": Num.int(steps * batch * h), "difference": Num.scientific(Double(worstForward))]))
    out.say("  " + tr("agrees.direction", ["name": "←H", "count": Num.int(steps * batch * h), "difference": Num.scientific(Double(worstBackward))]))
    out.say("  " + tr("agrees.finals", [
      "forward": Num.scientific(Double(finals[0])), "backward": Num.scientific(Double(finals[1])),
    ]))
    return max(worstForward, worstBackward, finals.max()!)
  }

  /// max |a - b| over two tensors of one shape.
  public static func largestDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
  }
}
