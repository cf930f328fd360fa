import Foundation

/// The settings of a training run; the defaults are the chapter's run.
public struct TrainingConfiguration: Codable, Equatable, Sendable {
  public var cell: CellKind = .lstm
  public var numLayers = 2
  public var hiddenSize = 256
  /// Each layer also reads the sequence backwards (D2L's bidirectional RNN section).
  public var bidirectional = false
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
  /// Text files to train on instead of The Time Machine (empty: The Time Machine).
  public var books: [String] = []
  /// The recurrent layers' products: FP32 (PyTorch's numerics) or bf16 (`Precision`).
  public var precision: Precision = .fp32

  public init() {}
}

extension TrainingConfiguration {
  private enum CodingKeys: String, CodingKey {
    case cell, numLayers, hiddenSize, bidirectional, epochs, learningRate, clipNorm, batchSize, numSteps, useRandomIter,
      maxTokens, seed, books, precision
  }

  /// Reads a configuration; a key that a file written before it existed lacks keeps its default
  /// (`bidirectional` came with the bidirectional section).
  public init(from decoder: any Decoder) throws {
    self.init()
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
      if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
    }
    try read(.cell, &cell)
    try read(.numLayers, &numLayers)
    try read(.hiddenSize, &hiddenSize)
    try read(.bidirectional, &bidirectional)
    try read(.epochs, &epochs)
    try read(.learningRate, &learningRate)
    try read(.clipNorm, &clipNorm)
    try read(.batchSize, &batchSize)
    try read(.numSteps, &numSteps)
    try read(.useRandomIter, &useRandomIter)
    try read(.maxTokens, &maxTokens)
    try read(.seed, &seed)
    try read(.books, &books)
    try read(.precision, &precision)
  }
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
  /// The loss became NaN or infinite, or so large that its perplexity is infinite.
  case diverged(epoch: Int, step: Int, loss: Float, learningRate: Float)

  /// The largest loss whose perplexity, exp(loss), is a finite Float (about 88.7). A model
  /// that does this badly gives the right character a probability below 1e-38: it has
  /// diverged, and every number it prints from here on would be garbage.
  public static let largestLoss = Foundation.log(Float.greatestFiniteMagnitude)

  public var description: String {
    switch self {
    case .diverged(let epoch, let step, let loss, let lr):
      let what = loss.isFinite ? "the loss is \(loss), so the perplexity is infinite" : "the loss is \(loss)"
      return """
        training diverged at epoch \(epoch), minibatch \(step): \(what).
        HINT: lower the learning rate (now \(lr); the chapter uses 2 with clipping 1), \
        keep gradient clipping on, or use fewer steps per sequence.
        """
    }
  }
}

/// Where an interrupted epoch stopped: enough to continue it exactly.
public struct EpochProgress: Codable, Equatable, Sendable {
  /// 1-based epoch in progress.
  public var epoch: Int
  /// Minibatches of it already trained.
  public var completedSteps: Int
  /// Σ loss · tokens and tokens so far (for the epoch's perplexity).
  public var lossSum: Double
  public var tokens: Int
  public var seconds: Double
}

/// D2L's `train_ch8` / `train_epoch_ch8`: SGD with gradient clipping over a `SeqDataLoader`,
/// perplexity and tokens/s every epoch.
public final class Trainer {
  /// The concise `RNNModel` or a scratch one.
  public let model: any LanguageModel
  public let loader: SeqDataLoader
  public let configuration: TrainingConfiguration
  /// Epoch reports so far.
  public private(set) var history: [EpochReport] = []
  /// The epoch in progress when a run was stopped between minibatches, else nil.
  public private(set) var partial: EpochProgress?
  /// The state carried between sequential minibatches.
  public private(set) var state: RecurrentState?

  public init(model: any LanguageModel, loader: SeqDataLoader, configuration: TrainingConfiguration) {
    self.model = model
    self.loader = loader
    self.configuration = configuration
  }

  /// The next epoch's number (1-based).
  public var nextEpoch: Int { history.count + 1 }

  /// Trains one epoch (or the rest of an interrupted one). `shouldStop` is asked after every
  /// minibatch: when it says yes, the epoch stops there, `partial` and `state` describe where,
  /// and the result is nil.
  /// - Throws: `TrainingError.diverged` at the first loss that is NaN or infinite or makes the
  ///   perplexity infinite; the model keeps the weights that produced it.
  public func trainEpoch(shouldStop: () -> Bool = { false }) throws -> EpochReport? {
    let epoch = nextEpoch
    var progress = partial ?? EpochProgress(epoch: epoch, completedSteps: 0, lossSum: 0, tokens: 0, seconds: 0)
    // D2L re-initialises the state when each epoch starts (`state = None`).
    if partial == nil { state = nil }
    partial = nil
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { progress.seconds + Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    let parameters = model.parameters
    let batches = IteratorSequence(loader.batches(forEpoch: epoch - 1)).enumerated().dropFirst(progress.completedSteps)
    for (step, batch) in batches {
      if state == nil || configuration.useRandomIter {
        state = model.beginState(batchSize: batch.batchSize)
      } else {
        state = state!.detached()
      }
      let (logits, newState) = PhaseClock.measure("forward") {
        model.logits(timeMajorTokens: batch.timeMajorInputs, steps: batch.numSteps, batch: batch.batchSize, state: state)
      }
      state = newState
      let loss = PhaseClock.measure("loss") { logits.softmaxCrossEntropy(targets: batch.timeMajorTargets) }
      let value = loss.scalar
      guard value.isFinite, value <= TrainingError.largestLoss else {
        throw TrainingError.diverged(epoch: epoch, step: step + 1, loss: value, learningRate: configuration.learningRate)
      }
      PhaseClock.measure("zero gradients") { model.zeroGradients() }
      PhaseClock.measure("backward") { loss.backward() }
      PhaseClock.measure("clip and sgd") {
        Optimization.clippedSGDStep(parameters, learningRate: configuration.learningRate, maxNorm: configuration.clipNorm)
      }
      progress.lossSum += Double(value) * Double(batch.inputs.count)
      progress.tokens += batch.inputs.count
      progress.completedSteps = step + 1
      if shouldStop() {
        progress.seconds = elapsed()
        partial = progress
        state = state?.detached()
        return nil
      }
    }
    let seconds = elapsed()
    let report = EpochReport(
      epoch: epoch, perplexity: Foundation.exp(progress.lossSum / Double(max(progress.tokens, 1))),
      tokensPerSecond: Double(progress.tokens) / max(seconds, 1e-9), seconds: seconds)
    history.append(report)
    return report
  }

  /// Restores a stopped run: the epochs done, the epoch in progress and the carried state, so
  /// that training continues with exactly the minibatches and numbers it would have had.
  public func resume(history: [EpochReport], partial: EpochProgress?, state: RecurrentState?) {
    self.history = history
    self.partial = partial
    self.state = state
  }
}
