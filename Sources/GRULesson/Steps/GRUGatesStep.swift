import CourseKit
import D2L
import LessonEngine

/// Gates you can watch: the trained scratch GRU reads a sentence of the book; its reset and
/// update gates are drawn a unit per row and a character per column, and the update gate is
/// measured around word boundaries.
public enum GRUGatesStep: GateWatchStep {
  public typealias Training = GRUScratchTrainStep
  public static let id = "gru-gates"
  public static var summary: String { tr("gates.summary") }
  public static let parameters = GateWatchInput<GRUScratch>.parameters(GRUStrings.table)

  public static func run(_ input: GateWatchInput<GRUScratch>, _ out: StepOutput) {
    // ANCHOR: gru-gates
    let trace = GateTrace(
      model: input.model, vocab: input.vocab, sentence: input.sentence)
    let reset = trace.heatmap("R", units: input.units, label: tr("gates.unit"))
    let update = trace.heatmap("Z", units: input.units, label: tr("gates.unit"))
    // mean Z at spaces, at a word's first letter, inside words
    let around = trace.boundaryMeans("Z")
    // ANCHOR_END: gru-gates
    trace.report(
      [(tr("gates.reset"), reset), (tr("gates.update"), update)], around: around,
      otherwise: "gates.writesAtSpace", strings: GRUStrings.table, out: out)
  }
}
