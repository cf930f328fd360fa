import D2L
import LessonEngine

/// The bidirectional model's perplexity and its greedy predictions, beside the one-directional
/// model of step train: a low perplexity, and gibberish.
public enum BiPredictStep: LessonStep {
  public static let id = "bi-predict"
  public static var summary: String { tr("predict.summary") }
  public static let parameters: [StepParameter] = [
    .text("prefixes", tr("help.prefixes")), .integer("chars", 1...1000, tr("help.chars")),
  ]
  public static let requires = [BiTrainStep.id]

  public struct Input {
    public var prefixes: [String]
    public var chars: Int
    /// The one-directional model (deep-rnn's step train) and the bidirectional one.
    public var oneDirectional, bidirectional: TrainedModel
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: BiTrainStep.self)
    return Input(
      prefixes: values.string("prefixes").split(separator: "|").map(String.init), chars: values.int("chars"),
      oneDirectional: trained.oneDirectional, bidirectional: trained.bidirectional)
  }

  /// The bidirectional model's texts, in the order of the prefixes.
  public static func run(_ input: Input, _ out: StepOutput) -> [String] {
    let models = [(tr("predict.one"), input.oneDirectional), (tr("predict.bi"), input.bidirectional)]
    let width = models.map(\.0.count).max()!
    for (name, trained) in models {
      guard let last = trained.history.last else { continue }
      out.say("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + tr("predict.perplexity", [
        "perplexity": Num.fixed(last.perplexity, 2), "epoch": last.epoch,
      ]))
    }
    let chars = input.chars
    var texts: [String] = []
    for prefix in input.prefixes {
      out.say()
      for (name, trained) in models {
        let model = trained.model
        // ANCHOR: bi-predict
        let text = model.predict(
          prefix: prefix, count: chars, vocab: trained.vocab)
        // ANCHOR_END: bi-predict
        out.say("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  predict(\"\(prefix)\") → \(text)")
        if trained.model === input.bidirectional.model { texts.append(text) }
      }
    }
    return texts
  }
}
