import D2L
import Foundation
import LessonEngine

/// One training run as the `train` command and the lesson's training step show it: a live
/// readout (epoch, perplexity, tokens/s, a progress bar), the summary, and the predictions.
/// Ctrl-C stops after the current minibatch and saves a checkpoint that `--resume` continues.
public struct TrainingRun {
  public var configuration: TrainingConfiguration
  public var savePath: String?
  public var resumePath: String?
  public var json = false
  /// Prefixes to predict from at the end, as the chapter does.
  public var prefixes = ["time traveller", "traveller"]
  /// At most this many plain progress lines in a transcript (not on a terminal).
  public var transcriptLines = 25
  /// Where an interrupted run saves itself when no --save was given.
  public static let interruptedPath = "interrupted.safetensors"

  public init(
    configuration: TrainingConfiguration, savePath: String? = nil, resumePath: String? = nil, json: Bool = false,
    prefixes: [String] = ["time traveller", "traveller"]
  ) {
    self.configuration = configuration
    self.savePath = savePath
    self.resumePath = resumePath
    self.json = json
    self.prefixes = prefixes
  }

  /// The outcome, for callers that go on to draw or compare it.
  public struct Outcome {
    public let model: RNNModel
    public let vocab: Vocab
    public let history: [EpochReport]
    public let predictions: [(prefix: String, text: String)]
    public let wallSeconds: Double
    public let interrupted: Bool
  }

