import D2L
import LessonEngine

/// A tiny seeded two-layer scratch RNN whose every hidden state is printed next to the
/// equation that produced it: the chapter's functional dependencies, evaluated.
public enum TinyStackStep: LessonStep {
  public static let id = "tiny-stack"
  public static let summary = "every Hₜ⁽ˡ⁾ of a tiny two-layer RNN, next to its equation"
  public static let parameters: [StepParameter] = [
    .integer("batch", 1...4, "sequences n"), .integer("steps", 1...6, "time steps T"),
    .integer("inputs", 1...8, "input size d"), .integer("hidden", 1...8, "hidden units h"),
    .integer("outputs", 1...8, "output size q"), .integer("seed", 0...1_000_000, "random seed"),
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
    let X = Tensor.normal([steps, batch, inputs], using: &generator)  // (T, n, d)
    let stack = StackedRNNScratch(
      numInputs: inputs, numHiddens: hidden, numLayers: 2, sigma: 0.5, using: &generator)
    let (H, finalStates, layerOutputs) = stack(X)  // H: (T, n, h), the top layer's states
    let output = Linear(inputSize: hidden, outputSize: outputs, using: &generator)
    let O = output(H.reshaped([steps * batch, hidden]))  // (T·n, q)
    // ANCHOR_END: tiny-stack
    out.shape("X", X.shape, ["steps", "batch", "inputs"])
    for (l, rnn) in stack.rnns.enumerated() {
      out.shape("W_xh\(Scripts.sup(l + 1))", rnn.W_xh.shape, ["in", "hidden"])
      out.shape("W_hh\(Scripts.sup(l + 1))", rnn.W_hh.shape, ["hidden", "hidden"])
    }
    out.say()
    for t in 1...steps {
      for l in 1...2 {
        let below = l == 1 ? "X\(Scripts.sub(t))" : Scripts.H(t, l - 1)
        out.equation("\(Scripts.H(t, l)) = tanh(\(below) W_xh\(Scripts.sup(l)) + \(Scripts.H(t - 1, l)) W_hh\(Scripts.sup(l)) + b_h\(Scripts.sup(l)))   (batch \(batch), hidden \(hidden))")
        out.values(layerOutputs[l - 1][t - 1])
      }
      out.equation("O\(Scripts.sub(t)) = \(Scripts.H(t, 2)) W_hq + b_q   (batch \(batch), outputs \(outputs))")
      out.values(O[((t - 1) * batch)..<(t * batch)])
      out.say()
    }
    out.say("  \(Scripts.H(0, 1)) = \(Scripts.H(0, 2)) = 0; the final states are \(Scripts.H(steps, 1)) and \(Scripts.H(steps, 2)): \(finalStates.map { Tensor.describe($0.shape) }.joined(separator: ", ")).")
    return Output(layerOutputs: layerOutputs, outputs: O)
  }
}
