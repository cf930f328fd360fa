/// What a training run is made of, from its configuration: the minibatch loader over the
/// corpus (sequential or random order, seeded), the model (a fresh one initialised from the
/// configuration's seed, unless one is given, e.g. resumed from a checkpoint), and the trainer
/// that ties them. The training run, the experiments, the depth steps and `lessons bench` all
/// start here, so that they train the same thing.
///
///     let setup = TrainingSetup(configuration: configuration, corpus: corpus, vocabSize: vocab.count)
///     guard setup.hasData else { … }   // the corpus is shorter than one minibatch
///     let trainer = setup.makeTrainer()
public struct TrainingSetup {
  public let configuration: TrainingConfiguration
  public let loader: SeqDataLoader
  public let model: RNNModel

  /// - Parameters:
  ///   - corpus: the token indices to train on.
  ///   - vocabSize: the model's input and output width.
  ///   - model: the model to train; nil for a fresh `configuration.cell` model of
  ///     `configuration.numLayers` × `configuration.hiddenSize` (bidirectional when it says so), seeded by `configuration.seed`.
  public init(configuration: TrainingConfiguration, corpus: [Int], vocabSize: Int, model: RNNModel? = nil) {
    self.configuration = configuration
    loader = SeqDataLoader(
      corpus: corpus, batchSize: configuration.batchSize, numSteps: configuration.numSteps,
      useRandomIter: configuration.useRandomIter, seed: configuration.seed)
    if let model {
      self.model = model
    } else {
      var generator = RandomGenerator(seed: configuration.seed)
      self.model = RNNModel(configuration: configuration, vocabSize: vocabSize, using: &generator)
    }
    self.model.rnn.precision = configuration.precision  // a resumed model trains as asked too
  }

  /// Whether the corpus holds at least one minibatch.
  public var hasData: Bool { loader.numBatches > 0 }

  /// A trainer of the model on the loader, with the configuration's optimiser settings.
  public func makeTrainer() -> Trainer { Trainer(model: model, loader: loader, configuration: configuration) }
}
