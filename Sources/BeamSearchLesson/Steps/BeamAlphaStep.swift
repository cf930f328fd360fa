import CourseKit
import D2L
import Foundation
import LessonEngine

/// The length penalty: the same validation pairs with one beam size and α from 0 to 1: the
/// mean length of the translations, how many got longer or shorter than with α = 0, and BLEU.
public enum BeamAlphaStep: LessonStep {
  public static let id = "beam-alpha"
  public static var summary: String { tr("alpha.summary") }
  public static let parameters: [StepParameter] = [
    .integer("beamSize", 1...64, tr("help.beamSize")), .text("alphas", tr("help.alphas")),
    .integer("pairs", 1...2000, tr("help.pairs")),
  ]
  public static let requires = [BeamSeq2SeqStep.id]

  public struct Input {
    public var beamSize: Int
    public var alphas: [Double]
    public var pairs: Int
    public var translator: TrainedTranslator
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let text = values.string("alphas")
    let alphas = text.split(separator: "|").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !alphas.isEmpty, alphas.count == text.split(separator: "|").count, alphas.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw StepError(tr("alpha.bad", ["alphas": text]))
    }
    return Input(beamSize: values.int("beamSize"), alphas: alphas, pairs: values.int("pairs"),
                 translator: try results.output(of: BeamSeq2SeqStep.self))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> [BeamMeasurement] {
    let (translator, k) = (input.translator, input.beamSize)
    let pairs = try ValidationPairs.load(count: input.pairs, sourceVocab: translator.checkpoint.sourceVocab)
    // ANCHOR: beam-alpha
    let settings = input.alphas.map { alpha in (beamSize: k, alpha: alpha) }
    let measured = try translator.measure(pairs, settings: settings)
    // ANCHOR_END: beam-alpha
    BeamAlphaStep.show(measured, pairs: pairs.count, out)
    return measured
  }

  /// One row per α: mean length, longer and shorter than the first row's, BLEU.
  public static func show(_ measured: [BeamMeasurement], pairs: Int, _ out: StepOutput) {
    guard let first = measured.first else { return }
    out.say("  " + tr("alpha.pairs", ["count": pairs, "k": first.beamSize]))
    let table = ResultTable(
      columns: ["α", tr("table.length"), tr("alpha.longer"), tr("alpha.shorter"), tr("table.bleu")],
      rows: measured.map { m in
        let pairs = zip(m.translations, first.translations)
        return [Num.fixed(m.alpha, 2), Num.fixed(m.meanLength, 2), "\(pairs.filter { $0.count > $1.count }.count)",
                "\(pairs.filter { $0.count < $1.count }.count)", Num.fixed(m.meanBLEU, 3)]
      })
    table.lines(width: out.width).forEach(out.say)
  }
}
