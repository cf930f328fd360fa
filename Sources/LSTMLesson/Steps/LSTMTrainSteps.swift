import CourseKit
import D2L
import LessonEngine

/// The scratch LSTM trained as the section trains it (D2L's `RNNModelScratch` with `lstm`).
public enum LSTMScratchTrainStep: LessonStep {
  public static let id = "lstm-scratch-train"
  public static var summary: String { tr("scratchTrain.summary") }
  public static let parameters = SectionTraining.parameters
  public typealias Input = StepValues

  /// The trained scratch model and its run.
  public struct Output {
    public let model: ScratchLanguageModel<LSTMScratch>
    public let outcome: TrainingRun.ModelOutcome

    public init(model: ScratchLanguageModel<LSTMScratch>, outcome: TrainingRun.ModelOutcome) {
      self.model = model
      self.outcome = outcome
    }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> Output {
    let configuration = SectionTraining.configuration(cell: .lstm, values)
    // ANCHOR: lstm-scratch-train
    let vocab = try loadCorpusTimeMachine(maxTokens: 10_000).vocab
    var generator = RandomGenerator(seed: configuration.seed)
    let lstm = LSTMScratch(
      numInputs: vocab.count, numHiddens: configuration.hiddenSize,
      using: &generator)
    let model = ScratchLanguageModel(
      cell: lstm, vocabSize: vocab.count, using: &generator)
    let run = TrainingRun(
      configuration: configuration, reference: LSTMPublished.scratch.result)
    let outcome = try run.run(training: model)
    // ANCHOR_END: lstm-scratch-train
    return Output(model: model, outcome: outcome)
  }
}

/// The concise LSTM (`LSTM` inside `RNNModel`) trained with the same settings.
public enum LSTMConciseTrainStep: LessonStep {
  public static let id = "lstm-concise-train"
  public static var summary: String { tr("conciseTrain.summary") }
  public static let parameters = SectionTraining.parameters
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    let configuration = SectionTraining.configuration(cell: .lstm, values)
    // ANCHOR: lstm-concise-train
    // RNNModel(kind: .lstm, …), trained as the scratch one was
    let run = TrainingRun(
      configuration: configuration, reference: LSTMPublished.concise.result)
    let outcome = try run.run()
    // ANCHOR_END: lstm-concise-train
    return outcome
  }
}

/// The concise `LSTM` holding the trained scratch cell's weights: the same function, so the
/// two agree to rounding on a minibatch of the book.
public enum LSTMConciseAgreesStep: LessonStep {
  public static let id = "lstm-concise-agrees"
  public static var summary: String { tr("agrees.summary") }
  public static let requires = [LSTMScratchTrainStep.id]

  public struct Input {
    public let model: ScratchLanguageModel<LSTMScratch>
    public let vocab: Vocab
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: LSTMScratchTrainStep.self)
    return Input(model: trained.model, vocab: trained.outcome.vocab)
  }

  /// The largest difference from the concise layer over every Hₜ and the last Cₜ.
  public static func run(_ input: Input, _ out: StepOutput) throws -> Float {
    let (lstm, vocab) = (input.model.cell, input.vocab)
    let (corpus, _) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var batches = SeqDataLoader(corpus: corpus, batchSize: 4, numSteps: 35).batches(forEpoch: 0)
    let batch = batches.next()!
    let X = Tensor.oneHot(batch.timeMajorInputs.map(Int.init), shape: [35, 4], depth: vocab.count)
    // ANCHOR: lstm-concise-agrees
    var generator = RandomGenerator(seed: 0)
    let concise = LSTM(
      inputSize: vocab.count, hiddenSize: lstm.numHiddens, using: &generator)
    lstm.copyWeights(to: concise)  // weight_ih_l0 = [W_xi W_xf W_xc W_xo]ᵀ, …
    let (conciseH, conciseState) = withoutGradients { concise(X) }  // (T, B, H)
    let scratch = withoutGradients { lstm(X) }
    // ANCHOR_END: lstm-concise-agrees
    func largest(_ a: Tensor, _ b: Tensor) -> Float { zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0 }
    let (h, c) = (largest(Tensor.stack(scratch.outputs), conciseH), largest(scratch.state.C!, conciseState.cell!))
    out.shape("H", conciseH.shape, [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")])
    out.say("  " + tr("agrees.difference", ["h": Num.scientific(Double(h), 1), "c": Num.scientific(Double(c), 1)]))
    return max(h, c)
  }
}
