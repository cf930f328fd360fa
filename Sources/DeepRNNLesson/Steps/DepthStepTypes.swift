import CourseKit
import D2L
import Foundation
import LessonEngine

/// The depth experiment in miniature, and the measured speed of 1 and 2 layers.
public enum ExperimentDepthStep: LessonStep {
  public static let id = "experiment-depth"
  public static var summary: String { tr("experimentDepth.summary") }
  public static let parameters: [StepParameter] = ExperimentSteps.parameters.filter { $0.name != "expLayers" } + [
    .integer("expMaxLayers", 1...4, tr("help.expMaxLayers")),
    .number("speedSeconds", 0.05...60, tr("help.speedSeconds")),
  ]

  public struct Input {
    /// A GRU: the same width, epochs and seed at every depth.
    public var budget: ExperimentBudget
    public var maxLayers: Int
    public var seconds: Double
  }

  public static func input(_ values: StepValues, _ results: StepResults) -> Input {
    Input(budget: DepthSteps.budget(values), maxLayers: values.int("expMaxLayers"), seconds: values.double("speedSeconds"))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> ExperimentReport {
    let (budget, maxLayers, seconds) = (input.budget, input.maxLayers, input.seconds)
    return try ExperimentSteps.reportingErrors {
      let log = ExperimentSteps.log(out)
      // ANCHOR: experiment-depth
      let experiment = DepthExperiment(  // a GRU at every depth
        budget: budget, maxLayers: maxLayers)
      let report = try experiment.run(log: log, shouldStop: { false })
      // "Two layers slow training": the chapter's LSTM of 256 units,
      // with 1 and with 2 layers
      let speeds = try [1, 2].map {
        try DepthSteps.tokensPerSecond(layers: $0, seconds: seconds)
      }
      // ANCHOR_END: experiment-depth
      DepthSteps.showExperiment(out, report, speeds: speeds, seconds: seconds)
      return report
    }
  }
}

/// Every layer's hidden units over a sentence of the book, and how fast each layer moves.
public enum HiddenHeatmapStep: LessonStep {
  public static let id = "hidden-heatmap"
  public static var summary: String { tr("hiddenHeatmap.summary") }
  public static let parameters: [StepParameter] = [
    .text("sentence", tr("help.sentence")), .integer("units", 1...64, tr("help.units")),
  ]
  public static let requires = [TrainStep.id]

  public struct Input {
    /// Lower-cased, at least two characters.
    public var sentence: String
    public var units: Int
    /// The trained model and vocabulary of step train.
    public var outcome: TrainingRun.Outcome
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let sentence = values.string("sentence").lowercased()
    guard sentence.count >= 2 else { throw StepError(tr("heatmap.error.sentence")) }
    return Input(sentence: sentence, units: values.int("units"), outcome: try results.output(of: TrainStep.self))
  }

  /// Each layer's mean |H_t − H_{t−1}|, bottom layer first.
  public static func run(_ input: Input, _ out: StepOutput) -> [Double] {
    let (outcome, sentence) = (input.outcome, input.sentence)
    // ANCHOR: hidden-heatmap
    let text = Array(sentence)  // one sequence: batch 1, a step per character
    let tokens = text.map { Int32(outcome.vocab[String($0)]) }
    let pass = LayerwiseRecurrence(model: outcome.model)(
      timeMajorTokens: tokens, steps: text.count, batch: 1)
    // states[l][t][unit] is H_t^(l+1)
    let states = pass.H.map { layer in layer.map(\.scalars) }
    // per layer: mean |H_t − H_{t−1}|
    let change = states.map(HiddenStateHeatmap.meanAbsoluteChange)
    // ANCHOR_END: hidden-heatmap
    DepthSteps.showHeatmap(
      out, outcome: outcome, text: text, tokens: tokens, states: states, change: change, units: input.units)
    return change
  }
}

/// ‖∂loss/∂H_t^(l)‖ per layer over time, and weight gradients before and after clipping.
public enum GradientNormsStep: LessonStep {
  public static let id = "gradient-norms"
  public static var summary: String { tr("gradientNorms.summary") }
  public static let parameters: [StepParameter] = [
    .number("clip", 1e-6...1e6, tr("help.clip")),
    .integer("batchSize", 1...1024, tr("help.batchSize")), .integer("numSteps", 1...1000, tr("help.numSteps")),
  ]
  public static let requires = [TrainStep.id]

  public struct Input {
    public var clip: Float
    public var batchSize, numSteps: Int
    /// The model step train produced.
    public var trained: RNNModel
    /// The chapter's corpus (first 10,000 tokens of The Time Machine).
    public var corpus: [Int]
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let trained = try results.output(of: TrainStep.self).model
    let (batchSize, numSteps) = (values.int("batchSize"), values.int("numSteps"))
    let (corpus, _) = try loadCorpusTimeMachine(maxTokens: 10_000)
    guard corpus.count > batchSize * numSteps else {
      throw StepError(tr("gradients.error.tooShort", ["batch": batchSize, "steps": numSteps]))
    }
    return Input(clip: values.float("clip"), batchSize: batchSize, numSteps: numSteps, trained: trained, corpus: corpus)
  }

  /// The trained and the fresh model's norms.
  public static func run(_ input: Input, _ out: StepOutput) -> [GradientNorms] {
    let (trained, corpus, clip) = (input.trained, input.corpus, input.clip)
    let (batchSize, numSteps) = (input.batchSize, input.numSteps)
    // ANCHOR: gradient-norms
    let loader = SeqDataLoader(
      corpus: corpus, batchSize: batchSize, numSteps: numSteps)
    var batches = loader.batches(forEpoch: 0)
    let batch = batches.next()!  // the first minibatch of the book
    var generator = RandomGenerator(seed: 0)  // an untrained model, same shape
    let fresh = RNNModel(
      kind: trained.kind, vocabSize: trained.vocabSize,
      hiddenSize: trained.hiddenSize, numLayers: trained.numLayers,
      using: &generator)
    let trainedNorms = GradientNorms.measure(trained, on: batch, clip: clip)
    let freshNorms = GradientNorms.measure(fresh, on: batch, clip: clip)
    // ANCHOR_END: gradient-norms
    DepthSteps.showGradients(
      out, [(tr("gradients.trained"), trainedNorms), (tr("gradients.fresh"), freshNorms)], steps: numSteps)
    return [trainedNorms, freshNorms]
  }
}