  /// Trains, showing the readout, saving when asked, and predicting at the end.
  /// - Throws: `TrainingRunError` for unusable data or checkpoints, `LessonInterrupted` after
  ///   Ctrl-C (once the interrupted run is saved), and the library's errors.
  @discardableResult
  public func run() throws -> Outcome {
    let wallStart = Date()
    var configuration = configuration
    var resumed: ModelCheckpoint?
    if let resumePath {
      let checkpoint = try ModelCheckpoint.load(from: URL(fileURLWithPath: resumePath))
      guard let saved = checkpoint.configuration else {
        throw TrainingRunError(tr("train.error.noConfiguration", ["path": resumePath]))
      }
      configuration = saved
      resumed = checkpoint
    }
    let data = try TrainingData.load(books: configuration.books, maxTokens: configuration.maxTokens)
    let loader = SeqDataLoader(
      corpus: data.corpus, batchSize: configuration.batchSize, numSteps: configuration.numSteps,
      useRandomIter: configuration.useRandomIter, seed: configuration.seed)
    guard loader.numBatches > 0 else {
      throw TrainingRunError(tr("train.error.tooShort", ["data": data.description, "batch": configuration.batchSize, "steps": configuration.numSteps]))
    }
    let model: RNNModel
    if let resumed {
      guard resumed.vocab == data.vocab else {
        throw TrainingRunError(tr("train.error.vocabulary"))
      }
      model = resumed.model
    } else {
      var generator = RandomGenerator(seed: configuration.seed)
      model = RNNModel(kind: configuration.cell, vocabSize: data.vocab.count, hiddenSize: configuration.hiddenSize,
                       numLayers: configuration.numLayers, using: &generator)
    }
    let trainer = Trainer(model: model, loader: loader, configuration: configuration)
    if let resumed {
      let (partial, state) = try Self.progress(of: resumed, path: resumePath!, loader: loader)
      trainer.resume(history: resumed.history, partial: partial, state: state)
      say(partial.map { tr("train.resumingAt", ["path": resumePath!, "epoch": trainer.nextEpoch, "minibatch": $0.completedSteps + 1]) }
        ?? tr("train.resuming", ["path": resumePath!, "epoch": trainer.nextEpoch]))
    }

    say(tr("train.model", [
      "layers": configuration.numLayers, "cell": configuration.cell.displayName, "hidden": configuration.hiddenSize,
      "data": data.description,
    ]))
    say(tr("train.settings", [
      "batch": configuration.batchSize, "steps": configuration.numSteps, "lr": Num.compact(configuration.learningRate),
      "clip": Num.compact(configuration.clipNorm), "order": tr(configuration.useRandomIter ? "train.random" : "train.sequential"),
      "epochs": Num.int(configuration.epochs) + " " + tr(configuration.epochs == 1 ? "word.epoch" : "word.epochs"),
    ]))
    let every = max(1, configuration.epochs / max(transcriptLines, 1))
    if !(Console.isTerminal && !json), every > 1 {
      say(tr("train.every", ["every": every]))
    }
    let line = ProgressLine(interactive: Console.isTerminal && !json)
    // In a walk on a terminal, the perplexity curve drawn in place (LiveChart), beside D2L's.
    let live = json ? nil : LiveChart.start(name: tr("word.perplexity"), epochs: configuration.epochs, level: Self.published)
    var interrupted = false
    // Resident memory after each epoch: it must stay flat (buffers are reused, graphs freed).
    var resident: [Int] = []
    try Interrupt.catching {
      while trainer.nextEpoch <= configuration.epochs {
        guard let report = try trainer.trainEpoch(shouldStop: { Interrupt.wasRequested }) else {
          interrupted = true
          break
        }
        resident.append(MemoryUsage.current().residentBytes)
        let text = Self.describe(report, of: configuration.epochs, resident: resident.last!)
        if let live {
          live.add(report.perplexity, status: text)
        } else if line.interactive {
          line.update(text)
          if report.epoch == configuration.epochs { line.finish(text) }
        } else if report.epoch % every == 0 || report.epoch == configuration.epochs || report.epoch == 1 {
          say(text)
        }
      }
    }
    let history = trainer.history
    live?.finish()
    if !json, let step = StepOutput.running { Self.showCurve(history, step) }
    let checkpoint = ModelCheckpoint(
      model: model, vocab: data.vocab, configuration: configuration, history: history)
    if interrupted {
      var saved = checkpoint
      if let p = trainer.partial { saved.trainingMetadata["partial"] = String(decoding: try JSONEncoder().encode(p), as: UTF8.self) }
      if let s = trainer.state {
        saved.trainingTensors["state.hidden"] = s.hidden
        if let c = s.cell { saved.trainingTensors["state.cell"] = c }
      }
      let path = savePath ?? Self.interruptedPath
      try saved.save(to: URL(fileURLWithPath: path))
      if line.interactive { line.finish("") }
      Console.error(tr("train.interrupted", ["epoch": trainer.nextEpoch, "minibatch": trainer.partial?.completedSteps ?? 0, "path": path]))
      Console.error(tr("train.continue", ["path": path]))
    } else if let savePath {
      try checkpoint.save(to: URL(fileURLWithPath: savePath))
      say(tr("train.saved", ["path": savePath]))
    }

    let predictions = prefixes.map { ($0, model.predict(prefix: $0, count: 50, vocab: data.vocab)) }
    let wall = Date().timeIntervalSince(wallStart)
    let peak = MemoryUsage.current().peakBytes
    // An interrupted epoch reports how far it got, so that even a run stopped in its first
    // epoch prints a summary.
    let unfinished = interrupted ? trainer.partial : nil
    let unfinishedPerplexity = unfinished.map { Foundation.exp($0.lossSum / Double(max($0.tokens, 1))) }
    if json {
      var object: [String: Any] = [
        "epochs": history.count, "wall_seconds": wall, "interrupted": interrupted,
        "predictions": Dictionary(uniqueKeysWithValues: predictions.map { ($0.0, $0.1) }),
      ]
      object["peak_memory_bytes"] = peak
      if let first = resident.first, let last = resident.last {
        object["resident_bytes_after_first_epoch"] = first
        object["resident_bytes_after_last_epoch"] = last
        object["resident_bytes_min"] = resident.min()
        object["resident_bytes_max"] = resident.max()
      }
      if let last = history.last {
        object["perplexity"] = last.perplexity
        object["tokens_per_sec_median"] = history.map(\.tokensPerSecond).sorted()[history.count / 2]
      }
      if let unfinished, let unfinishedPerplexity {
        object["unfinished_epoch"] = [
          "epoch": unfinished.epoch, "minibatches": unfinished.completedSteps, "of": loader.numBatches,
          "perplexity_so_far": unfinishedPerplexity,
        ] as [String: Any]
      }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      if let last = history.last {
        let speed = history.map(\.tokensPerSecond).sorted()[history.count / 2]
        say(tr("train.result", [
          "perplexity": Num.fixed(last.perplexity, 2), "epochs": Num.int(history.count),
          "speed": Num.int(Int(speed.rounded())), "wall": Num.fixed(wall, 1),
        ]))
      }
      if let unfinished, let unfinishedPerplexity {
        say(tr("train.unfinished", [
          "epoch": unfinished.epoch, "done": unfinished.completedSteps, "of": loader.numBatches,
          "perplexity": Num.fixed(unfinishedPerplexity, 2),
        ]))
      }
      if let first = resident.first, let last = resident.last, let low = resident.min(), let high = resident.max() {
        // The range over all epochs shows whether memory grows, beyond the two ends.
        say(tr("train.memory", ["peak": Self.megabytes(peak), "first": Self.megabytes(first), "last": Self.megabytes(last)])
              + (resident.count > 2 ? tr("train.memoryRange", ["low": Self.megabytes(low), "high": Self.megabytes(high), "count": resident.count]) : ""))
      }
      for (prefix, text) in predictions { say("predict(\"\(prefix)\"): \(text)") }
    }
    if interrupted { throw LessonInterrupted(tr("train.interruptedShort", ["epoch": trainer.nextEpoch])) }
    return Outcome(model: model, vocab: data.vocab, history: history, predictions: predictions, wallSeconds: wall, interrupted: interrupted)
  }

