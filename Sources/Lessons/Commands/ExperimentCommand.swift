import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons experiment N`: exercises 2-4 of the chapter, answered by measurement.
struct ExperimentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "experiment",
    abstract: "Run exercise 2, 3 or 4, or the depth experiment, measured: a table, curves, JSON/CSV/SVG results.",
    discussion: """
      2: GRU vs LSTM vs vanilla RNN on The Time Machine, the same budget for each.
      3: The Time Machine, then more of Wells' novels: held-out perplexity as the data grows.
      4: Wells alone vs Wells mixed with other authors, the same number of training tokens.
      depth: 1 to --max-layers stacked layers of the same width, then the deepest against one \
      layer as wide as gives the same parameter count (a 128-unit GRU by default).
      Every setting shares the sizes below; unset options take the experiment's defaults, \
      chosen to finish in about 2-3 minutes on 2 cores in a release build: 2 trains the \
      chapter's 2-layer, 256-unit model; 3 and 4 a 2-layer, 128-unit GRU (in exercise 2 \
      the LSTM spends its first epochs on a plateau that a short run cannot afford). Books come from \
      $D2L_DATA_DIR. Held-out text (the end of every book) is never trained on.
      """)

  @Argument(help: "The exercise, 2, 3 or 4, or depth.")
  var exercise: String

  @Option(name: .customLong("max-layers"), help: "depth: train 1 to this many stacked layers (default 4).")
  var maxLayers: Int?

  @Flag(help: "Print the results as JSON on standard output (progress goes to standard error).")
  var json = false

  @Option(help: "Recurrent cell for exercises 3 and 4: lstm, gru (default) or rnn (exercise 2 trains all three).")
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

  @Flag(name: .customLong("same-updates"), help: "Exercise 3: as many minibatches for every setting (fewer epochs for more books).")
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
  var out: String = "results"

  @OptionGroup var language: LanguageOption

  func validate() throws {
    try language.apply()
    func range(_ option: String, _ low: Int, _ high: Int, _ value: Any) -> ValidationError {
      ValidationError(tr("experimentCommand.range", ["option": option, "low": low, "high": high, "value": value]))
    }
    guard Experiments.type(named: exercise) != nil else {
      throw ValidationError(tr("experimentCommand.which", ["value": exercise]))
    }
    if let maxLayers {
      guard exercise == DepthExperiment.name else { throw ValidationError(tr("experimentCommand.maxLayersDepthOnly")) }
      guard (1...8).contains(maxLayers) else { throw range("--max-layers", 1, 8, maxLayers) }
    }
    if exercise == DepthExperiment.name, layers != nil { throw ValidationError(tr("experimentCommand.depthLayers")) }
    if exercise == "2", cell != nil { throw ValidationError(tr("experimentCommand.noCell")) }
    if sameUpdates, exercise != "3" { throw ValidationError(tr("experimentCommand.sameUpdates")) }
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
  func budget() -> ExperimentBudget {
    var b = Experiments.type(named: exercise)!.defaultBudget
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
      let report: ExperimentReport
      var summary: String?
      if exercise == DepthExperiment.name {
        let experiment = DepthExperiment(budget: budget(), maxLayers: maxLayers ?? 4)
        let outcome = try Interrupt.catching { try experiment.measure(log: log, shouldStop: { Interrupt.wasRequested }) }
        report = outcome.report
        summary = try DepthSummary(outcome).json()
      } else {
        let experiment = Experiments.make(exercise: Int(exercise)!, budget: budget())!
        report = try Interrupt.catching { try experiment.run(log: log, shouldStop: { Interrupt.wasRequested }) }
      }
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
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}
