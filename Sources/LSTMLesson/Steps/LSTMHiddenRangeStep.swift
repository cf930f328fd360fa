import CourseKit
import D2L
import LessonEngine

/// Exercise 4, measured: what Hₜ's range does without its second tanh. The trained LSTM's own
/// weights run once with and once without it over a sentence; then two LSTMs, one of each
/// kind, train briefly from the same seed.
public enum LSTMHiddenRangeStep: LessonStep {
  public static let id = "lstm-hidden-range"
  public static var summary: String { tr("range.summary") }
  public static let requires = [LSTMScratchTrainStep.id]
  public static let parameters: [StepParameter] = [
    .text("sentence", tr("help.sentence")),
    .integer("variantEpochs", 1...500, tr("help.variantEpochs")), .integer("variantHiddens", 1...512, tr("help.variantHiddens")),
  ]

  public struct Input {
    public let model: ScratchLanguageModel<LSTMScratch>
    public let vocab: Vocab
    public let sentence: String
    public let epochs, hiddens: Int
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: LSTMScratchTrainStep.self)
    return Input(model: trained.model, vocab: trained.outcome.vocab, sentence: values.string("sentence"),
                 epochs: values.int("variantEpochs"), hiddens: values.int("variantHiddens"))
  }

  /// The largest |Hₜ| and |Cₜ| over the sentence, read by `cell` inside a model.
  public static func ranges(_ cell: LSTMScratch, _ vocab: Vocab, _ sentence: String) -> (h: Float, c: Float) {
    let tokens = sentence.map { Int32(vocab[String($0)]) }
    let X = Tensor.oneHot(tokens.map(Int.init), shape: [tokens.count, 1], depth: vocab.count)
    var state = cell.zeroState(batchSize: 1), h: Float = 0, c: Float = 0
    withoutGradients {
      for t in 0..<tokens.count {
        state = cell.step(X[t], state).state
        h = max(h, state.H.scalars.map(abs).max() ?? 0)
        c = max(c, state.C!.scalars.map(abs).max() ?? 0)
      }
    }
    return (h, c)
  }

  public static func run(_ input: Input, _ out: StepOutput) throws {
    let (vocab, sentence) = (input.vocab, input.sentence)
    // ANCHOR: lstm-hidden-range
    let trained = input.model.cell
    // the same weights, H_t = O_t ⊙ C_t
    let withoutTanh = LSTMScratch(sharing: trained, hiddenTanh: false)
    // the largest |H_t| and |C_t| over the sentence
    let kept = LSTMHiddenRangeStep.ranges(trained, vocab, sentence)
    let dropped = LSTMHiddenRangeStep.ranges(withoutTanh, vocab, sentence)
    // ANCHOR_END: lstm-hidden-range
    out.say("  " + tr("range.trained", [
      "h": Num.fixed(Double(kept.h), 3), "c": Num.fixed(Double(kept.c), 3), "without": Num.fixed(Double(dropped.h), 3),
    ]))
    var configuration = TrainingConfiguration()
    (configuration.cell, configuration.numLayers, configuration.learningRate) = (.lstm, 1, 1)
    (configuration.hiddenSize, configuration.epochs) = (input.hiddens, input.epochs)
    let (corpus, _) = try loadCorpusTimeMachine(maxTokens: configuration.maxTokens)
    var rows: [[String]] = []
    for hiddenTanh in [true, false] {
      var generator = RandomGenerator(seed: 0)  // the same weights for both
      let cell = LSTMScratch(numInputs: vocab.count, numHiddens: input.hiddens, hiddenTanh: hiddenTanh, using: &generator)
      let model = ScratchLanguageModel(cell: cell, vocabSize: vocab.count, using: &generator)
      let history = try SectionTraining.trainQuietly(model, configuration, corpus: corpus)
      let r = LSTMHiddenRangeStep.ranges(cell, vocab, sentence)
      rows.append([tr(hiddenTanh ? "range.with" : "range.without"), Num.fixed(history.last!.perplexity, 2),
                   Num.fixed(Double(r.h), 3), Num.fixed(Double(r.c), 3)])
    }
    out.say()
    out.say("  " + tr("range.settings", ["epochs": input.epochs, "hidden": input.hiddens]))
    for line in ResultTable(columns: tr("range.columns").components(separatedBy: "|"), rows: rows).lines(width: out.width) {
      out.say(line)
    }
  }
}
