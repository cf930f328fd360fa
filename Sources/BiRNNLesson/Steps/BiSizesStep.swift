import D2L
import LessonEngine

/// The section's first exercise, run: the two directions with different numbers of hidden
/// units, and the shape of H_t that results.
public enum BiSizesStep: LessonStep {
  public static let id = "bi-sizes"
  public static var summary: String { tr("sizes.summary") }
  public static let parameters: [StepParameter] = [
    .integer("forwardHiddens", 1...1024, tr("help.forwardHiddens")),
    .integer("backwardHiddens", 1...1024, tr("help.backwardHiddens")),
    .integer("inputs", 1...1024, tr("help.inputs")), .integer("batch", 1...256, tr("help.batch")),
    .integer("steps", 1...200, tr("help.steps")),
  ]

  public struct Input {
    public var forwardHiddens, backwardHiddens, inputs, batch, steps: Int
  }

  /// The shape of the layer's outputs, (T, n, h→ + h←).
  public typealias Output = [Int]

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(
      forwardHiddens: values.int("forwardHiddens"), backwardHiddens: values.int("backwardHiddens"),
      inputs: values.int("inputs"), batch: values.int("batch"), steps: values.int("steps"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> [Int] {
    let (forwardHiddens, backwardHiddens) = (input.forwardHiddens, input.backwardHiddens)
    let (inputs, batch, steps) = (input.inputs, input.batch, input.steps)
    // ANCHOR: bi-sizes
    var generator = RandomGenerator(seed: 4)
    let X = Tensor.normal([steps, batch, inputs], using: &generator)
    let layer = BiRNNScratch(
      numInputs: inputs, forwardHiddens: forwardHiddens,
      backwardHiddens: backwardHiddens, using: &generator)
    let (H, forwardStates, backwardStates, _, _) = layer(X)
    // ANCHOR_END: bi-sizes
    let axes = [tr("axis.batch"), tr("axis.hidden")]
    out.shape("→H" + Scripts.sub(1), forwardStates[0].shape, axes)
    out.shape("←H" + Scripts.sub(1), backwardStates[0].shape, axes)
    out.shape("H" + Scripts.sub(1) + " = [→H₁, ←H₁]", H[0].shape, axes,
              note: "\(forwardHiddens) + \(backwardHiddens) = \(forwardHiddens + backwardHiddens)")
    out.shape("H", H.shape, [tr("axis.steps")] + axes)
    out.say("  " + tr("sizes.next", ["width": forwardHiddens + backwardHiddens]))
    return H.shape
  }
}
