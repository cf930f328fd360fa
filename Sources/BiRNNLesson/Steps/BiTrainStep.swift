import D2L
import DeepRNNLesson
import Foundation
import LessonEngine

/// The section's wrong application: a bidirectional LSTM trained as a language model on The
/// Time Machine, with deep-rnn's settings and the library's `Trainer` (D2L's `train_ch8`).
///
/// It builds its model with `RNNModel(configuration:)`, the library's one way from a
/// configuration to a model, because deep-rnn's `TrainingRun` does not yet pass
/// `bidirectional` on (it builds a one-directional model whatever the configuration says).
public enum BiTrainStep: LessonStep {
  public static let id = "bi-train"
  public static var summary: String { tr("train.summary") }
  public static let parameters: [StepParameter] = TrainStep.parameters

  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) throws -> TrainedModel {
    // ANCHOR: bi-train
    var configuration = TrainingConfiguration()
    configuration.cell = CellKind(rawValue: values.string("cell"))!
    configuration.bidirectional = true  // the one change from deep-rnn
    configuration.numLayers = values.int("numLayers")
    configuration.hiddenSize = values.int("numHiddens")
    configuration.epochs = values.int("epochs")
    configuration.learningRate = values.float("lr")
    configuration.clipNorm = values.float("clip")
    configuration.batchSize = values.int("batchSize")
    configuration.numSteps = values.int("numSteps")
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var generator = RandomGenerator(seed: configuration.seed)
    let model = RNNModel(
      configuration: configuration, vocabSize: vocab.count, using: &generator)
    let loader = SeqDataLoader(
      corpus: corpus, batchSize: configuration.batchSize,
      numSteps: configuration.numSteps)
    let trainer = Trainer(
      model: model, loader: loader, configuration: configuration)
    for _ in 1...configuration.epochs {
      let report = try trainer.trainEpoch()!
      show(report, of: configuration.epochs, out)
    }
    // ANCHOR_END: bi-train
    out.say("  " + tr("train.parameters", [
      "count": Num.int(model.parameterCount), "width": model.rnn.outputSize,
    ]))
    return TrainedModel(model: model, vocab: vocab, history: trainer.history)
  }

  /// The readout: epoch 1, one epoch in 20, and the last, as deep-rnn's transcript shows them.
  static func show(_ report: EpochReport, of epochs: Int, _ out: StepOutput) {
    let every = max(1, epochs / 20)
    guard report.epoch == 1 || report.epoch % every == 0 || report.epoch == epochs else { return }
    out.say("  " + tr("train.epoch", [
      "epoch": report.epoch, "epochs": epochs, "perplexity": Num.fixed(report.perplexity, 3),
      "rate": Num.int(Int(report.tokensPerSecond.rounded())),
    ]))
  }
}
