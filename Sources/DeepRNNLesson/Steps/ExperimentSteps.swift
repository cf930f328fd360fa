import CourseKit
import D2L
import LessonEngine

/// Exercise 2 in miniature: RNN, GRU and LSTM under one budget.
public enum ExperimentCellsStep: ExperimentStep {
  public static let id = "experiment-cells"
  public static var summary: String { tr("experimentCells.summary") }

  public static func run(_ budget: ExperimentBudget, _ out: StepOutput) throws -> ExperimentReport {
    try ExperimentSteps.reportingErrors {
      let log = ExperimentSteps.log(out)
      // ANCHOR: experiment-cells
      // one budget for all three cells
      let experiment = CellComparison(budget: budget, cells: [.rnn, .gru, .lstm])
      let report = try experiment.run(log: log, shouldStop: { false })
      // ANCHOR_END: experiment-cells
      ExperimentSteps.show(report, out, exercise: 2)
      return report
    }
  }
}

/// Exercise 3 in miniature: one to four of Wells' novels.
public enum ExperimentBooksStep: ExperimentStep {
  public static let id = "experiment-books"
  public static var summary: String { tr("experimentBooks.summary") }

  public static func run(_ budget: ExperimentBudget, _ out: StepOutput) throws -> ExperimentReport {
    try ExperimentSteps.reportingErrors {
      let log = ExperimentSteps.log(out)
      // ANCHOR: experiment-books
      // expTokens per book
      let experiment = BookScaling(budget: budget, books: BookCatalog.wells)
      let report = try experiment.run(log: log, shouldStop: { false })
      // ANCHOR_END: experiment-books
      ExperimentSteps.show(report, out, exercise: 3)
      return report
    }
  }
}

/// Exercise 4 in miniature: Wells alone vs Wells among other authors.
public enum ExperimentAuthorsStep: ExperimentStep {
  public static let id = "experiment-authors"
  public static var summary: String { tr("experimentAuthors.summary") }

  public static func run(_ budget: ExperimentBudget, _ out: StepOutput) throws -> ExperimentReport {
    try ExperimentSteps.reportingErrors {
      let log = ExperimentSteps.log(out)
      // ANCHOR: experiment-authors
      // expTokens per setting, shared by its books
      let experiment = AuthorMixing(
        budget: budget, wells: BookCatalog.wells, others: BookCatalog.others)
      let report = try experiment.run(log: log, shouldStop: { false })
      // ANCHOR_END: experiment-authors
      ExperimentSteps.show(report, out, exercise: 4)
      return report
    }
  }
}

/// An experiment in miniature: its input is a budget made from the `exp…` parameters, its
/// output the experiment's report.
public protocol ExperimentStep: LessonStep where Input == ExperimentBudget, Output == ExperimentReport {}

extension ExperimentStep {
  public static var parameters: [StepParameter] { ExperimentSteps.parameters }

  public static func input(_ values: StepValues, _ results: StepResults) -> ExperimentBudget {
    ExperimentSteps.budget(values)
  }
}

/// What the three experiment steps share: their parameters, budget, log and report.
public enum ExperimentSteps {
  /// The parameters every experiment step takes; named `exp…` so that `--set epochs=…` for
  /// the chapter's training run does not also resize the experiments.
  public static let parameters: [StepParameter] = [
    .integer("expLayers", 1...4, tr("help.expLayers")),
    .integer("expHidden", 1...512, tr("help.expHidden")),
    .integer("expEpochs", 1...1000, tr("help.expEpochs")),
    .integer("expTokens", 0...10_000_000, tr("help.expTokens")),
    .integer("expHeldOut", 2...100_000, tr("help.expHeldOut")),
  ]

  /// The step's sizes as an experiment budget: the chapter's optimiser and minibatches, and
  /// a GRU where one cell is trained (as `lessons experiment deep-rnn:3` and `4` do by default).
  public static func budget(_ values: StepValues) -> ExperimentBudget {
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
  public static func log(_ context: StepOutput) -> ExperimentLog {
    // One line per setting as it starts; its numbers come once, in the report's table.
    var log = ExperimentLog(interactive: false, epochLines: false) { context.say($0) }
    log.settingSummaries = false
    return log
  }

  /// The report as the command prints it, and how to run it at full size.
  public static func show(_ report: ExperimentReport, _ context: StepOutput, exercise: Int) {
    ExperimentPresentation.show(report, context)
    context.say()
    context.say("  " + tr("experiment.tiny", ["exercise": exercise]))
  }

  /// Turns an experiment's failure (a missing book, diverged training) into the step's
  /// error, which the runner reports as `FILE:LINE: step '…': reason`.
  public static func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
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
