import CourseKit
import D2L
import LessonEngine

/// The section's training settings, shared by the scratch and the concise run: D2L 0.17's
/// `batch_size, num_steps = 32, 35`, `num_hiddens = 256`, `num_epochs, lr = 500, 1`.
let trainingParameters: [StepParameter] = [
  .integer("numHiddens", 1...1024, "hidden units"), .integer("epochs", 1...10_000, "epochs"),
  .number("lr", 0.001...100, "learning rate"), .number("clip", 0.001...100, "gradient clipping norm"),
  .integer("batchSize", 1...256, "sequences per minibatch"), .integer("numSteps", 1...200, "time steps"),
]

/// A training configuration of one GRU layer from the step's values.
func gruConfiguration(_ values: StepValues) -> TrainingConfiguration {
  var configuration = TrainingConfiguration()
  configuration.cell = .gru
  configuration.numLayers = 1
  configuration.hiddenSize = values.int("numHiddens")
  configuration.epochs = values.int("epochs")
  configuration.learningRate = values.float("lr")
  configuration.clipNorm = values.float("clip")
  configuration.batchSize = values.int("batchSize")
  configuration.numSteps = values.int("numSteps")
  return configuration
}

/// The scratch GRU trained as the section trains it (D2L's `RNNModelScratch` with `gru`).
public enum GRUScratchTrainStep: LessonStep {
  public static let id = "gru-scratch-train"
  public static var summary: String { tr("scratchTrain.summary") }
  public static let parameters = trainingParameters
  public typealias Input = StepValues

  /// The trained scratch model and its run.
  public struct Output {
    public let model: ScratchLanguageModel<GRUScratch>
    public let outcome: TrainingRun.ModelOutcome
  }

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> Output {
    let configuration = gruConfiguration(values)
    // ANCHOR: gru-scratch-train
    let vocab = try loadCorpusTimeMachine(maxTokens: 10_000).vocab
    var generator = RandomGenerator(seed: configuration.seed)
    let gru = GRUScratch(
      numInputs: vocab.count, numHiddens: configuration.hiddenSize, using: &generator)
    let model = ScratchLanguageModel(cell: gru, vocabSize: vocab.count, using: &generator)
    var run = TrainingRun(configuration: configuration)
    run.publishedPerplexity = GRUPublished.scratch.perplexity
    let outcome = try run.run(training: model)
    // ANCHOR_END: gru-scratch-train
    return Output(model: model, outcome: outcome)
  }
}

/// The concise GRU (`GRU` inside `RNNModel`) trained with the same settings.
public enum GRUConciseTrainStep: LessonStep {
  public static let id = "gru-concise-train"
  public static var summary: String { tr("conciseTrain.summary") }
  public static let parameters = trainingParameters
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainingRun.Outcome {
    let configuration = gruConfiguration(values)
    // ANCHOR: gru-concise-train
    var run = TrainingRun(configuration: configuration)  // RNNModel(kind: .gru, …)
    run.publishedPerplexity = GRUPublished.concise.perplexity
    let outcome = try run.run()
    // ANCHOR_END: gru-concise-train
    return outcome
  }
}
