import D2L
import Foundation
import LessonEngine

/// One training run as the `train` command and the lesson's training step show it: a live
/// readout (epoch, perplexity, tokens/s, a progress bar), the summary, and the predictions.
/// Ctrl-C stops after the current minibatch; the `train` command's run then saves a checkpoint
/// that `--resume` continues.
public struct TrainingRun {
  public var configuration: TrainingConfiguration
  public var savePath: String?
  public var resumePath: String?
  public var json = false
  /// Prefixes to predict from at the end, as the chapter does.
  public var prefixes = ["time traveller", "traveller"]
  /// What the book reports for this run, drawn beside the curve (the lesson's `published`).
  public var reference: PublishedResult?
  /// At most this many plain progress lines in a transcript (not on a terminal).
  public var transcriptLines = 25
  /// Where an interrupted run saves itself when no --save was given.
  public static let interruptedPath = "interrupted.safetensors"
  /// Whether Ctrl-C saves a checkpoint that `lessons train --resume` continues (the `train`
  /// command's runs). A lesson's step cannot be resumed, so it just stops: a file left in the
  /// learner's folder, with advice for another command, would only puzzle.
  public var resumable = false
  /// With `resumePath`: the run's total epochs, when they should differ from the checkpoint's
  /// (a finished run trained further).
  public var resumedEpochs: Int?

