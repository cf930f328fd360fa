import D2L
import Foundation
import LessonEngine

/// The section's worked example, run: the book's probability tables as a model, greedy search
/// (0.048), beam search with every candidate kept at each step printed, and exhaustive search
/// for the best there is.
public enum BeamExampleStep: LessonStep {
  public static let id = "beam-example"
  public static var summary: String { tr("example.summary") }
  public static let parameters: [StepParameter] = [
    .integer("beamSize", 1...16, tr("help.beamSize")), .number("alpha", 0...2, tr("help.alpha")),
  ]

  public struct Input {
    public var beamSize: Int
    public var alpha: Double
  }

  /// The three searches' outputs.
  public struct Output {
    public let greedy, beam, exhaustive: SearchResult

    public init(greedy: SearchResult, beam: SearchResult, exhaustive: SearchResult) {
      (self.greedy, self.beam, self.exhaustive) = (greedy, beam, exhaustive)
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(beamSize: values.int("beamSize"), alpha: values.double("alpha"))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> Output {
    let (beamSize, alpha) = (input.beamSize, input.alpha)
    // ANCHOR: beam-example
    let model = PrefixTableModel.bookExample  // A, B, C, <eos>
    let settings = SearchSettings(
      maxLength: 4, eos: PrefixTableModel.bookExampleEOS, alpha: alpha)
    let greedy = try model.greedySearch(from: model.start, settings: settings)
    var kept: [BeamSearchTrace] = []  // what the beam holds after each step
    let beam = try model.beamSearch(
      from: model.start, beamSize: beamSize, settings: settings,
      observe: { kept.append($0) })
    let exhaustive = try model.exhaustiveSearch(
      from: model.start, settings: settings)
    // ANCHOR_END: beam-example
    return BeamExampleStep.report(model, greedy: greedy, kept: kept, beam: beam, exhaustive: exhaustive,
                  beamSize: beamSize, alpha: alpha, out)
  }

  /// Prints the tables, the three searches' outputs and every kept hypothesis.
  public static func report(
    _ model: PrefixTableModel, greedy: SearchResult, kept: [BeamSearchTrace], beam: SearchResult,
    exhaustive: SearchResult, beamSize: Int, alpha: Double, _ out: StepOutput
  ) -> Output {
    printTables(model, out)
    out.say("  " + tr("example.greedy"))
    out.equation(product(model, greedy))
    out.say()
    out.say("  " + tr("example.beam", ["k": beamSize]))
    for trace in kept {
      let entries = trace.kept.map { "\(model.spell($0.tokens)) (\(Num.fixed(Foundation.exp($0.logProbability), 3)))" }
      out.say("    t′ = \(trace.step): " + entries.joined(separator: "   "))
    }
    out.say("  " + tr("example.chosen", ["alpha": Num.fixed(alpha, 2)]))
    out.equation(product(model, beam) + "   (1/L^α) log P = \(Num.fixed(beam.score, 4))")
    out.say()
    out.say("  " + tr("example.exhaustive", ["count": Num.int(exhaustive.modelSteps)]))
    out.equation(product(model, exhaustive) + "   (1/L^α) log P = \(Num.fixed(exhaustive.score, 4))")
    out.say()
    out.say("  " + tr("example.costs", [
      "greedy": greedy.modelSteps, "beam": beam.modelSteps, "exhaustive": Num.int(exhaustive.modelSteps),
    ]))
    return Output(greedy: greedy, beam: beam, exhaustive: exhaustive)
  }

  /// The two figures' tables: P(next) after each prefix the book draws.
  static func printTables(_ model: PrefixTableModel, _ out: StepOutput) {
    out.say("  " + tr("example.tables"))
    out.say("    " + "".padding(toLength: 12, withPad: " ", startingAt: 0)
            + model.tokens.map { $0.padding(toLength: 7, withPad: " ", startingAt: 0) }.joined())
    for prefix in model.table.keys.sorted(by: { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }) {
      let name = prefix.isEmpty ? "—" : model.spell(prefix)
      out.say("    " + name.padding(toLength: 12, withPad: " ", startingAt: 0)
              + model.table[prefix]!.map { Num.fixed($0, 1).padding(toLength: 7, withPad: " ", startingAt: 0) }.joined())
    }
    out.say("    " + tr("example.otherwise"))
    out.say()
  }

  /// `A, B, C, <eos>: P = 0.5 × 0.4 × 0.4 × 0.6 = 0.048`
  static func product(_ model: PrefixTableModel, _ result: SearchResult) -> String {
    var state = model.start, factors: [String] = []
    for token in result.tokens {
      factors.append(Num.fixed(Foundation.exp(model.logProbabilities(in: state)[token]), 1))
      state = model.state(after: token, in: state)
    }
    return "\(model.spell(result.tokens)):  P = \(factors.joined(separator: " × ")) = \(Num.fixed(result.probability, 3))"
  }
}
