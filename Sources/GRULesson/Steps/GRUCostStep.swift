import CourseKit
import D2L
import LessonEngine

/// Exercise 3 (and the LSTM section's exercise 3): what the RNN, the GRU and the LSTM cost for
/// one hidden size, in training and in inference, measured here.
public enum GRUCostStep: LessonStep {
  public static let id = "gru-cost"
  public static var summary: String { tr("cost.summary") }
  public static let parameters: [StepParameter] = [
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .number("seconds", 0.01...30, tr("help.seconds")),
    .integer("rounds", 1...9, tr("help.rounds")),
  ]
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    // ANCHOR: gru-cost
    let cost = CellCost(
      hiddenSize: values.int("numHiddens"), seconds: values.double("seconds"),
      rounds: values.int("rounds"))
    let rows = try cost.measure()  // RNN, GRU, LSTM: tokens/s, FLOPs per token
    // ANCHOR_END: gru-cost
    for line in cost.table(rows, columns: tr("cost.columns").components(separatedBy: "|")).lines(width: out.width) { out.say(line) }
    let (rnn, gru, lstm) = (rows[0], rows[1], rows[2])
    out.say()
    out.say("  " + tr("cost.measured", [
      "gruFlops": Num.fixed(gru.trainingFlopsPerToken / rnn.trainingFlopsPerToken, 1),
      "lstmFlops": Num.fixed(lstm.trainingFlopsPerToken / rnn.trainingFlopsPerToken, 1),
      "gruTime": Num.fixed(rnn.trainingTokensPerSecond / gru.trainingTokensPerSecond, 1),
      "lstmTime": Num.fixed(rnn.trainingTokensPerSecond / lstm.trainingTokensPerSecond, 1),
      "gruInference": Num.fixed(rnn.inferenceTokensPerSecond / gru.inferenceTokensPerSecond, 1),
      "lstmInference": Num.fixed(rnn.inferenceTokensPerSecond / lstm.inferenceTokensPerSecond, 1),
      "threads": Benchmark.threads,
    ]))
  }
}
