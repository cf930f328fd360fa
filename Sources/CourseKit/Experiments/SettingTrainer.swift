import LessonEngine
import D2L
import Foundation

/// What one setting of an experiment measured; the JSON results hold one per setting.
public struct SettingResult: Codable, Equatable {
  /// The setting's name in tables and legends: `LSTM`, `3 books`, `Wells + others`.
  public let name: String
  public let cell: CellKind
  public let learningRate: Float
  /// The books it trained on (file names).
  public let books: [String]
  public let trainingTokens: Int
  /// Every epoch's report, in order.
  public var history: [EpochReport]
  /// Perplexity of the last epoch on the training text.
  public var trainPerplexity: Double
  /// Held-out perplexity per group of passages (`Wells`, `others`, an author...).
  public var heldOut: [String: Double] = [:]
  /// The median of the epochs' tokens/s (robust to a slow first epoch).
  public var tokensPerSecond: Double
  /// Seconds spent in training epochs.
  public var trainSeconds: Double
  /// Seconds for the whole setting: loading the minibatches, training, evaluating.
  public var wallSeconds: Double
  /// True when the per-setting time limit ended training before the last epoch.
  public var stoppedByTimeLimit: Bool

  public init(name: String, cell: CellKind, learningRate: Float, books: [String], trainingTokens: Int, history: [EpochReport], trainPerplexity: Double, heldOut: [String: Double] = [:], tokensPerSecond: Double, trainSeconds: Double, wallSeconds: Double, stoppedByTimeLimit: Bool) {
    self.name = name
    self.cell = cell
    self.learningRate = learningRate
    self.books = books
    self.trainingTokens = trainingTokens
    self.history = history
    self.trainPerplexity = trainPerplexity
    self.heldOut = heldOut
    self.tokensPerSecond = tokensPerSecond
    self.trainSeconds = trainSeconds
    self.wallSeconds = wallSeconds
    self.stoppedByTimeLimit = stoppedByTimeLimit
  }
}

/// The first Ctrl-C stops an experiment after the current minibatch.
public struct ExperimentInterrupted: Error, CustomStringConvertible {
  public var description: String { tr("experiment.interrupted") }
}

/// Trains one setting under the experiment's budget, reporting every epoch to the log.
public struct SettingTrainer {
  public let budget: ExperimentBudget
  public let log: ExperimentLog
  /// Asked after every minibatch; yes stops the experiment (Ctrl-C).
  public var shouldStop: () -> Bool = { false }

  /// Trains a fresh model (seeded by the budget) on `tokens` and returns it with its result
  /// (held-out perplexities still empty: the experiment fills them in).
  public func train(name: String, cell: CellKind, books: [String], tokens: [Int]) throws -> (model: RNNModel, result: SettingResult) {
    let start = Date()
    let configuration = budget.configuration(cell: cell)
    // The same seed for every setting: the same cell starts from the same weights.
    let setup = TrainingSetup(configuration: configuration, corpus: tokens, vocabSize: Book.vocab.count)
    guard setup.hasData else {
      throw ExperimentError.tooLittleData(setting: name, tokens: tokens.count, needed: configuration.batchSize * configuration.numSteps + 1)
    }
    let (loader, model, trainer) = (setup.loader, setup.model, setup.makeTrainer())
    var trainSeconds = 0.0
    var stoppedByTimeLimit = false
    while trainer.nextEpoch <= configuration.epochs {
      let epoch = trainer.nextEpoch
      var step = 0
      var lastDraw = Date.distantPast
      let report = try trainer.trainEpoch {
        step += 1
        if log.interactive && Date().timeIntervalSince(lastDraw) > 0.2 {
          lastDraw = Date()
          let done = (Double(epoch - 1) + Double(step) / Double(max(loader.numBatches, 1))) / Double(configuration.epochs)
          log.progress("  \(name)  epoch \(epoch)/\(configuration.epochs) \(ProgressLine.bar(done)) minibatch \(step)/\(loader.numBatches)")
        }
        return shouldStop()
      }
      guard let report else { throw ExperimentInterrupted() }
      trainSeconds += report.seconds
      if log.epochLines { log.line(Self.describe(report, name: name, epochs: configuration.epochs)) }
      if budget.secondsPerSetting > 0 && trainSeconds >= budget.secondsPerSetting && epoch < configuration.epochs {
        stoppedByTimeLimit = true
        log.line("  " + tr("experiment.timeLimit", ["name": name, "seconds": Int(budget.secondsPerSetting), "epochs": epoch]))
        break
      }
    }
    let history = trainer.history
    let speeds = history.map(\.tokensPerSecond).sorted()
    let result = SettingResult(
      name: name, cell: cell, learningRate: configuration.learningRate, books: books, trainingTokens: tokens.count, history: history,
      trainPerplexity: history.last?.perplexity ?? .nan, tokensPerSecond: speeds.isEmpty ? 0 : speeds[speeds.count / 2],
      trainSeconds: trainSeconds, wallSeconds: Date().timeIntervalSince(start), stoppedByTimeLimit: stoppedByTimeLimit)
    return (model, result)
  }

  public static func describe(_ r: EpochReport, name: String, epochs: Int) -> String {
    "  \(name)  " + tr("train.readout", [
      "epoch": TrainingRun.pad("\(r.epoch)", String(epochs).count), "epochs": epochs,
      "bar": ProgressLine.bar(Double(r.epoch) / Double(epochs), width: 12),
      "perplexity": TrainingRun.pad(Num.fixed(r.perplexity, 3), 7), "speed": TrainingRun.pad(Num.int(Int(r.tokensPerSecond.rounded())), 9),
    ]) + "  " + Num.fixed(r.seconds, 1) + " s"
  }

  public init(budget: ExperimentBudget, log: ExperimentLog, shouldStop: @escaping () -> Bool = { false }) {
    self.budget = budget
    self.log = log
    self.shouldStop = shouldStop
  }
}
