import CourseKit
import D2L
import Foundation
import LessonEngine

/// Exercise 2, measured: validation pairs translated with each beam size: mean BLEU, how many
/// translations changed against greedy search, and the decoding time per sentence.
public enum BeamTableStep: LessonStep {
  public static let id = "beam-table"
  public static var summary: String { tr("table.summary") }
  public static let parameters: [StepParameter] = [
    .text("beams", tr("help.beams")), .number("alpha", 0...2, tr("help.alpha")),
    .integer("pairs", 1...2000, tr("help.pairs")), .integer("rounds", 1...20, tr("help.rounds")),
  ]
  public static let requires = [BeamSeq2SeqStep.id]

  public struct Input {
    public var beams: [Int]
    public var alpha: Double
    public var pairs, rounds: Int
    public var translator: TrainedTranslator
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(beams: try BeamSizes.parse(values.string("beams")), alpha: values.double("alpha"), pairs: values.int("pairs"),
          rounds: values.int("rounds"), translator: try results.output(of: BeamSeq2SeqStep.self))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> [BeamMeasurement] {
    let (translator, alpha) = (input.translator, input.alpha)
    let pairs = try ValidationPairs.load(count: input.pairs, sourceVocab: translator.checkpoint.sourceVocab)
    // ANCHOR: beam-table
    let settings = input.beams.map { k in (beamSize: k, alpha: alpha) }
    let measured = try translator.measure(
      pairs, settings: settings, rounds: input.rounds)
    // ANCHOR_END: beam-table
    BeamTableStep.show(measured, pairs: pairs.count, out)
    return measured
  }

  /// One row per beam size: mean BLEU, translations changed against the first row's, ms per
  /// sentence, mean length.
  public static func show(_ measured: [BeamMeasurement], pairs: Int, _ out: StepOutput) {
    out.say("  " + tr("table.pairs", ["count": pairs]))
    let table = ResultTable(
      columns: [tr("table.k"), tr("table.bleu"), tr("table.changed"), tr("table.ms"), tr("table.length")],
      rows: measured.map { m in
        [String(m.beamSize), Num.fixed(m.meanBLEU, 3), "\(m.changed)/\(pairs)", Num.fixed(m.secondsPerSentence * 1000, 2),
         Num.fixed(m.meanLength, 2)]
      })
    table.lines(width: out.width).forEach(out.say)
    if let first = measured.first, let last = measured.last, measured.count > 1 {
      out.say("  " + tr("table.ratio", [
        "k": last.beamSize, "ratio": Num.fixed(last.secondsPerSentence / max(first.secondsPerSentence, 1e-12), 1),
      ]))
    }
  }
}
