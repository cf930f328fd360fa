import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons train`: the chapter's training run (`train_ch8`), or any variation of it.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a character-level RNN language model (defaults: the chapter's run).",
    discussion: """
      The defaults reproduce the chapter: a 2-layer LSTM with 256 hidden units on the first \
      10,000 characters of The Time Machine, batch 32, 35 steps, SGD with learning rate 2, \
      gradient clipping to norm 1, sequential minibatches, 500 epochs.
      """)

  @OptionGroup var model: ModelOptions
  @OptionGroup var language: LanguageOption

  @Option(name: .customLong("model"), help: "rnn (the chapter's language model) or seq2seq (the book's English-French run: embed 32, hidden 32, 2-layer GRU, dropout 0.1, batch 64, 10 steps, Adam; of the other options --epochs, --lr, --clip, --seed, --save and --json apply).")
  var modelKind: ModelKind = .rnn

  @Option(parsing: .unconditional, help: "Training epochs (default 500; seq2seq 300).")
  var epochs: Int?

  @Option(parsing: .unconditional, help: "Learning rate (default: SGD's 2; seq2seq: Adam's 0.005).")
  var lr: Float?

  @Option(name: .customLong("clip"), parsing: .unconditional, help: "Gradient clipping: the largest global gradient norm.")
  var clipNorm: Float = 1

  @Option(name: .customLong("iter"), help: "Minibatch sampling: sequential or random.")
  var iteration: Sampling = .sequential

  @Option(name: .customLong("max-tokens"), parsing: .unconditional, help: "Keep the first N character tokens (0 or less: all).")
  var maxTokens: Int = 10_000

  @Option(parsing: .upToNextOption, help: "Train on these text files (Project Gutenberg markers honoured) instead of The Time Machine.")
  var books: [String] = []

  @Option(parsing: .unconditional, help: "Seed for the initial weights and the minibatch order.")
  var seed: UInt64 = 0

  @Option(help: "Save the trained model (safetensors) to this file.")
  var save: String?

  @Option(help: "Continue the run saved in this checkpoint (written by --save or an interrupt).")
  var resume: String?

  @Flag(help: "Print one JSON object with the final figures instead of text.")
  var json = false

  @Option(help: "The lesson whose published result the chart draws beside the curve (default: the course's first).")
  var lesson: String?

  enum Sampling: String, ExpressibleByArgument, CaseIterable { case sequential, random }

  func validate() throws {
    if let epochs, !(1...1_000_000).contains(epochs) {
      throw ValidationError(tr("option.range", ["option": "--epochs", "low": 1, "high": 1_000_000, "value": epochs]))
    }
    if let lr, !(lr.isFinite && lr > 0) { throw ValidationError(tr("option.positive", ["option": "--lr", "value": lr])) }
    guard clipNorm.isFinite && clipNorm > 0 else { throw ValidationError(tr("option.positive", ["option": "--clip", "value": clipNorm])) }
    for book in books where !FileManager.default.fileExists(atPath: book) {
      throw ValidationError(tr("option.noFile", ["option": "--books", "path": book]))
    }
    if let resume, !FileManager.default.fileExists(atPath: resume) {
      throw ValidationError(tr("option.noFile", ["option": "--resume", "path": resume]))
    }
    // Found out now, not after hours of training.
    if let save { try Self.checkWritable(save, option: "--save") }
    _ = try reference()
    // An option that cannot apply is refused by name rather than silently ignored.
    if modelKind == .seq2seq, let option = languageModelOptionsGiven().first {
      throw ValidationError(tr("option.notForSeq2Seq", ["option": option]))
    }
    if resume != nil, let option = (languageModelOptionsGiven().filter { $0 != "--resume" } + (lr != nil ? ["--lr"] : [])).first {
      throw ValidationError(tr("option.notWithResume", ["option": option]))
    }
  }

  /// The language model's options given other values than their defaults (`--resume` among
  /// them): what neither the seq2seq run nor a resumed run (whose checkpoint fixes them) takes.
  func languageModelOptionsGiven() -> [String] {
    let defaults = TrainingConfiguration(), c = model.configuration()
    let given: [(String, Bool)] = [
      ("--cell", c.cell != defaults.cell), ("--layers", c.numLayers != defaults.numLayers),
      ("--hidden", c.hiddenSize != defaults.hiddenSize), ("--bidirectional", c.bidirectional),
      ("--batch-size", c.batchSize != defaults.batchSize), ("--num-steps", c.numSteps != defaults.numSteps),
      ("--precision", c.precision != .fp32), ("--iter", iteration != .sequential), ("--max-tokens", maxTokens != 10_000),
      ("--books", !books.isEmpty), ("--lesson", lesson != nil), ("--resume", resume != nil),
    ]
    return given.filter(\.1).map(\.0)
  }

  /// The published result the chart draws: `--lesson`'s, else the course's first lesson's.
  func reference() throws -> PublishedResult? {
    guard let lesson else { return course.lessons.first?.published }
    guard let found = course.lesson(named: lesson) else {
      throw ValidationError(CourseNameError.noLesson(lesson, lessons: course.lessons.map(\.name)).description)
    }
    return found.published
  }

  /// Refuses a path whose folder is missing or read-only, or that names a folder.
  static func checkWritable(_ path: String, option: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw ValidationError(tr("option.isFolder", ["option": option, "path": path]))
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError(tr("option.noFolder", ["option": option, "folder": folder, "file": URL(fileURLWithPath: path).lastPathComponent]))
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw ValidationError(tr("option.notWritable", ["option": option, "folder": folder]))
    }
  }

  func trainingConfiguration() -> TrainingConfiguration {
    var c = model.configuration()
    c.epochs = epochs ?? 500
    c.learningRate = lr ?? 2
    c.clipNorm = clipNorm
    c.useRandomIter = iteration == .random
    c.maxTokens = maxTokens
    c.seed = seed
    c.books = books
    return c
  }

  /// The book's seq2seq run, with the options that apply to it.
  func seq2seqConfiguration() -> Seq2SeqConfiguration {
    var c = Seq2SeqConfiguration()
    if let epochs { c.epochs = epochs }
    if let lr { c.learningRate = lr }
    c.clipNorm = clipNorm
    c.seed = seed
    return c
  }

  func run() throws {
    // --precision is the recurrent language model's; the seq2seq run is FP32.
    if modelKind == .seq2seq { return try Seq2SeqCommands.train(seq2seqConfiguration(), save: save, json: json) }
    try model.checkPrecision()
    do {
      var run = TrainingRun(
        configuration: trainingConfiguration(), savePath: save, resumePath: resume, json: json, reference: try reference())
      run.resumable = true
      run.resumedEpochs = epochs  // --epochs with --resume: the run's new total
      try run.run()
    } catch is LessonInterrupted {
      throw ExitCode(130)
    } catch {
      Console.error(tr("command.error", ["error": LibraryErrorText.words(error)]))
      throw ExitCode.failure
    }
  }
}
