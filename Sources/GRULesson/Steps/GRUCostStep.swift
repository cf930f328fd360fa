import CourseKit
import D2L
import LessonEngine

/// Exercise 3 (and the LSTM section's exercise 3): what the RNN, the GRU and the LSTM cost for
/// one hidden size, in training and in inference, measured here.
public enum GRUCostStep: LessonStep {
  public static let id = "gru-cost"
  public static var summary: String { tr("cost.summary") }
  public static let parameters = CellCost.parameters(GRUStrings.table)
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    // ANCHOR: gru-cost
    let cost = CellCost(
      hiddenSize: values.int("numHiddens"), seconds: values.double("seconds"),
      rounds: values.int("rounds"))
    let rows = try cost.measure()  // RNN, GRU, LSTM: tokens/s, FLOPs per token
    // ANCHOR_END: gru-cost
    cost.report(rows, strings: GRUStrings.table, out: out)
  }
}
