import CourseKit
import D2L
import LessonEngine

/// The scratch GRU trained as the section trains it (D2L's `RNNModelScratch` with `gru`).
public enum GRUScratchTrainStep: LessonStep {
  public static let id = "gru-scratch-train"
  public static var summary: String { tr("scratchTrain.summary") }
  public static let parameters = SectionTraining.parameters
  public typealias Input = StepValues

  /// The trained scratch model and its run.
  public struct Output {
    public let model: ScratchLanguageModel<GRUScratch>
    public let outcome: TrainingRun.ModelOutcome

    public init(model: ScratchLanguageModel<GRUScratch>, outcome: TrainingRun.ModelOutcome) {
      self.model = model
      self.outcome = outcome
    }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> Output {
    let configuration = SectionTraining.configuration(cell: .gru, values)
    // ANCHOR: gru-scratch-train
    let vocab = try loadCorpusTimeMachine(maxTokens: 10_000).vocab
    var generator = RandomGenerator(seed: configuration.seed)
    let gru = GRUScratch(
      numInputs: vocab.count, numHiddens: configuration.hiddenSize,
      using: &generator)
    let model = ScratchLanguageModel(
      cell: gru, vocabSize: vocab.count, using: &generator)
    let run = TrainingRun(
      configuration: configuration, reference: GRUPublished.scratch.result)
    let outcome = try run.run(training: model)
    // ANCHOR_END: gru-scratch-train
    return Output(model: model, outcome: outcome)
  }
}

/// The concise GRU (`GRU` inside `RNNModel`) trained with the same settings.
public enum GRUConciseTrainStep: LessonStep {
  public static let id = "gru-concise-train"
  public static var summary: String { tr("conciseTrain.summary") }
  public static let parameters = SectionTraining.parameters
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    let configuration = SectionTraining.configuration(cell: .gru, values)
    // ANCHOR: gru-concise-train
    // RNNModel(kind: .gru, …), trained as the scratch one was
    let run = TrainingRun(
      configuration: configuration, reference: GRUPublished.concise.result)
    let outcome = try run.run()
    // ANCHOR_END: gru-concise-train
    return outcome
  }
}
