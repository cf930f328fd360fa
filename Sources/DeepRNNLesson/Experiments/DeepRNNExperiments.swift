import CourseKit
import D2L
import LessonEngine

/// The lesson's experiments as `lessons experiment` runs them: exercises 2-4 (`deep-rnn:2` …),
/// answered by measurement, and the chapter's own question, `deep-rnn:depth`.
enum DeepRNNExperiments {
  static let all: [any LessonExperiment] = [
    ExperimentPlugin.of(CellComparison.self, options: [.layers]) { CellComparison(budget: $0) },
    ExperimentPlugin.of(BookScaling.self, options: [.cell, .layers, .sameUpdates]) { BookScaling(budget: $0) },
    ExperimentPlugin.of(AuthorMixing.self) { AuthorMixing(budget: $0) },
    ExperimentPlugin(
      name: DepthExperiment.name, title: { DepthExperiment.title }, defaultBudget: DepthExperiment.defaultBudget,
      options: [.cell, .maxLayers]
    ) { budget, values, log, shouldStop in
      let experiment = DepthExperiment(budget: budget, maxLayers: values[.maxLayers] ?? 4)
      let outcome = try experiment.measure(log: log, shouldStop: shouldStop)
      return .init(report: outcome.report, summaryJSON: try DepthSummary(outcome).json())
    },
  ]
}
