import CourseKit
import D2L
import LessonEngine

/// Gates you can watch: the trained scratch LSTM reads a sentence of the book; its input,
/// forget and output gates are drawn a unit per row and a character per column, and the
/// forget gate is measured around word boundaries.
public enum LSTMGatesStep: LessonStep {
  public static let id = "lstm-gates"
  public static var summary: String { tr("gates.summary") }
  public static let requires = [LSTMScratchTrainStep.id]
  public static let parameters: [StepParameter] = [
    .text("sentence", tr("help.sentence")), .integer("units", 1...64, tr("help.units")),
  ]

  public struct Input {
    public let model: ScratchLanguageModel<LSTMScratch>
    public let vocab: Vocab
    public let sentence: String
    public let units: Int
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: LSTMScratchTrainStep.self)
    return Input(model: trained.model, vocab: trained.outcome.vocab, sentence: values.string("sentence"), units: values.int("units"))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    // ANCHOR: lstm-gates
    let trace = GateTrace(
      model: input.model, vocab: input.vocab, sentence: input.sentence)
    let maps = ["I", "F", "O"].map {
      trace.heatmap($0, units: input.units, label: tr("gates.unit"))
    }
    // mean F at spaces, at a word's first letter, inside words
    let around = trace.boundaryMeans("F")
    // ANCHOR_END: lstm-gates
    out.say("  " + tr("gates.legend", ["count": maps[0].units.count, "hidden": trace.numHiddens, "steps": trace.text.count]))
    for (key, gate) in zip(["gates.input", "gates.forget", "gates.output"], maps) {
      out.say()
      out.say("  " + tr(key))
      out.heatmap(gate.map)
    }
    out.say()
    let verdict = around.space > around.inWord ? "gates.keepsAtSpace" : "gates.forgetsAtSpace"
    out.say("  " + tr("gates.measured", [
      "space": Num.fixed(around.space, 3), "start": Num.fixed(around.wordStart, 3), "inside": Num.fixed(around.inWord, 3),
      "hidden": trace.numHiddens,
    ]) + " " + tr(verdict))
  }
}
