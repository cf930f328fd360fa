import CourseKit
import D2L
import Foundation
import LessonEngine

/// Exercise 3, measured: the character model's greedy `predict` against beam search on
/// prefixes of The Time Machine: each continuation, its perplexity under the model
/// (exp of minus its mean log-probability) and the time it took, side by side.
public enum BeamCharStep: LessonStep {
  public static let id = "beam-char"
  public static var summary: String { tr("char.summary") }
  public static let parameters: [StepParameter] = [
    .text("prefixes", tr("help.prefixes")), .integer("chars", 1...200, tr("help.chars")),
    .text("beams", tr("help.beams")),
  ]
  public static let requires = [BeamCharTrainStep.id]

  public struct Input {
    public var prefixes: [String]
    public var chars: Int
    public var beams: [Int]
    public var model: RNNModel
    public var vocab: Vocab
  }

  /// One continuation: which search, its text, its perplexity under the model, seconds taken.
  public struct Row {
    public let prefix: String
    public let search: String
    public let text: String
    public let perplexity: Double
    public let seconds: Double

    public init(prefix: String, search: String, text: String, perplexity: Double, seconds: Double) {
      (self.prefix, self.search, self.text, self.perplexity, self.seconds) = (prefix, search, text, perplexity, seconds)
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: BeamCharTrainStep.self)
    let beams = try BeamSizes.parse(values.string("beams"))
    return Input(
      prefixes: values.string("prefixes").split(separator: "|").map(String.init), chars: values.int("chars"),
      beams: beams, model: trained.model, vocab: trained.vocab)
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> [BeamCharStep.Row] {
    let (model, vocab, chars) = (input.model, input.vocab, input.chars)
    var rows: [BeamCharStep.Row] = []
    for prefix in input.prefixes {
      var clock = ContinuousClock.now  // timing, not part of the search
      let greedy = model.predict(prefix: prefix, count: chars, vocab: vocab)
      let greedySeconds = BeamCharStep.seconds(since: clock)
      let greedyLogP = BeamCharStep.logProbability(of: String(greedy.dropFirst(prefix.count)), after: prefix, model, vocab)
      rows.append(BeamCharStep.Row(prefix: prefix, search: "predict", text: greedy,
                      perplexity: Foundation.exp(-greedyLogP / Double(chars)), seconds: greedySeconds))
      for beamSize in input.beams {
        clock = ContinuousClock.now
        // ANCHOR: beam-char
        let start = model.searchStart(prefix: prefix, vocab: vocab)
        let settings = SearchSettings(maxLength: chars)  // no <eos>
        let result = try model.beamSearch(
          from: start, beamSize: beamSize, settings: settings)
        let text = prefix + result.tokens.map { vocab.idxToToken[$0] }.joined()
        let perplexity = Foundation.exp(-result.logProbability / Double(chars))
        // ANCHOR_END: beam-char
        rows.append(BeamCharStep.Row(prefix: prefix, search: "k = \(beamSize)", text: text, perplexity: perplexity,
                        seconds: BeamCharStep.seconds(since: clock)))
      }
    }
    BeamCharStep.show(rows, out)
    return rows
  }

  /// log P of `continuation` after `prefix` under the model, token by token.
  public static func logProbability(of continuation: String, after prefix: String, _ model: RNNModel, _ vocab: Vocab) -> Double {
    var state = model.searchStart(prefix: prefix, vocab: vocab), sum = 0.0
    for ch in continuation {
      let token = vocab[String(ch)]
      sum += model.logProbabilities(in: state)[token]
      state = model.state(after: token, in: state)
    }
    return sum
  }

  public static func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  public static func show(_ rows: [Row], _ out: StepOutput) {
    var prefix: String?
    for row in rows {
      if row.prefix != prefix {
        out.say()
        out.say("  " + tr("char.prefix", ["prefix": row.prefix]))
        prefix = row.prefix
      }
      out.say("    " + row.search.padding(toLength: 8, withPad: " ", startingAt: 0)
              + tr("char.row", ["ppl": Num.fixed(row.perplexity, 2), "ms": Num.fixed(row.seconds * 1000, 1)]))
      out.say("      " + row.text)
    }
    out.say()
    let greedy = rows.filter { $0.search == "predict" }, beams = rows.filter { $0.search != "predict" }
    let lower = beams.filter { b in greedy.contains { $0.prefix == b.prefix && b.perplexity < $0.perplexity - 1e-9 } }.count
    out.say("  " + tr("char.summaryLine", ["lower": lower, "count": beams.count]))
  }
}
