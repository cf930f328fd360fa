import CourseKit
import D2L

/// A model trained on The Time Machine, with its vocabulary and its epochs: what the steps
/// after training read, whichever run produced it.
public struct TrainedModel {
  public let model: RNNModel
  public let vocab: Vocab
  public let history: [EpochReport]

  public init(model: RNNModel, vocab: Vocab, history: [EpochReport]) {
    self.model = model
    self.vocab = vocab
    self.history = history
  }

  /// A training run's outcome.
  public init(_ outcome: TrainingRun.Outcome) {
    self.init(model: outcome.model, vocab: outcome.vocab, history: outcome.history)
  }
}
