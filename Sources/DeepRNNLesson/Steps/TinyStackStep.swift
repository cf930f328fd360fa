import CourseKit
import D2L
import LessonEngine

/// A tiny seeded two-layer scratch RNN whose every hidden state is printed next to the
/// equation that produced it: the chapter's functional dependencies, evaluated.
public enum TinyStackStep: LessonStep {
  public static let id = "tiny-stack"
  public static var summary: String { tr("tiny.summary") }
  public static let parameters: [StepParameter] = [
    .integer("batch", 1...4, tr("help.batch")), .integer("steps", 1...6, tr("help.steps")),
    .integer("inputs", 1...8, tr("help.inputs")), .integer("hidden", 1...8, tr("help.hidden")),
    .integer("outputs", 1...8, tr("help.outputs")), .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public struct Input {
    public var batch, steps, inputs, hidden, outputs: Int
    public var seed: UInt64
  }

  /// Every state of both layers, and the outputs, as the step computed them.
  public struct Output {
    public let layerOutputs: [Tensor]
    public let outputs: Tensor

    public init(layerOutputs: [Tensor], outputs: Tensor) {
      self.layerOutputs = layerOutputs
      self.outputs = outputs
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(
      batch: values.int("batch"), steps: values.int("steps"), inputs: values.int("inputs"),
      hidden: values.int("hidden"), outputs: values.int("outputs"), seed: UInt64(values.int("seed")))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let (batch, steps, inputs) = (input.batch, input.steps, input.inputs)
    let (hidden, outputs, seed) = (input.hidden, input.outputs, input.seed)
    // ANCHOR: tiny-stack
    var generator = RandomGenerator(seed: seed)
    let X = Tensor.normal(
      [steps, batch, inputs], using: &generator)  // (T, n, d)
    let stack = StackedRNNScratch(
      numInputs: inputs, numHiddens: hidden, numLayers: 2, sigma: 0.5,
      using: &generator)
    // H: (T, n, h), the top layer's states
    let (H, finalStates, layerOutputs) = stack(X)
    let output = Linear(
      inputSize: hidden, outputSize: outputs, using: &generator)
    let O = output(H.reshaped([steps * batch, hidden]))  // (T·n, q)
    // ANCHOR_END: tiny-stack
    out.shape("X", X.shape, [tr("axis.steps"), tr("axis.batch"), tr("axis.inputs")])
    for (l, rnn) in stack.rnns.enumerated() {
      out.shape(Scripts.W("xh", l + 1), rnn.W_xh.shape, [tr("axis.in"), tr("axis.hidden")])
      out.shape(Scripts.W("hh", l + 1), rnn.W_hh.shape, [tr("axis.hidden"), tr("axis.hidden")])
    }
    out.say()
    for t in 1...steps {
      for l in 1...2 {
        let below = l == 1 ? "X\(Scripts.sub(t))" : Scripts.H(t, l - 1)
        let sizes = "(\(tr("axis.batch")) \(batch), \(tr("axis.hidden")) \(hidden))"
        out.equation("\(Scripts.H(t, l)) = tanh(\(below) \(Scripts.W("xh", l)) + \(Scripts.H(t - 1, l)) \(Scripts.W("hh", l)) + \(Scripts.W("h", l, letter: "b")))   \(sizes)")
        out.values(layerOutputs[l - 1][t - 1])
      }
      // q has no Unicode subscript: this line uses the fallback notation throughout, as the
      // rendered equation (2) does.
      out.equation("O_\(t) = H_\(t)^(2) W_(hq) + b_q   (\(tr("axis.batch")) \(batch), \(tr("axis.outputs")) \(outputs))")
      out.values(O[((t - 1) * batch)..<(t * batch)])
      out.say()
    }
    out.say("  " + tr("tiny.final", [
      "zero": "\(Scripts.H(0, 1)) = \(Scripts.H(0, 2)) = 0", "first": Scripts.H(steps, 1), "second": Scripts.H(steps, 2),
      "shapes": finalStates.map { Tensor.describe($0.shape) }.joined(separator: ", "),
    ]))
    return Output(layerOutputs: layerOutputs, outputs: O)
  }
}
