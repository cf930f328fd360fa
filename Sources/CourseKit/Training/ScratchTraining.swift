import D2L
import LessonEngine

/// A gated-cell section's scratch model after training (D2L's `RNNLMScratch` around the
/// section's cell, fit on *The Time Machine*), and the run that trained it: what the section's
/// later steps (the concise layer's agreement, the gates, the published figures) read.
public struct TrainedScratch<Cell: ScratchCell> {
  public let model: ScratchLanguageModel<Cell>
  public let outcome: TrainingRun.ModelOutcome

  public init(model: ScratchLanguageModel<Cell>, outcome: TrainingRun.ModelOutcome) {
    self.model = model
    self.outcome = outcome
  }

  /// The trained cell.
  public var cell: Cell { model.cell }
  /// The vocabulary it was trained on.
  public var vocab: Vocab { outcome.vocab }
}

/// How a gated-cell section trains its scratch model: the GRU and LSTM sections differ only
/// in the cell, so the section's code builds its cell and hands it to `fit`.
public enum ScratchTraining {
  /// Builds the section's cell for *The Time Machine*'s vocabulary, wraps it in
  /// `ScratchLanguageModel` (D2L's `RNNLMScratch`) and trains it with `configuration`, its
  /// readout drawn beside `reference`.
  /// - Parameters:
  ///   - configuration: the section's settings (`SectionTraining.configuration`); its seed
  ///     draws the cell's weights, then the output layer's.
  ///   - reference: the book's reported end point, drawn on the training chart.
  ///   - makeCell: the section's cell for a vocabulary, its weights drawn from the generator.
  /// - Returns: the trained model and its run.
  /// - Throws: when the corpus cannot be read or the run fails.
  public static func fit<Cell: ScratchCell>(
    _ configuration: TrainingConfiguration, reference: PublishedResult?,
    cell makeCell: (_ vocab: Vocab, _ generator: inout RandomGenerator) -> Cell
  ) throws -> TrainedScratch<Cell> {
    let vocab = try loadCorpusTimeMachine(maxTokens: 10_000).vocab
    var generator = RandomGenerator(seed: configuration.seed)
    let cell = makeCell(vocab, &generator)
    let model = ScratchLanguageModel(cell: cell, vocabSize: vocab.count, using: &generator)
    let run = TrainingRun(configuration: configuration, reference: reference)
    return TrainedScratch(model: model, outcome: try run.run(training: model))
  }
}

/// A gated-cell section's step that trains its scratch model (`gru-scratch-train`): the
/// section's training parameters, and the trained model as its output.
public protocol ScratchTrainingStep: LessonStep where Input == StepValues, Output == TrainedScratch<Cell> {
  /// The section's scratch cell.
  associatedtype Cell: ScratchCell
}

extension ScratchTrainingStep {
  public static var parameters: [StepParameter] { SectionTraining.parameters }
}

/// A gated-cell section's step that trains the concise layer with the scratch model's settings
/// (`gru-concise-train`).
public protocol ConciseTrainingStep: LessonStep where Input == StepValues, Output == TrainingRun.Outcome {}

extension ConciseTrainingStep {
  public static var parameters: [StepParameter] { SectionTraining.parameters }
}

/// A step that reads the scratch model `Training` trained: it requires that step, and when its
/// input is that model, reads it.
public protocol TrainedScratchReader: LessonStep {
  /// The step that trains the model this step reads.
  associatedtype Training: ScratchTrainingStep
}

extension TrainedScratchReader {
  public static var requires: [String] { [Training.id] }
}

extension TrainedScratchReader where Input == TrainedScratch<Training.Cell> {
  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    try results.output(of: Training.self)
  }
}
