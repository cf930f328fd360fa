import Foundation

/// The settings of a training run; the defaults are the chapter's run.
public struct TrainingConfiguration: Codable, Equatable, Sendable {
  public var cell: CellKind = .lstm
  public var numLayers = 2
  public var hiddenSize = 256
  public var epochs = 500
  public var learningRate: Float = 2
  public var clipNorm: Float = 1
  public var batchSize = 32
  public var numSteps = 35
  /// Random sampling (state re-initialised per minibatch) or sequential (state detached).
  public var useRandomIter = false
  /// D2L's `load_data_time_machine` keeps the first 10,000 tokens.
  public var maxTokens = 10_000
  /// Seeds the initial weights and every epoch's minibatch order.
  public var seed: UInt64 = 0

  public init() {}
}

/// What one epoch measured.
public struct EpochReport: Codable, Equatable, Sendable {
  /// 1-based.
  public var epoch: Int
  /// exp(mean cross-entropy) over the epoch's tokens.
  public var perplexity: Double
  public var tokensPerSecond: Double
  public var seconds: Double
}

/// Why training stopped early.
public enum TrainingError: Error, CustomStringConvertible {
  /// The loss became NaN or infinite.
  case diverged(epoch: Int, step: Int, loss: Float, learningRate: Float)

  public var description: String {
    switch self {
    case .diverged(let epoch, let step, let loss, let lr):
      return """
        training diverged: the loss is \(loss) at epoch \(epoch), minibatch \(step).
        HINT: lower the learning rate (now \(lr); the chapter uses 2 with clipping 1), \
        keep gradient clipping on, or use fewer steps per sequence.
        """
    }
  }
}

/// D2L's `train_ch8` / `train_epoch_ch8`: SGD with gradient clipping over a `SeqDataLoader`,
/// perplexity and tokens/s every epoch.
public final class Trainer {
  public let model: RNNModel
  public let loader: SeqDataLoader
  public let configuration: TrainingConfiguration
  /// Epoch reports so far.
  public private(set) var history: [EpochReport] = []
  /// The state carried between sequential minibatches.
  private var state: RecurrentState?

  public init(model: RNNModel, loader: SeqDataLoader, configuration: TrainingConfiguration) {
    self.model = model
    self.loader = loader
    self.configuration = configuration
  }

  /// The next epoch's number (1-based).
  public var nextEpoch: Int { history.count + 1 }

  /// Trains one epoch. `shouldStop` is asked after every minibatch (an interrupt stops after the
  /// current one); returns nil when it stopped the epoch before its end.
  /// - Throws: `TrainingError.diverged` at the first NaN or infinite loss.
  public func trainEpoch(shouldStop: () -> Bool = { false }) throws -> EpochReport? {
    let epoch = nextEpoch
    let start = DispatchTime.now().uptimeNanoseconds
    var lossSum: Double = 0, tokens = 0
    let parameters = model.parameters
    // D2L re-initialises the state when each epoch starts (`state = None`).
    state = nil
    for (step, batch) in IteratorSequence(loader.batches(forEpoch: epoch - 1)).enumerated() {
      if state == nil || configuration.useRandomIter {
        state = model.beginState(batchSize: batch.batchSize)
      } else {
        state = state!.detached()
      }
      let (logits, newState) = model(batch, state: state)
      state = newState
      let loss = logits.softmaxCrossEntropy(targets: batch.timeMajorTargets)
      let value = loss.scalar
      guard value.isFinite else {
        throw TrainingError.diverged(epoch: epoch, step: step + 1, loss: value, learningRate: configuration.learningRate)
      }
      model.zeroGradients()
      loss.backward()
      Optimization.clipGradients(parameters, maxNorm: configuration.clipNorm)
      Optimization.sgdStep(parameters, learningRate: configuration.learningRate)
      lossSum += Double(value) * Double(batch.inputs.count)
      tokens += batch.inputs.count
      if shouldStop() { return nil }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let report = EpochReport(
      epoch: epoch, perplexity: Foundation.exp(lossSum / Double(max(tokens, 1))),
      tokensPerSecond: Double(tokens) / max(seconds, 1e-9), seconds: seconds)
    history.append(report)
    return report
  }

  /// Restores the epoch count of a resumed run, so that the next epoch draws the same
  /// minibatches it would have drawn without the interruption.
  public func resume(history: [EpochReport]) { self.history = history }
}
