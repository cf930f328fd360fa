import D2L
import LessonEngine

/// The settings a section trains its one-layer model with, as step parameters: D2L 0.17's
/// `batch_size, num_steps = 32, 35`, `num_hiddens = 256`, `num_epochs, lr = 500, 1` for the
/// GRU and LSTM sections, set in the lesson file.
public enum SectionTraining {
  public static let parameters: [StepParameter] = [
    .integer("numHiddens", 1...1024, tr("help.numHiddens")), .integer("epochs", 1...10_000, tr("help.epochs")),
    .number("lr", 0.001...100, tr("help.lr")), .number("clip", 0.001...100, tr("help.clip")),
    .integer("batchSize", 1...256, tr("help.batchSize")), .integer("numSteps", 1...200, tr("help.numSteps")),
  ]

  /// A configuration of one `cell` layer from a step's values of `parameters`.
  public static func configuration(cell: CellKind, _ values: StepValues) -> TrainingConfiguration {
    var configuration = TrainingConfiguration(values)
    (configuration.cell, configuration.numLayers) = (cell, 1)
    return configuration
  }

  /// Trains `model` quietly for `configuration.epochs` epochs: the short side-by-side runs of
  /// the exercises, which show a table, not a readout.
  public static func trainQuietly(_ model: any LanguageModel, _ configuration: TrainingConfiguration, corpus: [Int]) throws
    -> [EpochReport]
  {
    let setup = TrainingSetup(configuration: configuration, corpus: corpus, vocabSize: model.vocabSize)
    let trainer = Trainer(model: model, loader: setup.loader, configuration: configuration)
    for _ in 0..<configuration.epochs { _ = try trainer.trainEpoch() }
    return trainer.history
  }
}