  /// Where the checkpoint's run stopped: the unfinished epoch and the state carried into it,
  /// checked against the run, so that a damaged or edited file is refused with a reason.
  static func progress(of checkpoint: ModelCheckpoint, path: String, loader: SeqDataLoader) throws
    -> (EpochProgress?, RecurrentState?)
  {
    func refuse(_ reason: String) -> TrainingRunError { TrainingRunError(tr("train.error.cannotResume", ["path": path, "reason": reason])) }
    var partial: EpochProgress?
    if let json = checkpoint.trainingMetadata["partial"] {
      guard let p = try? JSONDecoder().decode(EpochProgress.self, from: Data(json.utf8)) else {
        throw refuse("metadata 'partial' is not a valid epoch progress record")
      }
      guard p.epoch == checkpoint.history.count + 1, (0...loader.numBatches + 1).contains(p.completedSteps),
            p.tokens >= 0, p.lossSum.isFinite, p.lossSum >= 0
      else { throw refuse("metadata 'partial' (epoch \(p.epoch), minibatch \(p.completedSteps)) does not follow its \(checkpoint.history.count) finished epochs") }
      partial = p
    }
    var state: RecurrentState?
    if let hidden = checkpoint.trainingTensors["state.hidden"] {
      let model = checkpoint.model
      let shape = [model.numLayers, loader.batchSize, model.hiddenSize]
      let cell = checkpoint.trainingTensors["state.cell"]
      guard hidden.shape == shape else { throw refuse("tensor 'training.state.hidden' is \(hidden.shape), the run needs \(shape)") }
      guard (cell != nil) == model.kind.hasCellState, cell.map({ $0.shape == shape }) ?? true else {
        throw refuse("tensor 'training.state.cell' does not fit a \(model.kind.displayName) state of shape \(shape)")
      }
      guard hidden.scalars.allSatisfy(\.isFinite), cell?.scalars.allSatisfy(\.isFinite) ?? true else {
        throw refuse("the saved state holds non-finite values")
      }
      state = RecurrentState(hidden: hidden, cell: cell)
    }
    return (partial, state)
  }

  /// One epoch's progress line, with the resident memory after it (0 where it is unknown).
  static func describe(_ r: EpochReport, of epochs: Int, resident: Int = 0) -> String {
    let bar = ProgressLine.bar(Double(r.epoch) / Double(epochs), width: 16)
    let epoch = String(repeating: " ", count: max(0, String(epochs).count - String(r.epoch).count)) + "\(r.epoch)"
    let line = tr("train.readout", [
      "epoch": epoch, "epochs": epochs, "bar": bar, "perplexity": pad(Num.fixed(r.perplexity, 3), 7),
      "speed": pad(Num.int(Int(r.tokensPerSecond.rounded())), 9),
    ])
    return resident > 0 ? line + "  " + megabytes(resident) : line
  }

  /// `text` right-aligned in `width` columns.
  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  /// Memory in MB, with the language's decimal separator: `41.6 MB` / `41,6 MB`.
  static func megabytes(_ bytes: Int) -> String { Num.fixed(Double(bytes) / 1_048_576, 1) + " MB" }

  /// Prints a line, broken at spaces to fit the terminal (80 columns off a terminal); in a
  /// lesson, through the step's output, so that the step cache keeps it.
  private func say(_ text: String) {
    guard !json else { return }
    if let step = StepOutput.running { return step.say(text) }
    Console.write(LineFitter.fitLines(text, width: Console.width) + "\n")
  }
}

/// Why a training run cannot start or resume, worded for the learner.
public struct TrainingRunError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
