import CourseKit
import D2L
import LessonEngine

/// A tiny seeded bidirectional layer, built by hand from two scratch RNNs: one reads X, the
/// other the reversed X; its states are turned back into time order and concatenated. Every
/// →H_t and ←H_t is printed, so the reader can see that ←H_1 already depends on X_T.
public enum BiTinyStep: TinyCellStep {
  public static let id = "bi-tiny"
  public static var summary: String { tr("tiny.summary") }
  public static let parameters = TinyCellInput.parameters(BiRNNStrings.table)

  /// The inputs and the concatenated states H (T, n, 2h).
  public struct Output {
    public let X: Tensor
    public let H: Tensor

    public init(X: Tensor, H: Tensor) {
      self.X = X
      self.H = H
    }
  }

  public static func run(_ input: TinyCellInput, _ out: StepOutput) -> Output {
    let (batch, steps, inputs, hidden, seed) = (input.batch, input.steps, input.inputs, input.hidden, input.seed)
    // ANCHOR: bi-tiny
    var generator = RandomGenerator(seed: seed)
    let X = Tensor.normal(
      [steps, batch, inputs], using: &generator)  // (T, n, d)
    let forward = RNNScratch(
      numInputs: inputs, numHiddens: hidden, sigma: 0.5, using: &generator)
    let backward = RNNScratch(
      numInputs: inputs, numHiddens: hidden, sigma: 0.5, using: &generator)
    let (forwardStates, _) = forward(X)  // →H_1 … →H_T
    // the second layer reads X_T … X_1, so its first state is ←H_T
    let reversedX = Tensor.stack((0..<steps).reversed().map { X[$0] })
    let (reversedStates, _) = backward(reversedX)
    let backwardStates = Array(reversedStates.reversed())  // ←H_1 … ←H_T
    let H = Tensor.concatenate(
      [Tensor.stack(forwardStates), Tensor.stack(backwardStates)],
      alongAxis: 2)  // (T, n, 2h), forward first
    // ANCHOR_END: bi-tiny
    let axes = [tr("axis.steps"), tr("axis.batch")]
    out.shape("X", X.shape, axes + [tr("axis.inputs")])
    out.shape("→" + Scripts.W("xh") + ", ←" + Scripts.W("xh"), forward.W_xh.shape, [tr("axis.inputs"), tr("axis.hidden")],
              note: tr("tiny.ownWeights"))
    out.say()
    let sizes = "(\(tr("axis.batch")) \(batch), \(tr("axis.hidden")) \(hidden))"
    for t in 1...steps {
      out.equation("→H\(Scripts.sub(t)) = tanh(X\(Scripts.sub(t)) →\(Scripts.W("xh")) + →H\(Scripts.sub(t - 1)) →\(Scripts.W("hh")) + →\(Scripts.W("h", letter: "b")))   \(sizes)")
      out.values(forwardStates[t - 1])
    }
    out.say()
    for t in (1...steps).reversed() {
      out.equation("←H\(Scripts.sub(t)) = tanh(X\(Scripts.sub(t)) ←\(Scripts.W("xh")) + ←H\(Scripts.sub(t + 1)) ←\(Scripts.W("hh")) + ←\(Scripts.W("h", letter: "b")))   \(sizes)")
      out.values(backwardStates[t - 1])
    }
    out.say()
    out.say("  " + tr("tiny.order", ["first": "←H\(Scripts.sub(steps))", "last": "←H\(Scripts.sub(1))", "input": "X\(Scripts.sub(steps))"]))
    out.shape("H = [→H, ←H]", H.shape, axes + ["2h"], note: tr("tiny.concatenated"))
    out.say("  H\(Scripts.sub(1)) = [→H\(Scripts.sub(1)), ←H\(Scripts.sub(1))]:")
    out.values(H[0])
    return Output(X: X, H: H)
  }
}