  public init(
    configuration: TrainingConfiguration, savePath: String? = nil, resumePath: String? = nil, json: Bool = false,
    prefixes: [String] = ["time traveller", "traveller"], reference: PublishedResult? = nil
  ) {
    self.configuration = configuration
    self.savePath = savePath
    self.resumePath = resumePath
    self.json = json
    self.prefixes = prefixes
    self.reference = reference
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

  /// Trains, showing the readout, saving when asked, and predicting at the end: the phases
  /// below, in order.
  /// - Throws: `TrainingRunError` for unusable data or checkpoints, `LessonInterrupted` after
  ///   Ctrl-C (once the interrupted run is saved), and the library's errors.
  @discardableResult
  public func run() throws -> Outcome {
    let wallStart = Date()
    let (configuration, resumed) = try startingPoint()
    // A resumed bf16 checkpoint brings its precision: refuse it here, in one line, on a CPU
    // without bf16 kernels, rather than stopping inside the library.
    try configuration.precision.checkAvailable()
    let (data, setup) = try setUp(configuration, resuming: resumed)
    let trainer = setup.makeTrainer()
    if let resumed { try resume(trainer, from: resumed, loader: setup.loader) }
    announce(configuration, data: data)
    let (interrupted, resident) = try trainEpochs(trainer, configuration)
    let checkpoint = ModelCheckpoint(
      model: setup.model, vocab: data.vocab, configuration: configuration, history: trainer.history)
    try save(checkpoint, trainer: trainer, interrupted: interrupted)
    let predictions = prefixes.map { ($0, setup.model.predict(prefix: $0, count: 50, vocab: data.vocab)) }
    let wall = Date().timeIntervalSince(wallStart)
    let ending = Ending(
      history: trainer.history, predictions: predictions, wall: wall, interrupted: interrupted,
      unfinished: interrupted ? trainer.partial : nil, resident: resident, minibatches: setup.loader.numBatches)
    if json { try reportJSON(ending) } else { report(ending) }
    if interrupted { throw LessonInterrupted(tr("train.interruptedShort", ["epoch": trainer.nextEpoch])) }
    return Outcome(
      model: setup.model, vocab: data.vocab, history: trainer.history, predictions: predictions, wallSeconds: wall,
      interrupted: interrupted)
  }

  /// What a run of a model made elsewhere (a scratch one) produced.
  public struct ModelOutcome {
    public let model: any LanguageModel
    public let vocab: Vocab
    public let history: [EpochReport]
    public let predictions: [(prefix: String, text: String)]
    public let wallSeconds: Double

    public init(
      model: any LanguageModel, vocab: Vocab, history: [EpochReport], predictions: [(prefix: String, text: String)],
      wallSeconds: Double
    ) {
      (self.model, self.vocab, self.history, self.predictions, self.wallSeconds) = (model, vocab, history, predictions, wallSeconds)
    }
  }

  /// D2L's `train_ch8` on `model` (e.g. `RNNModelScratch`) with the configuration's data and
  /// settings, with the same readout, summary and predictions as `run()`. The model is not
  /// saved, and cannot be resumed: Ctrl-C ends the step.
  @discardableResult
  public func run(training model: any LanguageModel) throws -> ModelOutcome {
    let wallStart = Date()
    let (data, setup) = try setUp(configuration, resuming: nil)
    guard model.vocabSize == data.vocab.count else { throw TrainingRunError(tr("train.error.vocabulary")) }
    let trainer = Trainer(model: model, loader: setup.loader, configuration: configuration)
    announce(configuration, data: data)
    let (interrupted, resident) = try trainEpochs(trainer, configuration)
    let predictions = prefixes.map { ($0, model.predict(prefix: $0, count: 50, vocab: data.vocab)) }
    let wall = Date().timeIntervalSince(wallStart)
    report(Ending(
      history: trainer.history, predictions: predictions, wall: wall, interrupted: interrupted,
      unfinished: interrupted ? trainer.partial : nil, resident: resident, minibatches: setup.loader.numBatches))
    if interrupted { throw LessonInterrupted(tr("train.interruptedShort", ["epoch": trainer.nextEpoch])) }
    return ModelOutcome(model: model, vocab: data.vocab, history: trainer.history, predictions: predictions, wallSeconds: wall)
  }

  /// The configuration to train with and the checkpoint to go on from: the run's own, or the
  /// one saved in `--resume`'s checkpoint.
  private func startingPoint() throws -> (TrainingConfiguration, ModelCheckpoint?) {
    guard let resumePath else { return (configuration, nil) }
    let checkpoint = try ModelCheckpoint.load(from: URL(fileURLWithPath: resumePath))
    guard var saved = checkpoint.configuration else {
      throw TrainingRunError(tr("train.error.noConfiguration", ["path": resumePath]))
    }
    if let resumedEpochs { saved.epochs = resumedEpochs }
    // Nothing left to train is said, rather than reprinting the stored run as if it had run.
    let done = checkpoint.history.count
    if done >= saved.epochs && checkpoint.trainingMetadata["partial"] == nil {
      throw TrainingRunError(tr("train.error.finished", ["path": resumePath, "epochs": done, "more": done + 1]))
    }
    return (saved, checkpoint)
  }

  /// The corpus, the loader and the model (fresh, or the resumed one), checked to fit.
  private func setUp(_ configuration: TrainingConfiguration, resuming resumed: ModelCheckpoint?) throws
    -> (TrainingData, TrainingSetup)
  {
    let data = try TrainingData.load(books: configuration.books, maxTokens: configuration.maxTokens)
    let setup = TrainingSetup(
      configuration: configuration, corpus: data.corpus, vocabSize: data.vocab.count, model: resumed?.model)
    guard setup.hasData else {
      throw TrainingRunError(tr("train.error.tooShort", ["data": data.description, "batch": configuration.batchSize, "steps": configuration.numSteps]))
    }
    if let resumed, resumed.vocab != data.vocab { throw TrainingRunError(tr("train.error.vocabulary")) }
    return (data, setup)
  }

  /// Puts the trainer where the checkpoint's run stopped, and says so.
  private func resume(_ trainer: Trainer, from resumed: ModelCheckpoint, loader: SeqDataLoader) throws {
    let path = resumePath!
    let (partial, state) = try Self.progress(of: resumed, path: path, loader: loader)
    trainer.resume(history: resumed.history, partial: partial, state: state)
    say(partial.map { tr("train.resumingAt", ["path": path, "epoch": trainer.nextEpoch, "minibatch": $0.completedSteps + 1]) }
      ?? tr("train.resuming", ["path": path, "epoch": trainer.nextEpoch]))
  }

  /// The model, the data and the settings, before the first epoch.
  private func announce(_ configuration: TrainingConfiguration, data: TrainingData) {
    say(tr("train.model", [
      "layers": configuration.numLayers, "cell": configuration.cell.displayName, "hidden": configuration.hiddenSize,
      "data": data.description,
    ]))
    say(tr("train.settings", [
      "batch": configuration.batchSize, "steps": configuration.numSteps, "lr": Num.compact(configuration.learningRate),
      "clip": Num.compact(configuration.clipNorm), "order": tr(configuration.useRandomIter ? "train.random" : "train.sequential"),
      "epochs": Num.int(configuration.epochs) + " " + tr(configuration.epochs == 1 ? "word.epoch" : "word.epochs"),
    ]))
    if configuration.precision == .bf16 { say(tr("train.bf16")) }
  }

  /// The epochs, with the live readout (a line redrawn on a terminal, every few epochs in a
  /// transcript). Returns whether Ctrl-C stopped it, and the resident memory after each epoch.
  private func trainEpochs(_ trainer: Trainer, _ configuration: TrainingConfiguration) throws -> (interrupted: Bool, resident: [Int]) {
    let every = max(1, configuration.epochs / max(transcriptLines, 1))
    if !(Console.isTerminal && !json), every > 1 {
      say(tr("train.every", ["every": every]))
    }
    let line = ProgressLine(interactive: Console.isTerminal && !json)
    // In a walk on a terminal, the perplexity curve drawn in place (LiveChart), beside D2L's.
    let live = json ? nil : LiveChart.start(name: tr("word.perplexity"), epochs: configuration.epochs, level: referenceLevel)
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
    if interrupted && line.interactive { line.finish("") }
    live?.finish()
    if !json, let step = StepOutput.running { showCurve(trainer.history, step) }
    return (interrupted, resident)
  }

  /// Saves the run: an interrupted one with where it stopped (to `--save`, or
  /// `interrupted.safetensors`), a finished one to `--save` when given.
  private func save(_ checkpoint: ModelCheckpoint, trainer: Trainer, interrupted: Bool) throws {
    if interrupted {
      guard resumable || savePath != nil else { return }
      var saved = checkpoint
      if let p = trainer.partial { saved.trainingMetadata["partial"] = String(decoding: try JSONEncoder().encode(p), as: UTF8.self) }
      if let s = trainer.state {
        saved.trainingTensors["state.hidden"] = s.hidden
        if let c = s.cell { saved.trainingTensors["state.cell"] = c }
      }
      let path = savePath ?? Self.interruptedPath
      try saved.save(to: URL(fileURLWithPath: path))
      Console.error(tr("train.interrupted", ["epoch": trainer.nextEpoch, "minibatch": trainer.partial?.completedSteps ?? 0, "path": path]))
      Console.error(tr("train.continue", ["path": path]))
    } else if let savePath {
      try checkpoint.save(to: URL(fileURLWithPath: savePath))
      say(tr("train.saved", ["path": savePath]))
    }
  }

  /// What the summary reports.
  private struct Ending {
    let history: [EpochReport]
    let predictions: [(String, String)]
    let wall: Double
    let interrupted: Bool
    /// An interrupted epoch, reported as far as it got, so that even a run stopped in its
    /// first epoch prints a summary.
    let unfinished: EpochProgress?
    let resident: [Int]
    let minibatches: Int

    var unfinishedPerplexity: Double? { unfinished.map { Foundation.exp($0.lossSum / Double(max($0.tokens, 1))) } }
    var medianSpeed: Double? { history.isEmpty ? nil : history.map(\.tokensPerSecond).sorted()[history.count / 2] }
  }

  /// The summary as one JSON object (`--json`).
  private func reportJSON(_ ending: Ending) throws {
    let peak = MemoryUsage.current().peakBytes
    var object: [String: Any] = [
      "epochs": ending.history.count, "wall_seconds": ending.wall, "interrupted": ending.interrupted,
      "predictions": Dictionary(uniqueKeysWithValues: ending.predictions.map { ($0.0, $0.1) }),
    ]
    object["peak_memory_bytes"] = peak
    let resident = ending.resident
    if let first = resident.first, let last = resident.last {
      object["resident_bytes_after_first_epoch"] = first
      object["resident_bytes_after_last_epoch"] = last
      object["resident_bytes_min"] = resident.min()
      object["resident_bytes_max"] = resident.max()
    }
    if let last = ending.history.last {
      object["perplexity"] = last.perplexity
      object["tokens_per_sec_median"] = ending.medianSpeed
    }
    if let unfinished = ending.unfinished, let unfinishedPerplexity = ending.unfinishedPerplexity {
      object["unfinished_epoch"] = [
        "epoch": unfinished.epoch, "minibatches": unfinished.completedSteps, "of": ending.minibatches,
        "perplexity_so_far": unfinishedPerplexity,
      ] as [String: Any]
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    Console.write(String(decoding: data, as: UTF8.self) + "\n")
  }

  /// The summary as text: perplexity and speed, an unfinished epoch, memory, predictions.
  private func report(_ ending: Ending) {
    let peak = MemoryUsage.current().peakBytes
    if let last = ending.history.last, let speed = ending.medianSpeed {
      say(tr("train.result", [
        "perplexity": Num.fixed(last.perplexity, 2),
        "epochs": Num.int(ending.history.count) + " " + tr(ending.history.count == 1 ? "word.epoch" : "word.epochs"),
        "speed": Num.int(Int(speed.rounded())), "wall": Num.fixed(ending.wall, 1),
      ]))
    }
    if let unfinished = ending.unfinished, let unfinishedPerplexity = ending.unfinishedPerplexity {
      say(tr("train.unfinished", [
        "epoch": unfinished.epoch, "done": unfinished.completedSteps, "of": ending.minibatches,
        "perplexity": Num.fixed(unfinishedPerplexity, 2),
      ]))
    }
    let resident = ending.resident
    if let first = resident.first, let last = resident.last, let low = resident.min(), let high = resident.max() {
      // The range over all epochs shows whether memory grows, beyond the two ends.
      say(tr("train.memory", ["peak": Self.megabytes(peak), "first": Self.megabytes(first), "last": Self.megabytes(last)])
            + (resident.count > 2 ? tr("train.memoryRange", ["low": Self.megabytes(low), "high": Self.megabytes(high), "count": resident.count]) : ""))
    }
    for (prefix, text) in ending.predictions { say("predict(\"\(prefix)\"): \(text)") }
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
