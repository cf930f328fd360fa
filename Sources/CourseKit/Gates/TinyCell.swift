import LessonEngine

/// The sizes and seed of a section's tiny seeded example (`gru-tiny`, `lstm-tiny`, `bi-tiny`):
/// small enough that every gate and state of every step can be printed.
public struct TinyCellInput {
  public var batch, steps, inputs, hidden: Int
  public var seed: UInt64

  public init(batch: Int, steps: Int, inputs: Int, hidden: Int, seed: UInt64) {
    (self.batch, self.steps, self.inputs, self.hidden, self.seed) = (batch, steps, inputs, hidden, seed)
  }

  /// The step's values of `parameters`.
  public init(_ values: StepValues) {
    self.init(
      batch: values.int("batch"), steps: values.int("steps"), inputs: values.int("inputs"),
      hidden: values.int("hidden"), seed: UInt64(values.int("seed")))
  }

  /// The step's parameters (batch 1–4, steps 1–6, inputs and hidden 1–8, a seed), helped in the
  /// lesson's words: `help.batch`, `help.steps`, `help.inputs`, `help.hidden` and `help.seed` of
  /// its `strings`.
  public static func parameters(_ strings: StringTable) -> [StepParameter] {
    [
      .integer("batch", 1...4, strings("help.batch")), .integer("steps", 1...6, strings("help.steps")),
      .integer("inputs", 1...8, strings("help.inputs")), .integer("hidden", 1...8, strings("help.hidden")),
      .integer("seed", 0...1_000_000, strings("help.seed")),
    ]
  }
}

/// A section's tiny seeded example: its input is the sizes and seed of its parameters.
public protocol TinyCellStep: LessonStep where Input == TinyCellInput {}

extension TinyCellStep {
  public static func input(_ values: StepValues, _ results: StepResults) -> TinyCellInput { TinyCellInput(values) }
}
