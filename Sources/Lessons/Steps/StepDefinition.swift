/// What a step directive runs: compiled Swift, since a terminal has no Swift interpreter. The
/// code a learner sees for a step is the region between `// ANCHOR: id` and `// ANCHOR_END: id`
/// in the step's source file, and a test checks that the lesson shows exactly that code.
struct StepDefinition {
  let id: String
  /// A one-line summary for `lessons list`.
  let summary: String
  /// The parameters the directive may set (each must get a default in the lesson file).
  let parameters: [StepParameter]
  /// Steps whose results this one uses (run quietly first by `--step`).
  let requires: [String]
  /// Runs the step: reads and extends the lesson's state, prints what it computed.
  let run: (LessonContext, StepValues) throws -> Void
}

/// Every step the lessons can use, by id.
enum StepRegistry {
  static let all: [StepDefinition] = DeepRNNSteps.all + ExerciseSteps.all + ExperimentSteps.all + DepthSteps.all

  static func definition(_ id: String) -> StepDefinition? { all.first { $0.id == id } }
}

/// A step that cannot run, e.g. because the data file is missing.
struct StepError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
