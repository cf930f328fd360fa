import CourseKit
import D2L
import LessonEngine

/// Gates you can watch: the trained scratch LSTM reads a sentence of the book; its input,
/// forget and output gates are drawn a unit per row and a character per column, and the
/// forget gate is measured around word boundaries.
public enum LSTMGatesStep: GateWatchStep {
  public typealias Training = LSTMScratchTrainStep
  public static let id = "lstm-gates"
  public static var summary: String { tr("gates.summary") }
  public static let parameters = GateWatchInput<LSTMScratch>.parameters(LSTMStrings.table)

  public static func run(_ input: GateWatchInput<LSTMScratch>, _ out: StepOutput) {
    // ANCHOR: lstm-gates
    let trace = GateTrace(
      model: input.model, vocab: input.vocab, sentence: input.sentence)
    let maps = ["I", "F", "O"].map {
      trace.heatmap($0, units: input.units, label: tr("gates.unit"))
    }
    // mean F at spaces, at a word's first letter, inside words
    let around = trace.boundaryMeans("F")
    // ANCHOR_END: lstm-gates
    let titles = ["gates.input", "gates.forget", "gates.output"].map { tr($0) }
    trace.report(
      zip(titles, maps).map { (title: $0, heatmap: $1) }, around: around,
      otherwise: "gates.forgetsAtSpace", strings: LSTMStrings.table, out: out)
  }
}
