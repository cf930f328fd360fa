import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons experiment LESSON:NAME`: a lesson's exercise answered by measurement, or another
/// of its experiments, as the lesson registers them (`Lesson.experiments`).
struct ExperimentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "experiment",
    abstract: "Run a lesson's experiment, measured: a table, curves, JSON/CSV/SVG results.",
    discussion: """
      An experiment is named LESSON:NAME (NAME is an exercise's number, or a word); a bare \
      NAME means the --lesson given, else the only lesson that has it. `lessons exercises` \
      lists each lesson's experiments with the command that runs them. Every setting shares \
      the sizes below; unset options take the experiment's defaults, chosen to finish in a \
      few minutes on 2 cores in a release build. Books come from $D2L_DATA_DIR; held-out \
      text (the end of every book) is never trained on.
      """)

  @Argument(help: "The experiment: LESSON:NAME, or NAME.")
  var experiment: String

  @Option(help: "The lesson a bare NAME belongs to.")
  var lesson: String?

  @Option(name: .customLong("max-layers"), help: "An experiment over depth: train 1 to this many stacked layers (default 4).")
  var maxLayers: Int?

  @Flag(help: "Print the results as JSON on standard output (progress goes to standard error).")
  var json = false

  @Option(help: "Recurrent cell of every setting: lstm, gru or rnn (an experiment that compares cells takes none).")
  var cell: CellKind?

  @Option(help: "Stacked recurrent layers.")
  var layers: Int?

  @Option(help: "Hidden units per layer.")
  var hidden: Int?

  @Option(help: "Training epochs of every setting.")
  var epochs: Int?

  @Option(name: .customLong("train-tokens"), help: "Training tokens: per setting (2, 4) or per book (3); 0 = all.")
  var trainTokens: Int?

  @Option(name: .customLong("held-out"), help: "Tokens held out at the end of every book.")
  var heldOut: Int?

  @Option(help: "Stop a setting's training after this many seconds (checked after each epoch).")
  var seconds: Double?

  @Flag(name: .customLong("same-updates"), help: "As many minibatches for every setting (fewer epochs for more data), where the experiment reads it.")
  var sameUpdates = false

  @Option(help: "SGD learning rate for every cell (default: 2, and 1 for the vanilla RNN, which diverges at 2).")
  var lr: Float?

  @Option(name: .customLong("batch-size"), help: "Sequences per minibatch.")
  var batchSize: Int?

  @Option(name: .customLong("num-steps"), help: "Time steps per sequence.")
  var numSteps: Int?

  @Option(help: "Seed for the initial weights and the minibatch order.")
  var seed: UInt64?

  @Option(help: "Folder for the results (JSON, CSV, SVG).")
  var out: String = Workspace.defaultResultsPath

  @OptionGroup var language: LanguageOption

  /// The experiment named, with its lesson.
  func chosen() throws -> ExperimentPlugin {
    let context = try lesson.map { name in
      try course.lesson(named: name) ?? { throw ValidationError(CourseNameError.noLesson(name, lessons: course.lessons.map(\.name)).description) }()
    }
    do {
      let (owner, name) = try course.resolve(experiment, kind: "experiment", context: context) { $0.experimentPlugins.map(\.name) }
      return owner.experimentPlugins.first { $0.name == name }!
    } catch let error as CourseNameError {
      throw ValidationError(error.description)
    }
  }

  func validate() throws {
    try language.apply()
    func range(_ option: String, _ low: Int, _ high: Int, _ value: Any) -> ValidationError {
      ValidationError(tr("experimentCommand.range", ["option": option, "low": low, "high": high, "value": value]))
    }
    let plugin = try chosen()
    let given: [(ExperimentPlugin.Option, Bool)] = [
      (.cell, cell != nil), (.layers, layers != nil), (.maxLayers, maxLayers != nil), (.sameUpdates, sameUpdates),
    ]
    for (option, isGiven) in given where isGiven && !plugin.options.contains(option) {
      throw ValidationError(tr("experimentCommand.option", [
        "option": option.rawValue, "name": experiment,
        "options": plugin.options.map { "--" + $0.rawValue }.sorted().joined(separator: ", "),
      ]))
    }
    if let maxLayers, !(1...8).contains(maxLayers) { throw range("--max-layers", 1, 8, maxLayers) }
    if let layers, !(1...8).contains(layers) { throw range("--layers", 1, 8, layers) }
    if let hidden, !(1...2048).contains(hidden) { throw range("--hidden", 1, 2048, hidden) }
    if let epochs, !(1...100_000).contains(epochs) { throw range("--epochs", 1, 100000, epochs) }
    if let trainTokens, trainTokens < 0 { throw ValidationError(tr("experimentCommand.trainTokens", ["value": trainTokens])) }
    if let heldOut, !(2...1_000_000).contains(heldOut) { throw range("--held-out", 2, 1000000, heldOut) }
    if let seconds, !(seconds > 0 && seconds <= 86_400) { throw ValidationError(tr("experimentCommand.seconds", ["value": seconds])) }
    if let lr, !(lr.isFinite && lr > 0) { throw ValidationError(tr("experimentCommand.lr", ["value": lr])) }
    if let batchSize, !(1...4096).contains(batchSize) { throw range("--batch-size", 1, 4096, batchSize) }
    if let numSteps, !(1...10_000).contains(numSteps) { throw range("--num-steps", 1, 10000, numSteps) }
    guard !out.isEmpty else { throw ValidationError(tr("experimentCommand.out")) }
  }

  /// The experiment's default budget with the options given on the command line.
  func budget(_ plugin: ExperimentPlugin) -> ExperimentBudget {
    var b = plugin.defaultBudget
    if let cell { b.cell = cell }
    if let layers { b.numLayers = layers }
    if let hidden { b.hiddenSize = hidden }
    if let epochs { b.epochs = epochs }
    if let trainTokens { b.trainTokens = trainTokens }
    if let heldOut { b.heldOutTokens = heldOut }
    if let seconds { b.secondsPerSetting = seconds }
    if let lr {
      // One rate for every cell: the per-cell defaults give way.
      b.learningRate = lr
      b.learningRates = [:]
    }
    if let batchSize { b.batchSize = batchSize }
    if let numSteps { b.numSteps = numSteps }
    if let seed { b.seed = seed }
    b.sameUpdates = sameUpdates
    return b
  }

  func run() throws {
    // With --json, standard output carries the JSON alone; what a learner reads goes to standard error.
    let say: (String) -> Void = json ? { Console.error($0) } : { Console.write($0 + "\n") }
    let log = json ? ExperimentLog(interactive: false, epochLines: true, write: say) : .console
    do {
      let plugin = try chosen()
      let values: [ExperimentPlugin.Option: Int] = maxLayers.map { [.maxLayers: $0] } ?? [:]
      let outcome = try Interrupt.catching {
        try plugin.measure(budget(plugin), values, log, { Interrupt.wasRequested })
      }
      let (report, summary) = (outcome.report, outcome.summaryJSON)
      for line in ExperimentPresentation.lines(report, width: Console.width) {
        say(LineFitter.fitLines(line, width: Console.width))
      }
      let paths = try ExperimentFiles.save(report, to: out)
      say("\n" + tr("command.saved", ["seconds": Num.fixed(report.wallSeconds, 0)]))
      for path in paths { say("  \(path)") }
      if json { Console.write((try summary ?? ExperimentFiles.json(report)) + "\n") }
    } catch let error as ExperimentInterrupted {
      Console.error("\n\(error)")
      throw ExitCode(130)
    } catch {
      Console.error(tr("command.error", ["error": LibraryErrorText.words(error)]))
      throw ExitCode.failure
    }
  }
}
