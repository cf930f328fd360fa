import D2L
import LessonEngine

/// Why the bidirectional model's perplexity lies: its next-character predictions scored with
/// the true future in its input, and with the future unknown (filler tokens after step t), as
/// it is when the model generates text. The one-directional model, for comparison, scores the
/// same either way.
public enum BiFutureStep: LessonStep {
  public static let id = "bi-future"
  public static var summary: String { tr("future.summary") }
  public static let parameters: [StepParameter] = [
    .integer("sequences", 1...256, tr("help.sequences")), .integer("numSteps", 2...200, tr("help.numSteps")),
  ]
  public static let requires = [BiTrainStep.id]

  public struct Input {
    public var sequences, numSteps: Int
    public var oneDirectional, bidirectional: TrainedModel
  }

  /// Each model's scores: with the future, then without.
  public struct Output {
    public let oneDirectional, bidirectional: (withFuture: NextCharacterScore, withoutFuture: NextCharacterScore)

    public init(
      oneDirectional: (withFuture: NextCharacterScore, withoutFuture: NextCharacterScore),
      bidirectional: (withFuture: NextCharacterScore, withoutFuture: NextCharacterScore)
    ) {
      self.oneDirectional = oneDirectional
      self.bidirectional = bidirectional
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: BiTrainStep.self)
    return Input(
      sequences: values.int("sequences"), numSteps: values.int("numSteps"),
      oneDirectional: trained.oneDirectional, bidirectional: trained.bidirectional)
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> Output {
    let (count, numSteps) = (input.sequences, input.numSteps)
    let (corpus, _) = try loadCorpusTimeMachine(maxTokens: 10_000)
    let bidirectional = input.bidirectional.model
    // Evenly spaced sequences of the training text: the text the models were trained on, so the
    // comparison is between two ways of reading it, not between seen and unseen text.
    let stride = max(1, (corpus.count - numSteps - 1) / count)
    // ANCHOR: bi-future
    let sequences = (0..<count).map { k in
      Array(corpus[(k * stride)..<(k * stride + numSteps + 1)])
    }
    // output at t scored against the character at t + 1
    let seen = NextCharacterScore.withFuture(
      bidirectional, sequences: sequences)
    // after t, only unknown tokens: what generation can give
    let unseen = NextCharacterScore.withoutFuture(
      bidirectional, sequences: sequences)
    // ANCHOR_END: bi-future
    let one = input.oneDirectional.model
    let oneScores = (NextCharacterScore.withFuture(one, sequences: sequences), NextCharacterScore.withoutFuture(one, sequences: sequences))
    out.say("  " + tr("future.scored", ["count": Num.int(seen.predictions), "sequences": count, "steps": numSteps]))
    let labels = [tr("future.model"), tr("future.with"), tr("future.without")]
    let rows = [
      (tr("predict.one"), oneScores.0, oneScores.1),
      (tr("predict.bi"), seen, unseen),
    ]
    let first = max(labels[0].count, rows.map(\.0.count).max()!)
    let column = max(labels[1].count, labels[2].count, 24)
    out.say("  " + labels[0].padding(toLength: first, withPad: " ", startingAt: 0) + "  "
      + labels[1].padding(toLength: column, withPad: " ", startingAt: 0) + "  " + labels[2])
    for (name, a, b) in rows {
      out.say("  " + name.padding(toLength: first, withPad: " ", startingAt: 0) + "  "
        + BiFutureStep.cell(a).padding(toLength: column, withPad: " ", startingAt: 0) + "  " + BiFutureStep.cell(b))
    }
    out.say()
    out.say("  " + tr("future.reading", [
      "with": Num.percent(seen.accuracy, 1), "without": Num.percent(unseen.accuracy, 1),
      "one": Num.percent(oneScores.1.accuracy, 1),
    ]))
    return Output(oneDirectional: oneScores, bidirectional: (seen, unseen))
  }

  /// One table cell: share right and perplexity.
  public static func cell(_ score: NextCharacterScore) -> String {
    tr("future.cell", ["accuracy": Num.percent(score.accuracy, 1), "perplexity": Num.fixed(score.perplexity, 2)])
  }
}
