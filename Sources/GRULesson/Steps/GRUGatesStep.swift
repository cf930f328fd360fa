import CourseKit
import D2L
import LessonEngine

/// Gates you can watch: the trained scratch GRU reads a sentence of the book; its reset and
/// update gates are drawn a unit per row and a character per column, and the update gate is
/// measured around word boundaries.
public enum GRUGatesStep: LessonStep {
  public static let id = "gru-gates"
  public static var summary: String { tr("gates.summary") }
  public static let requires = [GRUScratchTrainStep.id]
  public static let parameters: [StepParameter] = [
    .text("sentence", tr("help.sentence")), .integer("units", 1...64, tr("help.units")),
  ]

  public struct Input {
    public let model: ScratchLanguageModel<GRUScratch>
    public let vocab: Vocab
    public let sentence: String
    public let units: Int
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: GRUScratchTrainStep.self)
    return Input(model: trained.model, vocab: trained.outcome.vocab, sentence: values.string("sentence"), units: values.int("units"))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    // ANCHOR: gru-gates
    let trace = GateTrace(
      model: input.model, vocab: input.vocab, sentence: input.sentence)
    let reset = trace.heatmap("R", units: input.units, label: tr("gates.unit"))
    let update = trace.heatmap("Z", units: input.units, label: tr("gates.unit"))
    // mean Z at spaces, at a word's first letter, inside words
    let around = trace.boundaryMeans("Z")
    // ANCHOR_END: gru-gates
    out.say("  " + tr("gates.legend", ["count": reset.units.count, "hidden": trace.numHiddens, "steps": trace.text.count]))
    out.say()
    out.say("  " + tr("gates.reset"))
    out.heatmap(reset.map)
    out.say()
    out.say("  " + tr("gates.update"))
    out.heatmap(update.map)
    out.say()
    let verdict = around.space > around.inWord ? "gates.keepsAtSpace" : "gates.writesAtSpace"
    out.say("  " + tr("gates.measured", [
      "space": Num.fixed(around.space, 3), "start": Num.fixed(around.wordStart, 3), "inside": Num.fixed(around.inWord, 3),
      "hidden": trace.numHiddens,
    ]) + " " + tr(verdict))
  }
}
