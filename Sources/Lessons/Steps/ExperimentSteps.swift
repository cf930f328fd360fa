import D2L

/// Exercises 2-4 in the lesson: each experiment with tiny sizes (seconds, not minutes), to
/// show what `lessons experiment N` measures at full size.
enum ExperimentSteps {
  static let all: [StepDefinition] = [cells, books, authors]

  /// The parameters every experiment step takes; named `exp…` so that `--set epochs=…` for
  /// the chapter's training run does not also resize the experiments.
  static let parameters: [StepParameter] = [
    .integer("expLayers", 1...4, "stacked layers of every setting"),
    .integer("expHidden", 1...512, "hidden units of every setting"),
    .integer("expEpochs", 1...1000, "epochs of every setting"),
    .integer("expTokens", 0...10_000_000, "training tokens (per setting; per book for experiment-books; 0 = all)"),
    .integer("expHeldOut", 2...100_000, "tokens held out at the end of every book"),
  ]

  static let cells = StepDefinition(
    id: "experiment-cells", summary: "exercise 2 in miniature: RNN, GRU and LSTM under one budget",
    parameters: parameters, requires: []
  ) { context, values in
    try reportingErrors { try runCells(context, values) }
  }

  static func runCells(_ context: LessonContext, _ values: StepValues) throws {
    let log = ExperimentSteps.log(context)
    // ANCHOR: experiment-cells
    let budget = ExperimentSteps.budget(values)  // the same sizes, epochs and seed for every cell
    let experiment = CellComparison(budget: budget, cells: [.rnn, .gru, .lstm])
    let report = try experiment.run(log: log, shouldStop: { false })
    // ANCHOR_END: experiment-cells
    ExperimentSteps.show(report, context, exercise: 2)
  }

  static let books = StepDefinition(
    id: "experiment-books", summary: "exercise 3 in miniature: one to four of Wells' novels",
    parameters: parameters, requires: []
  ) { context, values in
    try reportingErrors { try runBooks(context, values) }
  }

  static func runBooks(_ context: LessonContext, _ values: StepValues) throws {
    let log = ExperimentSteps.log(context)
    // ANCHOR: experiment-books
    let budget = ExperimentSteps.budget(values)  // expTokens from each book
    let experiment = BookScaling(budget: budget, books: BookCatalog.wells)
    let report = try experiment.run(log: log, shouldStop: { false })
    // ANCHOR_END: experiment-books
    ExperimentSteps.show(report, context, exercise: 3)
  }

  static let authors = StepDefinition(
    id: "experiment-authors", summary: "exercise 4 in miniature: Wells alone vs Wells among other authors",
    parameters: parameters, requires: []
  ) { context, values in
    try reportingErrors { try runAuthors(context, values) }
  }

  static func runAuthors(_ context: LessonContext, _ values: StepValues) throws {
    let log = ExperimentSteps.log(context)
    // ANCHOR: experiment-authors
    let budget = ExperimentSteps.budget(values)  // expTokens per setting, shared by its books
    let experiment = AuthorMixing(budget: budget, wells: BookCatalog.wells, others: BookCatalog.others)
    let report = try experiment.run(log: log, shouldStop: { false })
    // ANCHOR_END: experiment-authors
    ExperimentSteps.show(report, context, exercise: 4)
  }

  /// The step's sizes as an experiment budget: the chapter's optimiser and minibatches, and
  /// a GRU where one cell is trained (as `lessons experiment 3` and `4` do by default).
  static func budget(_ values: StepValues) -> ExperimentBudget {
    var budget = ExperimentBudget()
    budget.cell = .gru
    budget.numLayers = values.int("expLayers")
    budget.hiddenSize = values.int("expHidden")
    budget.epochs = values.int("expEpochs")
    budget.trainTokens = values.int("expTokens")
    budget.heldOutTokens = values.int("expHeldOut")
    return budget
  }

  /// A line per setting (not per epoch) into the lesson's output.
  static func log(_ context: LessonContext) -> ExperimentLog {
    ExperimentLog(interactive: false, epochLines: false) { context.say($0) }
  }

  /// The report as the command prints it, and how to run it at full size.
  static func show(_ report: ExperimentReport, _ context: LessonContext, exercise: Int) {
    for line in ExperimentPresentation.lines(report, width: context.width) { context.say(line) }
    context.say()
    context.say("  Tiny sizes, so tiny conclusions. The full experiment: `lessons experiment \(exercise)` (2-4 minutes).")
  }

  /// Turns an experiment's failure (a missing book, diverged training) into the step's
  /// error, which the runner reports as `FILE:LINE: step '…': reason`.
  static func reportingErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as StepError {
      throw error
    } catch let error as ExperimentError {
      if case let .missingData(file, reason) = error {
        throw StepError(error.description, missingData: (file, reason))
      }
      throw StepError(error.description)
    } catch {
      throw StepError("\(error)")
    }
  }
}
