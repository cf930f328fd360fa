import CourseKit
import D2L
import Foundation
import LessonEngine

/// Exercise 4, measured: the full GRU, the GRU with only a reset gate and the one with only
/// an update gate, from the same seed, trained briefly side by side on The Time Machine.
public enum GRUVariantsStep: LessonStep {
  public static let id = "gru-variants"
  public static var summary: String { tr("variants.summary") }
  public static let parameters: [StepParameter] = [
    .integer("variantEpochs", 1...500, tr("help.variantEpochs")), .integer("variantHiddens", 1...512, tr("help.variantHiddens")),
  ]
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    var configuration = TrainingConfiguration()
    (configuration.cell, configuration.numLayers, configuration.learningRate) = (.gru, 1, 1)
    configuration.hiddenSize = values.int("variantHiddens")
    configuration.epochs = values.int("variantEpochs")
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: configuration.maxTokens)
    var rows: [[String]] = []
    for gates in GRUScratch.Gates.allCases {
      // ANCHOR: gru-variants
      var generator = RandomGenerator(seed: 0)  // the same weights for each
      let cell = GRUScratch(
        numInputs: vocab.count, numHiddens: configuration.hiddenSize,
        gates: gates, using: &generator)
      let model = ScratchLanguageModel(
        cell: cell, vocabSize: vocab.count, using: &generator)
      let history = try SectionTraining.trainQuietly(
        model, configuration, corpus: corpus)
      // ANCHOR_END: gru-variants
      let last = history.last!
      rows.append([tr("variants.\(gates.rawValue)"), Num.int(model.parameterCount), Num.fixed(last.perplexity, 2),
                   Num.int(Int(last.tokensPerSecond.rounded())), model.predict(prefix: "time traveller", count: 30, vocab: vocab)])
    }
    out.say("  " + tr("variants.settings", ["epochs": configuration.epochs, "hidden": configuration.hiddenSize]))
    let table = ResultTable(columns: tr("variants.columns").components(separatedBy: "|"), rows: rows)
    for line in table.lines(width: out.width) { out.say(line) }
  }
}
